/**
 * The request-app fixture behind the Fetch API helper (`handleServerActionFetch`), as request-app.ts
 * puts it behind the Node helper: in-process (a Request in, a Response out, the page answered with the
 * result as JSON and the headers the helper handed over), or over real HTTP behind a minimal Node
 * server that turns each IncomingMessage into a Request and writes the Response back (the bridge an
 * adapter such as Hono's Node server is).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { HandleServerActionFetchOptions, ServerActionResult } from 'webpack-server-actions/runtime';
import type { RequestApp } from './request-app';

export interface FetchActionHandler {
  /** Answers a Request as an app's Fetch server would. */
  send(request: Request): Promise<Response>;
  results: ServerActionResult[];
  errors: unknown[];
}

function describeErrors(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message } : value;
}

export function fetchActionHandler(app: RequestApp, options: Omit<HandleServerActionFetchOptions, 'onError'> = {}): FetchActionHandler {
  const results: ServerActionResult[] = [];
  const errors: unknown[] = [];
  const onError = (error: unknown) => {
    errors.push(error);
  };
  async function send(request: Request): Promise<Response> {
    const { response, result, headers } = await app.server.runtime.handleServerActionFetch(request, { ...options, onError });
    results.push(result);
    if (response) return response;
    // In place of the page an app would render: the result, with the headers the helper handed over.
    headers.set('content-type', 'application/json');
    return new Response(JSON.stringify(result, describeErrors), { status: result.kind === 'form' ? result.status : 200, headers });
  }
  return { send, results, errors };
}

/** An IncomingMessage as a Fetch API Request: its body streamed, its signal aborted when the client goes away. */
export function toRequest(request: IncomingMessage, response: ServerResponse): Request {
  const controller = new AbortController();
  response.once('close', () => {
    if (!response.writableFinished) controller.abort(new Error('The client went away.'));
  });
  const headers = new Headers();
  for (let index = 0; index + 1 < request.rawHeaders.length; index += 2) {
    try {
      headers.append(request.rawHeaders[index], request.rawHeaders[index + 1]);
    } catch {
      // A header Headers will not hold: left out, as a Fetch server's own parser would refuse it.
    }
  }
  const method = request.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  // The request target appended to the origin, never resolved against it: `//host/x` stays a path.
  // An absolute-form target (`http://host/path`, as sent to proxies) is a URL of its own.
  const target = request.url ?? '/';
  const absolute = /^https?:\/\//i.test(target) && URL.canParse(target);
  const url = absolute ? target : `http://${request.headers.host ?? 'localhost'}${target}`;
  return new Request(URL.canParse(url) ? url : 'http://invalid.host/', {
    method,
    headers,
    body: hasBody ? (Readable.toWeb(request) as ReadableStream<Uint8Array>) : null,
    signal: controller.signal,
    // Node's fetch needs it for a streamed body.
    ...(hasBody ? { duplex: 'half' } : {}),
  } as RequestInit);
}

/** Writes a Fetch API Response to a ServerResponse, its body streamed. */
export async function writeResponse(response: Response, to: ServerResponse): Promise<void> {
  const headers: Array<[string, string]> = [];
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers.push([name, value]);
  });
  for (const cookie of response.headers.getSetCookie()) headers.push(['set-cookie', cookie]);
  for (const [name, value] of headers) to.appendHeader(name, value);
  to.writeHead(response.status);
  if (response.body === null) {
    to.end();
    return;
  }
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) to.write(chunk);
  to.end();
}

export interface BridgeServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** A Node HTTP server that answers every request with `handle(Request)`. */
export async function startFetchBridge(handle: (request: Request, incoming: IncomingMessage) => Promise<Response>): Promise<BridgeServer> {
  const server = createServer((incoming, outgoing) => {
    handle(toRequest(incoming, outgoing), incoming)
      .then((response) => writeResponse(response, outgoing))
      .catch((error: unknown) => {
        if (!outgoing.headersSent) outgoing.writeHead(500, { 'content-type': 'text/plain' });
        outgoing.end(`handleServerActionFetch rejected: ${String(error)}`);
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { url, server, close };
}
