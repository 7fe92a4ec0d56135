/**
 * The request helper behind Fastify 5: the notes example served by examples/notes/fastify-server.js
 * over real HTTP, where the helper runs in an onRequest hook, before Fastify's content-type parsers,
 * and takes the requests it answers out of Fastify's hands with reply.hijack(). With parsers for every
 * body a browser sends registered app-wide, that wiring still works; the helper called from a route
 * handler instead (after parsing) fails with ERR_SERVER_ACTION_BODY_CONSUMED, answered 500.
 */
import { expect } from 'chai';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import * as path from 'node:path';
import { EXAMPLE } from '../helpers/example';
import { postCall } from '../helpers/http';
import { callArguments, describeNotesRequests, loadNotes, postFormAs, type LoadedNotes, type NotesBuild } from '../helpers/notes-servers';

interface FastifyServerFile {
  createApp(build: NotesBuild): FastifyInstance;
  pages(build: NotesBuild): FastifyPluginAsync;
}
const fastifyServer = (): FastifyServerFile => require(path.join(EXAMPLE, 'fastify-server.js'));

async function listen(app: FastifyInstance): Promise<string> {
  return app.listen({ port: 0, host: '127.0.0.1' });
}

type BodyKind = 'call text/plain' | 'call multipart' | 'form urlencoded' | 'form multipart';
const BODY_KINDS: BodyKind[] = ['call text/plain', 'call multipart', 'form urlencoded', 'form multipart'];

async function sendName(url: string, notes: LoadedNotes, kind: BodyKind, name: string): Promise<Response> {
  if (kind.startsWith('call')) {
    return postCall(`${url}/`, notes.ids.updateName, callArguments(kind === 'call text/plain' ? 'text' : 'multipart', name));
  }
  const fields: Array<[string, string]> = [[`$ACTION_ID_${notes.ids.updateName}`, ''], ['name', name]];
  return postFormAs(kind === 'form urlencoded' ? 'urlencoded' : 'multipart', `${url}/`, fields);
}

/**
 * Parsers for the form bodies, registered app-wide as @fastify/formbody and @fastify/multipart do:
 * with Fastify's own (JSON, text/plain), every body a browser sends is read before a route's handler.
 */
function addFormParsers(app: FastifyInstance): void {
  app.addContentTypeParser(['application/x-www-form-urlencoded', 'multipart/form-data'], { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );
}

describe('Fastify 5', function () {
  this.timeout(120_000);
  let notes: LoadedNotes;

  before(async () => {
    notes = await loadNotes();
  });

  describe('examples/notes/fastify-server.js', () => {
    let app: FastifyInstance | undefined;
    let url = '';
    before(async () => {
      app = fastifyServer().createApp(notes.build);
      url = await listen(app);
    });
    after(() => app?.close());

    describe('answers as server.js does', () => describeNotesRequests(() => url, () => notes));
  });

  describe('content-type parsers for every body', () => {
    let app: FastifyInstance | undefined;
    afterEach(async () => {
      await app?.close();
      app = undefined;
    });

    it('the onRequest hook runs before them: every body works, and a form naming no server function is answered 405', async () => {
      app = Fastify();
      addFormParsers(app);
      app.register(fastifyServer().pages(notes.build));
      const url = await listen(app);
      for (const kind of BODY_KINDS) {
        const response = await sendName(url, notes, kind, `hook ${kind}`);
        // Read to its end: a call's answer cut short is an error the app logs.
        await response.arrayBuffer();
        expect(response.status, kind).to.equal(kind.startsWith('call') ? 200 : 303);
        expect(notes.readStore().name, kind).to.equal(`hook ${kind}`);
      }
      // A form naming no server function: the helper read its body, so the hook answers it, not a parser.
      for (const encoding of ['urlencoded', 'multipart'] as const) {
        const response = await postFormAs(encoding, `${url}/`, [['title', 'not a server function']]);
        await response.body?.cancel();
        expect(response.status, encoding).to.equal(405);
      }
    });

    it('the helper in a route handler, after them: each body fails with ERR_SERVER_ACTION_BODY_CONSUMED (500)', async () => {
      app = Fastify();
      addFormParsers(app);
      const errors: unknown[] = [];
      app.setErrorHandler((error, _request, reply) => {
        errors.push(error);
        return reply.code(500).send({ code: (error as { code?: string }).code });
      });
      const { rsc, clientManifest } = notes.build as NotesBuild & {
        rsc: { handleAction(request: unknown, response: unknown, manifest: object): Promise<{ kind: string }> };
      };
      app.post('/', async (request, reply) => {
        const result = await rsc.handleAction(request.raw, reply.raw, clientManifest);
        if (result.kind !== 'none') return reply.hijack();
        return reply.code(405).send();
      });
      const url = await listen(app);
      const before = notes.readStore();
      for (const kind of BODY_KINDS) {
        const response = await sendName(url, notes, kind, `handler ${kind}`);
        expect(response.status, kind).to.equal(500);
        expect(await response.json(), kind).to.deep.equal({ code: 'ERR_SERVER_ACTION_BODY_CONSUMED' });
      }
      expect(errors.map((error) => (error as Error).name)).to.deep.equal(BODY_KINDS.map(() => 'ServerActionBodyConsumedError'));
      expect(notes.readStore()).to.deep.equal(before);
    });
  });
});
