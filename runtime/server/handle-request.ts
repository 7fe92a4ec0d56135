/**
 * The request helper for a Node HTTP server (node:http, Express, Fastify's raw request): a thin
 * adapter over the shared core (handle-action.ts), which makes every check, limit and refusal. Here:
 * the IncomingMessage as the core reads it, the answer written to the ServerResponse (a call's Flight
 * piped to it), and what only a socket has: a refused request's remaining body dropped within limits,
 * or its connection closed.
 */
import './node-async-storage';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { renderToPipeableStream } from 'react-server-dom-webpack/server';
import type { ActionAnswer, ActionRequest, HeaderPairs } from './action-request';
import { assertBodyNotConsumed } from './consumed-body';
import { handleAction, limitsOf } from './handle-action';
import { nodeBody } from './read-body';
import type { ActionOutcome, HandleServerActionOptions, RequestLimits, ServerActionResult } from './request-options';

export type { HandleServerActionOptions, ServerActionInfo, ServerActionResult } from './request-options';

type PipeableFlight = ReturnType<typeof renderToPipeableStream>;

// How much of a refused body is read and dropped, in body size limits, before the connection closes.
const DISCARD_FACTOR = 4;

export function handleServerActionRequest(
  request: IncomingMessage,
  response: ServerResponse,
  options: HandleServerActionOptions = {},
): Promise<ServerActionResult> {
  let handled: Promise<ActionOutcome<PipeableFlight>>;
  try {
    handled = handleAction(actionRequest(request), options, (payload, onError) =>
      renderToPipeableStream(payload, options.clientManifest ?? {}, { onError }),
    );
  } catch (error) {
    // As from an async function: whatever fails, fails as a rejection.
    return Promise.reject(error);
  }
  // `then` rather than an async function's await: one promise less per request.
  return handled.then((outcome) => {
    if (outcome.answer === null) {
      // The app renders the page: the headers it must carry are on the response already.
      appendHeaders(response, outcome.headers);
    } else if (outcome.result.kind === 'refused') {
      refuse(request, response, outcome.answer, limitsOf(options));
    } else {
      writeAnswer(response, outcome.answer);
    }
    return outcome.result;
  });
}

function actionRequest(request: IncomingMessage): ActionRequest<IncomingMessage> {
  return {
    native: request,
    method: request.method ?? 'GET',
    target: request.url ?? '/',
    header(name) {
      const value = request.headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    },
    headers: () => nodeHeaders(request),
    encrypted: (request.socket as TLSSocket).encrypted === true,
    body: nodeBody(request),
    assertBodyUnread: () => assertBodyNotConsumed(request),
  };
}

function nodeHeaders(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (let index = 0; index + 1 < request.rawHeaders.length; index += 2) {
    const name = request.rawHeaders[index];
    // HTTP/2 pseudo-headers (`:authority`) are no header a Headers object can hold.
    if (!name.startsWith(':')) {
      try {
        headers.append(name, request.rawHeaders[index + 1]);
      } catch {
        // A value Headers refuses (a control character Node let through): left out.
      }
    }
  }
  return headers;
}

function appendHeaders(response: ServerResponse, headers: HeaderPairs): void {
  for (const [name, value] of headers) response.appendHeader(name, value);
}

function writeAnswer(response: ServerResponse, answer: ActionAnswer<PipeableFlight>): void {
  appendHeaders(response, answer.headers);
  response.writeHead(answer.status);
  if (answer.body === null || typeof answer.body === 'string') response.end(answer.body ?? undefined);
  else answer.body.flight.pipe(response);
}

function refuse(request: IncomingMessage, response: ServerResponse, answer: ActionAnswer<unknown>, limits: RequestLimits): void {
  const message = answer.body as string;
  const headers = Object.fromEntries(answer.headers);
  if (response.headersSent) {
    response.destroy();
    return;
  }
  if (request.complete) {
    response.writeHead(answer.status, headers).end(message);
    return;
  }
  const tooSlow = answer.status === 408;
  if (tooSlow || Number(request.headers['content-length']) > DISCARD_FACTOR * limits.body.size) {
    // Slowness is what is refused, or the body is too large to be worth reading: the connection closes.
    headers.connection = 'close';
    request.resume();
    response.writeHead(answer.status, headers).end(message);
    return;
  }
  // The whole answer goes out now, for a client that reads while it sends. It is ended only once the
  // rest of the body has been dropped: a connection the client asked to close is closed by Node as
  // soon as the answer ends, and the rest of the body would then meet a reset (EPIPE) that makes a
  // client still sending lose the answer.
  response.writeHead(answer.status, { ...headers, 'content-length': String(Buffer.byteLength(message)) });
  response.write(message);
  dropRestOfBody(request, limits, () => response.end());
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
