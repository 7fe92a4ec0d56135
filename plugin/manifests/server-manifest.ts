/**
 * The server-actions manifest: one entry per server function, keyed by action ID, in the format that
 * react-server-dom-webpack's decodeReply, decodeAction and decodeFormState take as is:
 *   { "<actionId>": { "id": <module id>, "chunks": [<chunk id>, <file>, …], "name": "<export>",
 *                     "async"?: true, "file": "<path relative to root>",
 *                     "function"?: "<name as written>", "line"?: <n>, "column"?: <n> } }
 * (`function`, `line` and `column` for inline server functions): the runtime's `ServerManifestEntry`
 * (runtime/types.ts), made by one function for both the emitted JSON and the runtime module.
 *
 * Every entry points at a "use server" module or at the facade of a module with inline server
 * functions, whose exports are all server functions, so React's `<key>#<name>` fallback cannot reach
 * anything but a server function.
 */
import type { Chunk, Compilation, Module } from 'webpack';
import type { ServerActionsManifest, ServerManifestEntry } from '../../runtime/types';
import { getModuleRecord, type ModuleRecord } from '../../shared/module-record';
import { chunkFile, describeEmitted, emittedRecords } from './emitted-modules';
import { Expression, objectLiteral } from './object-literal';

export interface ServerFunctionEntry {
  actionId: string;
  /** The module in the chunks that the manifest points at. */
  module: Module;
  moduleId: string | number;
  chunks: Chunk[];
  name: string;
  async: boolean;
  file: string;
  /** Inline server functions: where they are defined. */
  source?: { function: string; line: number; column: number };
}

// The runtime module (code generation) and the emitted JSON (processAssets) both read the entries, once
// module and chunk IDs are final; one walk over the modules serves both.
const collected = new WeakMap<Compilation, ServerFunctionEntry[]>();

export function collectServerFunctions(compilation: Compilation): ServerFunctionEntry[] {
  let entries = collected.get(compilation);
  if (!entries) collected.set(compilation, (entries = collectEntries(compilation)));
  return entries;
}

function collectEntries(compilation: Compilation): ServerFunctionEntry[] {
  const entries: ServerFunctionEntry[] = [];
  for (const { record, emitted: module, recorded } of emittedRecords(compilation)) {
    const isServerFunctionModule = record.directive === 'use server' && record.layer === 'server';
    const inlineModule = record.facade === true ? facadeTarget(compilation, recorded) : undefined;
    if (!isServerFunctionModule && !inlineModule) continue;
    const emitted = describeEmitted(compilation, module);
    if (!emitted) continue;
    const at = { module, moduleId: emitted.id, chunks: emitted.chunks, async: emitted.async };
    for (const fn of record.serverFunctions ?? []) {
      entries.push({ ...at, actionId: fn.id, name: fn.exportName, file: record.relativePath ?? '' });
    }
    for (const fn of inlineModule?.inlineServerFunctions ?? []) {
      entries.push({
        ...at,
        actionId: fn.id,
        name: fn.exportName,
        file: inlineModule!.relativePath ?? '',
        source: { function: fn.name, line: fn.line, column: fn.column },
      });
    }
  }
  return entries.sort((a, b) => (a.actionId < b.actionId ? -1 : a.actionId > b.actionId ? 1 : 0));
}

/**
 * The record of the module a facade re-exports from: its only dependency (or the concatenated module
 * that module became the root of, which its connections now lead to).
 */
function facadeTarget(compilation: Compilation, facade: Module): ModuleRecord | undefined {
  for (const dependency of facade.dependencies) {
    const target = compilation.moduleGraph.getModule(dependency);
    const source = (target as { rootModule?: Module } | null)?.rootModule ?? target;
    const record = source ? getModuleRecord(source) : undefined;
    if (record?.inlineServerFunctions) return record;
  }
  return undefined;
}

/** The manifest whose chunk files are `File`s: file names in the JSON, code in the runtime module. */
export type ServerManifestWith<File> = Record<string, ServerManifestEntryWith<File>>;

export type ServerManifestEntryWith<File> = Omit<ServerManifestEntry, 'chunks'> & {
  chunks: Array<string | number | File>;
};

/**
 * The one function that makes the manifest, from entries sorted by action ID; both outputs below
 * write what it makes. `fileOf` gives a chunk's file, which the JSON names and the runtime module
 * computes.
 */
export function serverManifest<File>(
  entries: ServerFunctionEntry[],
  fileOf: (chunk: Chunk) => File,
): ServerManifestWith<File> {
  const manifest: ServerManifestWith<File> = {};
  for (const entry of entries) {
    // Chunk IDs are assigned before the runtime module is generated and the assets are processed.
    const chunks = entry.chunks.flatMap((chunk) => [chunk.id as string | number, fileOf(chunk)]);
    // The fields in this order, the optional ones only when set. Assigned rather than spread: this runs
    // over thousands of entries once per build, mostly before V8 optimises it, where spreads cost more.
    const fields = { id: entry.moduleId, chunks, name: entry.name } as ServerManifestEntryWith<File>;
    if (entry.async) fields.async = true;
    fields.file = entry.file;
    if (entry.source) Object.assign(fields, entry.source);
    manifest[entry.actionId] = fields;
  }
  return manifest;
}

/**
 * What the manifest's text is written from, as primitives (manifests/reused-text.ts): each entry's
 * fields and its chunks' IDs, and with `files` their files too, which the JSON names (the runtime
 * module's code asks webpack's runtime for them instead).
 */
export function serverManifestFacts(entries: ServerFunctionEntry[], files: boolean): unknown[] {
  const facts: unknown[] = [];
  for (const entry of entries) {
    const { actionId, moduleId, name, async, file, source, chunks } = entry;
    facts.push(actionId, moduleId, name, async, file, source?.function, source?.line, source?.column, chunks.length);
    for (const chunk of chunks) {
      facts.push(chunk.id);
      if (files) facts.push(chunkFile(chunk));
    }
  }
  return facts;
}

/** The emitted JSON, in the runtime's own manifest type. */
export function serverManifestJson(entries: ServerFunctionEntry[]): string {
  const manifest: ServerActionsManifest = serverManifest(entries, chunkFile);
  return JSON.stringify(manifest, null, 2) + '\n';
}

/**
 * The same manifest as JavaScript for the server bundle's runtime, where chunk files are not known yet
 * when the code is generated: they come from webpack's own chunk-filename function at run time.
 */
export function serverManifestCode(entries: ServerFunctionEntry[], requireName: string): string {
  const fileOf = (chunk: Chunk) => new Expression(`${requireName}.u(${JSON.stringify(chunk.id)})`);
  return objectLiteral(serverManifest(entries, fileOf));
}
