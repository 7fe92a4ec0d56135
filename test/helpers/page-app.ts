/**
 * The page-app fixture (test/fixtures/page-app): a small app whose pages are rendered by the package's
 * SSR helper and hydrated by its browser helper, built once per test run, and a real Node HTTP server
 * for it in this process, written as an app's server.js is (the request helper first, then `sendPage`).
 * The server records the Flight bytes of every page it renders, so that a test can compare them with
 * what the page's HTML carries, and can hold the page's Suspense boundary until the test releases it.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { Transform } from 'node:stream';
import type * as SsrHelper from 'webpack-server-actions/ssr';
import type { ServerActionResult } from 'webpack-server-actions/runtime';
import { appConfigs, compileOk, readJson, requireBundle } from './build';
import { compilationStats, entrypointFiles } from './built-app';
import { createSharedFixtureApp } from './fixture-app';

/** What the fixture's server entry exposes. */
export interface PageAppServer {
  renderFlight(
    clientManifest: object,
    page: { url: string; formState?: unknown; later?: Promise<void> },
    onError: (error: unknown) => void,
  ): SsrHelper.FlightSource;
  handleAction(request: IncomingMessage, response: ServerResponse, clientManifest: object, onError: (error: unknown) => void): Promise<ServerActionResult>;
  counter: { value: number };
  BYTES: Uint8Array;
  HOSTILE: string;
}

export interface PageApp {
  dir: string;
  server: PageAppServer;
  /** The SSR bundle: the package's SSR helper as webpack bundled it. */
  ssr: typeof SsrHelper;
  clientManifest: object;
  ssrManifest: SsrHelper.SsrManifest;
  /** The browser entrypoint's scripts, as URLs under /assets/. */
  bootstrapScripts: string[];
}

const ASSETS = '/assets/';

async function build(mode: Mode): Promise<PageApp> {
  const dir = createSharedFixtureApp('page-app');
  const stats = await compileOk(appConfigs(dir, { mode, output: { browser: { publicPath: ASSETS } } }));
  const browserFiles = entrypointFiles(compilationStats(stats as import('webpack').MultiStats, 'browser'), 'browser');
  return {
    dir,
    server: requireBundle<PageAppServer>(dir, 'server'),
    ssr: requireBundle<typeof SsrHelper>(dir, 'ssr'),
    clientManifest: readJson(dir, 'browser', 'react-client-manifest.json'),
    ssrManifest: readJson(dir, 'ssr', 'react-ssr-manifest.json') as SsrHelper.SsrManifest,
    bootstrapScripts: browserFiles.map((file) => `${ASSETS}${file}`),
  };
}

type Mode = 'development' | 'production';
const built = new Map<Mode, Promise<PageApp>>();

/**
 * The build of the fixture's three compilers, once per test run and mode: development by default;
 * production where React's development build gets in the way (it needs eval(), which a strict CSP refuses).
 */
export function buildPageApp(mode: Mode = 'development'): Promise<PageApp> {
  if (!built.has(mode)) built.set(mode, build(mode));
  return built.get(mode)!;
}

export interface PageServerOptions {
  /** A CSP nonce: every page is sent with `Content-Security-Policy: script-src 'nonce-<nonce>'` and it. */
  nonce?: string;
  /** The signal given to `sendPage` for each page (React's abort). */
  signal?: () => AbortSignal | undefined;
}

/** A page the server rendered: its request, and the bytes of the Flight stream it rendered for it. */
export interface RenderedPage {
  url: string;
  accept: string | undefined;
  flight: Promise<Uint8Array>;
}

export interface PageServer {
  /** The server's root URL, `http://127.0.0.1:<port>`, without a trailing slash. */
  url: string;
  pages: RenderedPage[];
  /** Errors the server reported: render errors (onError), server-function errors, rejected `sendPage`s. */
  errors: unknown[];
  /** Pages rendered from now on keep their Suspense boundary pending until the returned function is called. */
  holdLater(): () => void;
  close(): Promise<void>;
}

const PAGES = new Set(['/', '/other', '/broken']);

export async function startPageServer(app: PageApp, options: PageServerOptions = {}): Promise<PageServer> {
  const pages: RenderedPage[] = [];
  const errors: unknown[] = [];
  const onError = (error: unknown) => {
    errors.push(error);
  };
  let later: Promise<void> = Promise.resolve();
  const headers: Record<string, string> = options.nonce ? { 'content-security-policy': `script-src 'nonce-${options.nonce}'` } : {};

  function renderPage(request: IncomingMessage, response: ServerResponse, formState: unknown, status = 200): Promise<void> {
    const flight = app.server.renderFlight(app.clientManifest, { url: request.url!, formState, later }, onError);
    const chunks: Buffer[] = [];
    let ended!: (bytes: Uint8Array) => void;
    pages.push({ url: request.url!, accept: request.headers.accept, flight: new Promise((resolve) => (ended = resolve)) });
    const recorder = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        chunks.push(Buffer.from(chunk));
        done(null, chunk);
      },
      flush(done) {
        ended(Buffer.concat(chunks));
        done();
      },
    });
    return app.ssr.sendPage(request, response, flight.pipe(recorder), {
      ssrManifest: app.ssrManifest,
      bootstrapScripts: app.bootstrapScripts,
      nonce: options.nonce,
      headers,
      status,
      onError,
      signal: options.signal?.(),
    });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const pathname = new URL(request.url!, 'http://localhost').pathname;
    if (request.method === 'GET' && pathname.startsWith(ASSETS)) return serveAsset(app, pathname, response);
    const result = await app.server.handleAction(request, response, app.clientManifest, onError);
    if (result.kind === 'call' || result.kind === 'redirect' || result.kind === 'refused') return;
    if (result.kind === 'form') return renderPage(request, response, result.formState, result.status);
    if (request.method !== 'GET') return void response.writeHead(405).end();
    if (!PAGES.has(pathname)) return void response.writeHead(404).end('Not found');
    return renderPage(request, response, result.formState);
  }

  const http = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      errors.push(error);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('The page could not be rendered');
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    pages,
    errors,
    holdLater() {
      let release!: () => void;
      later = new Promise((resolve) => (release = resolve));
      return () => {
        later = Promise.resolve();
        release();
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

function serveAsset(app: PageApp, pathname: string, response: ServerResponse): void {
  const root = path.join(app.dir, 'dist/browser');
  const file = path.join(root, path.normalize(pathname.slice(ASSETS.length)));
  if (!file.startsWith(root + path.sep) || !existsSync(file)) return void response.writeHead(404).end('Not found');
  response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
  createReadStream(file).pipe(response);
}

/** The page's response body, read as it arrives: `until` waits for text to have come. */
export interface IncrementalBody {
  /** Everything received so far. */
  text(): string;
  /** Resolves once the received text satisfies `condition` (rejects if the body ends first). */
  until(condition: (text: string) => boolean, what: string): Promise<string>;
  /** Resolves with the whole body once it has ended. */
  ended: Promise<string>;
}

/** Reads a response's body chunk by chunk, as a browser does while the page streams. */
export function readIncrementally(response: Response): IncrementalBody {
  const decoder = new TextDecoder();
  let received = '';
  let done = false;
  const waiting: Array<() => void> = [];
  const reader = response.body!.getReader();
  const ended = (async () => {
    for (;;) {
      const { done: finished, value } = await reader.read();
      if (finished) break;
      received += decoder.decode(value, { stream: true });
      waiting.splice(0).forEach((wake) => wake());
    }
    received += decoder.decode();
    done = true;
    waiting.splice(0).forEach((wake) => wake());
    return received;
  })();
  return {
    text: () => received,
    async until(condition, what) {
      while (!condition(received)) {
        if (done) throw new Error(`The body ended before ${what}:\n${received}`);
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      return received;
    },
    ended,
  };
}
