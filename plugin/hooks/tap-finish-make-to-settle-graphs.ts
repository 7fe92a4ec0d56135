/**
 * Once a compilation's module graph is made (`finishMake`), it meets the other compilations of the
 * build at the barrier and adds what they ask of it (coordination/settle-module-graphs.ts). Its
 * settled snapshot is kept for the later hooks: the checks, the runtime module and the manifests.
 */
import type { Compiler } from 'webpack';
import { settleModuleGraphs } from '../coordination/settle-module-graphs';
import type { PluginState } from '../plugin-state';
import { PLUGIN_NAME } from './plugin-name';

export function tapFinishMakeToSettleGraphs(compiler: Compiler, state: PluginState): void {
  compiler.hooks.finishMake.tapPromise(PLUGIN_NAME, async (compilation) => {
    if (compilation.compiler !== compiler) return; // a child compilation
    state.settled.set(compilation, await settleModuleGraphs(state.coordinator, compiler, compilation));
  });
}
