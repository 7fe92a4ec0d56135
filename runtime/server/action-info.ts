/** Checks of an action ID against the manifest, as refusals the request helper answers. */
import { ServerActionRequestError } from './errors';
import { isWellFormedActionId } from './load-server-action';
import { readServerActionsManifest, type ServerManifestEntry } from './manifest';
import type { ServerActionInfo } from './request-options';

const hasOwn = Object.prototype.hasOwnProperty;

/** A server function the manifest has: what the result says of it, and its entry, to load it by. */
export interface KnownAction {
  info: ServerActionInfo;
  entry: ServerManifestEntry;
}

/**
 * The server function `id` names: 400 for an ID that is not one (nothing is looked up for it), 404 for
 * one the manifest does not have. The ID's format is checked here, once per request.
 */
export function requireKnownAction(id: unknown): KnownAction {
  if (!isWellFormedActionId(id)) throw new ServerActionRequestError('bad-request', 'The action ID is malformed.');
  const manifest = readServerActionsManifest();
  if (!hasOwn.call(manifest, id)) throw notFound();
  const entry = manifest[id];
  return { info: { id, name: entry.function ?? entry.name }, entry };
}

export function notFound(): ServerActionRequestError {
  return new ServerActionRequestError('not-found', 'Unknown server action.');
}
