/**
 * The modules with a loader record as they ended up in the output. Module concatenation replaces a
 * root module by a concatenated module (and removes the root from `compilation.modules`); the record
 * stays on the root's `buildInfo`, the module ID and chunks belong to the concatenated module.
 */
import type { Chunk, ChunkGroup, Compilation, Module } from 'webpack';
import { getModuleRecord, type ModuleRecord } from '../../shared/module-record';
import { groupKey, isInSomeChunk, parentGroups } from '../bundler/chunk-graph';

export interface EmittedRecord {
  record: ModuleRecord;
  /** The module the loader recorded. */
  recorded: Module;
  /** The module in the chunks: the recorded module itself or the concatenated module it is the root of. */
  emitted: Module;
}

// The ID assignment (beforeModuleIds), the runtime module and the manifests (processAssets) all read
// these: the modules are walked once per seal, at beforeModuleIds (module concatenation has run by then),
// and the later hooks read what that walk found. A compilation sealed again (`needAdditionalSeal`)
// walks again at its next beforeModuleIds.
const foundInSeal = new WeakMap<Compilation, EmittedRecord[]>();

/** Walks the modules for the records as emitted; called at `beforeModuleIds` of each seal. */
export function findEmittedRecords(compilation: Compilation): EmittedRecord[] {
  const found: EmittedRecord[] = [];
  for (const module of compilation.modules) {
    const source = (module as { rootModule?: Module }).rootModule ?? module;
    const record = getModuleRecord(source);
    if (!record?.directive && !record?.facade && !record?.inlineServerFunctions) continue;
    if (!isInSomeChunk(compilation, module)) continue;
    found.push({ record, emitted: module, recorded: source });
  }
  foundInSeal.set(compilation, found);
  return found;
}

/** What `findEmittedRecords` found in this seal (or finds now, if it has not run yet). */
export function emittedRecords(compilation: Compilation): EmittedRecord[] {
  return foundInSeal.get(compilation) ?? findEmittedRecords(compilation);
}

export interface EmittedModule {
  id: string | number;
  chunks: Chunk[];
  async: boolean;
}

export function describeEmitted(compilation: Compilation, module: Module): EmittedModule | null {
  const id = compilation.chunkGraph.getModuleId(module);
  if (id === null || id === undefined) return null;
  return { id, chunks: chunksToLoad(module, compilation), async: compilation.moduleGraph.isAsync(module) };
}

/**
 * The chunks to load before the module can be required: none when an initial chunk holds it; else
 * the chunks of a chunk group that holds it and of every async group above it up to an entrypoint
 * (a module that an async chunk's parents provide is not in that chunk). Of the groups that hold the
 * module, the one closest to an entrypoint is taken, so as few chunks as possible are listed.
 */
function chunksToLoad(module: Module, compilation: Compilation): Chunk[] {
  const chunks = [...compilation.chunkGraph.getModuleChunksIterable(module)];
  if (chunks.some((chunk) => chunk.canBeInitial())) return [];
  const holders = new Set(chunks.flatMap((chunk) => [...chunk.groupsIterable]));
  const path = shortestPathToEntrypoint(holders);
  const seen = new Set<Chunk>();
  const result: Chunk[] = [];
  for (const group of path) {
    for (const chunk of [...group.chunks].sort(byChunkId)) {
      if (chunk.canBeInitial() || seen.has(chunk)) continue;
      seen.add(chunk);
      result.push(chunk);
    }
  }
  return result;
}

/** From the entrypoint down to one of `holders`, by breadth-first search over parent groups. */
function shortestPathToEntrypoint(holders: Set<ChunkGroup>): ChunkGroup[] {
  const cameFrom = new Map<ChunkGroup, ChunkGroup | null>();
  let frontier = [...holders].sort(byGroupId);
  for (const group of frontier) cameFrom.set(group, null);
  while (frontier.length > 0) {
    const next: ChunkGroup[] = [];
    for (const group of frontier) {
      if (group.isInitial()) return pathDown(group, cameFrom);
      for (const parent of [...parentGroups(group)].sort(byGroupId)) {
        if (cameFrom.has(parent)) continue;
        cameFrom.set(parent, group);
        next.push(parent);
      }
    }
    frontier = next;
  }
  // Unreachable from an entrypoint: only the holders themselves can help.
  return [...holders].sort(byGroupId).slice(0, 1);
}

function pathDown(top: ChunkGroup, cameFrom: Map<ChunkGroup, ChunkGroup | null>): ChunkGroup[] {
  const path: ChunkGroup[] = [];
  for (let group: ChunkGroup | null | undefined = top; group; group = cameFrom.get(group)) path.push(group);
  return path;
}

function byChunkId(a: Chunk, b: Chunk): number {
  return String(a.id).localeCompare(String(b.id));
}

function byGroupId(a: ChunkGroup, b: ChunkGroup): number {
  return groupKey(a).localeCompare(groupKey(b));
}

/** The JavaScript file of a chunk, relative to the output path. */
export function chunkFile(chunk: Chunk): string {
  return [...chunk.files].find((file) => /\.(c|m)?js$/.test(file)) ?? [...chunk.files][0];
}
