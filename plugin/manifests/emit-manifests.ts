/** Emits the manifests of one compilation, for each layer it builds. */
import type { Compilation } from 'webpack';
import type { NormalizedPluginOptions } from '../options';
import { clientEntrypointsJson } from './client-entrypoints';
import { clientManifestJson, ssrManifestJson } from './client-manifests';
import type { CompilationSnapshot } from '../coordination/compilation-snapshot';
import { collectServerFunctions, serverManifestJson } from './server-manifest';

export function emitManifests(
  compilation: Compilation,
  options: NormalizedPluginOptions,
  self: CompilationSnapshot,
  all: CompilationSnapshot[],
): void {
  const { RawSource } = compilation.compiler.webpack.sources;
  if (self.layers.has('server')) {
    const json = serverManifestJson(collectServerFunctions(compilation));
    compilation.emitAsset(options.manifestFilename, new RawSource(json));
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
