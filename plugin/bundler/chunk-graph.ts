/**
 * The chunk-graph questions the plugin asks, where Rspack's API differs from webpack's:
 *
 * - how many chunks hold a module: `getNumberOfModuleChunks` in webpack, `getModuleChunks().length`
 *   in Rspack;
 * - a chunk group's parents and a stable key to sort groups by: `parentsIterable` and `id` in webpack,
 *   `getParents()` and `index` in Rspack.
 */
import type { Chunk, ChunkGroup, Compilation, Module } from 'webpack';

interface RspackChunkGraph {
  getModuleChunks(module: Module): unknown[];
}

interface RspackChunkGroup {
  getParents(): ChunkGroup[];
  index?: number;
}

export function isInSomeChunk(compilation: Compilation, module: Module): boolean {
  const chunkGraph = compilation.chunkGraph;
  if (typeof chunkGraph.getNumberOfModuleChunks === 'function') return chunkGraph.getNumberOfModuleChunks(module) > 0;
  return (chunkGraph as unknown as RspackChunkGraph).getModuleChunks(module).length > 0;
}

export function parentGroups(group: ChunkGroup): Iterable<ChunkGroup> {
  return group.parentsIterable ?? (group as unknown as RspackChunkGroup).getParents();
}

/** A key that orders chunk groups the same way in every build of the same sources. */
export function groupKey(group: ChunkGroup): string {
  if (typeof group.id === 'string') return group.id;
  return String((group as unknown as RspackChunkGroup).index ?? group.name ?? '');
}

/** Whether one of `chunks` holds a module: asked of webpack per chunk; Rspack has no `isModuleInChunk`. */
export function heldByChunks(compilation: Compilation, chunks: Chunk[]): (module: Module) => boolean {
  const chunkGraph = compilation.chunkGraph;
  if (typeof chunkGraph.isModuleInChunk === 'function') {
    return (module) => chunks.some((chunk) => chunkGraph.isModuleInChunk(module, chunk));
  }
  const held = new Set<string>();
  for (const chunk of chunks) {
    for (const module of chunkGraph.getChunkModulesIterable(chunk)) held.add(module.identifier());
  }
  return (module) => held.has(module.identifier());
}
