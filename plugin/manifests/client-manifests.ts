/**
 * The two manifests React needs for "use client" modules:
 * - the client manifest (browser compilation) for renderToPipeableStream on the server:
 *     { "<client reference id>": { "id": <browser module id>, "chunks": [...], "name": "*" } }
 * - the server consumer manifest (SSR compilation) for createFromNodeStream:
 *     { "moduleMap": { "<client reference id>": { "*": { "id": <SSR module id>, "chunks": [...], "name": "*" } } },
 *       "serverModuleMap": null, "moduleLoading": { "prefix": <browser public path>, "crossOrigin": null } }
 * React splits a reference `<id>#<export>` at `#` and reads the export by name from the module.
 */
import type { Compilation } from 'webpack';
import type { Layer } from '../../shared/module-record';
import { chunkFile, describeEmitted, emittedRecords } from './emitted-modules';

interface ClientModuleEntry {
  id: string | number;
  chunks: Array<string | number | null>;
  name: '*';
  async?: true;
}

function clientModuleEntries(
  compilation: Compilation,
  layer: Layer,
  referenced: Set<string>,
): Array<[string, ClientModuleEntry]> {
  const entries: Array<[string, ClientModuleEntry]> = [];
  for (const { record, emitted: module } of emittedRecords(compilation)) {
    if (record.directive !== 'use client' || record.layer !== layer || !record.clientReferenceId) continue;
    if (!referenced.has(record.clientReferenceId)) continue;
    const emitted = describeEmitted(compilation, module);
    if (!emitted) continue;
    entries.push([
      record.clientReferenceId,
      {
        id: emitted.id,
        chunks: emitted.chunks.flatMap((chunk) => [chunk.id, chunkFile(chunk)]),
        name: '*',
        ...(emitted.async ? { async: true as const } : {}),
      },
    ]);
  }
  return entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export function clientManifestJson(compilation: Compilation, referenced: Set<string>): string {
  return JSON.stringify(Object.fromEntries(clientModuleEntries(compilation, 'browser', referenced)), null, 2) + '\n';
}

export function ssrManifestJson(
  compilation: Compilation,
  referenced: Set<string>,
  browserPublicPath: string,
): string {
  const moduleMap = Object.fromEntries(
    clientModuleEntries(compilation, 'ssr', referenced).map(([id, entry]) => [id, { '*': entry }]),
  );
  const manifest = { moduleMap, serverModuleMap: null, moduleLoading: { prefix: browserPublicPath, crossOrigin: null } };
  return JSON.stringify(manifest, null, 2) + '\n';
}
