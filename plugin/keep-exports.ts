/**
 * Manifest entries name exports that webpack cannot see being used (React reads them at run time by
 * name), so their exports are marked as used in an unknown way: not tree-shaken, not mangled.
 */
import type { Compilation } from 'webpack';
import { getModuleRecord } from '../shared/module-record';

export function keepReferencedExports(compilation: Compilation): void {
  for (const module of compilation.modules) {
    const record = getModuleRecord(module);
    if (!record?.directive && !record?.facadeOf) continue;
    const referencedByName =
      record.facadeOf !== undefined ||
      (record.directive === 'use server' && record.layer === 'server') ||
      (record.directive === 'use client' && record.layer !== 'server');
    if (referencedByName) compilation.moduleGraph.getExportsInfo(module).setUsedInUnknownWay(undefined);
  }
}
