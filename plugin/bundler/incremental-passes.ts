/**
 * Rspack rebuilds in watch mode with incremental passes (`incremental`, on by default) that carry
 * over what the last compilation made (webpack has no such passes). One of them undoes what the
 * plugin sets, and is turned off on Rspack: `moduleIds` ignores an ID set in `beforeModuleIds` for a
 * module rebuilt in watch mode, which then gets a name-based ID that the manifests do not point at.
 *
 * Another keeps what the plugin cannot take back, and stays on: with `buildModuleGraph`, a rebuild
 * keeps the last compilation's includes, so a module that nobody asks for any more stays in the
 * bundle until the watcher restarts (docs/rspack.md). Turned off, every rebuild runs the loaders of
 * every module again: 75 times the floor's rebuild at 2,000 modules.
 */
import type { Compiler } from 'webpack';
import { isRspack } from './detect';

interface IncrementalOptions {
  moduleIds?: boolean;
}

/** Called from the `environment` hook: Rspack fills in its option defaults after applying plugins. */
export function turnOffIncrementalPasses(compiler: Compiler): void {
  if (!isRspack(compiler)) return;
  const incremental = (compiler.options as { incremental?: false | IncrementalOptions }).incremental;
  if (!incremental) return;
  incremental.moduleIds = false;
}
