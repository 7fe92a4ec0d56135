/**
 * Where a module ended up in the output: its module ID and the chunks that must be loaded for it.
 * A module that became the root of a concatenated module is emitted under the concatenated module.
 */
import type { Chunk, Compilation, Module } from 'webpack';

export interface EmittedModule {
  id: string | number;
  chunks: Chunk[];
  async: boolean;
}

export type EmittedModuleLookup = (module: Module) => EmittedModule | null;

/** The module that stands for `module` in the chunks: itself, or the concatenated module it is the root of. */
export function emittedModuleFinder(compilation: Compilation): (module: Module) => Module | null {
  const { chunkGraph } = compilation;
  const concatenatedByRoot = new Map<Module, Module>();
  for (const module of compilation.modules) {
    const root = (module as { rootModule?: Module }).rootModule;
    if (root) concatenatedByRoot.set(root, module);
  }
  return (module) =>
    chunkGraph.getNumberOfModuleChunks(module) > 0 ? module : (concatenatedByRoot.get(module) ?? null);
}

export function emittedModuleLookup(compilation: Compilation): EmittedModuleLookup {
  const { chunkGraph, moduleGraph } = compilation;
  const findEmitted = emittedModuleFinder(compilation);
  return (module) => {
    const emitted = findEmitted(module);
    if (!emitted) return null;
    const id = chunkGraph.getModuleId(emitted);
    if (id === null || id === undefined) return null;
    return { id, chunks: chunksToLoad(emitted, compilation), async: moduleGraph.isAsync(emitted) };
  };
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
