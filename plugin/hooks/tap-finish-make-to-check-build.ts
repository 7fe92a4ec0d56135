/**
 * Right after the graphs are settled (registered after tap-finish-make-to-settle-graphs.ts, so it runs
 * next), finds what cannot work, each reported with what to change (checks/, one file per check):
 *
 * - a server function that a client calls but the server build lacks;
 * - a compiler that ran earlier and is now stale (rebuilt in watch mode, else an error);
 * - compilers that do not share one plugin instance (each instance then sees one side of the app);
 * - a "use server" or "use client" file that no loader rule matches (bundled as plain code);
 * - a server layer resolved without the `react-server` condition, two copies of
 *   react-server-dom-webpack in one bundle, or one without the Flight security fixes;
 * - a file outside the app's node_modules tree (a linked workspace package) that cannot resolve the
 *   packages the loader's output imports;
 * - compilers whose IDs would not match (different roots).
 *
 * Where a setup might be meant (a partial build, a deliberately plain module) the report is a warning.
 */
import type { Compiler } from 'webpack';
import { checkBothSidesBuilt } from '../checks/both-sides-built';
import { checkLoaderCoverage } from '../checks/loader-coverage';
import { checkReactPackages } from '../checks/react-packages';
import { checkSameRoot } from '../checks/same-root';
import { checkServerFunctionsPresent } from '../checks/server-functions-present';
import { checkUnresolvedImports } from '../checks/unresolved-imports';
import { rebuildStalePeers } from '../coordination/stale-peers';
import type { NormalizedPluginOptions } from '../options';
import type { PluginState } from '../plugin-state';
import { PLUGIN_NAME } from './plugin-name';

export function tapFinishMakeToCheckBuild(
  compiler: Compiler,
  options: NormalizedPluginOptions,
  state: PluginState,
): void {
  compiler.hooks.finishMake.tap(PLUGIN_NAME, (compilation) => {
    const self = state.settled.get(compilation);
    if (compilation.compiler !== compiler || !self) return;
    const { coordinator } = state;
    const all = coordinator.allSnapshots(compiler, self);
    checkServerFunctionsPresent(compilation, self, all);
    rebuildStalePeers(coordinator, compilation, self, state.invalidated);
    checkBothSidesBuilt(compilation, self, all, coordinator.compilers.length);
    if (self.layers.size > 0) {
      // The loader saw some of this compilation's modules: scan them.
      checkLoaderCoverage(compilation, self, all);
      checkReactPackages(compilation, self);
      checkUnresolvedImports(compilation);
    }
    checkSameRoot(compilation, options, coordinator.compilers);
  });
}
