/**
 * Resolves an action ID to its registered server function, and nothing else: the ID must be a key of
 * the manifest (own property, exact match, no `#` fallback), and the export it names must be a server
 * reference registered under that very ID.
 */
import { ServerActionNotFoundError } from './errors';
import { readServerActionsManifest } from './manifest';
import { loadWebpackChunk, requireWebpackModule } from './webpack-globals';

const ACTION_ID = /^[0-9a-f]{40}$/;
const SERVER_REFERENCE = Symbol.for('react.server.reference');

export type ServerFunction = ((...args: unknown[]) => Promise<unknown>) & { $$id: string };

export function isWellFormedActionId(id: unknown): id is string {
  return typeof id === 'string' && ACTION_ID.test(id);
}

export function hasServerAction(id: unknown): id is string {
  return isWellFormedActionId(id) && Object.prototype.hasOwnProperty.call(readServerActionsManifest(), id);
}

export async function loadServerAction(id: string): Promise<ServerFunction> {
  if (!hasServerAction(id)) throw new ServerActionNotFoundError();
  const entry = readServerActionsManifest()[id];
  for (let index = 0; index < entry.chunks.length; index += 2) await loadWebpackChunk(entry.chunks[index]);
  const moduleExports = await requireWebpackModule(entry.id);
  const fn = Object.prototype.hasOwnProperty.call(moduleExports, entry.name) ? moduleExports[entry.name] : undefined;
  const reference = fn as Partial<ServerFunction> & { $$typeof?: symbol };
  if (typeof fn !== 'function' || reference.$$typeof !== SERVER_REFERENCE || reference.$$id !== id) {
    throw new ServerActionNotFoundError();
  }
  return fn as ServerFunction;
}
