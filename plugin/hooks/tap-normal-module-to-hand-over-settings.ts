/**
 * Hands every loader run the settings IDs depend on (root, salt and their fingerprint: see
 * loader-handshake.ts), through NormalModule's `loader` hook; the loader fails without them, which
 * is how it finds that its plugin is missing. A module that the cache holds from a build with other
 * settings is built again (`needBuild`).
 */
import type { Compiler } from 'webpack';
import { getModuleRecord, setLoaderHandshake } from '../../shared/module-record';
import { loaderHandshake } from '../loader-handshake';
import type { NormalizedPluginOptions } from '../options';
import { PLUGIN_NAME } from './plugin-name';

export function tapNormalModuleToHandOverSettings(compiler: Compiler, options: NormalizedPluginOptions): void {
  const handshake = loaderHandshake(options, compiler);
  compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
    const moduleHooks = compiler.webpack.NormalModule.getCompilationHooks(compilation);
    moduleHooks.loader.tap(PLUGIN_NAME, (loaderContext) => setLoaderHandshake(loaderContext, handshake));
    moduleHooks.needBuild.tap(PLUGIN_NAME, (module) => {
      const record = getModuleRecord(module);
      return record !== undefined && record.fingerprint !== handshake.fingerprint;
    });
  });
}
