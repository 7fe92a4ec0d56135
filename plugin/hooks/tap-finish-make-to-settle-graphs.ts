/**
 * Once a compilation's module graph is made (`finishMake`), it meets the other compilations of the
 * build at the barrier and adds what they ask of it (coordination/settle-module-graphs.ts). Its
 * settled snapshot is kept for the later hooks: the checks, the runtime module and the manifests. On
 * Rspack, the modules React loads by ID then get their export keeper (bundler/keep-exports.ts).
 */
import type { Compiler } from 'webpack';
import { includeExportKeepers } from '../bundler/keep-exports';
import { settleModuleGraphs } from '../coordination/settle-module-graphs';
import type { PluginState } from '../plugin-state';
import { PLUGIN_NAME } from './plugin-name';

export function tapFinishMakeToSettleGraphs(compiler: Compiler, state: PluginState): void {
  compiler.hooks.finishMake.tapPromise(PLUGIN_NAME, async (compilation) => {
    if (compilation.compiler !== compiler) return; // a child compilation
    const settled = await settleModuleGraphs(state.coordinator, compiler, compilation);
    await includeExportKeepers(compilation, settled);
    state.settled.set(compilation, settled);
  });
}
