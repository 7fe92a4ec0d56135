/**
 * Adds the runtime module that holds the server manifest and the encryption keys
 * (manifests/manifest-runtime-module.ts) to each runtime chunk that runs server-layer code, in a
 * compilation that builds the server layer. When that runtime can load async chunks, it needs
 * webpack's chunk-filename function, with which the manifest names their files.
 */
import type { Chunk, Compiler } from 'webpack';
import { createManifestRuntimeModule, runsServerLayer } from '../manifests/manifest-runtime-module';
import { ReusedText } from '../manifests/reused-text';
import type { NormalizedPluginOptions } from '../options';
import type { PluginState } from '../plugin-state';
import { PLUGIN_NAME } from './plugin-name';

export function tapRuntimeRequirementsToAddManifest(
  compiler: Compiler,
  options: NormalizedPluginOptions,
  state: PluginState,
): void {
  // Kept across this compiler's compilations (watch rebuilds), per runtime chunk, by its name or ID.
  const reused = new Map<string | number | null, ReusedText<string>>();
  const reusedCode = (chunk: Chunk) => {
    const key = chunk.name ?? chunk.id;
    let text = reused.get(key);
    if (!text) reused.set(key, (text = new ReusedText<string>()));
    return text;
  };
  compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
    compilation.hooks.additionalTreeRuntimeRequirements.tap(PLUGIN_NAME, (chunk, requirements) => {
      if (!state.settled.get(compilation)?.layers.has('server') || !runsServerLayer(compilation, chunk)) return;
      if (chunk.getAllAsyncChunks().size > 0) requirements.add(compiler.webpack.RuntimeGlobals.getChunkScriptFilename);
      compilation.addRuntimeModule(chunk, createManifestRuntimeModule(compilation, encryptionKeys(options, state), reusedCode));
    });
  });
}

/** The configured keys, or the generated one (see generated-key.ts). */
function encryptionKeys(options: NormalizedPluginOptions, state: PluginState): string[] {
  return options.encryptionKeys.length > 0 ? options.encryptionKeys : [state.generatedKey.current];
}
