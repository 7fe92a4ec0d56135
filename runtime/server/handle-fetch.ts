/**
 * The request helper for servers built on the Fetch API (Hono, Bun, Deno, Cloudflare-style workers,
 * Next-style route handlers): a thin adapter over the shared core (handle-action.ts), which makes
 * every check, limit and refusal, exactly as for Node. Here: the Request as the core reads it (the
 * body read from its stream within the limits, fetch-body.ts), and the answer as a Response (a call's
 * Flight as a ReadableStream). The request's abort signal stops reading its body, keeps a function not
 * yet started from running, and aborts the Flight render. No Node built-in is imported: an edge
 * bundle can hold it (AsyncLocalStorage comes from globalThis there, see async-storage.ts).
 */
import { renderToReadableStream } from 'react-server-dom-webpack/server';
import type { ActionAnswer, ActionRequest, HeaderPairs } from './action-request';
import { ServerActionBodyConsumedError } from './consumed-body';
import { fetchBody } from './fetch-body';
import { handleAction } from './handle-action';
import type { HandleServerActionOptions, ServerActionResult } from './request-options';

/** The Fetch handler's options: those of the Node helper, `renderRoot` given the Request. */
export type HandleServerActionFetchOptions = HandleServerActionOptions<Request>;

export interface ServerActionFetchOutcome {
  /**
   * The answer to send, when the helper answered: a call (200, 500, 204 for a redirect), a form post
   * redirected (303), a refusal. Null: not answered, render the page (see `result`) with `headers`.
   */
  response: Response | null;
  /** What happened, as the Node helper reports it (kind: none, refused, call, redirect, form). */
  result: ServerActionResult;
  /**
   * With a null `response`, the headers the page's Response must carry: the form-state cookie cleared
   * on the GET after a redirected form post, the cookies and headers a server function set when its
   * form post is answered by the page. Empty otherwise (they are on `response`).
   */
  headers: Headers;
}

/**
 * Handles `request` if it is a server-function request (a call from `callServer`, or a form posted
 * without JavaScript): `response` is then its answer. Otherwise (`response` null) the app answers as
 * usual, rendering the page with `result.formState` (after a redirected form post) and `headers`.
 * Rejects with the signal's reason when the request is aborted before it is answered.
 */
export async function handleServerActionFetch(
  request: Request,
  options: HandleServerActionFetchOptions = {},
): Promise<ServerActionFetchOutcome> {
  const outcome = await handleAction(actionRequest(request), options, (payload, onError) =>
    renderToReadableStream(payload, options.clientManifest ?? {}, { onError, signal: request.signal }),
  );
  if (outcome.answer === null) return { response: null, result: outcome.result, headers: toHeaders(outcome.headers) };
  return { response: toResponse(outcome.answer), result: outcome.result, headers: new Headers() };
}

function actionRequest(request: Request): ActionRequest<Request> {
  const url = new URL(request.url);
  return {
    native: request,
    method: request.method,
    target: url.pathname + url.search,
    header: (name) => request.headers.get(name) ?? (name === 'host' ? url.host : undefined),
    headers: () => request.headers,
    encrypted: url.protocol === 'https:',
    body: fetchBody(request),
    signal: request.signal,
    assertBodyUnread() {
      if (request.bodyUsed) throw new ServerActionBodyConsumedError();
    },
  };
}

function toHeaders(pairs: HeaderPairs): Headers {
  const headers = new Headers();
  for (const [name, value] of pairs) headers.append(name, value);
  return headers;
}

function toResponse(answer: ActionAnswer<ReadableStream<Uint8Array>>): Response {
  const body = answer.body === null || typeof answer.body === 'string' ? answer.body : answer.body.flight;
  return new Response(body, { status: answer.status, headers: toHeaders(answer.headers) });
}
