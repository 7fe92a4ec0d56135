/**
 * Module IDs the plugin sets in `beforeModuleIds` (loaded-by-id/module-ids.ts):
 *
 * - webpack sets them with `chunkGraph.setModuleId`; Rspack has none, and takes them on the stand-ins
 *   that its `beforeModuleIds` passes (`module.id = …`);
 * - Rspack's incremental module-ID pass (`incremental.moduleIds`, on by default) ignores an ID set
 *   there for a module rebuilt in watch mode, which then gets a name-based ID and no longer matches the
 *   manifests: the plugin turns that pass off (IDs are then assigned afresh in each rebuild).
 */
import type { Compilation, Compiler, Module } from 'webpack';
import { PLUGIN_NAME } from '../hooks/plugin-name';
import { isRspack } from './detect';

export function keepModuleIdsSetBeforeIds(compiler: Compiler): void {
  if (!isRspack(compiler)) return;
  // Rspack fills in its option defaults after applying plugins, before `environment`.
  compiler.hooks.environment.tap(PLUGIN_NAME, () => {
    const incremental = (compiler.options as { incremental?: false | { moduleIds?: boolean } }).incremental;
    if (incremental) incremental.moduleIds = false;
  });
}

/**
 * Sets module IDs in `beforeModuleIds`, whose argument is the modules that get IDs: on Rspack, stand-ins
 * that take `.id = …` (the modules of `compilation.modules` do not).
 */
export function moduleIdSetter(compilation: Compilation, hookModules: Iterable<Module>): (module: Module, id: string) => void {
  const chunkGraph = compilation.chunkGraph;
  if (typeof chunkGraph.setModuleId === 'function') return (module, id) => chunkGraph.setModuleId(module, id);
  const byIdentifier = new Map<string, Module>();
  // The stand-ins' `identifier` is the string itself.
  for (const module of hookModules) byIdentifier.set(module.identifier as unknown as string, module);
  return (module, id) => {
    const standIn = byIdentifier.get(module.identifier());
    if (standIn) (standIn as { id?: string }).id = id;
  };
}
