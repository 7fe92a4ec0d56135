/**
 * Whether a module of a compilation is held by its entries, which is what the plugin asks of the
 * modules with a directive while the module graph is being made (coordination/compilation-snapshot.ts).
 *
 * - webpack: every module of `compilation.modules` is. A module restored from the cache is there only
 *   when something in this build imports or includes it.
 * - Rspack keeps the module graph it restores (from its persistent cache, or from the previous watch
 *   build) whole until the chunks are made, with the modules that the plugin's includes held last time
 *   but whose includes are not restored: a client component that only the export keeper imports
 *   (weakly), and what only such a module imports. Read as present, such a module would not be included
 *   again and would miss the bundle. So on Rspack a module counts when a chain of connections that are
 *   not weak leads to it from a module that an entry or an include of this compilation names. The chain
 *   is searched upwards from the module (importers, then theirs), and what is found held is remembered
 *   for the next module: the modules asked about are a few, most of the graph is never visited.
 */
import type { Compilation, Dependency, Module } from 'webpack';
import { isRspack } from './detect';

interface RspackConnection {
  dependency: Dependency | null;
  originModule: Module | null;
}

interface RspackModuleGraph {
  getModule(dependency: Dependency): Module | null;
  getIncomingConnections(module: Module): RspackConnection[];
}

interface RspackEntryData {
  dependencies: Dependency[];
  includeDependencies: Dependency[];
}

// Per compilation, the modules found held: the settling rounds only add includes, so what was held in
// one round still is in the next (what was not is searched again).
const heldInCompilation = new WeakMap<Compilation, Set<string>>();

export function heldByEntries(compilation: Compilation): (module: Module) => boolean {
  if (!isRspack(compilation.compiler)) return () => true;
  const moduleGraph = compilation.moduleGraph as unknown as RspackModuleGraph;
  // The modules the entries and includes of this compilation name: the graph also keeps the
  // connections of includes that were not restored, so a connection from no module proves nothing.
  let held = heldInCompilation.get(compilation);
  if (!held) heldInCompilation.set(compilation, (held = new Set()));
  for (const entry of compilation.entries.values() as Iterable<unknown> as Iterable<RspackEntryData>) {
    for (const dependency of [...entry.dependencies, ...entry.includeDependencies]) {
      const root = moduleGraph.getModule(dependency);
      if (root) held.add(root.identifier());
    }
  }
  return (module) => {
    const start = module.identifier();
    if (held.has(start)) return true;
    // Breadth-first over importers; `cameFrom` leads back to `module` once a root is found.
    const cameFrom = new Map<string, string | null>([[start, null]]);
    let frontier: Module[] = [module];
    while (frontier.length > 0) {
      const next: Module[] = [];
      for (const current of frontier) {
        for (const connection of moduleGraph.getIncomingConnections(current)) {
          // A weak import (the export keeper's) loads nothing: the module must be held by something else.
          if (!connection.dependency || /\bweak\b/.test(connection.dependency.type)) continue;
          const origin = connection.originModule;
          if (!origin) continue;
          const reached = origin.identifier();
          if (held.has(reached)) {
            // An entry's or include's module, or one found held before: every module on the way is held.
            for (let step: string | null | undefined = current.identifier(); step; step = cameFrom.get(step)) held.add(step);
            return true;
          }
          if (cameFrom.has(reached)) continue;
          cameFrom.set(reached, current.identifier());
          next.push(origin);
        }
      }
      frontier = next;
    }
    return false;
  };
}
