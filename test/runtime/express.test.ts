/**
 * The request helper behind Express 5: the notes example served by examples/notes/express-server.js
 * over real HTTP (calls and no-JavaScript forms in both body encodings, refusals, the page), and apps
 * that register Express's body parsers app-wide: before the server functions, the first request whose
 * body a parser read fails with ServerActionBodyConsumedError, answered 500 by the app's error
 * handler (never a silent empty body, never a hang); after them, everything works.
 */
import { expect } from 'chai';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { EXAMPLE } from '../helpers/example';
import { callServerFunction, hiddenFields, postCall } from '../helpers/http';
import { callArguments, describeNotesRequests, loadNotes, postFormAs, type LoadedNotes, type NotesBuild } from '../helpers/notes-servers';

interface ExpressServerFile {
  createApp(build: NotesBuild): express.Express;
  serverFunctions(build: NotesBuild): RequestHandler;
  pages(build: NotesBuild): express.Router;
}
const expressServer = (): ExpressServerFile => require(path.join(EXAMPLE, 'express-server.js'));

async function listen(app: express.Express): Promise<{ server: Server; url: string }> {
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function close(server: Server | undefined): Promise<void> {
  if (!server) return Promise.resolve();
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

type BodyKind = 'call text/plain' | 'call multipart' | 'form urlencoded' | 'form multipart';
const BODY_KINDS: BodyKind[] = ['call text/plain', 'call multipart', 'form urlencoded', 'form multipart'];

/** Sends `name` to updateName in one of the four bodies a browser sends; the raw response. */
async function sendName(url: string, notes: LoadedNotes, kind: BodyKind, name: string): Promise<Response> {
  if (kind.startsWith('call')) {
    return postCall(`${url}/`, notes.ids.updateName, callArguments(kind === 'call text/plain' ? 'text' : 'multipart', name));
  }
  const fields: Array<[string, string]> = [[`$ACTION_ID_${notes.ids.updateName}`, ''], ['name', name]];
  return postFormAs(kind === 'form urlencoded' ? 'urlencoded' : 'multipart', `${url}/`, fields);
}

/** What a request that ran updateName answers: 200 for a call, 303 for a form. */
const ranStatus = (kind: BodyKind) => (kind.startsWith('call') ? 200 : 303);

describe('Express 5', function () {
  this.timeout(120_000);
  let notes: LoadedNotes;

  before(async () => {
    notes = await loadNotes();
  });

  describe('examples/notes/express-server.js', () => {
    let server: Server | undefined;
    let url = '';
    before(async () => {
      ({ server, url } = await listen(expressServer().createApp(notes.build)));
    });
    after(() => close(server));

    describe('answers as server.js does', () => describeNotesRequests(() => url, () => notes));
  });

  describe('body parsers registered app-wide', () => {
    let server: Server | undefined;
    afterEach(async () => {
      await close(server);
      server = undefined;
    });

    /** The notes app with `parsers` mounted before or after its server functions; the errors its handler saw. */
    async function appWith(parsers: RequestHandler[], where: 'before' | 'after') {
      const { serverFunctions, pages } = expressServer();
      const errors: unknown[] = [];
      const app = express();
      if (where === 'before') app.use(...parsers);
      app.use(serverFunctions(notes.build));
      if (where === 'after') app.use(...parsers);
      // A route of the app's own that reads JSON, next to the server functions.
      app.post('/api/echo', (req, res) => {
        res.json({ received: req.body });
      });
      app.use(pages(notes.build));
      const onError: ErrorRequestHandler = (error, _req, res, _next) => {
        errors.push(error);
        res.status(500).type('text/plain').send(`${error.code}: ${error.message}`);
      };
      app.use(onError);
      let url = '';
      ({ server, url } = await listen(app));
      return { url, errors };
    }

    // Each parser, and the requests whose body it reads (content types it does not handle pass through).
    const CASES: Array<[string, () => RequestHandler, BodyKind[]]> = [
      ['express.json()', () => express.json(), []],
      ['express.urlencoded({ extended: false })', () => express.urlencoded({ extended: false }), ['form urlencoded']],
      ['express.text()', () => express.text(), ['call text/plain']],
      ['express.raw({ type: "*/*" })', () => express.raw({ type: '*/*' }), BODY_KINDS],
    ];

    for (const [title, parser, eaten] of CASES) {
      const works = BODY_KINDS.filter((kind) => !eaten.includes(kind));
      it(`${title} before the server functions: ${eaten.length === 0 ? 'every body still works' : `${eaten.join(', ')} fail${eaten.length === 1 ? 's' : ''} with ERR_SERVER_ACTION_BODY_CONSUMED (500)${works.length > 0 ? ', the rest works' : ''}`}`, async () => {
        const { url, errors } = await appWith([parser()], 'before');
        for (const kind of eaten) {
          const before = notes.readStore();
          const response = await sendName(url, notes, kind, `eaten ${kind}`);
          expect(response.status, kind).to.equal(500);
          expect(await response.text(), kind).to.match(/^ERR_SERVER_ACTION_BODY_CONSUMED: .*mount the handler before the body parsers/);
          expect(notes.readStore(), `${kind}: nothing ran`).to.deep.equal(before);
        }
        expect(errors.map((error) => (error as Error).name)).to.deep.equal(eaten.map(() => 'ServerActionBodyConsumedError'));
        for (const kind of works) {
          const response = await sendName(url, notes, kind, `through ${kind}`);
          // Read to its end: a call's answer cut short is an error the app logs.
          await response.arrayBuffer();
          expect(response.status, kind).to.equal(ranStatus(kind));
          expect(notes.readStore().name, kind).to.equal(`through ${kind}`);
        }
      });
    }

    it('without an error handler of the app\'s own, Express answers the error 500 (no hang)', async () => {
      const { serverFunctions, pages } = expressServer();
      const app = express();
      app.use(express.text());
      app.use(serverFunctions(notes.build));
      app.use(pages(notes.build));
      // Express's final handler logs the error unless NODE_ENV is 'test'.
      app.set('env', 'test');
      let url = '';
      ({ server, url } = await listen(app));
      const response = await sendName(url, notes, 'call text/plain', 'unheard');
      expect(response.status).to.equal(500);
      await response.body?.cancel();
      expect(notes.readStore().name).not.to.equal('unheard');
    });

    it('every parser after the server functions: every body works, and the app\'s own JSON route gets its body', async () => {
      const parsers = [express.json(), express.urlencoded({ extended: false }), express.text(), express.raw()];
      const { url, errors } = await appWith(parsers, 'after');
      for (const kind of BODY_KINDS) {
        const response = await sendName(url, notes, kind, `after ${kind}`);
        await response.arrayBuffer();
        expect(response.status, kind).to.equal(ranStatus(kind));
        expect(notes.readStore().name, kind).to.equal(`after ${kind}`);
      }
      const echo = await fetch(`${url}/api/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
      expect(await echo.json()).to.deep.equal({ received: { a: 1 } });
      // The page still renders, and its forms still post.
      const html = await (await fetch(`${url}/`)).text();
      expect(hiddenFields(html, 'action-form')).to.have.lengthOf(1);
      expect(await callServerFunction(`${url}/`, notes.ids.updateName, ['last'])).to.deep.equal({ error: null, name: 'last' });
      expect(errors).to.deep.equal([]);
    });
  });
});
