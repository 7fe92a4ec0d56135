/**
 * Emits the manifests of each settled compilation (manifests/emit-manifests.ts) as additional assets,
 * once module and chunk IDs and chunk files are final. The client manifests list what the whole
 * build's server layers render, so every snapshot of the build is read.
 */
import type { Compiler, sources } from 'webpack';
import { emitManifests } from '../manifests/emit-manifests';
import { ReusedText } from '../manifests/reused-text';
import type { NormalizedPluginOptions } from '../options';
import type { PluginState } from '../plugin-state';
import { PLUGIN_NAME } from './plugin-name';

export function tapProcessAssetsToEmitManifests(
  compiler: Compiler,
  options: NormalizedPluginOptions,
  state: PluginState,
): void {
  // The server manifest's source, kept across this compiler's compilations (watch rebuilds).
  const reusedServerManifest = new ReusedText<sources.Source>();
  compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
    compilation.hooks.processAssets.tap(
      { name: PLUGIN_NAME, stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
      () => {
        const self = state.settled.get(compilation);
        if (self) emitManifests(compilation, options, self, state.coordinator.allSnapshots(compiler, self), reusedServerManifest);
      },
    );
  });
}
