/**
 * Manifest entries name exports that webpack cannot see being used (React reads them at run time by
 * name), so their exports are marked as used in an unknown way: not tree-shaken, not mangled.
 *
 * This runs after webpack has flagged which exports are used, so marking a facade alone would not
 * reach the module it re-exports from: the hoisted exports of that module are marked too.
 */
import type { Compilation } from 'webpack';
import { getModuleRecord } from '../shared/module-record';

export function keepReferencedExports(compilation: Compilation): void {
  for (const module of compilation.modules) {
    const record = getModuleRecord(module);
    if (!record) continue;
    const exportsInfo = compilation.moduleGraph.getExportsInfo(module);
    const referencedByName =
      record.facade === true ||
      (record.directive === 'use server' && record.layer === 'server') ||
      (record.directive === 'use client' && record.layer !== 'server');
    if (referencedByName) exportsInfo.setUsedInUnknownWay(undefined);
    for (const fn of record.inlineServerFunctions ?? []) {
      exportsInfo.getExportInfo(fn.exportName).setUsedInUnknownWay(undefined);
    }
  }
}
