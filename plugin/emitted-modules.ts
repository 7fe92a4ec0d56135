/**
 * The modules with a loader record as they ended up in the output. Module concatenation replaces a
 * root module by a concatenated module (and removes the root from `compilation.modules`); the record
 * stays on the root's `buildInfo`, the module ID and chunks belong to the concatenated module.
 */
import type { Chunk, Compilation, Module } from 'webpack';
import { getModuleRecord, type ModuleRecord } from '../shared/module-record';

export interface EmittedRecord {
  record: ModuleRecord;
  /** The module the loader recorded. */
  recorded: Module;
  /** The module in the chunks: the recorded module itself or the concatenated module it is the root of. */
  emitted: Module;
}

export function emittedRecords(compilation: Compilation): EmittedRecord[] {
  const found: EmittedRecord[] = [];
  for (const module of compilation.modules) {
    const source = (module as { rootModule?: Module }).rootModule ?? module;
    const record = getModuleRecord(source);
    if (!record?.directive && !record?.facade && !record?.inlineServerFunctions) continue;
    if (compilation.chunkGraph.getNumberOfModuleChunks(module) === 0) continue;
    found.push({ record, emitted: module, recorded: source });
  }
  return found;
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

/** No chunks when the module is in an initial chunk; else the chunks of the first group holding it. */
function chunksToLoad(module: Module, compilation: Compilation): Chunk[] {
  const chunks = [...compilation.chunkGraph.getModuleChunksIterable(module)];
  if (chunks.some((chunk) => chunk.canBeInitial())) return [];
  const byId = (a: Chunk, b: Chunk) => String(a.id).localeCompare(String(b.id));
  const first = chunks.sort(byId)[0];
  const group = [...first.groupsIterable][0];
  return group ? group.chunks.filter((chunk) => !chunk.canBeInitial()).sort(byId) : [first];
}

/** The JavaScript file of a chunk, relative to the output path. */
export function chunkFile(chunk: Chunk): string {
  return [...chunk.files].find((file) => /\.(c|m)?js$/.test(file)) ?? [...chunk.files][0];
}
