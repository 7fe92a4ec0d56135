/**
 * The modules of a compilation that its entries hold, which is what the plugin reads when it asks what a
 * compilation contains while the module graph is being made (coordination/compilation-snapshot.ts).
 *
 * - webpack: `compilation.modules`. A module restored from the cache is there only when something in
 *   this build imports or includes it.
 * - Rspack keeps the module graph it restores (from its persistent cache, or from the previous watch
 *   build) whole until the chunks are made, with the modules that the plugin's includes held last time
 *   but whose includes are not restored: a client component only the export keeper imports (weakly), or
 *   a keeper nothing imports. Read as present, such a module would not be included again and would miss
 *   the bundle. So on Rspack only the modules reachable from the entries' dependencies and includes, by
 *   connections that are not weak, count.
 */
import type { Compilation, Dependency, Module } from 'webpack';
import { isRspack } from './detect';

interface RspackEntryData {
  dependencies: Dependency[];
  includeDependencies: Dependency[];
}

interface RspackConnection {
  dependency: { type: string } | null;
  module: Module | null;
}

interface RspackModuleGraph {
  getModule(dependency: Dependency): Module | null;
  getOutgoingConnections(module: Module): RspackConnection[];
}

export function modulesHeldByEntries(compilation: Compilation): Iterable<Module> {
  if (!isRspack(compilation.compiler)) return compilation.modules;
  const moduleGraph = compilation.moduleGraph as unknown as RspackModuleGraph;
  const held = new Map<string, Module>();
  const pending: Module[] = [];
  const hold = (module: Module | null) => {
    if (!module || held.has(module.identifier())) return;
    held.set(module.identifier(), module);
    pending.push(module);
  };
  for (const entry of compilation.entries.values() as Iterable<unknown> as Iterable<RspackEntryData>) {
    for (const dependency of [...entry.dependencies, ...entry.includeDependencies]) hold(moduleGraph.getModule(dependency));
  }
  for (let module = pending.pop(); module; module = pending.pop()) {
    for (const connection of moduleGraph.getOutgoingConnections(module)) {
      // A weak import (the export keeper's) loads nothing: the module must be held by something else.
      if (connection.dependency && /\bweak\b/.test(connection.dependency.type)) continue;
      hold(connection.module);
    }
  }
  // In the order of `compilation.modules`, which the snapshot's maps keep.
  return [...compilation.modules].filter((module) => held.has(module.identifier()));
}
