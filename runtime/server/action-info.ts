/** Checks of an action ID against the manifest, as refusals the request helper answers. */
import { ServerActionRequestError } from './errors';
import { hasServerAction, isWellFormedActionId } from './load-server-action';
import { readServerActionsManifest } from './manifest';
import type { ServerActionInfo } from './request-options';

/**
 * The server function `id` names: 400 for an ID that is not one (nothing is looked up for it), 404 for
 * one the manifest does not have.
 */
export function requireKnownAction(id: unknown): ServerActionInfo {
  if (!isWellFormedActionId(id)) throw new ServerActionRequestError('bad-request', 'The action ID is malformed.');
  if (!hasServerAction(id)) throw notFound();
  const entry = readServerActionsManifest()[id];
  return { id, name: entry.function ?? entry.name };
}

export function notFound(): ServerActionRequestError {
  return new ServerActionRequestError('not-found', 'Unknown server action.');
}
