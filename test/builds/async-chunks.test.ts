/**
 * Server functions in async chunks of the server bundle: a server component loaded with `import()`
 * stays in its chunk, the manifest lists the chunks React loads first (with those of every async
 * chunk above it), and a freshly loaded bundle runs each function without anything loaded before.
 * The browser bundle holds proxies only for the server functions its client components import.
 */
import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { appConfigs, compileOk, readJson, readOutput, requireBundle } from '../helpers/build';
import { createFixtureApp, removeFixtureApps, writeSource } from '../helpers/fixture-app';
import { callServerFunction } from '../helpers/http';

/** Marks that show where each module's code went. */
const MARKS = ['lazy-action-mark', 'inline-lazy-mark', 'deeper-action-mark', 'inline-deeper-mark', 'lazy-helper-mark'];

function addLazyServerComponents(dir: string): void {
  writeSource(dir, 'src/lazy-helper.js', `export function tag(value) {\n  return 'lazy-helper-mark:' + value;\n}\n`);
  writeSource(
    dir,
    'src/lazy-actions.js',
    `'use server';\nimport { tag } from './lazy-helper';\nexport async function lazyAction(value) {\n  return tag('lazy-action-mark:' + value);\n}\n`,
  );
  writeSource(
    dir,
    'src/Lazy.js',
    `import { lazyAction } from './lazy-actions';\nimport { tag } from './lazy-helper';\n` +
      `export default function Lazy() {\n  async function inlineLazy(value) {\n    'use server';\n    return tag('inline-lazy-mark:' + value);\n  }\n  return { lazyAction, inlineLazy };\n}\n` +
      `export const loadDeeper = () => import('./Deeper');\n`,
  );
  // Deeper's chunk lacks lazy-helper.js, which the chunk of Lazy (its parent) provides.
  writeSource(
    dir,
    'src/deeper-actions.js',
    `'use server';\nimport { tag } from './lazy-helper';\nexport async function deeperAction(value) {\n  return tag('deeper-action-mark:' + value);\n}\n`,
  );
  writeSource(
    dir,
    'src/Deeper.js',
    `import { deeperAction } from './deeper-actions';\nimport { tag } from './lazy-helper';\n` +
      `export default function Deeper() {\n  async function inlineDeeper(value) {\n    'use server';\n    return tag('inline-deeper-mark:' + value);\n  }\n  return { deeperAction, inlineDeeper };\n}\n`,
  );
  writeSource(dir, 'src/server.js', `${readFileSync(path.join(dir, 'src/server.js'), 'utf8')}export const loadLazy = () => import('./Lazy');\n`);
}

const LAZY_FUNCTIONS: Record<string, string> = {
  lazyAction: 'lazy-helper-mark:lazy-action-mark:x',
  inlineLazy: 'lazy-helper-mark:inline-lazy-mark:x',
  deeperAction: 'lazy-helper-mark:deeper-action-mark:x',
  inlineDeeper: 'lazy-helper-mark:inline-deeper-mark:x',
};

function nameOf(entry: { name: string; function?: string }): string {
  return entry.function ?? entry.name;
}

for (const mode of ['development', 'production'] as const) {
  describe(`server functions in async chunks (${mode})`, () => {
    let dir: string;
    let manifest: Record<string, { id: string | number; chunks: Array<string | number>; name: string; function?: string }>;
    const idOf = (name: string) => Object.keys(manifest).find((id) => nameOf(manifest[id]) === name)!;

    before(async () => {
      dir = createFixtureApp('app');
      addLazyServerComponents(dir);
      await compileOk(appConfigs(dir, { mode, compilers: ['browser', 'server'] }));
      manifest = readJson(dir, 'server', 'server-actions-manifest.json');
    });
    after(removeFixtureApps);

    it('leaves the lazy server components and their server functions out of the entry chunk', () => {
      const entry = readOutput(dir, 'server', 'server.js');
      for (const mark of MARKS) expect(entry, mark).not.to.include(mark);
      const chunkFiles = readdirSync(path.join(dir, 'dist/server')).filter((file) => file.endsWith('.js') && file !== 'server.js');
      const chunks = chunkFiles.map((file) => readOutput(dir, 'server', file)).join('\n');
      for (const mark of MARKS) expect(chunks, mark).to.include(mark);
    });

    it('lists, for each lazy server function, chunk IDs and files that exist; none for the entry chunk', () => {
      for (const name of Object.keys(LAZY_FUNCTIONS)) {
        const { chunks } = manifest[idOf(name)];
        expect(chunks.length, name).to.be.greaterThan(0);
        expect(chunks.length % 2, name).to.equal(0);
        for (let index = 1; index < chunks.length; index += 2) {
          expect(existsSync(path.join(dir, 'dist/server', String(chunks[index]))), `${name}: ${chunks[index]}`).to.equal(true);
        }
      }
      for (const name of ['add', 'echo', 'default', 'ping']) expect(manifest[idOf(name)].chunks, name).to.deep.equal([]);
    });

    it('lists the chunks of the async chunk above a nested one, which provide what the nested one lacks', () => {
      const lazy = manifest[idOf('lazyAction')].chunks;
      const deeper = manifest[idOf('deeperAction')].chunks;
      expect(deeper.length).to.be.greaterThan(lazy.length);
      for (const chunk of lazy) expect(deeper).to.include(chunk);
    });

    it('runs each lazy server function from a freshly loaded bundle, through loadServerAction', async () => {
      for (const [name, expected] of Object.entries(LAZY_FUNCTIONS)) {
        const server = requireBundle(dir, 'server');
        const fn = await server.runtime.loadServerAction(idOf(name));
        expect(await fn('x'), name).to.equal(expected);
      }
    });

    it('runs each lazy server function called over HTTP through the request helper, from a freshly loaded bundle', async () => {
      for (const [name, expected] of Object.entries(LAZY_FUNCTIONS)) {
        const server = requireBundle(dir, 'server');
        // The helper loads the function's chunks itself: nothing has loaded them in this bundle yet.
        const http = createServer((request, response) => void server.runtime.handleServerActionRequest(request, response));
        await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
        try {
          const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/`;
          expect(await callServerFunction(url, idOf(name), ['x']), name).to.equal(expected);
        } finally {
          await new Promise((resolve) => http.close(resolve));
        }
      }
    });

    it("runs each lazy server function posted as a form, through React's decodeAction", async () => {
      for (const [name, expected] of Object.entries(LAZY_FUNCTIONS)) {
        const server = requireBundle(dir, 'server');
        const form = new FormData();
        form.append(`$ACTION_ID_${idOf(name)}`, '');
        const action = await server.decodeAction(form, server.runtime.getServerActionsManifest());
        // The form's data is the function's only argument.
        expect(String(await action()), name).to.equal(expected.replace(':x', ':[object FormData]'));
      }
    });

    it('gives the browser proxies only for the server functions its client components import', () => {
      const browser = readdirSync(path.join(dir, 'dist/browser'))
        .filter((file) => file.endsWith('.js'))
        .map((file) => readOutput(dir, 'browser', file))
        .join('\n');
      for (const name of ['echo', 'ping']) expect(browser, name).to.include(idOf(name));
      for (const mark of MARKS) expect(browser, mark).not.to.include(mark);
      for (const name of Object.keys(LAZY_FUNCTIONS)) expect(browser, name).not.to.include(idOf(name));
      // `add` reaches the browser as a reference in the Flight payload, not as a proxy in the bundle.
      if (mode === 'production') for (const name of ['add', 'default']) expect(browser, name).not.to.include(idOf(name));
    });
  });
}
