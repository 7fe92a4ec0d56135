/**
 * The request a server function runs for. React's docs ask every server function to authenticate and
 * authorise its caller, and a function's arguments come from that caller: the request (cookies,
 * headers) is the one thing it can trust to say who is calling. The request helper runs each function,
 * and renders its answer, inside an AsyncLocalStorage scope holding the request.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';
import { ServerActionContextError } from './errors';

const currentRequest = new AsyncLocalStorage<IncomingMessage>();

export function runWithRequest<T>(request: IncomingMessage, run: () => T): T {
  return currentRequest.run(request, run);
}

/**
 * The HTTP request of the server function that is running: read the caller's session from it. Throws
 * `ServerActionContextError` anywhere else, so that a check built on it fails closed.
 */
export function getServerActionRequest(): IncomingMessage {
  const request = currentRequest.getStore();
  if (request === undefined) throw new ServerActionContextError();
  return request;
}
