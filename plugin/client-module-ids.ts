/**
 * In the browser and SSR compilations, a "use client" module gets its client-reference ID as module
 * ID. React's Flight payload carries the browser's module ID, and the SSR consumer manifest is keyed
 * by it; with one ID in every compilation both manifests are made by each compilation alone, whatever
 * order the compilers finish in and whatever `optimization.moduleIds` says for the other modules
 * (webpack's ID plugins keep IDs that are already set).
 */
import type { Compilation } from 'webpack';
import { emittedRecords } from './emitted-modules';

export function assignClientModuleIds(compilation: Compilation): void {
  for (const { record, emitted } of emittedRecords(compilation)) {
    if (record.directive !== 'use client' || record.layer === 'server' || !record.clientReferenceId) continue;
    compilation.chunkGraph.setModuleId(emitted, record.clientReferenceId);
  }
}
