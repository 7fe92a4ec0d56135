/**
 * Rspack rebuilds in watch mode with incremental passes (`incremental`, on by default) that carry
 * over what the last compilation made. Two of them keep what the plugin changed in a way it cannot
 * follow, and are turned off on Rspack (webpack has no such passes):
 *
 * - `buildModuleGraph`: a rebuild that no file change started (the plugin's own invalidation of a
 *   stale compiler) keeps the includes of the last compilation, so a module that nobody asks for any
 *   more stays in the bundle and its manifest. Made afresh, the graph holds what is asked now (its
 *   modules still come from the cache, unbuilt).
 * - `moduleIds`: it ignores an ID set in `beforeModuleIds` for a module rebuilt in watch mode, which
 *   then gets a name-based ID that the manifests do not point at.
 */
import type { Compiler } from 'webpack';
import { isRspack } from './detect';

interface IncrementalOptions {
  buildModuleGraph?: boolean;
  moduleIds?: boolean;
}

/** Called from the `environment` hook: Rspack fills in its option defaults after applying plugins. */
export function turnOffIncrementalPasses(compiler: Compiler): void {
  if (!isRspack(compiler)) return;
  const incremental = (compiler.options as { incremental?: false | IncrementalOptions }).incremental;
  if (!incremental) return;
  incremental.buildModuleGraph = false;
  incremental.moduleIds = false;
}
