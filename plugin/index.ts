/**
 * ServerActionsPlugin. One instance is shared by every compiler of a build (browser, SSR, server), so
 * that it can coordinate them; what those compilers share is one state object (plugin-state.ts).
 * `apply` only wires the taps, one file each in hooks/, named for the hook and what it is for:
 *
 * - coordination/: the compilers meet at a barrier after `finishMake` and add to each graph what the
 *   others ask of it;
 * - loaded-by-id/: what React loads by module ID keeps its exports and a stable ID;
 * - manifests/: the three manifests and the runtime module that puts the server manifest into the
 *   server bundle;
 * - checks/: setups that build but cannot work, reported with the fix (build-problems.ts).
 */
import type { Compiler } from 'webpack';
import { tapToKeepExports } from './bundler/keep-exports';
import { tapBeforeCompileToPrepareKey } from './hooks/tap-before-compile-to-prepare-key';
import { tapBeforeModuleIdsToSetIds } from './hooks/tap-before-module-ids-to-set-ids';
import { tapEnvironmentToTurnOffIncrementalPasses } from './hooks/tap-environment-to-turn-off-incremental-passes';
import { tapFinishMakeToCheckBuild } from './hooks/tap-finish-make-to-check-build';
import { tapFinishMakeToSettleGraphs } from './hooks/tap-finish-make-to-settle-graphs';
import { tapNormalModuleToHandOverSettings } from './hooks/tap-normal-module-to-hand-over-settings';
import { tapProcessAssetsToEmitManifests } from './hooks/tap-process-assets-to-emit-manifests';
import { tapRunAndDoneToTrackCompilers } from './hooks/tap-run-and-done-to-track-compilers';
import { tapRuntimeRequirementsToAddManifest } from './hooks/tap-runtime-requirements-to-add-manifest';
import { normalizePluginOptions, type NormalizedPluginOptions, type ServerActionsPluginOptions } from './options';
import { createPluginState, type PluginState } from './plugin-state';

export type { ServerActionsPluginOptions } from './options';
export type { LoaderOptions } from '../loader/options';

export class ServerActionsPlugin {
  /** The resolved path of the loader, for `module.rules[].loader`. */
  static readonly loader: string = require.resolve('../loader');
  readonly loader: string = ServerActionsPlugin.loader;

  private readonly options: NormalizedPluginOptions;
  private readonly state: PluginState = createPluginState();

  constructor(options: ServerActionsPluginOptions = {}) {
    this.options = normalizePluginOptions(options);
  }

  /** The names of the files this instance emits: webpack-server-actions/dev reads the manifests by them. */
  get filenames(): Pick<NormalizedPluginOptions, 'manifestFilename' | 'clientManifestFilename' | 'ssrManifestFilename' | 'entrypointsFilename'> {
    const { manifestFilename, clientManifestFilename, ssrManifestFilename, entrypointsFilename } = this.options;
    return { manifestFilename, clientManifestFilename, ssrManifestFilename, entrypointsFilename };
  }

  apply(compiler: Compiler): void {
    const { options, state } = this;
    tapRunAndDoneToTrackCompilers(compiler, state);
    tapEnvironmentToTurnOffIncrementalPasses(compiler);
    tapBeforeCompileToPrepareKey(compiler, options, state);
    tapNormalModuleToHandOverSettings(compiler, options);
    // The two finishMake taps run in this order: the checks read the settled graphs.
    tapFinishMakeToSettleGraphs(compiler, state);
    tapFinishMakeToCheckBuild(compiler, options, state);
    tapToKeepExports(compiler);
    tapBeforeModuleIdsToSetIds(compiler, options);
    tapRuntimeRequirementsToAddManifest(compiler, options, state);
    tapProcessAssetsToEmitManifests(compiler, options, state);
  }
}

export default ServerActionsPlugin;
