/**
 * The notes example served from a store of its own and driven in Chromium, for a `describe` of the
 * browser tests: it builds the example, starts its server on a temporary data directory, launches the
 * browser, writes the same seeded store before each test, and leaves a screenshot of a failing test in
 * test-results/. Each file that uses it gets its own server and browser, so that files stay independent.
 */
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openBeforeHydration, openPage, type BrowserSession } from './browser';
import { buildExample, EXAMPLE, exampleBuildDir, REPO_ROOT, type Bundler } from './example';
import { startServer, stopServer, type ServerProcess } from './http';

export interface Note {
  id: number;
  title: string;
  createdAt: string;
  /** The session that created the note: only it may delete the note. */
  owner?: string | null;
}

export interface Store {
  notes: Note[];
  name: string;
  nextId: number;
}

/** The session of the user each test plays (its browser starts with the cookie): the seeded notes are theirs. */
export const USER_SESSION = 'browser-test-user-session-0001';

export const SEEDED: Store = {
  notes: [
    { id: 1, title: 'Groceries', createdAt: '2026-01-01T09:00:00.000Z', owner: USER_SESSION },
    { id: 2, title: 'Reading list', createdAt: '2026-01-02T09:00:00.000Z', owner: USER_SESSION },
    { id: 3, title: 'Ideas', createdAt: '2026-01-03T09:00:00.000Z', owner: USER_SESSION },
  ],
  name: 'Sam',
  nextId: 4,
};

const SESSION_COOKIE = { name: 'notes-session', value: USER_SESSION };

// The seeded notes as the page lists them and as the tests compare the store.
export const SEEDED_SHOWN = SEEDED.notes.map(({ id, title }) => ({ id, title }));

/** The seeded store as another tab leaves it after deleting note `id`. */
export const withoutNote = (id: number): Store => ({ ...SEEDED, notes: SEEDED.notes.filter((note) => note.id !== id) });

export interface ExampleInChromium {
  /** A fresh page at `/` (no cookies from an earlier test: only the user's session), closed after the test. */
  open(): Promise<Page>;
  /** A fresh page at `/` whose browser bundle loads only when `hydrate()` is called. */
  openBeforeHydration(): Promise<BrowserSession & { hydrate(): Promise<void> }>;
  /** The page `open()` gave this test, with what it requested and threw. */
  session(): BrowserSession;
  /** The store file as the server last wrote it. */
  storeBytes(): string;
  readStore(): Store;
  /** The stored notes as { id, title }, to compare with what the page shows. */
  storedNotes(): Array<{ id: number; title: string }>;
  /** Writes the store as the app does, and returns the bytes written. */
  writeStore(store: Store): string;
  /** Called last in each test: the page threw nothing, during the test or any navigation in it. */
  expectNoPageErrors(): void;
}

/**
 * Registers the hooks of the enclosing `describe`: the example's server and Chromium for all its tests,
 * the seeded store before each, and the page closed (after a screenshot if the test failed) after each.
 */
export function useExampleInChromium({
  javaScriptEnabled,
  serverScript = 'server.js',
  bundler = 'webpack',
}: {
  javaScriptEnabled: boolean;
  /** The example's server file that serves it: server.js (node:http), express-server.js, fastify-server.js. */
  serverScript?: string;
  /** The bundler that builds the example (helpers/example.ts). */
  bundler?: Bundler;
}): ExampleInChromium {
  let dataDir: string;
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let current: BrowserSession | undefined;

  const storeFile = () => path.join(dataDir, 'store.json');
  const storeBytes = () => readFileSync(storeFile(), 'utf8');
  const readStore = (): Store => JSON.parse(storeBytes());
  // Renamed into place, as the app's store writes: the server never reads half a file.
  function writeStore(store: Store): string {
    const bytes = JSON.stringify(store, null, 2);
    writeFileSync(`${storeFile()}.test`, bytes);
    renameSync(`${storeFile()}.test`, storeFile());
    return bytes;
  }
  function session(): BrowserSession {
    if (!current) throw new Error('No page yet: call open() first in this test.');
    return current;
  }

  before(async () => {
    await buildExample(bundler);
    dataDir = mkdtempSync(path.join(tmpdir(), 'wsa-browser-'));
    const env = { PORT: '0', NOTES_DATA_DIR: dataDir, NOTES_BUILD_DIR: exampleBuildDir(bundler) };
    server = await startServer(path.join(EXAMPLE, serverScript), env, REPO_ROOT);
    browser = await launchChromium();
  });

  beforeEach(() => {
    writeStore(SEEDED);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && current) {
      mkdirSync(path.join(REPO_ROOT, 'test-results'), { recursive: true });
      const file = this.currentTest.fullTitle().replace(/[^\w-]+/g, '-');
      await current.page.screenshot({ path: path.join(REPO_ROOT, 'test-results', `${file}.png`), fullPage: true });
    }
    await current?.page.context().close();
    current = undefined;
  });

  after(async () => {
    await browser?.close();
    await stopServer(server);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  return {
    async open() {
      current = await openPage(browser!, `${server!.url}/`, javaScriptEnabled, [SESSION_COOKIE]);
      return current.page;
    },
    async openBeforeHydration() {
      const opened = await openBeforeHydration(browser!, `${server!.url}/`, [SESSION_COOKIE]);
      current = opened;
      return opened;
    },
    session,
    storeBytes,
    readStore,
    storedNotes: () => readStore().notes.map(({ id, title }) => ({ id, title })),
    writeStore,
    expectNoPageErrors: () => expect(session().pageErrors, 'errors thrown in the page').to.deep.equal([]),
  };
}
