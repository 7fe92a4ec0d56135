/**
 * What the compilers that share one ServerActionsPlugin instance share, in one object: the plugin's
 * constructor makes it and every tap (hooks/) receives it. Nothing of it is kept in module-level
 * variables, so two plugin instances (two builds in one process) never see each other's.
 */
import type { Compilation, Compiler } from 'webpack';
import { BuildCoordinator } from './coordination/build-coordinator';
import type { CompilationSnapshot } from './coordination/compilation-snapshot';
import { GeneratedKey } from './generated-key';

export interface PluginState {
  /** The compilers of the build: where each is in its run, and its last snapshot (coordination/). */
  readonly coordinator: BuildCoordinator;
  /** Each compilation's snapshot once its graph is settled, for the hooks that run after `finishMake`. */
  readonly settled: WeakMap<Compilation, CompilationSnapshot>;
  /** Per watching compiler, the gap it was last invalidated for (coordination/stale-peers.ts). */
  readonly invalidated: WeakMap<Compiler, string>;
  /** The encryption key made when none is configured (generated-key.ts). */
  readonly generatedKey: GeneratedKey;
}

export function createPluginState(): PluginState {
  return {
    coordinator: new BuildCoordinator(),
    settled: new WeakMap(),
    invalidated: new WeakMap(),
    generatedKey: new GeneratedKey(),
  };
}
