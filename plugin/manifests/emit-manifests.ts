/** Emits the manifests of one compilation, for each layer it builds. */
import type { Compilation, sources } from 'webpack';
import type { NormalizedPluginOptions } from '../options';
import { clientEntrypointsJson } from './client-entrypoints';
import { clientManifestJson, ssrManifestJson } from './client-manifests';
import type { CompilationSnapshot } from '../coordination/compilation-snapshot';
import type { ReusedText } from './reused-text';
import { collectServerFunctions, serverManifestFacts, serverManifestJson } from './server-manifest';

export function emitManifests(
  compilation: Compilation,
  options: NormalizedPluginOptions,
  self: CompilationSnapshot,
  all: CompilationSnapshot[],
  reusedServerManifest: ReusedText<sources.Source>,
): void {
  const { RawSource } = compilation.compiler.webpack.sources;
  if (self.layers.has('server')) {
    // The same source object as the last compilation's when the text would be the same: webpack then
    // knows the file is written already.
    const entries = collectServerFunctions(compilation);
    const source = reusedServerManifest.get(serverManifestFacts(entries, true), () => new RawSource(serverManifestJson(entries)));
    compilation.emitAsset(options.manifestFilename, source);
  }
  const referenced = new Set<string>();
  for (const snapshot of all) {
    for (const record of snapshot.clientComponentReferences.values()) {
      if (record.clientReferenceId) referenced.add(record.clientReferenceId);
    }
  }
  if (self.layers.has('browser')) {
    compilation.emitAsset(options.clientManifestFilename, new RawSource(clientManifestJson(compilation, referenced)));
    compilation.emitAsset(options.entrypointsFilename, new RawSource(clientEntrypointsJson(compilation)));
  }
  if (self.layers.has('ssr')) {
    const browser = all.find((snapshot) => snapshot.layers.has('browser'));
    const prefix = browser?.publicPath ?? self.publicPath;
    compilation.emitAsset(
      options.ssrManifestFilename,
      new RawSource(ssrManifestJson(compilation, referenced, prefix === 'auto' ? '' : prefix)),
    );
  }
}
