/**
 * The request a server function runs for. React's docs ask every server function to authenticate and
 * authorise its caller, and a function's arguments come from that caller: the request (cookies,
 * headers) is the one thing it can trust to say who is calling. The request helper (Node or Fetch)
 * runs each function, and renders its answer, inside an AsyncLocalStorage scope holding the request
 * and what the function adds to its answer (response-shape.ts).
 */
import type { IncomingMessage } from 'node:http';
import { createAsyncStorage, type AsyncStorage } from './async-storage';
import { ServerActionContextError } from './errors';
import type { ResponseShape } from './response-shape';
import { parseCookieHeader } from './set-cookie';

/** The request as the server gave it to the request helper. */
export type ServerActionRequest = IncomingMessage | Request;

export interface RequestScope {
  request: ServerActionRequest;
  headers: () => Headers;
  response: ResponseShape;
}

/** What a server function can read of the request it runs for, on Node and Fetch servers alike. */
export interface ServerActionContext {
  /** Node's IncomingMessage (handleServerActionRequest) or the Fetch API Request (handleServerActionFetch). */
  readonly request: ServerActionRequest;
  /** The request's headers, as Fetch API Headers whichever the server. */
  readonly headers: Headers;
  /** The request's cookies by name, as sent (not decoded). */
  readonly cookies: ReadonlyMap<string, string>;
}

let storage: AsyncStorage<RequestScope> | undefined;

export function runWithRequest<T>(scope: RequestScope, run: () => T): T {
  storage ??= createAsyncStorage<RequestScope>();
  return storage.run(scope, run);
}

/** The scope of the running server function; `ServerActionContextError` anywhere else (fail closed). */
export function currentScope(what: string): RequestScope {
  const scope = storage?.getStore();
  if (scope === undefined) {
    throw new ServerActionContextError(
      `${what} is only available while a request helper (handleServerActionRequest, handleServerActionFetch) runs a ` +
        'server function, or renders its answer.',
    );
  }
  return scope;
}

/**
 * Node's HTTP request of the server function that is running (handleServerActionRequest): read the
 * caller's session from it. Throws `ServerActionContextError` anywhere else, so that a check built on
 * it fails closed, and under handleServerActionFetch, whose request is a Fetch API Request: use
 * `getServerActionContext()` there (it works under both).
 */
export function getServerActionRequest(): IncomingMessage {
  const { request } = currentScope('getServerActionRequest()');
  if (typeof Request === 'function' && request instanceof Request) {
    throw new ServerActionContextError(
      'getServerActionRequest() gives the Node request of handleServerActionRequest; this server function runs ' +
        'under handleServerActionFetch: read getServerActionContext().request, .headers or .cookies.',
    );
  }
  return request as IncomingMessage;
}

/** The request of the running server function, with its headers and cookies, on any server. */
export function getServerActionContext(): ServerActionContext {
  const scope = currentScope('getServerActionContext()');
  let headers: Headers | undefined;
  let cookies: Map<string, string> | undefined;
  return {
    request: scope.request,
    get headers() {
      headers ??= scope.headers();
      return headers;
    },
    get cookies() {
      cookies ??= parseCookieHeader(this.headers.get('cookie') ?? undefined);
      return cookies;
    },
  };
}
