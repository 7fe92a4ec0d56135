/**
 * The watcher of a compiler that runs in watch mode, to rebuild it when another compiler finds it
 * stale (coordination/stale-peers.ts). webpack's `Watching` says `closed: false` while it watches;
 * Rspack's keeps that private, and clears `compiler.watching` once closed.
 */
import type { Compiler, Watching } from 'webpack';
import { isRspack } from './detect';

export function activeWatching(compiler: Compiler): Watching | undefined {
  const watching = compiler.watching as Watching | undefined;
  if (isRspack(compiler)) return watching && compiler.watchMode ? watching : undefined;
  return watching?.closed === false ? watching : undefined;
}
