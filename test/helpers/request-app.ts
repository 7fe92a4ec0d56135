/**
 * The request-app fixture, built once per test run for the suites of the request helper (server side)
 * and of `callServer` (client side), and a real Node HTTP server around the bundled
 * `handleServerActionRequest` that acts on its result as an app's server does.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type * as ClientRuntime from 'webpack-server-actions/client';
import type * as ServerRuntime from 'webpack-server-actions/runtime';
import type { HandleServerActionOptions, ServerActionResult } from 'webpack-server-actions/runtime';
import { appConfigs, compileOk, readJson, requireBundle } from './build';
import { createSharedFixtureApp } from './fixture-app';
import { readBytes } from './flight';
import { readFlightAnswer } from './http';

type ServerReference = ((...args: unknown[]) => Promise<unknown>) & { $$id: string };

/** What the fixture's server entry exposes: the runtime, React's server API and the app, as bundled. */
export interface RequestAppServer {
  runtime: typeof ServerRuntime;
  actions: Record<
    'increment' | 'goSomewhere' | 'goAbroad' | 'goToScript' | 'fail' | 'saveWithState' | 'saveHugeState' | 'whoIsCalling' | 'awaitAll',
    ServerReference
  >;
  sessionActions: Record<'signIn' | 'signOut' | 'signInAndGo' | 'signInAndFail' | 'whoAmI' | 'tryInjections', ServerReference>;
  counter: { value: number };
  /** A server component that tries setCookie while a call's answer renders; what it met, in `lateAttempts`. */
  LateCookie: unknown;
  lateAttempts: string[];
  Page: unknown;
  Count: unknown;
  createElement(type: unknown, props?: object | null): unknown;
  decodeAction(body: FormData, manifest: object): Promise<() => Promise<unknown>>;
  decodeFormState(result: unknown, body: FormData, manifest: object): Promise<unknown>;
  renderToReadableStream(model: unknown, clientManifest: object): ReadableStream<Uint8Array>;
}

export interface RequestApp {
  dir: string;
  server: RequestAppServer;
  /**
   * The client runtime from the browser bundle: `webpack-server-actions/client` as webpack builds it
   * for the browser, with React's browser Flight client. (In Node, the package resolves React's Node
   * client, whose `createFromFetch` needs a `serverConsumerManifest` that a browser's call never has.)
   */
  client: typeof ClientRuntime;
  /** The page as the SSR bundle renders it: what a browser gets before hydration. */
  html: string;
}

async function build(): Promise<RequestApp> {
  const dir = createSharedFixtureApp('request-app');
  const configs = appConfigs(dir);
  // The browser bundle exports the client runtime for Node to load: a CommonJS library, and webpack's
  // runtime on `globalThis` rather than the browser's `self`.
  for (const config of configs.filter((config) => config.name === 'browser')) {
    config.output = { ...config.output, library: { type: 'commonjs2' }, globalObject: 'globalThis' };
  }
  await compileOk(configs);
  const server = requireBundle<RequestAppServer>(dir, 'server');
  const client = requireBundle<typeof ClientRuntime>(dir, 'browser');
  const clientManifest = readJson(dir, 'browser', 'react-client-manifest.json');
  const ssr = requireBundle<{ renderHtml(flight: Readable, ssrManifest: object): Promise<string> }>(dir, 'ssr');
  const flight = await readBytes(server.renderToReadableStream(server.createElement(server.Page), clientManifest));
  const html = await ssr.renderHtml(Readable.from([Buffer.from(flight)]), readJson(dir, 'ssr', 'react-ssr-manifest.json'));
  return { dir, server, client, html };
}

let built: Promise<RequestApp> | undefined;

/** The development build of the fixture's three compilers, once per test run. */
export function buildRequestApp(): Promise<RequestApp> {
  built ??= build();
  return built;
}

// goAbroad's '/café/über uns?q=naïve&emoji=🙂', each character outside printable ASCII as UTF-8 bytes.
export const ABROAD = '/caf%C3%A9/%C3%BCber%20uns?q=na%C3%AFve&emoji=%F0%9F%99%82';

export interface ActionServer {
  /** The server's root URL, `http://127.0.0.1:<port>/`. */
  url: string;
  /** What `handleServerActionRequest` resolved with, one entry per request, in order. */
  results: ServerActionResult[];
  /** What `onError` was called with. */
  errors: unknown[];
  close(): Promise<void>;
}

// JSON shows an Error as `{}`: the page the test server answers with names it.
function describeErrors(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message } : value;
}

/**
 * Listens on 127.0.0.1 and hands every request to the bundled `handleServerActionRequest`. A call, a
 * redirect or a refusal has been answered by the helper; for anything else the server answers, in place of the
 * page an app would render, the result as JSON, with the status a form result asks for.
 */
export async function startActionServer(
  app: RequestApp,
  options: Omit<HandleServerActionOptions, 'onError'> = {},
): Promise<ActionServer> {
  const results: ServerActionResult[] = [];
  const errors: unknown[] = [];
  const onError = (error: unknown) => {
    errors.push(error);
  };
  const http = createServer((request, response) => {
    app.server.runtime.handleServerActionRequest(request, response, { ...options, onError }).then(
      (result) => {
        results.push(result);
        if (result.kind === 'call' || result.kind === 'redirect' || result.kind === 'refused') return;
        response.writeHead(result.kind === 'form' ? result.status : 200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(result, describeErrors));
      },
      (error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(`handleServerActionRequest rejected: ${String(error)}`);
      },
    );
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/`;
  const close = () =>
    new Promise<void>((resolve) => {
      http.closeAllConnections();
      http.close(() => resolve());
    });
  return { url, results, errors, close };
}

/** What `handleServerActionRequest` resolved with for the server's latest request. */
export const lastOf = (server: ActionServer): ServerActionResult => server.results[server.results.length - 1];

/** What a call's Flight answer holds. */
export interface CallAnswer {
  returnValue: unknown;
  root?: unknown;
}

/** Decodes the Flight answer to a call. */
export function readCallAnswer(response: Response): Promise<CallAnswer> {
  return readFlightAnswer<CallAnswer>(response);
}

/** The `name=value` of a Set-Cookie header, as a browser sends it back in a Cookie header. */
export function cookiePair(setCookie: string): string {
  return setCookie.split(';')[0];
}
