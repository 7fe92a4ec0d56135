/**
 * Before each compilation, when no encryption key is configured, makes the generated key ready (from
 * the plugin instance, else from webpack's cache, else new: see generated-key.ts), so that the
 * runtime module can read it synchronously.
 */
import type { Compiler } from 'webpack';
import type { NormalizedPluginOptions } from '../options';
import type { PluginState } from '../plugin-state';
import { PLUGIN_NAME } from './plugin-name';

export function tapBeforeCompileToPrepareKey(
  compiler: Compiler,
  options: NormalizedPluginOptions,
  state: PluginState,
): void {
  compiler.hooks.beforeCompile.tapPromise(PLUGIN_NAME, async () => {
    if (options.encryptionKeys.length === 0) await state.generatedKey.prepare(compiler, PLUGIN_NAME);
  });
}
