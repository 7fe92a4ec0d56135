/**
 * Modules that React loads by module ID and reads by export name (server functions in the server
 * layer, their facades, "use client" modules in the client layers) are referenced in a way webpack
 * cannot see, so:
 *
 * - their exports are marked as used in an unknown way: not tree-shaken, not mangled. This runs after
 *   webpack has flagged which exports are used, so marking a facade alone would not reach the module
 *   it re-exports from: the hoisted exports of that module are marked too;
 * - module concatenation must not inline them into another module, where their module ID would be
 *   gone. They stay where their importers put them (an async chunk, say), so they are not made
 *   includes; a concatenation bailout keeps them whole instead.
 */
import type { Compilation, Module } from 'webpack';
import { getModuleRecord, type ModuleRecord } from '../shared/module-record';

const BAILOUT = 'a module ID that React loads by (webpack-server-actions)';

export function keepReferencedExports(compilation: Compilation): void {
  for (const module of compilation.modules) {
    const record = getModuleRecord(module);
    if (!record) continue;
    const exportsInfo = compilation.moduleGraph.getExportsInfo(module);
    if (isLoadedById(record)) {
      exportsInfo.setUsedInUnknownWay(undefined);
      keepWhole(module);
    }
    for (const fn of record.inlineServerFunctions ?? []) {
      exportsInfo.getExportInfo(fn.exportName).setUsedInUnknownWay(undefined);
    }
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
