/**
 * Checks that a build of the fixture app works end to end, whatever the webpack setup: every server
 * function runs from the server bundle (one of them from an async chunk), the browser bundle runs and
 * its client component posts a server function's ID that the server bundle runs, no server code is in
 * a browser file, and, with an SSR bundle, the page renders with the form's server function.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import * as vm from 'node:vm';
import type { MultiStats, Stats } from 'webpack';
import { outputExists, readJson, readOutput, type CompilerName } from './build';
import { writeSource } from './fixture-app';

/** A server component module with inline server functions, one that captures a value and one that does not. */
export function addInlineModule(dir: string): void {
  writeSource(
    dir,
    'src/Inline.js',
    `export function makeAdder(base) {\n  async function addTo(value) {\n    'use server';\n    return base + value;\n  }\n  return addTo;\n}\n` +
      `export function Page() {\n  const multiply = async (a, b) => {\n    'use server';\n    return a * b;\n  };\n  return multiply;\n}\n`,
  );
  appendSource(dir, 'src/server.js', `export { makeAdder } from './Inline';\n`);
}

/**
 * Async chunks on both sides: a server component loaded with `import()` imports a "use server" module
 * that nothing else imports (its server function is only in that chunk, which the runtime must load),
 * and the browser entry loads a module with `import()` (its runtime then loads chunks, as most apps' do).
 */
export function addAsyncChunks(dir: string): void {
  writeSource(dir, 'src/lazy-actions.js', `'use server';\nexport async function later(value) {\n  return 'lazy-server-secret ' + value;\n}\n`);
  writeSource(dir, 'src/Lazy.js', `import { later } from './lazy-actions';\nexport default function Lazy() {\n  return later;\n}\n`);
  appendSource(dir, 'src/server.js', `export const loadLazy = () => import('./Lazy');\n`);
  writeSource(dir, 'src/later.js', `export const later = 'later';\n`);
  // Put on the page: Rspack's production build drops the code of an export nothing uses, import() and
  // all, and the async chunk with it (through which the checks reach the browser bundle's require).
  appendSource(dir, 'src/browser.js', `export const loadLater = () => import('./later');\nself.loadLater = loadLater;\n`);
}

export function appendSource(dir: string, file: string, code: string): void {
  writeSource(dir, file, `${readFileSync(path.join(dir, file), 'utf8')}${code}`);
}

/** Strings that only server code holds: none of them may reach a browser file. */
const SERVER_CODE = ['server-only-secret-4711', 'pong', 'Hello, ', 'lazy-server-secret'];

export async function callEveryServerFunction(
  dir: string,
  server: any,
  { inline = false, lazy = false } = {},
): Promise<void> {
  const manifest = readJson(dir, 'server', 'server-actions-manifest.json');
  const results: Record<string, unknown> = {};
  for (const [id, entry] of Object.entries<any>(manifest)) {
    const fn = await server.runtime.loadServerAction(id);
    if (entry.function === 'addTo') {
      // The reference's captured values as React would send them: sealed, then opened by the function.
      const sealed = await server.makeAdder(40).$$bound[0];
      results.addTo = await fn(sealed, 2);
    } else {
      results[entry.function ?? entry.name] = await fn(2, 3);
    }
  }
  expect(results).to.deep.equal({
    add: 5,
    default: 'Hello, 2',
    echo: { value: 2, secretLength: 23 },
    ping: 'pong',
    ...(inline ? { addTo: 42, multiply: 6 } : {}),
    ...(lazy ? { later: 'lazy-server-secret 2' } : {}),
  });
}

/** The ID of the server function with this export name, from the server manifest. */
export function actionIdOf(dir: string, name: string): string {
  const manifest = readJson(dir, 'server', 'server-actions-manifest.json');
  const id = Object.keys(manifest).find((key) => manifest[key].name === name);
  if (!id) throw new Error(`no server function "${name}" in the manifest`);
  return id;
}

export function compilationStats(stats: MultiStats, name: CompilerName): Stats {
  const found = stats.stats.find((child) => child.compilation.name === name);
  if (!found) throw new Error(`no compilation "${name}"`);
  return found;
}

/** The files of an entrypoint, in the order a page loads them (split chunks first). */
export function entrypointFiles(stats: Stats, entry: string): string[] {
  const { entrypoints } = stats.toJson({ all: false, entrypoints: true });
  return entrypoints![entry].assets!.map((asset) => asset.name);
}

export interface BrowserRun {
  /** The global scope the bundle ran in (a `var` or `window` library is on it). */
  scope: Record<string, any>;
  /** webpack's `__webpack_require__` of the browser bundle. */
  require: (id: string | number) => any;
  /** The server-function calls the bundle made: the action ID header and the body of each request. */
  requests: Array<{ id: string; body: unknown }>;
  run(file: string): void;
}

/**
 * Runs the browser bundle's entrypoint files, in order, in a fresh global scope, as the page's script
 * tags would. `fetch` records the server-function calls and fails them as a network error would.
 */
export function runBrowserBundle(dir: string, stats: Stats): BrowserRun {
  const requests: BrowserRun['requests'] = [];
  const scope: Record<string, any> = {
    ...{ console, setTimeout, clearTimeout, queueMicrotask },
    ...{ URL, FormData, Blob, TextEncoder, TextDecoder },
  };
  scope.self = scope.window = scope;
  scope.location = { href: 'http://localhost/page' };
  scope.document = { currentScript: { src: 'http://localhost/static/browser.js', tagName: 'SCRIPT' } };
  scope.fetch = async (_url: string, init: { headers: Record<string, string>; body: unknown }) => {
    requests.push({ id: init.headers['x-server-action'], body: init.body });
    throw new TypeError('offline');
  };
  const context = vm.createContext(scope);
  const run = (file: string) => vm.runInContext(readOutput(dir, 'browser', file), context, { filename: file });
  for (const file of entrypointFiles(stats, 'browser')) run(file);
  // webpack runs the third element of a chunk it is handed with its require: the way in from outside.
  let webpackRequire: BrowserRun['require'] | undefined;
  const chunks = scope[stats.compilation.outputOptions.chunkLoadingGlobal as string];
  chunks?.push([['built-app-probe'], {}, (require: BrowserRun['require']) => (webpackRequire = require)]);
  if (!webpackRequire) throw new Error('the browser bundle has no chunk loading to reach its require through');
  return { scope, require: webpackRequire, requests, run };
}

/**
 * The client manifest against the browser bundle that ran: each entry's chunks and module load, and the
 * client component's form action, a server function, posts the ID that the server bundle runs `ping` by.
 */
export async function checkBrowser(dir: string, stats: Stats, server: any): Promise<BrowserRun> {
  const browser = runBrowserBundle(dir, stats);
  const entries = Object.values<any>(readJson(dir, 'browser', 'react-client-manifest.json'));
  expect(entries).to.have.lengthOf(1);
  for (const entry of entries) {
    for (let index = 1; index < entry.chunks.length; index += 2) browser.run(entry.chunks[index]);
    const form = browser.require(entry.id).default({});
    expect(form.props.action).to.be.a('function');
    const error = await form.props.action('x').then(() => null, (caught: Error) => caught);
    expect(error).to.have.property('code', 'network');
  }
  expect(browser.requests.map((request) => request.id)).to.deep.equal([actionIdOf(dir, 'ping')]);
  const [{ id, body }] = browser.requests;
  const args = await server.decodeReply(body, server.runtime.getServerActionsManifest());
  expect(await (await server.runtime.loadServerAction(id))(...args)).to.equal('pong');
  for (const file of readdirSync(path.join(dir, 'dist/browser')).filter((name) => name.endsWith('.js'))) {
    const text = readOutput(dir, 'browser', file);
    for (const marker of SERVER_CODE) expect(text, `browser/${file}`).not.to.include(marker);
  }
  return browser;
}

/** Renders the app as a request would: Flight from the server bundle, then HTML from the SSR bundle. */
export async function renderPage(server: any, ssr: any, clientManifest: object, ssrManifest: object): Promise<string> {
  const { pipe } = server.renderToPipeableStream(server.App(), clientManifest);
  const flight = new PassThrough();
  pipe(flight);
  return ssr.renderToString(await ssr.createFromNodeStream(flight, ssrManifest));
}

export interface BuiltApp {
  dir: string;
  stats: MultiStats;
  /** The server bundle's exports, however it was loaded. */
  server: any;
  /** The SSR bundle's exports and its manifest, when the build has one. */
  ssr?: { bundle: any; manifest: object };
}

/** Every check above, on an app built with `addInlineModule` and `addAsyncChunks`. */
export async function expectWorkingApp({ dir, stats, server, ssr }: BuiltApp): Promise<BrowserRun> {
  const later = readJson(dir, 'server', 'server-actions-manifest.json')[actionIdOf(dir, 'later')];
  expect(later.chunks.length, 'chunks of the lazy server function').to.be.at.least(2);
  for (let index = 1; index < later.chunks.length; index += 2) {
    expect(outputExists(dir, 'server', later.chunks[index]), later.chunks[index]).to.equal(true);
  }
  await callEveryServerFunction(dir, server, { inline: true, lazy: true });
  expect((await server.loadLazy()).default).to.be.a('function');

  const browser = await checkBrowser(dir, compilationStats(stats, 'browser'), server);
  if (ssr) {
    const html = await renderPage(server, ssr.bundle, readJson(dir, 'browser', 'react-client-manifest.json'), ssr.manifest);
    // The form posts without JavaScript too: React renders its server function's ID as a field name.
    expect(html).to.include(`name="$ACTION_ID_${actionIdOf(dir, 'ping')}"`);
    expect(html).to.include('>ping</button>');
  }
  return browser;
}
