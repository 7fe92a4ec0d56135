/**
 * The notes example, end to end: built with webpack-cli as the README says, served by its own
 * server.js in a child process, and driven over real HTTP as a browser would, before and after
 * hydration. The store is a fresh temporary directory, read back from disk to see what changed.
 * The tests run in order as one session against that store, as a user would click through the app.
 */
import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  callServerFunction,
  hiddenFields,
  postCall,
  postForm,
  startServer,
  stopServer,
  type ServerProcess,
} from '../helpers/http';
import { buildExample, EXAMPLE, EXAMPLE_BUILD, REPO_ROOT } from '../helpers/example';
import { payloadBytesIn } from '../helpers/page-payload';

// The session cookie of the browser this test plays: notes it creates are its own to delete.
const AS_AUTHOR = { cookie: 'notes-session=example-test-author-0001' };
const AS_SOMEONE_ELSE = { cookie: 'notes-session=example-test-someone-else' };

const SEEDED = { notes: [{ id: 1, title: 'seeded note', createdAt: '2026-01-01T00:00:00.000Z' }], name: 'Sam', nextId: 2 };

interface Store {
  notes: Array<{ id: number; title: string }>;
  name: string;
}

describe('notes example over HTTP', () => {
  let dataDir: string;
  let server: ServerProcess | undefined;
  const ids: Record<string, string> = {};

  const readStore = (): Store => JSON.parse(readFileSync(path.join(dataDir, 'store.json'), 'utf8'));
  const storeBytes = () => readFileSync(path.join(dataDir, 'store.json'), 'utf8');
  const start = async () => {
    server = await startServer(path.join(EXAMPLE, 'server.js'), { PORT: '0', HOST: '127.0.0.1', NOTES_DATA_DIR: dataDir, NOTES_BUILD_DIR: EXAMPLE_BUILD }, REPO_ROOT);
  };
  async function getPage(): Promise<string> {
    const response = await fetch(`${server!.url}/`);
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.match(/^text\/html/);
    return response.text();
  }
  const nameIn = (html: string) => /<span id="name">([^<]*)<\/span>/.exec(html)?.[1];
  // The page's Flight payload, from the scripts the SSR helper injected, as the browser reads it.
  const payloadIn = (html: string) => Buffer.from(payloadBytesIn(html)).toString('latin1');
  /** Posts a form as a browser without JavaScript does, and checks the answer is a redirect after POST. */
  async function postFormExpectingRedirect(pathname: string, fields: Array<[string, string]>, location = pathname) {
    const response = await postForm(`${server!.url}${pathname}`, fields, { redirect: 'manual', headers: AS_AUTHOR });
    await response.body?.cancel();
    expect(response.status).to.equal(303);
    expect(response.headers.get('location')).to.equal(location);
    return response;
  }
  /** The GET a browser makes after a 303, with the cookie the redirect set (if any). */
  async function followRedirect(redirect: Response): Promise<string> {
    const cookie = redirect.headers.get('set-cookie')?.split(';')[0];
    const response = await fetch(new URL(redirect.headers.get('location')!, server!.url), { headers: cookie ? { cookie } : {} });
    expect(response.status).to.equal(200);
    return response.text();
  }
  const titlesIn = (html: string) => [...html.matchAll(/<span class="note-title">([^<]*)<\/span>/g)].map((match) => match[1]);

  before(async () => {
    Object.assign(ids, await buildExample());
    expect(Object.keys(ids)).to.have.members([
      'createNote',
      'createEmptyNote',
      'addNote',
      'renameNote',
      'updateName',
      'createNoteAction',
      'deleteNote',
      'signIn',
      'signOut',
    ]);

    dataDir = mkdtempSync(path.join(tmpdir(), 'wsa-notes-'));
    writeFileSync(path.join(dataDir, 'store.json'), JSON.stringify(SEEDED));
    await start();
  });

  after(async () => {
    await stopServer(server);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('server-renders the notes, the name and forms that work before hydration', async () => {
    const html = await getPage();
    expect(html.startsWith('<!DOCTYPE html>'), 'the doctype comes first (else: quirks mode)').to.equal(true);
    expect(titlesIn(html)).to.deep.equal(['seeded note']);
    expect(nameIn(html)).to.equal('Sam');
    expect(hiddenFields(html, 'action-form')).to.deep.equal([[`$ACTION_ID_${ids.updateName}`, '']]);
    const stateFields = hiddenFields(html, 'state-form').map(([name]) => name);
    expect(stateFields).to.include('$ACTION_KEY');
    expect(stateFields.some((name) => /^\$ACTION_REF_\d+$/.test(name))).to.equal(true);
    expect(html).to.include('<script src="/assets/main.js"');
  });

  it('serves the browser bundle the page loads', async () => {
    const response = await fetch(`${server!.url}/assets/main.js`);
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.match(/^text\/javascript/);
    expect(await response.text()).to.include(ids.updateName);
  });

  it('createNote returns the note, writes it to the store and the page shows it', async () => {
    const note = await callServerFunction<Store['notes'][number]>(server!.url, ids.createNote, ['a title']);
    expect(note).to.include({ id: 2, title: 'a title' });
    expect(readStore().notes).to.deep.include(note);
    expect(titlesIn(await getPage())).to.include('a title');
  });

  it('createNote rejects a title that is too long: 500 with the error in the answer, nothing stored', async () => {
    const before = storeBytes();
    const response = await postCall(`${server!.url}/`, ids.createNote, ['x'.repeat(101)]);
    expect(response.status).to.equal(500);
    expect(response.headers.get('content-type')).to.match(/^text\/x-component/);
    expect(await response.text()).to.include('A title is at most 100 characters.');
    expect(storeBytes()).to.equal(before);
  });

  it('createEmptyNote, passed by a server component to a client Button, runs by its ID', async () => {
    // The page's Flight payload carries the server reference that the Button calls.
    expect(payloadIn(await getPage())).to.include(ids.createEmptyNote);
    expect(await callServerFunction(server!.url, ids.createEmptyNote, [])).to.equal(undefined);
    expect(readStore().notes.at(-1)).to.include({ id: 3, title: '' });
    expect(titlesIn(await getPage())).to.include('(empty note)');
  });

  it('createNoteAction, created inline in the docs\' EmptyNote, runs by its ID', async () => {
    expect(payloadIn(await getPage())).to.include(ids.createNoteAction);
    const before = readStore().notes.length;
    expect(await callServerFunction(server!.url, ids.createNoteAction, [], AS_AUTHOR)).to.equal(undefined);
    expect(readStore().notes).to.have.lengthOf(before + 1);
    expect(readStore().notes.at(-1)).to.include({ title: '' });
  });

  it('deletes a note with its inline deleteNote form before hydration, the note id sealed in the form', async () => {
    const last = readStore().notes.at(-1)!;
    const fields = hiddenFields(await getPage(), `delete-note-${last.id}`);
    expect(fields.map(([name]) => name).some((name) => /^\$ACTION_REF_\d+$/.test(name))).to.equal(true);
    // The captured values (`[<id>]` in Flight) are not readable in the page: only the sealed payload is.
    expect(fields.map(([, value]) => value).join(' ')).not.to.include(`[${last.id}]`);
    await postFormExpectingRedirect('/', fields);
    expect(readStore().notes.map((note) => note.id)).not.to.include(last.id);
  });

  it('deleteNote deletes only the caller\'s own note: it authenticates the session from the request', async () => {
    const note = await callServerFunction<{ id: number; owner: string }>(server!.url, ids.createNote, ['mine'], AS_AUTHOR);
    expect(readStore().notes.at(-1)).to.include({ id: note.id, owner: 'example-test-author-0001' });
    const fields = hiddenFields(await getPage(), `delete-note-${note.id}`);
    const before = storeBytes();
    for (const [who, headers] of [['another session', AS_SOMEONE_ELSE], ['no session', {}]] as const) {
      const response = await postForm(`${server!.url}/`, fields, { redirect: 'manual', headers });
      expect(response.status, who).to.equal(500);
      expect(await response.text(), who).to.match(/Something went wrong: (<!-- -->)?Only the author of a note can delete it\./);
      expect(storeBytes(), who).to.equal(before);
    }
    await postFormExpectingRedirect('/', fields);
    expect(readStore().notes.map(({ id }) => id)).not.to.include(note.id);
  });

  it('gives a browser its session on its first page view, and keeps it after', async () => {
    const first = await fetch(`${server!.url}/`);
    await first.body?.cancel();
    expect(first.headers.get('set-cookie')).to.match(/^notes-session=[\w-]{36}; Path=\/; HttpOnly; SameSite=Lax$/);
    const again = await fetch(`${server!.url}/`, { headers: AS_AUTHOR });
    await again.body?.cancel();
    expect(again.headers.get('set-cookie')).to.equal(null);
  });

  it('refuses a delete form whose sealed note id was tampered with, truncated or stripped', async () => {
    const html = await getPage();
    const target = readStore().notes[0];
    const fields = hiddenFields(html, `delete-note-${target.id}`);
    const sealedIndex = fields.findIndex(([, value]) => /^"A[\w-]{40,}"$/.test(value));
    expect(sealedIndex, 'the sealed payload is a field').to.be.at.least(0);
    const before = storeBytes();
    const sealed = fields[sealedIndex][1];
    const flipped = sealed.slice(0, 20) + (sealed[20] === 'x' ? 'y' : 'x') + sealed.slice(21);
    const variants: Array<[string, Array<[string, string]>]> = [
      ['a flipped character', fields.map(([name, value], index) => [name, index === sealedIndex ? flipped : value])],
      ['a truncated payload', fields.map(([name, value], index) => [name, index === sealedIndex ? `${sealed.slice(0, 30)}"` : value])],
      ['no payload', fields.map(([name, value], index) => [name, index === sealedIndex ? '""' : value])],
    ];
    for (const [what, variant] of variants) {
      const response = await postForm(`${server!.url}/`, variant);
      await response.body?.cancel();
      expect(storeBytes(), what).to.equal(before);
      expect(response.status, what).to.equal(400);
      expect(response.headers.get('x-server-action-error'), what).to.equal('bad-request');
    }
  });

  it('updateName refuses an empty name without writing, and stores a valid one', async () => {
    const before = storeBytes();
    expect(await callServerFunction(server!.url, ids.updateName, [''])).to.deep.equal({ error: 'Name is required' });
    expect(storeBytes()).to.equal(before);

    expect(await callServerFunction(server!.url, ids.updateName, ['Ada'])).to.deep.equal({ error: null, name: 'Ada' });
    expect(readStore().name).to.equal('Ada');
    expect(nameIn(await getPage())).to.equal('Ada');
  });

  it('runs a form posted before hydration ($ACTION_ID_), then redirects to the page (a reload does not post again)', async () => {
    const fields = hiddenFields(await getPage(), 'action-form');
    const redirect = await postFormExpectingRedirect('/', [...fields, ['name', 'Grace']]);
    expect(redirect.headers.get('set-cookie'), 'no form state to carry').to.equal(null);
    expect(readStore().name).to.equal('Grace');
    expect(nameIn(await followRedirect(redirect))).to.equal('Grace');
  });

  it('runs the useActionState form, and the page it redirects to shows its state once', async () => {
    const fields = hiddenFields(await getPage(), 'state-form');

    const refused = await postFormExpectingRedirect('/', [...fields, ['name', '']]);
    expect(refused.headers.get('set-cookie')).to.match(/^wsa-form-state=[\w-]+; Path=\/; Max-Age=60; HttpOnly; SameSite=Lax$/);
    expect(await followRedirect(refused)).to.match(/<span class="error">Failed: (<!-- -->)?Name is required<\/span>/);
    expect(readStore().name).to.equal('Grace');

    const saved = await postFormExpectingRedirect('/', [...fields, ['name', 'Lin']]);
    const html = await followRedirect(saved);
    expect(html.startsWith('<!DOCTYPE html>')).to.equal(true);
    expect(nameIn(html)).to.equal('Lin');
    expect(html).to.match(/<span class="result">Saved: (<!-- -->)?Lin<\/span>/);
    expect(html).not.to.include('class="error"');
    expect(readStore().name).to.equal('Lin');
    // A reload is a plain GET: the page as it is, without the state.
    expect(await getPage()).not.to.include('class="result"');
  });

  it('posts the permalink form to /name/update, which shows the result', async () => {
    const html = await getPage();
    expect(html).to.match(/<form id="permalink-form" action="\/name\/update"/);
    const redirect = await postFormExpectingRedirect('/name/update', [...hiddenFields(html, 'permalink-form'), ['name', 'Linus']]);
    const landed = await followRedirect(redirect);
    expect(landed).to.match(/<form id="permalink-form"[^>]*>.*<span class="result">Saved: (<!-- -->)?Linus<\/span>/s);
    expect(readStore().name).to.equal('Linus');
    await callServerFunction(server!.url, ids.updateName, ['Lin']);
  });

  it('runs a form bound with .bind (renameNote.bind(null, id)) before hydration', async () => {
    const [first] = readStore().notes;
    const fields = hiddenFields(await getPage(), `rename-note-${first.id}`);
    expect(fields.some(([name]) => /^\$ACTION_REF_\d+$/.test(name)), 'a bound action').to.equal(true);
    await postFormExpectingRedirect('/', [...fields, ['title', 'renamed seeded note']]);
    expect(readStore().notes[0]).to.include({ id: first.id, title: 'renamed seeded note' });
    await postFormExpectingRedirect('/', [...fields, ['title', first.title]]);
  });

  it('answers a form whose server function throws with the page in an error state (500)', async () => {
    const [first] = readStore().notes;
    const fields = hiddenFields(await getPage(), `rename-note-${first.id}`);
    const before = storeBytes();
    // The same bound id, for a note that is not there.
    const gone = fields.map(([name, value]): [string, string] => [name, value.replace(`[${first.id}]`, '[999]')]);
    expect(gone).not.to.deep.equal(fields);
    const response = await postForm(`${server!.url}/`, [...gone, ['title', 'ghost']], { redirect: 'manual' });
    expect(response.status).to.equal(500);
    expect(response.headers.get('content-type')).to.match(/^text\/html/);
    expect(await response.text()).to.match(/<p id="form-error" role="alert">Something went wrong: (<!-- -->)?There is no note 999 to rename\.<\/p>/);
    expect(storeBytes()).to.equal(before);
  });

  it('redirects from addNote: 303 for a form, the location header for a call', async () => {
    const fields = hiddenFields(await getPage(), 'add-note-form');
    expect(fields).to.deep.equal([[`$ACTION_ID_${ids.addNote}`, '']]);
    const nextId = JSON.parse(storeBytes()).nextId;
    await postFormExpectingRedirect('/', [...fields, ['title', 'added by form']], `/?note=${nextId}`);
    const page = await (await fetch(`${server!.url}/?note=${nextId}`)).text();
    expect(page).to.match(new RegExp(`<li data-note-id="${nextId}" class="selected"><span class="note-title">added by form</span>`));

    const form = new FormData();
    form.append('title', 'added by call');
    const call = await postCall(`${server!.url}/`, ids.addNote, [form], AS_AUTHOR);
    expect(call.status).to.equal(204);
    expect(call.headers.get('x-server-action-redirect')).to.equal(`/?note=${nextId + 1}`);
    expect(readStore().notes.slice(-2).map((note) => note.title)).to.deep.equal(['added by form', 'added by call']);
    for (const id of [nextId, nextId + 1]) await postFormExpectingRedirect('/', hiddenFields(await getPage(), `delete-note-${id}`));
  });

  it('answers a call with the re-rendered page, so the browser needs no second request', async () => {
    const response = await postCall(`${server!.url}/`, ids.updateName, ['Mo']);
    expect(response.status).to.equal(200);
    const answer = Buffer.from(await response.arrayBuffer()).toString('latin1');
    // `{ returnValue, root }`: the page, rendered after the function ran, shows the new name.
    expect(answer).to.match(/^0:\{"returnValue":\{"error":null,"name":"Mo"\},"root":"\$L[0-9a-f]+"\}$/m);
    expect(answer).to.include('["$","span",null,{"id":"name","children":"Mo"}');
    await callServerFunction(server!.url, ids.updateName, ['Lin']);
  });

  it('answers unknown action IDs with 404, malformed and `#`-suffixed ones with 400, and changes nothing', async () => {
    const before = storeBytes();
    const refusedIds: Array<[string, number, string]> = [
      ['0123456789abcdef0123456789abcdef01234567', 404, 'not-found'],
      ['not-an-action-id', 400, 'bad-request'],
      [`${ids.updateName}#createNote`, 400, 'bad-request'],
    ];
    for (const [id, status, code] of refusedIds) {
      const response = await postCall(`${server!.url}/`, id, ['Mallory']);
      expect(response.status, id).to.equal(status);
      expect(response.headers.get('x-server-action-error'), id).to.equal(code);
      await response.body?.cancel();
    }
    // A form naming another export of the action's module through React's `#` fallback.
    const form = await postForm(`${server!.url}/`, [[`$ACTION_ID_${ids.updateName}#createNote`, ''], ['name', 'Mallory']], { redirect: 'manual' });
    expect(form.status).to.equal(400);
    expect(form.headers.get('x-server-action-error')).to.equal('bad-request');
    await form.body?.cancel();
    expect(storeBytes()).to.equal(before);
    expect(await getPage()).not.to.include('Mallory');
  });

  it('answers a body that is not a Flight reply with 400 and runs nothing', async () => {
    const before = storeBytes();
    for (const body of ['{"not": "an array"}', '"$Q1"', '[', '"$h0"']) {
      const response = await fetch(server!.url, { method: 'POST', headers: { 'x-server-action': ids.createNote }, body });
      expect(response.status, body).to.equal(400);
      expect(response.headers.get('x-server-action-error')).to.equal('bad-request');
    }
    expect(storeBytes()).to.equal(before);
  });

  it('answers bodies over the 1 MB limit with 413, in every encoding, and keeps serving', async () => {
    const before = storeBytes();
    const big = 'a'.repeat(1024 * 1024 + 1);
    const text = await fetch(server!.url, { method: 'POST', headers: { 'x-server-action': ids.createNote }, body: big });
    expect(text.status).to.equal(413);
    const multipartCall = new FormData();
    multipartCall.append('0', new Blob([big]), 'big.txt');
    const call = await fetch(server!.url, { method: 'POST', headers: { 'x-server-action': ids.createNote }, body: multipartCall });
    expect(call.status).to.equal(413);
    const form = new FormData();
    form.append(`$ACTION_ID_${ids.createNote}`, '');
    form.append('upload', new Blob([big]), 'big.txt');
    expect((await fetch(server!.url, { method: 'POST', body: form })).status).to.equal(413);
    expect(storeBytes()).to.equal(before);
    expect(nameIn(await getPage())).to.be.a('string');
  });

  it('keeps notes and the name across a restart with the same data directory', async () => {
    await stopServer(server);
    await start();
    const html = await getPage();
    expect(titlesIn(html)).to.deep.equal(['seeded note', 'a title', '(empty note)']);
    expect(nameIn(html)).to.equal('Lin');
  });
});
