/**
 * Registers the compiler with the build coordinator and tells it when the compiler runs: while one
 * is running, the others wait for it at the barrier in `finishMake`; once it is done (or failed, or
 * its watcher closed), nobody waits for it any more.
 */
import type { Compiler } from 'webpack';
import type { PluginState } from '../plugin-state';
import { PLUGIN_NAME } from './plugin-name';

export function tapRunAndDoneToTrackCompilers(compiler: Compiler, state: PluginState): void {
  const { coordinator } = state;
  coordinator.register(compiler);
  const starting = () => coordinator.starting(compiler);
  const stopped = () => coordinator.stopped(compiler);
  compiler.hooks.beforeRun.tap(PLUGIN_NAME, starting);
  compiler.hooks.watchRun.tap(PLUGIN_NAME, starting);
  compiler.hooks.done.tap(PLUGIN_NAME, stopped);
  compiler.hooks.failed.tap(PLUGIN_NAME, stopped);
  compiler.hooks.watchClose.tap(PLUGIN_NAME, stopped);
}
