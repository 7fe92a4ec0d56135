/**
 * Module IDs the plugin sets itself, before webpack's ID plugins run (they keep IDs already set):
 *
 * - In the browser and SSR compilations, a "use client" module gets its client-reference ID. React's
 *   Flight payload carries the browser's module ID, and the SSR consumer manifest is keyed by it; with
 *   one ID in every compilation both manifests are made by each compilation alone, whatever order the
 *   compilers finish in and whatever `optimization.moduleIds` says for the other modules.
 * - A facade of inline server functions gets a hash of its file's relative path. Its request names the
 *   facade loader by path, and webpack's readable IDs would carry that path, which differs between
 *   checkouts when the package lives outside the app (a linked package).
 */
import type { Compilation, Module } from 'webpack';
import { facadeModuleId } from '../../shared/ids';
import { moduleIdSetter } from '../bundler/module-ids';
import { findEmittedRecords } from '../manifests/emitted-modules';

export function assignModuleIds(compilation: Compilation, modules: Iterable<Module>, salt: string): void {
  const setModuleId = moduleIdSetter(compilation, modules);
  for (const { record, emitted } of findEmittedRecords(compilation)) {
    if (record.directive === 'use client' && record.layer !== 'server' && record.clientReferenceId) {
      setModuleId(emitted, record.clientReferenceId);
    } else if (record.facade === true && record.relativePath !== undefined) {
      setModuleId(emitted, facadeModuleId(record.relativePath, salt));
    }
  }
}
