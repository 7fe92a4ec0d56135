/**
 * Sets the module IDs that manifests point at before webpack's ID plugins run, which keep IDs already
 * set (loaded-by-id/module-ids.ts), and on Rspack the export keepers' IDs (bundler/keep-exports.ts).
 */
import type { Compiler } from 'webpack';
import { setExportKeeperIds } from '../bundler/keep-exports';
import { assignModuleIds } from '../loaded-by-id/module-ids';
import type { NormalizedPluginOptions } from '../options';
import { PLUGIN_NAME } from './plugin-name';

export function tapBeforeModuleIdsToSetIds(compiler: Compiler, options: NormalizedPluginOptions): void {
  compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
    compilation.hooks.beforeModuleIds.tap(PLUGIN_NAME, (modules) => {
      assignModuleIds(compilation, modules, options.salt);
      setExportKeeperIds(compilation, modules);
    });
  });
}
