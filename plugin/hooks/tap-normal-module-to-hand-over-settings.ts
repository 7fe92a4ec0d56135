/**
 * Hands every loader run the settings IDs depend on (root, salt and their fingerprint: see
 * loader-handshake.ts), through NormalModule's `loader` hook; the loader fails without them, which
 * is how it finds that its plugin is missing. A module that a cache holds from a build with other
 * settings is built again (bundler/settings-in-cache.ts).
 */
import type { Compiler } from 'webpack';
import { setLoaderHandshake } from '../../shared/module-record';
import { rebuildModulesCachedWithOtherSettings } from '../bundler/settings-in-cache';
import { loaderHandshake } from '../loader-handshake';
import type { NormalizedPluginOptions } from '../options';
import { PLUGIN_NAME } from './plugin-name';

export function tapNormalModuleToHandOverSettings(compiler: Compiler, options: NormalizedPluginOptions): void {
  const handshake = loaderHandshake(options, compiler);
  compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
    const moduleHooks = compiler.webpack.NormalModule.getCompilationHooks(compilation);
    moduleHooks.loader.tap(PLUGIN_NAME, (loaderContext) => setLoaderHandshake(loaderContext, handshake));
  });
  rebuildModulesCachedWithOtherSettings(compiler, handshake);
}
