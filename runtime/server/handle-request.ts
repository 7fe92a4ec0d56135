/**
 * One server-action request, end to end, for a Node HTTP server:
 * - a call from `callServer` (header `x-server-action`, call-request.ts): the function runs with the
 *   decoded arguments and its result is rendered with React's Flight;
 * - a form posted before hydration or without JavaScript (`$ACTION_` fields, form-request.ts).
 * Both run inside the request's scope (request-context.ts), so that the function can authenticate its
 * caller. Before anything is read or decoded, the method and the Origin are checked; then the action
 * ID, before anything is imported; the body is read within limits. A refused request is answered here
 * with its status and `x-server-action-error` code, and never reaches a server function.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ACTION_ERROR_HEADER, ACTION_ID_HEADER } from '../protocol';
import { REFUSALS, type Refusal } from '../refusals';
import { handleCall } from './call-request';
import { assertBodyNotConsumed } from './consumed-body';
import { ServerActionRequestError } from './errors';
import { takeFormState } from './form-state-cookie';
import { handleForm } from './form-request';
import { isAllowedOrigin } from './origin';
import { DEFAULT_BODY_SIZE_LIMIT, DEFAULT_BODY_TIMEOUT, isMultipart, isUrlEncoded } from './read-body';
import { runWithRequest } from './request-context';
import type { HandleServerActionOptions, RequestLimits, ServerActionResult } from './request-options';

export type { HandleServerActionOptions, ServerActionInfo, ServerActionResult } from './request-options';

const DEFAULT_MAX_ARGUMENTS = 100;
// How much of a refused body is read and dropped, in body size limits, before the connection closes.
const DISCARD_FACTOR = 4;

export async function handleServerActionRequest(
  request: IncomingMessage,
  response: ServerResponse,
  options: HandleServerActionOptions = {},
): Promise<ServerActionResult> {
  const actionHeader = request.headers[ACTION_ID_HEADER];
  const isForm = isMultipart(request) || isUrlEncoded(request);
  // Before the method check: the body of a refused PUT is dropped within the app's limits too.
  const limits = limitsOf(options);
  if (request.method !== 'POST') {
    if (actionHeader !== undefined) {
      const error = new ServerActionRequestError('method-not-allowed', 'Server functions are called with POST.');
      return refuse(request, response, error, limits);
    }
    return { kind: 'none', formState: options.redirectAfterFormPost ? await takeFormState(request, response) : null };
  }
  if (actionHeader === undefined && !isForm) return { kind: 'none', formState: null };

  const report = options.onError ?? ((error: unknown) => console.error(error));
  try {
    if (!isAllowedOrigin(request, options)) {
      throw new ServerActionRequestError('forbidden', 'Server functions are not called from other origins.');
    }
    assertBodyNotConsumed(request);
    return await runWithRequest(request, () =>
      actionHeader !== undefined
        ? handleCall(request, response, actionHeader, limits, options, report)
        : handleForm(request, response, limits, options, report),
    );
  } catch (error) {
    if (error instanceof ServerActionRequestError) return refuse(request, response, error, limits);
    throw error;
  }
}

function limitsOf(options: HandleServerActionOptions): RequestLimits {
  const size = options.bodySizeLimit ?? DEFAULT_BODY_SIZE_LIMIT;
  return {
    body: { size, timeout: options.bodyTimeout ?? DEFAULT_BODY_TIMEOUT },
    maxArguments: options.maxArguments ?? DEFAULT_MAX_ARGUMENTS,
    // React counts array slots, string characters and typed-array bytes, again for each reference:
    // a body without references never reaches its own size, so only amplification is refused.
    arraySizeLimit: options.arraySizeLimit ?? size,
  };
}

function refuse(
  request: IncomingMessage,
  response: ServerResponse,
  error: ServerActionRequestError,
  limits: RequestLimits,
): ServerActionResult {
  const result = { kind: 'refused', status: error.status, code: error.reason } as const;
  const refusal: Refusal = REFUSALS[error.reason];
  const headers: Record<string, string> = {
    'content-type': 'text/plain; charset=utf-8',
    [ACTION_ERROR_HEADER]: error.reason,
    ...refusal.headers,
  };
  if (response.headersSent) {
    response.destroy();
    return result;
  }
  if (request.complete) {
    response.writeHead(error.status, headers).end(error.message);
    return result;
  }
  if (error.reason === 'timeout' || Number(request.headers['content-length']) > DISCARD_FACTOR * limits.body.size) {
    // Slowness is what is refused, or the body is too large to be worth reading: the connection closes.
    headers.connection = 'close';
    request.resume();
    response.writeHead(error.status, headers).end(error.message);
    return result;
  }
  // The whole answer goes out now, for a client that reads while it sends. It is ended only once the
  // rest of the body has been dropped: a connection the client asked to close is closed by Node as
  // soon as the answer ends, and the rest of the body would then meet a reset (EPIPE) that makes a
  // client still sending lose the answer.
  response.writeHead(error.status, { ...headers, 'content-length': String(Buffer.byteLength(error.message)) });
  response.write(error.message);
  dropRestOfBody(request, limits, () => response.end());
  return result;
}

/**
 * The rest of a refused request's body is not wanted, but a client still sending it reads the answer
 * only once it has sent it (closing at once makes a browser report a network error, not the refusal).
 * So it is read and dropped, within the body's deadline and a few times its size limit, and `dropped`
 * is called at its end; past either limit, the connection closes.
 */
function dropRestOfBody(request: IncomingMessage, limits: RequestLimits, dropped: () => void): void {
  const budget = DISCARD_FACTOR * limits.body.size;
  let discarded = 0;
  const socket = request.socket;
  const stop = () => socket.destroy();
  const deadline = setTimeout(stop, limits.body.timeout);
  // Once its answer is sent, a request whose client goes away mid-body never closes: its socket does.
  const done = () => {
    clearTimeout(deadline);
    request.off('close', done);
    socket.off('close', done);
  };
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > budget) stop();
  });
  request.once('end', () => {
    done();
    dropped();
  });
  request.once('close', done);
  socket.once('close', done);
  request.resume();
}
