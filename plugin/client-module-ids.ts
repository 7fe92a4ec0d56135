/**
 * In the browser and SSR compilations, a "use client" module gets its client-reference ID as module
 * ID. React's Flight payload carries the browser's module ID, and the SSR consumer manifest is keyed
 * by it; with one ID in every compilation both manifests are made by each compilation alone, whatever
 * order the compilers finish in and whatever `optimization.moduleIds` says for the other modules
 * (webpack's ID plugins keep IDs that are already set).
 */
import type { Compilation } from 'webpack';
import { getModuleRecord } from '../shared/module-record';
import { emittedModuleFinder } from './emitted-modules';

export function assignClientModuleIds(compilation: Compilation): void {
  const findEmitted = emittedModuleFinder(compilation);
  for (const module of compilation.modules) {
    const record = getModuleRecord(module);
    if (record?.directive !== 'use client' || record.layer === 'server' || !record.clientReferenceId) continue;
    const emitted = findEmitted(module);
    if (emitted) compilation.chunkGraph.setModuleId(emitted, record.clientReferenceId);
  }
}
