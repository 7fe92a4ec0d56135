/**
 * The notes example behind a framework (Express, Fastify), in this process: its build (built once per
 * run, test/helpers/example.ts) loaded as the framework's server files load it, a fresh store, and the
 * requests a browser makes, in both body encodings each: a call from callServer (text/plain and
 * multipart), a form posted without JavaScript (urlencoded and multipart), the refusals, the page.
 */
import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildExample, EXAMPLE, EXAMPLE_BUILD } from './example';
import { callServerFunction, hiddenFields, postCall, postForm } from './http';

export const UNKNOWN_ID = '0123456789abcdef0123456789abcdef01234567';

/** What the example's server files share: `loadBuild()` of express-server.js. */
export interface NotesBuild {
  dir: string;
  rsc: unknown;
  ssr: unknown;
  clientManifest: object;
  ssrManifest: object;
  entrypoints: Record<string, string[]>;
}

export interface NotesStore {
  notes: Array<{ id: number; title: string }>;
  name: string;
}

export interface LoadedNotes {
  ids: Record<string, string>;
  build: NotesBuild;
  dataDir: string;
  readStore(): NotesStore;
}

let loaded: Promise<LoadedNotes> | undefined;

/**
 * Builds the example (once per run) and loads its bundles in this process, over a fresh store. The
 * store module reads NOTES_DATA_DIR when the server bundle loads: one store for the whole file.
 */
export function loadNotes(): Promise<LoadedNotes> {
  loaded ??= (async () => {
    const ids = await buildExample();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'wsa-notes-servers-'));
    process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
    writeFileSync(path.join(dataDir, 'store.json'), JSON.stringify({ notes: [], name: 'Sam', nextId: 1 }));
    process.env.NOTES_DATA_DIR = dataDir;
    const { loadBuild } = require(path.join(EXAMPLE, 'express-server.js')) as { loadBuild(dir: string): NotesBuild };
    const build = loadBuild(EXAMPLE_BUILD);
    const readStore = (): NotesStore => JSON.parse(readFileSync(path.join(dataDir, 'store.json'), 'utf8'));
    return { ids, build, dataDir, readStore };
  })();
  return loaded;
}

/** A form as a browser without JavaScript posts it: multipart (FormData) or urlencoded. */
export function postFormAs(encoding: 'multipart' | 'urlencoded', url: string, fields: Array<[string, string]>): Promise<Response> {
  // A server that waits for a body it has already read never answers: the test fails rather than hangs.
  const init = { redirect: 'manual', signal: AbortSignal.timeout(20_000) } as const;
  if (encoding === 'multipart') return postForm(url, fields, init);
  return fetch(url, { ...init, method: 'POST', body: new URLSearchParams(fields) });
}

/** A call from callServer: `['text']` goes as text/plain, a FormData argument as multipart. */
export function callArguments(encoding: 'text' | 'multipart', name: string): unknown[] {
  if (encoding === 'text') return [name];
  const formData = new FormData();
  formData.append('name', name);
  return [formData];
}

/** The name the page shows. */
export const nameIn = (html: string) => /<span id="name">([^<]*)<\/span>/.exec(html)?.[1];

/**
 * The requests every server for the notes example must answer as server.js does: `url()` is the
 * server's root URL without the trailing slash, read when each test runs.
 */
export function describeNotesRequests(url: () => string, notes: () => LoadedNotes): void {
  const page = async () => {
    const response = await fetch(`${url()}/`);
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.match(/^text\/html/);
    return response.text();
  };

  it('renders the page (GET) with the forms that work before hydration, and serves its scripts only', async () => {
    const html = await page();
    expect(html.startsWith('<!DOCTYPE html>')).to.equal(true);
    expect(hiddenFields(html, 'action-form')).to.deep.equal([[`$ACTION_ID_${notes().ids.updateName}`, '']]);
    expect(html).to.include('<script src="/assets/main.js"');
    const script = await fetch(`${url()}/assets/main.js`);
    expect(script.status).to.equal(200);
    expect(script.headers.get('content-type')).to.match(/^text\/javascript/);
    expect(await script.text()).to.include(notes().ids.updateName);
    const manifest = await fetch(`${url()}/assets/react-client-manifest.json`);
    await manifest.body?.cancel();
    expect(manifest.status).to.equal(404);
  });

  for (const encoding of ['text', 'multipart'] as const) {
    it(`runs a call from callServer with a ${encoding === 'text' ? 'text/plain' : 'multipart'} body`, async () => {
      const name = `call-${encoding}`;
      const result = await callServerFunction(`${url()}/`, notes().ids.updateName, callArguments(encoding, name));
      expect(result).to.deep.equal({ error: null, name });
      expect(notes().readStore().name).to.equal(name);
    });
  }

  it('runs a call from callServer with a string argument and returns what the function returned', async () => {
    const note = await callServerFunction<{ id: number; title: string }>(`${url()}/`, notes().ids.createNote, ['a note']);
    expect(note).to.include({ title: 'a note' });
    expect(notes().readStore().notes).to.deep.include(note);
  });

  for (const encoding of ['urlencoded', 'multipart'] as const) {
    it(`runs a form posted without JavaScript (${encoding}): 303 to the page, which shows the result`, async () => {
      const name = `form-${encoding}`;
      const fields = [...hiddenFields(await page(), 'action-form'), ['name', name] as [string, string]];
      const response = await postFormAs(encoding, `${url()}/`, fields);
      await response.body?.cancel();
      expect(response.status).to.equal(303);
      expect(response.headers.get('location')).to.equal('/');
      expect(notes().readStore().name).to.equal(name);
      expect(nameIn(await page())).to.equal(name);
    });
  }

  it('answers a form post that names no server function 405, in both encodings (its body read, nothing waits for it)', async () => {
    for (const encoding of ['urlencoded', 'multipart'] as const) {
      const response = await postFormAs(encoding, `${url()}/`, [['title', 'not a server function']]);
      await response.body?.cancel();
      expect(response.status, encoding).to.equal(405);
    }
  });

  it('answers a form post whose function threw with the page in its error state (500)', async () => {
    // renameNote posted without its bound note id: its second argument is missing, and it throws.
    const response = await postFormAs('multipart', `${url()}/`, [[`$ACTION_ID_${notes().ids.renameNote}`, '']]);
    expect(response.status).to.equal(500);
    expect(response.headers.get('content-type')).to.match(/^text\/html/);
    expect(await response.text()).to.include('Something went wrong');
  });

  it('refuses an unknown action ID (404) and a call from another origin (403), with their codes', async () => {
    const before = notes().readStore();
    const unknown = await postCall(`${url()}/`, UNKNOWN_ID, ['x']);
    await unknown.body?.cancel();
    expect(unknown.status).to.equal(404);
    expect(unknown.headers.get('x-server-action-error')).to.equal('not-found');
    const crossOrigin = await postCall(`${url()}/`, notes().ids.updateName, ['from elsewhere'], { origin: 'https://elsewhere.example' });
    await crossOrigin.body?.cancel();
    expect(crossOrigin.status).to.equal(403);
    expect(crossOrigin.headers.get('x-server-action-error')).to.equal('forbidden');
    expect(notes().readStore()).to.deep.equal(before);
  });
}
