/**
 * One server-action request, end to end, for a Node HTTP server:
 * - a call from `callServer` (header `x-server-action`): the arguments are decoded with React's
 *   decodeReply (decodeReplyFromBusboy for multipart bodies), the function runs, and its result is
 *   rendered with React's Flight as `{ returnValue }`, with the re-rendered tree as `root` when the app
 *   gives `renderRoot`;
 * - a form posted before hydration or without JavaScript (`$ACTION_` fields): React's decodeAction
 *   runs the action and decodeFormState gives useActionState its state; the app then renders the page,
 *   or, with `redirectAfterFormPost`, the browser is sent back to it with `303 See Other`.
 * A server function that calls `redirect()` sends the browser on in either case. The action ID is
 * checked against the manifest before anything is decoded.
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
import {
  ACTION_ERROR_HEADER,
  ACTION_ID_HEADER,
  ACTION_REDIRECT_HEADER,
  FLIGHT_CONTENT_TYPE,
  type ActionErrorCode,
  type ActionResponsePayload,
} from '../protocol';
import { CapturedValuesRejectedError, ServerActionRedirect, ServerActionRequestError } from './errors';
import { formStateCookie, samePageLocation, takeFormState } from './form-state-cookie';
import { hasServerAction, loadServerAction } from './load-server-action';
import { getServerActionsManifest } from './manifest';
import { DEFAULT_BODY_SIZE_LIMIT, isMultipart, isUrlEncoded, multipartParser, readFormData, readText } from './read-body';

export interface HandleServerActionOptions {
  /** The client manifest, to render return values that contain client components. */
  clientManifest?: ClientManifest;
  /** The largest request body accepted, in bytes. Default: 1 MB. */
  bodySizeLimit?: number;
  /**
   * Called with every error a server function throws, and with errors rendering its answer (such as
   * the `renderRoot` tree). Default: `console.error`.
   */
  onError?: (error: unknown) => void;
  /**
   * The server component tree to send back with the return value of a call (as `root`), rendered
   * after the function ran, so that the page shows new data without another request.
   */
  renderRoot?: (request: IncomingMessage) => unknown;
  /**
   * Answer a form post that succeeded with `303 See Other` to the URL it was posted to, so that
   * reloading the page does not post again. `useActionState` state goes along in a sealed cookie and
   * comes back as the `formState` of that page's request. Default: false, the page is the POST's answer.
   */
  redirectAfterFormPost?: boolean;
}

export type ServerActionResult =
  /**
   * Not a server-action request: handle it as usual. `formState` is what a form post redirected here
   * left for this page (with `redirectAfterFormPost`), or null.
   */
  | { kind: 'none'; formState: unknown }
  /** A call from `callServer`: the response has been sent. */
  | { kind: 'call'; status: number }
  /** A form post answered with a redirect (`redirect()`, or `redirectAfterFormPost`): the response has been sent. */
  | { kind: 'redirect'; status: 303; location: string }
  /**
   * A form post: render the page with this status, passing `formState` to React. When the server
   * function threw, `error` is what it threw (status 500): render the page in an error state.
   */
  | { kind: 'form'; status: 200 | 500; returnValue: unknown; formState: unknown; error?: unknown };

function report(options: HandleServerActionOptions, error: unknown): void {
  if (options.onError) options.onError(error);
  else console.error(error);
}

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
  if (request.method !== 'POST') {
    return { kind: 'none', formState: options.redirectAfterFormPost ? await takeFormState(request, response) : null };
  }
  const limit = options.bodySizeLimit ?? DEFAULT_BODY_SIZE_LIMIT;
  const actionId = request.headers[ACTION_ID_HEADER];
  try {
    if (actionId !== undefined) return await handleCall(request, response, actionId, limit, options);
    if (isMultipart(request) || isUrlEncoded(request)) return await handleForm(request, response, limit, options);
    return { kind: 'none', formState: null };
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
  let thrown: unknown;
  let payload: ActionResponsePayload;
  try {
    payload = { returnValue: await action(...args) };
  } catch (error) {
    // Captured values that did not open: the request was forged or stale, the function did not run.
    if (error instanceof CapturedValuesRejectedError) throw new ServerActionRequestError(error.message, 400);
    if (error instanceof ServerActionRedirect) {
      response.writeHead(204, { [ACTION_REDIRECT_HEADER]: error.location });
      response.end();
      return { kind: 'call', status: 204 };
    }
    status = 500;
    thrown = error;
    report(options, error);
    payload = { returnValue: Promise.reject(error) };
  }
  if (status === 200 && options.renderRoot) payload.root = options.renderRoot(request);
  response.writeHead(status, { 'content-type': FLIGHT_CONTENT_TYPE });
  renderToPipeableStream(payload, options.clientManifest ?? {}, {
    // The function's own error was reported above; React meets it again while sending it.
    onError: (error: unknown) => (error === thrown ? undefined : report(options, error)),
  }).pipe(response);
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
  response: ServerResponse,
  limit: number,
  options: HandleServerActionOptions,
): Promise<ServerActionResult> {
  const formData = await readFormData(request, limit);
  const manifest = getServerActionsManifest();
  // decodeAction uses the last `$ACTION_ID_` or `$ACTION_REF_` field: check that one, as React will.
  const actionKey = [...formData.keys()].filter((key) => /^\$ACTION_(ID|REF)_/.test(key)).pop();
  if (actionKey === undefined) return { kind: 'none', formState: null };
  if (actionKey.startsWith('$ACTION_ID_') && !hasServerAction(actionKey.slice('$ACTION_ID_'.length))) {
    throw new ServerActionRequestError('The form does not name a known server action.', 404);
  }
  let action: () => Promise<unknown>;
  try {
    action = await decodeAction(formData, manifest)!;
  } catch {
    throw new ServerActionRequestError('The form does not name a known server action.', 404);
  }
  let returnValue: unknown;
  try {
    returnValue = await action();
  } catch (error) {
    if (error instanceof CapturedValuesRejectedError) throw new ServerActionRequestError(error.message, 400);
    if (error instanceof ServerActionRedirect) return seeOther(response, error.location);
    report(options, error);
    return { kind: 'form', status: 500, returnValue: undefined, formState: null, error };
  }
  const formState = await decodeFormState(returnValue, formData, manifest);
  if (options.redirectAfterFormPost) {
    // Back to the page the form was posted to, by GET, with the state (if any) in a cookie.
    const target = samePageLocation(request.url);
    const cookie = formState === null ? null : await formStateCookie(request, formState, target);
    if (formState === null || cookie !== null) return seeOther(response, target, cookie);
  }
  return { kind: 'form', status: 200, returnValue, formState };
}

function seeOther(response: ServerResponse, location: string, cookie: string | null = null): ServerActionResult {
  if (cookie !== null) response.appendHeader('set-cookie', cookie);
  response.writeHead(303, { location });
  response.end();
  return { kind: 'redirect', status: 303, location };
}
