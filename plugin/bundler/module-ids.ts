/**
 * Module IDs the plugin sets in `beforeModuleIds` (loaded-by-id/module-ids.ts):
 *
 * webpack sets them with `chunkGraph.setModuleId`; Rspack has none, and takes them on the stand-ins that
 * its `beforeModuleIds` passes (`module.id = …`). Rspack's incremental ID pass would drop them in a watch
 * rebuild: bundler/incremental-passes.ts turns it off.
 */
import type { Compilation, Module } from 'webpack';

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
