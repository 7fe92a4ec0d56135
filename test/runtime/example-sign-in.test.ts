/**
 * The notes example's sign-in over real HTTP: signIn and signOut set and delete a signed session
 * cookie (form posts without JavaScript, and calls), a note written signed in records its author, and
 * deleteNote deletes it only for that user, signed in. A cookie the server did not sign as it stands
 * (a flipped signature, an edited name, an expired token, another key, garbage) is signed out: the
 * page offers the sign-in form and deleteNote refuses, by form post and by call, with the store
 * unchanged. The server gets a known NOTES_SESSION_SECRET, so that the test can sign an expired token.
 * All of it runs against each server of the example: node:http, Express, Fastify and the Fetch helper.
 */
import { expect } from 'chai';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildExample, EXAMPLE, EXAMPLE_BUILD, REPO_ROOT } from '../helpers/example';
import { hiddenFields, postCall, postForm, startServer, stopServer, type ServerProcess } from '../helpers/http';

const SECRET = 'sign-in-test-secret-0123456789abcdef';
const USER_COOKIE = 'notes-user';
// The purpose the example signs its user tokens for (examples/notes/src/session.js).
const PURPOSE = 'notes signed-in user';
const SIGNED_COOKIE = /^notes-user=([\w-]+\.\d+\.[\w-]{43}); Path=\/; Max-Age=604800; HttpOnly; SameSite=Lax$/;
const DELETED_COOKIE = /^notes-user=; Path=\/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax$/;
const NAME_REFUSED = /<p id="form-error" role="alert">Something went wrong: (<!-- -->)?Sign in with a name of 1 to 32/;
const REFUSED = /Something went wrong: (<!-- -->)?Only the author of a note can delete it\./;

const SEEDED = {
  notes: [{ id: 1, title: "Ada's note", createdAt: '2026-01-01T00:00:00.000Z', owner: 'another-browser-session-01', author: 'Ada' }],
  name: 'Sam',
  nextId: 2,
};

/** A token in the example's format, signed with `secret` for `purpose`: how a forger with the key would. */
function token(name: string, expires: number, { secret = SECRET, purpose = PURPOSE } = {}): string {
  const payload = `${Buffer.from(name).toString('base64url')}.${expires}`;
  return `${payload}.${createHmac('sha256', secret).update(`${purpose}\0${payload}`).digest('base64url')}`;
}

const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

// Each server of the example passes the request's cookies to the page (`page.cookie`); the request
// helpers run the functions. The Fetch helper sits behind a Node bridge (helpers/notes-fetch-server.js).
const SERVERS: Array<[string, string]> = [
  ['server.js', path.join(EXAMPLE, 'server.js')],
  ['express-server.js', path.join(EXAMPLE, 'express-server.js')],
  ['fastify-server.js', path.join(EXAMPLE, 'fastify-server.js')],
  ['the Fetch helper behind a Node bridge', path.join(__dirname, '../helpers/notes-fetch-server.js')],
];

for (const [serverName, serverScript] of SERVERS) {
  describe(`notes example: sign-in with a signed cookie, over HTTP (${serverName})`, () => {
    let dataDir: string;
    let server: ServerProcess | undefined;
    let ids: Record<string, string>;

    const storeBytes = () => readFileSync(path.join(dataDir, 'store.json'), 'utf8');
    const notes = (): Array<{ id: number; title: string; author?: string | null }> => JSON.parse(storeBytes()).notes;
    // Each request on a connection of its own: a loop of many requests on a loaded machine otherwise
    // meets fetch's keep-alive race (a POST written to a pooled connection that the server closed as
    // idle fails with EPIPE, and fetch retries only GETs).
    const asUser = (value: string) => ({ cookie: `${USER_COOKIE}=${value}`, connection: 'close' });
    // As a browser sends it: a form post from the page carries its Origin.
    const origin = () => ({ origin: server!.url, connection: 'close' });
    async function getPage(headers: Record<string, string> = {}): Promise<string> {
      const response = await fetch(`${server!.url}/`, { headers: { connection: 'close', ...headers } });
      expect(response.status).to.equal(200);
      return response.text();
    }
    const signedInAs = (html: string) => /Signed in as <strong id="user">([^<]*)<\/strong>/.exec(html)?.[1] ?? null;
    /** The value of the cookie a sign-in set, after checking its attributes. */
    function signedCookie(response: Response): string {
      const [setCookie] = response.headers.getSetCookie();
      expect(setCookie).to.match(SIGNED_COOKIE);
      return SIGNED_COOKIE.exec(setCookie)![1];
    }
    async function signInByForm(name: string): Promise<string> {
      const fields = hiddenFields(await getPage(), 'sign-in-form');
      const response = await postForm(`${server!.url}/`, [...fields, ['username', name]], { redirect: 'manual', headers: origin() });
      await response.body?.cancel();
      expect(response.status).to.equal(303);
      expect(response.headers.get('location')).to.equal('/');
      return signedCookie(response);
    }
    /** deleteNote as the browser calls it with JavaScript: the form's bound (sealed) value, then the FormData. */
    async function callDelete(noteId: number, headers: Record<string, string>): Promise<Response> {
      const fields = hiddenFields(await getPage(headers), `delete-note-${noteId}`);
      // The sealed captured values: a field of their own, a JSON string, which the bound field refers to.
      const sealed = fields.find(([, value]) => /^"A[\w-]{40,}"$/.test(value));
      expect(sealed, `the sealed captured values in ${JSON.stringify(fields)}`).not.to.equal(undefined);
      return postCall(`${server!.url}/`, ids.deleteNote, [JSON.parse(sealed![1]), new FormData()], headers);
    }
    async function postDelete(noteId: number, headers: Record<string, string>): Promise<Response> {
      const fields = hiddenFields(await getPage(headers), `delete-note-${noteId}`);
      return postForm(`${server!.url}/`, fields, { redirect: 'manual', headers: { ...origin(), ...headers } });
    }

    before(async () => {
      ids = await buildExample();
      dataDir = mkdtempSync(path.join(tmpdir(), 'wsa-sign-in-'));
      writeFileSync(path.join(dataDir, 'store.json'), JSON.stringify(SEEDED));
      const env = { PORT: '0', HOST: '127.0.0.1', NOTES_DATA_DIR: dataDir, NOTES_BUILD_DIR: EXAMPLE_BUILD, NOTES_SESSION_SECRET: SECRET };
      server = await startServer(serverScript, env, REPO_ROOT);
    });

    after(async () => {
      await stopServer(server);
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it('shows the sign-in form to a browser without the cookie, and the note with its author', async () => {
      const html = await getPage();
      expect(signedInAs(html)).to.equal(null);
      expect(hiddenFields(html, 'sign-in-form')).to.deep.equal([[`$ACTION_ID_${ids.signIn}`, '']]);
      expect(html).to.include('<span class="note-author">by <!-- -->Ada</span>');
    });

    it('signs in by form post: a 303 that sets the signed cookie (HttpOnly, SameSite=Lax), and the page says who', async () => {
      const cookie = await signInByForm('Ada');
      expect(cookie.split('.')[0]).to.equal(Buffer.from('Ada').toString('base64url'));
      const html = await getPage(asUser(cookie));
      expect(signedInAs(html)).to.equal('Ada');
      expect(html).not.to.include('id="sign-in-form"');
      expect(hiddenFields(html, 'sign-out-form')).to.deep.equal([[`$ACTION_ID_${ids.signOut}`, '']]);
    });

    it('signs in by call: the answer sets the cookie and carries the page rendered for the new user', async () => {
      const form = new FormData();
      form.append('username', 'Grace Hopper');
      const response = await postCall(`${server!.url}/`, ids.signIn, [form], origin());
      expect(response.status).to.equal(200);
      const cookie = signedCookie(response);
      expect(await response.text()).to.include('"id":"user","children":"Grace Hopper"');
      expect(signedInAs(await getPage(asUser(cookie)))).to.equal('Grace Hopper');
    });

    it('refuses a name outside the rules with its message (500), and sets no cookie', async () => {
      const fields = hiddenFields(await getPage(), 'sign-in-form');
      for (const name of ['', '   ', 'x'.repeat(33), '<script>', 'a\nb', ' -dash-first']) {
        const response = await postForm(`${server!.url}/`, [...fields, ['username', name]], { redirect: 'manual', headers: origin() });
        expect(response.status, JSON.stringify(name)).to.equal(500);
        expect(response.headers.getSetCookie(), JSON.stringify(name)).to.deep.equal([]);
        expect(await response.text(), JSON.stringify(name)).to.match(NAME_REFUSED);
      }
    });

    it('treats a forged, edited or expired cookie as signed out: the page offers sign-in, deleteNote refuses, the note stays', async () => {
      const valid = await signInByForm('Ada');
      const [name, expires, signature] = valid.split('.');
      const flipped = signature.slice(0, 10) + (signature[10] === 'A' ? 'B' : 'A') + signature.slice(11);
      const forged: Array<[string, string]> = [
        ['a flipped signature', `${name}.${expires}.${flipped}`],
        ['an edited name, the signature kept', `${Buffer.from('Adb').toString('base64url')}.${expires}.${signature}`],
        ['a later expiry, the signature kept', `${name}.${Number(expires) + 1}.${signature}`],
        ['expired, signed with the key', token('Ada', Math.floor(Date.now() / 1000) - 1)],
        ['signed with another key', token('Ada', inAnHour(), { secret: 'not-the-server-secret-0123456789abcdef' })],
        ['signed with the key for another purpose', token('Ada', inAnHour(), { purpose: 'something else' })],
        ['no signature', `${name}.${expires}`],
        ['garbage', '%%%.not.a.token'],
      ];
      // The control: this cookie, as the server signed it, is signed in.
      expect(signedInAs(await getPage(asUser(valid)))).to.equal('Ada');
      expect(signedInAs(await getPage(asUser(token('Ada', inAnHour()))))).to.equal('Ada');
      const before = storeBytes();
      for (const [what, value] of forged) {
        const headers = asUser(value);
        expect(signedInAs(await getPage(headers)), what).to.equal(null);
        const form = await postDelete(1, headers);
        expect(form.status, `${what}: form post`).to.equal(500);
        expect(await form.text(), `${what}: form post`).to.match(REFUSED);
        const call = await callDelete(1, headers);
        expect(call.status, `${what}: call`).to.equal(500);
        expect(await call.text(), `${what}: call`).to.include('Only the author of a note can delete it.');
        expect(notes().map(({ id }) => id), what).to.include(1);
      }
      expect(storeBytes()).to.equal(before);
    });

    it('refuses deleteNote to another signed-in user and to the signed-out browser, and deletes for the author', async () => {
      const before = storeBytes();
      const grace = asUser(await signInByForm('Grace'));
      const refusedForm = await postDelete(1, grace);
      expect(refusedForm.status).to.equal(500);
      expect(await refusedForm.text()).to.match(REFUSED);
      expect((await callDelete(1, grace)).status).to.equal(500);
      // The browser that wrote it, its anonymous session, without signing in: the note has an author.
      const writer = { cookie: 'notes-session=another-browser-session-01', connection: 'close' };
      expect((await postDelete(1, writer)).status).to.equal(500);
      expect(storeBytes()).to.equal(before);

      const deleted = await postDelete(1, asUser(await signInByForm('Ada')));
      await deleted.body?.cancel();
      expect(deleted.status).to.equal(303);
      expect(notes().map(({ id }) => id)).not.to.include(1);
    });

    it('records the signed-in author of a new note, and deletes it by call for that author', async () => {
      const ada = asUser(await signInByForm('Ada'));
      const form = new FormData();
      form.append('title', 'written by Ada');
      const created = await postCall(`${server!.url}/`, ids.addNote, [form], ada);
      expect(created.status).to.equal(204);
      const note = notes().at(-1)!;
      expect(note).to.include({ title: 'written by Ada', author: 'Ada' });
      const call = await callDelete(note.id, ada);
      expect(call.status).to.equal(200);
      await call.body?.cancel();
      expect(notes().map(({ id }) => id)).not.to.include(note.id);
    });

    it('signs out: the cookie deleted on the 303 of a form post and on the answer of a call', async () => {
      const ada = asUser(await signInByForm('Ada'));
      const fields = hiddenFields(await getPage(ada), 'sign-out-form');
      const response = await postForm(`${server!.url}/`, fields, { redirect: 'manual', headers: { ...origin(), ...ada } });
      await response.body?.cancel();
      expect(response.status).to.equal(303);
      expect(response.headers.getSetCookie()).to.have.lengthOf(1);
      expect(response.headers.getSetCookie()[0]).to.match(DELETED_COOKIE);

      const call = await postCall(`${server!.url}/`, ids.signOut, [new FormData()], { ...origin(), ...ada });
      expect(call.status).to.equal(200);
      expect(call.headers.getSetCookie()[0]).to.match(DELETED_COOKIE);
      // The page in the answer is rendered signed out, though the request still carried the cookie.
      const answer = await call.text();
      expect(answer).to.include('"id":"sign-in-form"');
      expect(answer).not.to.include('"id":"user"');
    });
  });
}
