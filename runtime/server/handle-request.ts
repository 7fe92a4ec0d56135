/**
 * One server-action request, end to end, for a Node HTTP server:
 * - a call from `callServer` (header `x-server-action`): the arguments are decoded with React's
 *   decodeReply (decodeReplyFromBusboy for multipart bodies), the function runs, and its result is
 *   rendered with React's Flight as `{ returnValue }`;
 * - a form posted before hydration or without JavaScript (`$ACTION_` fields): React's decodeAction
 *   runs the action and decodeFormState gives useActionState its state; the app then renders the page.
 * The action ID is checked against the manifest before anything is decoded.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  decodeAction,
  decodeFormState,
  decodeReply,
  decodeReplyFromBusboy,
  renderToPipeableStream,
} from 'react-server-dom-webpack/server';
import type { ClientManifest } from '../types';
import { ACTION_ERROR_HEADER, ACTION_ID_HEADER, FLIGHT_CONTENT_TYPE, type ActionErrorCode } from '../protocol';
import { CapturedValuesRejectedError, ServerActionRequestError } from './errors';
import { hasServerAction, loadServerAction } from './load-server-action';
import { getServerActionsManifest } from './manifest';
import { DEFAULT_BODY_SIZE_LIMIT, isMultipart, isUrlEncoded, multipartParser, readFormData, readText } from './read-body';

export interface HandleServerActionOptions {
  /** The client manifest, to render return values that contain client components. */
  clientManifest?: ClientManifest;
  /** The largest request body accepted, in bytes. Default: 1 MB. */
  bodySizeLimit?: number;
  /** Called with every error a server function throws; the client gets a digest, not the error. */
  onError?: (error: unknown) => void;
}

export type ServerActionResult =
  /** Not a server-action request: handle it as usual. */
  | { kind: 'none' }
  /** A call from `callServer`: the response has been sent. */
  | { kind: 'call'; status: number }
  /** A form post: render the page, passing `formState` to React. */
  | { kind: 'form'; returnValue: unknown; formState: unknown; error?: unknown };

function fail(response: ServerResponse, status: number, code: ActionErrorCode, message: string): ServerActionResult {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', [ACTION_ERROR_HEADER]: code });
  response.end(message);
  return { kind: 'call', status };
}

export async function handleServerActionRequest(
  request: IncomingMessage,
  response: ServerResponse,
  options: HandleServerActionOptions = {},
): Promise<ServerActionResult> {
  if (request.method !== 'POST') return { kind: 'none' };
  const limit = options.bodySizeLimit ?? DEFAULT_BODY_SIZE_LIMIT;
  const actionId = request.headers[ACTION_ID_HEADER];
  try {
    if (actionId !== undefined) return await handleCall(request, response, actionId, limit, options);
    if (isMultipart(request) || isUrlEncoded(request)) return await handleForm(request, limit, options);
    return { kind: 'none' };
  } catch (error) {
    if (error instanceof ServerActionRequestError) {
      request.resume();
      return fail(response, error.status, error.status === 404 ? 'not-found' : 'bad-request', error.message);
    }
    throw error;
  }
}

async function handleCall(
  request: IncomingMessage,
  response: ServerResponse,
  actionId: string | string[],
  limit: number,
  options: HandleServerActionOptions,
): Promise<ServerActionResult> {
  if (!hasServerAction(actionId)) {
    request.resume();
    return fail(response, 404, 'not-found', 'Unknown server action.');
  }
  const args = await decodeArguments(request, limit);
  const action = await loadServerAction(actionId);

  let status = 200;
  let returnValue: unknown;
  try {
    returnValue = await action(...args);
  } catch (error) {
    // Captured values that did not open: the request was forged or stale, the function did not run.
    if (error instanceof CapturedValuesRejectedError) throw new ServerActionRequestError(error.message, 400);
    status = 500;
    options.onError?.(error);
    returnValue = Promise.reject(error);
  }
  response.writeHead(status, { 'content-type': FLIGHT_CONTENT_TYPE });
  renderToPipeableStream({ returnValue }, options.clientManifest ?? {}).pipe(response);
  return { kind: 'call', status };
}

async function decodeArguments(request: IncomingMessage, limit: number): Promise<unknown[]> {
  const manifest = getServerActionsManifest();
  let args: unknown;
  try {
    if (isMultipart(request)) {
      const parser = multipartParser(request, limit);
      const decoded = decodeReplyFromBusboy<unknown[]>(parser, manifest);
      request.pipe(parser);
      args = await decoded;
    } else {
      args = await decodeReply<unknown[]>(await readText(request, limit), manifest);
    }
  } catch (error) {
    if (error instanceof ServerActionRequestError) throw error;
    // React's message may quote the body: it is not passed on.
    throw new ServerActionRequestError('The arguments could not be decoded.', 400);
  }
  if (!Array.isArray(args)) throw new ServerActionRequestError('The arguments must be an array.', 400);
  return args;
}

async function handleForm(
  request: IncomingMessage,
  limit: number,
  options: HandleServerActionOptions,
): Promise<ServerActionResult> {
  const formData = await readFormData(request, limit);
  const manifest = getServerActionsManifest();
  // decodeAction uses the last `$ACTION_ID_` or `$ACTION_REF_` field: check that one, as React will.
  const actionKey = [...formData.keys()].filter((key) => /^\$ACTION_(ID|REF)_/.test(key)).pop();
  if (actionKey === undefined) return { kind: 'none' };
  if (actionKey.startsWith('$ACTION_ID_') && !hasServerAction(actionKey.slice('$ACTION_ID_'.length))) {
    throw new ServerActionRequestError('The form does not name a known server action.', 404);
  }
  let action: () => Promise<unknown>;
  try {
    action = await decodeAction(formData, manifest)!;
  } catch {
    throw new ServerActionRequestError('The form does not name a known server action.', 404);
  }
  try {
    const returnValue = await action();
    const formState = await decodeFormState(returnValue, formData, manifest);
    return { kind: 'form', returnValue, formState };
  } catch (error) {
    if (error instanceof CapturedValuesRejectedError) throw new ServerActionRequestError(error.message, 400);
    options.onError?.(error);
    return { kind: 'form', returnValue: undefined, formState: null, error };
  }
}
