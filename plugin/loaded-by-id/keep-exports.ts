/**
 * Modules that React loads by module ID and reads by export name (server functions in the server
 * layer, their facades, "use client" modules in the client layers) are referenced in a way webpack
 * cannot see, so:
 *
 * - the exports React reads are marked as used in an unknown way (not tree-shaken, not mangled)
 *   before webpack flags which exports are used (`markNamedExports`), so that the flagging walks
 *   their code and keeps what it imports: marked after it, a client component that only React
 *   renders would keep its export but lose its imports (`undefined` in production). Each export is
 *   marked rather than the module, so that a later use by an importer still counts as a change and
 *   makes webpack walk the module. After the flagging, the whole module is marked too, for exports
 *   the loader could not name (`export *`);
 * - module concatenation must not inline them into another module, where their module ID would be
 *   gone. They stay where their importers put them (an async chunk, say), so they are not made
 *   includes; a concatenation bailout keeps them whole instead.
 */
import type { Compilation, Module } from 'webpack';
import { getModuleRecord, type ModuleRecord } from '../../shared/module-record';

const BAILOUT = 'a module ID that React loads by (webpack-server-actions)';

// The walk before the flagging finds the modules React loads by ID as well, for the tap after it:
// nothing adds modules or changes their records in between.
const loadedByIdInCompilation = new WeakMap<Compilation, Module[]>();

export function markNamedExports(compilation: Compilation): void {
  const loadedById: Module[] = [];
  for (const module of compilation.modules) {
    const record = getModuleRecord(module);
    // Most modules have a record with no directive, no inline server functions: nothing to keep.
    if (!record || !(record.directive || record.inlineServerFunctions || record.facade)) continue;
    if (isLoadedById(record)) loadedById.push(module);
    const names = namedExports(record);
    if (names.length === 0) continue;
    const exportsInfo = compilation.moduleGraph.getExportsInfo(module);
    for (const name of names) exportsInfo.getExportInfo(name).setUsedInUnknownWay(undefined);
  }
  loadedByIdInCompilation.set(compilation, loadedById);
}

function namedExports(record: ModuleRecord): string[] {
  if (record.layer !== 'server' && record.directive === 'use client') return record.clientExports ?? [];
  // A "use server" file may hold inline server functions too (inside its own functions).
  const inline = (record.inlineServerFunctions ?? []).map((fn) => fn.exportName);
  if (record.layer === 'server' && record.directive === 'use server') return [...(record.serverFunctions ?? []).map((fn) => fn.exportName), ...inline];
  return inline;
}

export function keepReferencedExports(compilation: Compilation): void {
  for (const module of loadedByIdInCompilation.get(compilation) ?? []) {
    compilation.moduleGraph.getExportsInfo(module).setUsedInUnknownWay(undefined);
    keepWhole(module);
  }
}

function isLoadedById(record: ModuleRecord): boolean {
  return (
    record.facade === true ||
    (record.directive === 'use server' && record.layer === 'server') ||
    (record.directive === 'use client' && record.layer !== 'server')
  );
}

function keepWhole(module: Module): void {
  const buildInfo = module.buildInfo as { moduleConcatenationBailout?: string } | undefined;
  if (buildInfo && !buildInfo.moduleConcatenationBailout) buildInfo.moduleConcatenationBailout = BAILOUT;
}
