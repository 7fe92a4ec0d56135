/**
 * Hostile requests against the notes example, over real HTTP (raw sockets, for what fetch would not
 * send): crafted action IDs in the header and in form fields, repeated headers, broken framing and
 * multipart, bodies that stop or grow after the arguments could be decoded, many slow bodies at once,
 * Flight replies that reach for prototypes or loop, a useActionState binding that never settles,
 * tampered captured values, hostile paths. For each: the status and the `x-server-action-error` code,
 * the server's access-log line (refused, none, or no line when Node answered before the app), no `ran`
 * line, and a store whose bytes and modification time did not move. Controls show that the checks do
 * not just refuse everything: what is legitimate still runs.
 * What is sent is in helpers/hostile-cases.ts, how it is checked in helpers/hostile-server.ts. All of it
 * runs three times, with the same expectations: against the example's server.js (the Node helper),
 * against its express-server.js (the Node helper as Express 5 middleware) and against the Fetch helper
 * behind a Node bridge (helpers/notes-fetch-server.js).
 *
 * Each option of the request helper and the refusals it makes are proved once, against the request-app
 * fixture: methods, content types, body size and deadline in request-limits.test.ts, the Origin check in
 * request-origin.test.ts, replies React cannot finish decoding in request-helper.test.ts.
 */
import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { escapeForLog } from '../../runtime/server/log';
import { EXAMPLE, EXAMPLE_BUILD } from '../helpers/example';
import {
  BAD_ACTION_METADATA,
  BROKEN_MULTIPART,
  isBoundField,
  isSealedField,
  MALFORMED_IDS,
  multipartType,
  OVERSIZED_BOUND_ARGUMENTS,
  PROTOTYPE_BOUND_ARGUMENTS,
  REDIRECT_TARGETS,
  replaceValue,
  rootBeforeFile,
  tamperedDeleteForms,
  UNDECODABLE_REPLIES,
  unnamedPart,
  type Fields,
} from '../helpers/hostile-cases';
import { chunk, headerOf, inPieces, LAST_CHUNK, requestHead, type RawRequest } from '../helpers/hostile-http';
import { boundActionFields, call, formPost, multipartCall, TEXT_TYPE, UNKNOWN_ID, urlEncodedPost } from '../helpers/hostile-requests';
import { NotesUnderAttack, SESSION_COOKIE } from '../helpers/hostile-server';
import { hiddenFields } from '../helpers/http';
import { boundToItself } from '../helpers/unsettled-replies';

const SEED = {
  // Owned by another session, with an ID of the shape the example accepts.
  notes: [{ id: 1, title: 'a note of another session', createdAt: '2026-01-01T00:00:00.000Z', owner: 'another-session-0123456789' }],
  name: 'Sam',
  nextId: 2,
};
const LIMIT = 1024 * 1024;
/** Sent raw in IDs, fields and paths: the log must never print them as they are. */
const MARKERS = ['\u001b[31m', '\u202e'];
const MALLORY: [string, string] = ['name', 'Mallory'];

// The same requests, the same answers: the example's own server (the Node helper), its Express server
// (the Node helper as middleware, before Express's routing) and the Fetch helper behind a Node bridge
// (helpers/notes-fetch-server.js). `helper`: which request helper answers; `router`: what answers the
// rest (server.js's own if-chain, which the Fetch bridge copies, or Express's router).
// Where a server cannot give server.js's answer, the test says so and asserts the rest.
const SERVERS: Array<{ label: string; script?: string; helper: 'node' | 'fetch'; router: 'plain' | 'express' }> = [
  { label: 'Node helper, server.js', helper: 'node', router: 'plain' },
  { label: 'Node helper in Express 5, express-server.js', script: path.join(EXAMPLE, 'express-server.js'), helper: 'node', router: 'express' },
  { label: 'Fetch helper behind a Node bridge', script: path.join(__dirname, '../helpers/notes-fetch-server.js'), helper: 'fetch', router: 'plain' },
];

for (const { label, script, helper, router } of SERVERS) {
  describe(`hostile requests against the notes example over HTTP (${label})`, () => {
    let app: NotesUnderAttack;
    let ids: Record<string, string>;
    /** This session's cookie, the note it created, and forms of the page it sees. */
    let cookie: string;
    let myNoteId: number;
    let myDeleteForm: Fields;
    let theirDeleteForm: Fields;
    let renameForm: Fields;
    let nameForm: Fields;

    const refused = (label: string, request: RawRequest, status: number, code: string) => app.expectRefused(label, request, status, code);
    const asSession = (fields: Fields) => formPost(fields, [['Cookie', cookie]]);
    async function page(): Promise<string> {
      const response = await app.send({ method: 'GET', path: '/', headers: [['Cookie', cookie]] });
      expect(response.status).to.equal(200);
      return response.body;
    }
    /** The webpack module ID of a module of inline server functions: 40 hex digits too, and no action ID. */
    function moduleId(): string {
      const manifest = JSON.parse(readFileSync(path.join(EXAMPLE_BUILD, 'server/server-actions-manifest.json'), 'utf8'));
      return Object.values<{ id: string }>(manifest).find((entry) => /^[0-9a-f]{40}$/.test(entry.id))!.id;
    }
    /** The file the CVE-2025-55182 gadget would write, were it ever run. */
    const gadgetMarker = () => path.join(app.dataDir, `pwned-${process.pid}`);

    before(async () => {
      app = await NotesUnderAttack.start(SEED, script);
      ids = app.ids;
      const first = await app.send({ method: 'GET', path: '/' });
      cookie = new RegExp(`${SESSION_COOKIE}=[^;,]+`).exec(headerOf(first, 'set-cookie') ?? '')![0];
      const create = call(ids.createNote, '["my note"]', TEXT_TYPE, [['Cookie', cookie]]);
      await app.expectAnswer('setup', create, { status: 200, log: { ran: 'createNote' }, unchanged: false });
      myNoteId = app.readStore().notes.at(-1)!.id;
      const html = await page();
      myDeleteForm = hiddenFields(html, `delete-note-${myNoteId}`);
      theirDeleteForm = hiddenFields(html, 'delete-note-1');
      renameForm = hiddenFields(html, 'rename-note-1');
      nameForm = hiddenFields(html, 'action-form');
    });

    after(() => app?.stop());

    describe('crafted IDs in the x-server-action header', () => {
      it('refuses a well-formed unknown ID, and the webpack module ID of a server-functions module, with 404', async () => {
        await refused('unknown ID', call(UNKNOWN_ID, '["x"]'), 404, 'not-found');
        await refused('a module ID', call(moduleId(), '[]'), 404, 'not-found');
      });

      it('checks the ID before the body: 404 for an unknown ID with a 2 MB body that is never sent', async () => {
        // 404, not 408: had the helper waited for the body that never comes, the deadline would have answered.
        await refused('unknown, declared', { ...call(UNKNOWN_ID, ''), contentLength: 2 * LIMIT }, 404, 'not-found');
      });

      for (const [label, make] of MALFORMED_IDS) {
        it(`refuses a malformed ID (${label}) with 400`, async () => {
          await refused(label, call(make(ids.createNote), '["x"]'), 400, 'bad-request');
        });
      }

      it('refuses an ID of 8 000 characters with 400', async () => {
        await refused('8 000 characters', call(ids.createNote.repeat(200), '["x"]'), 400, 'bad-request');
      });

      it('leaves an ID of 100 KB to Node, which answers 431 before the app sees the request', async () => {
        // In pieces, as a network delivers it: Node answers after 16 KB and closes. Sent at once, the rest
        // would reach a closed socket, and the reset could overtake the answer.
        const head = requestHead(app.target, { ...call('a'.repeat(100 * 1024), '["x"]'), path: app.nextPath() });
        await app.expectAnswer('100 KB', { raw: inPieces(head, 8192, 10) }, { status: 431, code: null, log: 'no line' });
      });

      it('refuses a repeated x-server-action header with 400, even when both name the same real function', async () => {
        for (const second of [ids.createNote, UNKNOWN_ID]) {
          await refused(`repeated (${second})`, call(ids.createNote, '["x"]', TEXT_TYPE, [['X-Server-Action', second]]), 400, 'bad-request');
        }
      });
    });

    describe('crafted IDs in form fields', () => {
      it('refuses $ACTION_ID_ with a well-formed unknown ID, and with a module ID, with 404', async () => {
        await refused('unknown', await formPost([[`$ACTION_ID_${UNKNOWN_ID}`, ''], MALLORY]), 404, 'not-found');
        await refused('a module ID', await formPost([[`$ACTION_ID_${moduleId()}`, ''], MALLORY]), 404, 'not-found');
      });

      for (const [label, make] of MALFORMED_IDS) {
        it(`refuses $ACTION_ID_ with a malformed ID (${label}) with 400`, async () => {
          await refused(label, await formPost([[`$ACTION_ID_${make(ids.updateName)}`, ''], MALLORY]), 400, 'bad-request');
        });
      }

      it('refuses a malformed $ACTION_ID_ in a urlencoded form with 400', async () => {
        await refused('urlencoded', urlEncodedPost([[`$ACTION_ID_${ids.updateName}#createNote`, ''], MALLORY]), 400, 'bad-request');
      });

      for (const [label, metadata, status, code] of BAD_ACTION_METADATA) {
        it(`refuses $ACTION_REF_ whose $ACTION_<p>:0 is ${label} with ${status}`, async () => {
          await refused(label, await formPost([...boundActionFields(metadata(ids.updateName)), MALLORY]), status, code);
        });
      }

      it('checks the last action field, the one React runs: a real one first and a crafted one last is refused', async () => {
        const real: Fields = [[`$ACTION_ID_${ids.updateName}`, '']];
        const variants: Array<[string, Fields, number, string]> = [
          ['unknown ID last', [...real, [`$ACTION_ID_${UNKNOWN_ID}`, '']], 404, 'not-found'],
          ['<id>#createNote last', [...real, [`$ACTION_ID_${ids.updateName}#createNote`, '']], 400, 'bad-request'],
          ['a crafted REF last', [...real, ...boundActionFields(JSON.stringify({ id: `${ids.updateName}#*`, bound: null }))], 400, 'bad-request'],
          ['a real REF, then an unknown ID', [...renameForm, [`$ACTION_ID_${UNKNOWN_ID}`, '']], 404, 'not-found'],
        ];
        for (const [label, fields, status, code] of variants) await refused(label, await formPost([...fields, MALLORY]), status, code);
      });

      it('runs the last action field when an unknown one comes first (the control: the check reads the field React runs)', async () => {
        const fields: Fields = [[`$ACTION_ID_${UNKNOWN_ID}`, ''], [`$ACTION_ID_${ids.updateName}`, ''], ['name', 'Last field wins']];
        await app.expectAnswer('unknown first', await formPost(fields), { status: 303, log: { ran: 'updateName' }, unchanged: false });
        expect(app.readStore().name).to.equal('Last field wins');
      });
    });

    describe('bodies that stop or grow after the arguments, and many slow bodies at once', () => {
      it('runs nothing before the whole body is in: a multipart call whose file, after the root, grows past 1 MB (413) or stops (408)', async () => {
        const { head, tail } = rootBeforeFile('["the root came first"]');
        const growing = [chunk(head), ...new Array(20).fill(chunk('b'.repeat(64 * 1024))), chunk(tail), LAST_CHUNK];
        const chunked = call(ids.createNote, '', multipartType(), [['Transfer-Encoding', 'chunked']]);
        await refused('grows', { ...chunked, body: growing }, 413, 'too-large');
        const stopping = { ...call(ids.createNote, '', multipartType()), body: [head, 'b'], contentLength: head.length + 100 + tail.length };
        await refused('stops', stopping, 408, 'timeout');
      });

      it('answers 20 slow bodies at once with 408 each, and serves a page meanwhile', async () => {
        const trickle = ['["', 500, 'a', 500, 'b', 500, 'c', 500, 'd'];
        const slow = Array.from({ length: 20 }, () => ({ ...call(ids.createNote, ''), body: trickle, contentLength: 16 }));
        let pageServedAt = 0;
        const refusals = await app.expectRefusedTogether(slow, 408, 'timeout', async () => {
          expect(await page()).to.include('<span id="name">');
          pageServedAt = Date.now();
        });
        // The page came while the slow bodies were still held, before the first of them was refused.
        expect(pageServedAt).to.be.at.most(Math.min(...refusals.map((refusal) => refusal.receivedAt)));
      });
    });

    describe('broken framing', () => {
      const byNode = { status: 400, code: null, log: 'no line' } as const;

      it('Node answers 400 to Content-Length with Transfer-Encoding: chunked, two Content-Lengths, a lower-case method', async () => {
        const chunked = call(ids.createNote, '', TEXT_TYPE, [['Transfer-Encoding', 'chunked']]);
        await app.expectAnswer('CL and TE', { ...chunked, body: chunk('["x"]') + LAST_CHUNK, contentLength: 5 }, byNode);
        await app.expectAnswer('two CL', call(ids.createNote, '["x"]', TEXT_TYPE, [['Content-Length', '4']]), byNode);
        await app.expectAnswer('post', { ...call(ids.createNote, '["x"]'), method: 'post' }, byNode);
      });

      it('Node answers 400 to raw control characters and bytes outside ASCII in the request line or the action header', async () => {
        for (const marker of MARKERS) {
          await app.expectAnswer(`path ${JSON.stringify(marker)}`, { ...call(ids.createNote, '["x"]'), path: `/${marker}` }, byNode);
        }
        await app.expectAnswer('ESC in the header', call(`${MARKERS[0]}${ids.createNote}`, '["x"]'), byNode);
      });

      it('Node answers 400 to a chunk size that is not hex, for a real function; the app sees the body end early', async () => {
        const request = { ...call(ids.createNote, '', TEXT_TYPE, [['Transfer-Encoding', 'chunked']]), body: ['zz\r\n["x"]\r\n', LAST_CHUNK] };
        // Behind the bridge, Node's 400 closes the connection: the Request's signal aborts before its body
        // fails, and an aborted request has no result (the helper rejects with the reason), so no line.
        const log = helper === 'node' ? { refused: 'bad-request' } : 'no line';
        await app.expectAnswer('bad chunk', request, { status: 400, code: null, log });
      });

      it('reads a body that holds a whole second request as a body: nothing runs it', async () => {
        const inner = (text: string) => Buffer.concat([requestHead(app.target, { ...call(ids.createNote, text), path: '/' }), Buffer.from(text)]);
        await refused('unknown ID', call(UNKNOWN_ID, inner('["smuggled past a 404"]')), 404, 'not-found');
        await refused('real ID', call(ids.createNote, inner('["smuggled in a body"]')), 400, 'bad-request');
      });
    });

    describe('malformed multipart bodies', () => {
      for (const [label, contentType, body] of BROKEN_MULTIPART) {
        it(`refuses a call and a form whose multipart body has ${label} with 400`, async () => {
          await refused(`call: ${label}`, call(ids.createNote, body('0', '["x"]'), contentType), 400, 'bad-request');
          const form = { headers: [['Content-Type', contentType]] as Fields, body: body(`$ACTION_ID_${ids.updateName}`, '') };
          await refused(`form: ${label}`, form, 400, 'bad-request');
        });
      }

      it('skips a part without Content-Disposition: a call misses its root (400), a form its action field (405, none)', async () => {
        await refused('call', call(ids.createNote, unnamedPart('["x"]'), multipartType()), 400, 'bad-request');
        const form = { headers: [['Content-Type', multipartType()]] as Fields, body: unnamedPart(`$ACTION_ID_${ids.updateName}`) };
        // The Fetch side parses with the platform's multipart parser (undici's formData()), which
        // refuses such a body whole rather than skipping the part: 400, and still nothing runs.
        if (helper === 'fetch') await refused('form', form, 400, 'bad-request');
        else await app.expectAnswer('form', form, { status: 405, code: null, log: 'none' });
      });

      it('answers a well-formed form without an action field as no server-function request (405, none)', async () => {
        await app.expectAnswer('multipart', await formPost([MALLORY]), { status: 405, code: null, log: 'none' });
        await app.expectAnswer('urlencoded', urlEncodedPost([MALLORY]), { status: 405, code: null, log: 'none' });
      });
    });

    describe('Flight replies that must not decode', () => {
      for (const [label, make] of UNDECODABLE_REPLIES) {
        it(`refuses ${label} with 400`, async () => {
          const body = make({ marker: gadgetMarker(), ids });
          const request = typeof body === 'string' ? call(ids.createNote, body) : await multipartCall(ids.createNote, body);
          await refused(label, request, 400, 'bad-request');
          expect(existsSync(gadgetMarker()), 'the gadget did not run').to.equal(false);
        });
      }
    });

    // The tables of replies React cannot finish (unsettled-replies.ts) run in request-helper.test.ts,
    // against a function that counts its run, under a short deadline. Here, one end to end, under the
    // example's own deadline: its page's useActionState binding, which React reads after the function ran.
    describe('a Flight reply that leaves React something it cannot finish', () => {
      it('refuses a form whose useActionState binding (read after the function ran) never settles, before the function runs (400)', async () => {
        const stateBinding: Fields = [
          ['$ACTION_REF_2', ''],
          ['$ACTION_2:0', JSON.stringify({ id: ids.updateName, bound: '$@1' })],
          ['$ACTION_2:1', '["$h2"]'],
          ...boundToItself(ids.updateName, 2, '$ACTION_2:'),
          ['$ACTION_KEY', 'k0'],
        ];
        // The action that runs is the last action field: a plain one, after the binding.
        await refused('state binding', await formPost([...stateBinding, [`$ACTION_ID_${ids.updateName}`, ''], MALLORY]), 400, 'bad-request');
      });
    });

    describe('bound arguments of a form over the limits of a call', () => {
      for (const [label, bound] of OVERSIZED_BOUND_ARGUMENTS) {
        it(`refuses a form posting updateName with ${label} (400)`, async () => {
          const fields: Fields = [...boundActionFields(JSON.stringify({ id: ids.updateName, bound: '$@1' })), ...bound, MALLORY];
          await refused(label, await formPost(fields), 400, 'bad-request');
        });
      }
    });

    describe('captured values and bound arguments that were tampered with', () => {
      it("refuses this session's delete form with its sealed note flipped, truncated, emptied or removed (400)", async () => {
        for (const [label, fields] of tamperedDeleteForms(myDeleteForm)) await refused(label, await asSession(fields), 400, 'bad-request');
      });

      it('refuses deleteNote named without its sealed values: by $ACTION_ID_, or called with none or garbage (400)', async () => {
        await refused('form by ID', await asSession([[`$ACTION_ID_${ids.deleteNote}`, '']]), 400, 'bad-request');
        for (const args of ['[]', '["garbage"]', '[{"id":1}]']) {
          await refused(args, call(ids.deleteNote, args, TEXT_TYPE, [['Cookie', cookie]]), 400, 'bad-request');
        }
      });

      it("runs deleteNote with another session's sealed note moved into this session's form: its owner check throws (500)", async () => {
        const moved = replaceValue(myDeleteForm, isSealedField, theirDeleteForm.find(isSealedField)![1]);
        // The function ran, and the store rewrote its file with the same data: the bytes are compared.
        await app.expectAnswer('moved', await asSession(moved), { status: 500, code: null, log: { ran: 'deleteNote' }, unchanged: 'bytes' });
        expect(app.readStore().notes.map((note) => note.id)).to.include(1);
      });

      it("gives deleteNote's sealed note to renameNote, which captures nothing: an opaque string to it (500, nothing renamed)", async () => {
        const moved = myDeleteForm.map(([name, value]): [string, string] => [name, value.replace(ids.deleteNote, ids.renameNote)]);
        expect(moved).not.to.deep.equal(myDeleteForm);
        const expected = { status: 500, code: null, log: { ran: 'renameNote' }, unchanged: 'bytes' } as const;
        await app.expectAnswer('moved', await asSession([...moved, ['title', 'Mallory']]), expected);
      });

      it("refuses renameNote's bound note id changed into a prototype reference (400)", async () => {
        for (const reference of PROTOTYPE_BOUND_ARGUMENTS) {
          const fields = replaceValue(renameForm, isBoundField, reference);
          await refused(reference, await formPost([...fields, ['title', 'Mallory']]), 400, 'bad-request');
        }
      });
    });

    describe('hostile paths', () => {
      it('refuses an unknown ID posted to a 10 KB path, to percent-encoded control characters, quotes and backslashes', async () => {
        const paths = [`/${'p'.repeat(10 * 1024)}`, '/%1b[31mred%0d%0a[notes]%20POST%20"/"%20200%20ran%20createNote%00%e2%80%ae', '/a"b\\c?d="e"'];
        for (const requestPath of paths) {
          await refused(requestPath.slice(0, 40), { ...call(UNKNOWN_ID, '["x"]'), path: requestPath }, 404, 'not-found');
        }
      });

      it('leaves a form naming no server function, posted to hostile paths, to the app: none, the path escaped in the log', async () => {
        // The app answers every POST that is not a server-function request 405 whatever its path; Express's
        // router answers a path that no route takes 404 first (its default 404 page), and the log line
        // carries the status the response went out with.
        const paths: Array<[string, number]> = [
          ['/%1b[31mred%0d%0a[notes]%20POST%20"/"%20200%20ran%20createNote%00%e2%80%ae', 404],
          ['/a"b\\c?d="e"', 404],
          // A percent sign that starts no escape: nothing on either side decodes the path.
          ['/%zz%E0%A4%A', 404],
          ['/?q=%zz&__proto__[x]=1&a[b][c]=d', 405],
        ];
        for (const [requestPath, byExpress] of paths) {
          const status = router === 'express' ? byExpress : 405;
          await app.expectAnswer(requestPath, { ...urlEncodedPost([MALLORY]), path: requestPath }, { status, code: null, log: 'none' });
        }
      });

      it('keeps the log line short for a path of characters that escaping doubles (backslashes, quotes)', async () => {
        for (const character of ['\\', '"']) {
          await refused(`400 × ${character}`, { ...call(UNKNOWN_ID, '["x"]'), path: `/${character.repeat(400)}` }, 404, 'not-found');
          const logged = app.accessLines().at(-1)!.line;
          expect(logged.length, logged).to.be.at.most(300);
        }
      });

      it('sends the browser back to this host after a form post, whatever the path says (303 to a path, never to //host)', async () => {
        for (const [requestPath, location] of REDIRECT_TARGETS) {
          // An empty name: updateName answers with an error and writes nothing; the form has no state to carry.
          const request = { ...(await formPost([...nameForm, ['name', '']])), path: requestPath };
          const response = await app.expectAnswer(requestPath, request, { status: 303, log: { ran: 'updateName' } });
          expect(headerOf(response, 'location'), requestPath).to.equal(location);
        }
      });

      it('shows a form state only on the page it was sealed for, and never a forged one', async () => {
        const stateForm = hiddenFields(await page(), 'state-form');
        const post = { ...(await formPost([...stateForm, ['name', '']])), path: '/' };
        const redirect = await app.expectAnswer('state', post, { status: 303, log: { ran: 'updateName' } });
        const stateCookie = /wsa-form-state=[^;]+/.exec(headerOf(redirect, 'set-cookie') ?? '')![0];
        const flipped = stateCookie.slice(0, -3) + (stateCookie.at(-3) === 'A' ? 'B' : 'A') + stateCookie.slice(-2);
        async function showsState(pagePath: string, sent: string): Promise<boolean> {
          const response = await app.send({ method: 'GET', path: pagePath, headers: [['Cookie', `${cookie}; ${sent}`]] });
          expect(response.status).to.equal(200);
          return response.body.includes('Failed: ');
        }
        expect(await showsState('/name/update', stateCookie), 'on another page').to.equal(false);
        expect(await showsState('/', flipped), 'flipped').to.equal(false);
        expect(await showsState('/', 'wsa-form-state=garbage'), 'garbage').to.equal(false);
        expect(await showsState('/', stateCookie), 'the control: on its own page').to.equal(true);
      });
    });

    describe('after all of that', () => {
      it('runs a legitimate call and legitimate form posts, and they change the store', async () => {
        await app.expectAnswer('call', call(ids.createNote, '["after the storm"]'), { status: 200, log: { ran: 'createNote' }, unchanged: false });
        expect(app.readStore().notes.map((note) => note.title)).to.include('after the storm');
        const form = await formPost([...nameForm, ['name', 'Grace']]);
        await app.expectAnswer('form', form, { status: 303, log: { ran: 'updateName' }, unchanged: false });
        expect(app.readStore().name).to.equal('Grace');
        await app.expectAnswer('delete', await asSession(myDeleteForm), { status: 303, log: { ran: 'deleteNote' }, unchanged: false });
        expect(app.readStore().notes.map((note) => note.id)).not.to.include(myNoteId);
      });

      it('is still running, and ran nothing but what the suite meant to run', () => {
        expect(app.running).to.equal(true);
        expect(app.accessLines().flatMap((entry) => entry.ran ?? [])).to.deep.equal(app.expectedRuns);
      });

      it('printed no line over 300 characters, and nothing sent to it raw: no control characters, nothing outside ASCII', () => {
        for (const line of app.lines()) {
          const shown = JSON.stringify(line.slice(0, 120));
          expect(line.length, shown).to.be.at.most(300);
          expect(/[\u0000-\u0008\u000a-\u001f\u007f-\uffff]/.test(line), `raw control or non-ASCII character in ${shown}`).to.equal(false);
          for (const text of MARKERS) expect(line, shown).not.to.include(text);
        }
      });
    });
  });
}

// Over HTTP, Node's parser refuses raw control characters and bytes outside ASCII in a path (see
// above), so they never reach the example's log; but header values may hold bytes outside ASCII, and
// an app may log them with escapeForLog. Checked on the function itself.
describe('escapeForLog, for client input that HTTP cannot bring to the example\'s log', () => {
  const hostile = ['\u001b[31m', '\r\n[notes] POST "/" 200 ran createNote', '\u0000', '\u202e', '\u2028', '\ud800', '\u007f', '\u00ff'];

  it('gives printable ASCII that reads back as the input', () => {
    for (const text of hostile) {
      const escaped = escapeForLog(text);
      expect(escaped, JSON.stringify(text)).to.match(/^[\x20-\x7e]*$/);
      expect(JSON.parse(escaped), JSON.stringify(text)).to.equal(text);
    }
  });

  it('keeps the escaped text short, however much escaping expands it', () => {
    for (const text of [...hostile, '"', '\\', 'a']) {
      const escaped = escapeForLog(text.repeat(1000));
      expect(escaped.length, JSON.stringify(text)).to.be.at.most(240);
      expect(escaped, JSON.stringify(text)).to.match(/^[\x20-\x7e]*$/);
    }
  });
});
