/**
 * The server-actions manifest: one entry per server function, keyed by action ID, in the format that
 * react-server-dom-webpack's decodeReply, decodeAction and decodeFormState take as is:
 *   { "<actionId>": { "id": <module id>, "chunks": [<chunk id>, <file>, …], "name": "<export>",
 *                     "async"?: true, "file": "<path relative to root>" } }
 * Every entry points at a "use server" module, whose exports are all server functions (the loader
 * refuses anything else), so React's `<key>#<name>` fallback cannot reach anything but a server function.
 */
import type { Chunk, Compilation } from 'webpack';
import { chunkFile, describeEmitted, emittedRecords } from './emitted-modules';

export interface ServerFunctionEntry {
  actionId: string;
  moduleId: string | number;
  chunks: Chunk[];
  name: string;
  async: boolean;
  file: string;
}

export function collectServerFunctions(compilation: Compilation): ServerFunctionEntry[] {
  const entries: ServerFunctionEntry[] = [];
  for (const { record, emitted: module } of emittedRecords(compilation)) {
    if (record.directive !== 'use server' || record.layer !== 'server') continue;
    const emitted = describeEmitted(compilation, module);
    if (!emitted) continue;
    for (const fn of record.serverFunctions ?? []) {
      entries.push({
        actionId: fn.id,
        moduleId: emitted.id,
        chunks: emitted.chunks,
        name: fn.exportName,
        async: emitted.async,
        file: record.relativePath ?? '',
      });
    }
  }
  return entries.sort((a, b) => (a.actionId < b.actionId ? -1 : a.actionId > b.actionId ? 1 : 0));
}

export function serverManifestJson(entries: ServerFunctionEntry[]): string {
  const manifest: Record<string, unknown> = {};
  for (const entry of entries) {
    manifest[entry.actionId] = {
      id: entry.moduleId,
      chunks: entry.chunks.flatMap((chunk) => [chunk.id, chunkFile(chunk)]),
      name: entry.name,
      ...(entry.async ? { async: true } : {}),
      file: entry.file,
    };
  }
  return JSON.stringify(manifest, null, 2) + '\n';
}

/**
 * The same manifest as JavaScript for the server bundle's runtime, where chunk files are not known yet
 * when the code is generated: they come from webpack's own chunk-filename function at run time.
 */
export function serverManifestCode(entries: ServerFunctionEntry[], requireName: string): string {
  const lines = entries.map((entry) => {
    const chunks = entry.chunks
      .map((chunk) => `${JSON.stringify(chunk.id)}, ${requireName}.u(${JSON.stringify(chunk.id)})`)
      .join(', ');
    const asyncField = entry.async ? ', async: true' : '';
    return (
      `  ${JSON.stringify(entry.actionId)}: { id: ${JSON.stringify(entry.moduleId)}, chunks: [${chunks}], ` +
      `name: ${JSON.stringify(entry.name)}${asyncField}, file: ${JSON.stringify(entry.file)} }`
    );
  });
  return `{\n${lines.join(',\n')}\n}`;
}
