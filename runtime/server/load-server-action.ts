/**
 * Resolves an action ID to its registered server function, and nothing else: the ID must be a key of
 * the manifest (own property, exact match, no `#` fallback), and the export it names must be a server
 * reference registered under that very ID.
 *
 * `loadServerAction` runs once per request: it reads the manifest once, awaits only what is a promise
 * (a chunk to load, a module with top-level await), and refuses with one error made once (below).
 */
import { ServerActionNotFoundError } from './errors';
import { readServerActionsManifest, type ServerManifestEntry } from './manifest';
import { loadWebpackChunk, requireWebpackModule } from './webpack-globals';

const ACTION_ID = /^[0-9a-f]{40}$/;
const SERVER_REFERENCE = Symbol.for('react.server.reference');
const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Every refusal rejects with this one error, frozen: making an `Error` costs V8 about 270 ns even
 * without a stack, more than the rest of a refusal (see docs/benchmarks.md), and a refused ID is
 * client input a server may meet at any rate. Its message, code, type and stack are those of a new
 * one; frozen, so that nothing one caller adds to it reaches another's (an assignment to it fails, and
 * throws in strict code: wrap it, `new Error('…', { cause })`, to add context).
 */
let notFound: ServerActionNotFoundError | undefined;

function notFoundError(): ServerActionNotFoundError {
  return (notFound ??= Object.freeze(new ServerActionNotFoundError()));
}

export type ServerFunction = ((...args: unknown[]) => Promise<unknown>) & { $$id: string };

export function isWellFormedActionId(id: unknown): id is string {
  return typeof id === 'string' && id.length === 40 && ACTION_ID.test(id);
}

export function hasServerAction(id: unknown): id is string {
  return isWellFormedActionId(id) && hasOwn.call(readServerActionsManifest(), id);
}

export async function loadServerAction(id: string): Promise<ServerFunction> {
  const manifest = readServerActionsManifest();
  if (!isWellFormedActionId(id) || !hasOwn.call(manifest, id)) {
    // Rejected once the caller has awaited (or caught) the promise: one rejected before it has a
    // handler goes through Node's unhandled-rejection bookkeeping, half of a refusal's cost.
    await undefined;
    throw notFoundError();
  }
  const entry = manifest[id];
  for (let index = 0; index < entry.chunks.length; index += 2) await loadWebpackChunk(entry.chunks[index]);
  const required = requireWebpackModule(entry.id);
  // A module with top-level await gives a promise of its exports.
  const moduleExports = typeof (required as { then?: unknown }).then === 'function' ? await required : (required as Record<string, unknown>);
  // registeredExport's check, written out: the call costs a tenth of a known ID's lookup.
  const fn = hasOwn.call(moduleExports, entry.name) ? moduleExports[entry.name] : undefined;
  const reference = fn as Partial<ServerFunction> & { $$typeof?: symbol };
  if (typeof fn !== 'function' || reference.$$typeof !== SERVER_REFERENCE || reference.$$id !== id) throw notFoundError();
  return fn as ServerFunction;
}

/**
 * The server function registered under `id`, for its manifest entry: the function itself when its
 * module is loaded, a promise of it only when a chunk or the module (top-level await) must be awaited,
 * null when the export is no server reference registered under that very ID. For the request helper,
 * which has checked the ID already: loadServerAction does the same inline (its caller awaits anyway).
 */
export function registeredFunction(id: string, entry: ServerManifestEntry): ServerFunction | null | Promise<ServerFunction | null> {
  if (entry.chunks.length > 0) return loadChunks(entry).then(() => registeredFunctionOf(id, entry, requireWebpackModule(entry.id)));
  return registeredFunctionOf(id, entry, requireWebpackModule(entry.id));
}

async function loadChunks(entry: ServerManifestEntry): Promise<void> {
  for (let index = 0; index < entry.chunks.length; index += 2) await loadWebpackChunk(entry.chunks[index]);
}

function registeredFunctionOf(
  id: string,
  entry: ServerManifestEntry,
  required: Record<string, unknown> | Promise<Record<string, unknown>>,
): ServerFunction | null | Promise<ServerFunction | null> {
  // A module with top-level await gives a promise of its exports.
  if (typeof (required as { then?: unknown }).then === 'function') {
    return Promise.resolve(required).then((moduleExports) => registeredExport(id, entry, moduleExports));
  }
  return registeredExport(id, entry, required as Record<string, unknown>);
}

function registeredExport(id: string, entry: ServerManifestEntry, moduleExports: Record<string, unknown>): ServerFunction | null {
  const fn = hasOwn.call(moduleExports, entry.name) ? moduleExports[entry.name] : undefined;
  const reference = fn as Partial<ServerFunction> & { $$typeof?: symbol };
  if (typeof fn !== 'function' || reference.$$typeof !== SERVER_REFERENCE || reference.$$id !== id) return null;
  return fn as ServerFunction;
}
