/**
 * A module that a cache holds from a build with other ID settings (root, salt) must be built again,
 * since its IDs came from them.
 *
 * - webpack: NormalModule's `needBuild` hook asks per module; the record carries the fingerprint of
 *   the settings it was made with (loader-handshake.ts).
 * - Rspack has no `needBuild` hook. Its persistent cache is kept per `cache.version`, so the
 *   fingerprint joins that version (read when the compiler first runs, after plugins are applied):
 *   other settings start from an empty cache. Rspack's memory cache lives as long as the compiler,
 *   whose settings cannot change.
 */
import type { Compilation, Compiler } from 'webpack';
import { getModuleRecord, type LoaderHandshake } from '../../shared/module-record';
import { PLUGIN_NAME } from '../hooks/plugin-name';
import { isRspack } from './detect';

export function rebuildModulesCachedWithOtherSettings(compiler: Compiler, handshake: LoaderHandshake): void {
  if (isRspack(compiler)) {
    const cache = compiler.options.cache as unknown as { type?: string; version?: string } | boolean | undefined;
    if (typeof cache === 'object' && cache.type === 'persistent') {
      cache.version = [cache.version, `webpack-server-actions-${handshake.fingerprint}`].filter(Boolean).join('+');
    }
    return;
  }
  compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation: Compilation) => {
    compiler.webpack.NormalModule.getCompilationHooks(compilation).needBuild.tap(PLUGIN_NAME, (module) => {
      const record = getModuleRecord(module);
      return record !== undefined && record.fingerprint !== handshake.fingerprint;
    });
  });
}
