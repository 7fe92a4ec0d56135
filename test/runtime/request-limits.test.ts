/**
 * The request helper's limits, over real HTTP against the request-app fixture: the method and the
 * content type of a call, the body's size (declared, and counted while it streams in) and deadline,
 * the number of arguments and React's array limit. Every refusal has its status and
 * `x-server-action-error` code, and the function does not run; what is just within a limit runs.
 * This is where each of these refusals is proved; the hostile suite (the notes example) keeps what
 * only the whole example shows, such as a multipart body that grows or stops after its arguments.
 * A refused body is read and dropped (up to four times the size limit) so that the client reads the
 * answer; past that, or when the body is too slow, the connection closes.
 */
import { expect } from 'chai';
import { Agent } from 'node:http';
import { chunk, headerOf, inPieces, LAST_CHUNK, sendRaw, type Trickle } from '../helpers/hostile-http';
import { postCall, postForm } from '../helpers/http';
import { connectionAfter, expectRefused, sendStreamed, type Answer, type StreamedAnswer, type StreamedRequest } from '../helpers/refusals';
import { buildRequestApp, lastOf, startActionServer, type ActionServer, type RequestApp } from '../helpers/request-app';

const LIMIT = 1000;
const TEXT = 'text/plain;charset=UTF-8';

/** A call of increment(1, text) whose text/plain body is exactly `size` bytes. */
function bodyOfSize(size: number): string {
  const body = `[1,"${'x'.repeat(size - 6)}"]`;
  expect(body).to.have.lengthOf(size);
  return body;
}

describe('handleServerActionRequest: limits', () => {
  let app: RequestApp;
  let incrementId: string;
  let agent: Agent;

  before(async () => {
    app = await buildRequestApp();
    incrementId = app.server.actions.increment.$$id;
    agent = new Agent({ keepAlive: true });
  });
  after(() => agent.destroy());

  /** Sends `send`, and checks that increment ran once and the call was answered 200. */
  async function expectRuns(server: ActionServer, send: () => Promise<Response | StreamedAnswer>): Promise<void> {
    const before = app.server.counter.value;
    const answer = await send();
    if (answer instanceof Response) await answer.arrayBuffer();
    expect(answer.status).to.equal(200);
    expect(lastOf(server)).to.include({ kind: 'call', status: 200 });
    expect(app.server.counter.value, 'the function ran').to.equal(before + 1);
  }

  const rawCall = (server: ActionServer, body: string, headers: Record<string, string> = {}) => () =>
    fetch(server.url, { method: 'POST', headers: { 'x-server-action': incrementId, 'content-type': TEXT, ...headers }, body });

  describe('the method and the content type of a call', () => {
    let server: ActionServer;

    before(async () => {
      server = await startActionServer(app);
    });
    after(() => server.close());

    for (const method of ['GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      it(`answers ${method} with the x-server-action header 405, Allow: POST`, async () => {
        const body = method === 'GET' || method === 'HEAD' ? undefined : '[1]';
        const answer = await expectRefused(
          app,
          server,
          () => fetch(server.url, { method, headers: { 'x-server-action': incrementId, 'content-type': TEXT }, body }),
          405,
          'method-not-allowed',
        );
        expect(answer.header('allow')).to.equal('POST');
      });
    }

    it('leaves a GET without the header to the app', async () => {
      const response = await fetch(server.url);
      expect(response.status).to.equal(200);
      expect(await response.json()).to.deep.equal({ kind: 'none', formState: null });
    });

    for (const type of ['application/json', 'application/octet-stream', 'text/html', 'application/x-www-form-urlencoded']) {
      it(`answers a call with ${type} 415`, async () => {
        await expectRefused(app, server, rawCall(server, '[1]', { 'content-type': type }), 415, 'unsupported-media-type');
      });
    }

    it('answers a call with no content type 415', async () => {
      // Bytes, not a string: fetch gives them no content type.
      const send = () => fetch(server.url, { method: 'POST', headers: { 'x-server-action': incrementId }, body: Buffer.from('[1]') });
      await expectRefused(app, server, send, 415, 'unsupported-media-type');
    });
  });

  describe(`bodySizeLimit (${LIMIT} bytes)`, () => {
    let server: ActionServer;

    before(async () => {
      server = await startActionServer(app, { bodySizeLimit: LIMIT });
    });
    after(() => server.close());

    it('runs a call whose body is exactly the limit, and refuses one byte more with 413', async () => {
      await expectRuns(server, rawCall(server, bodyOfSize(LIMIT)));
      await expectRefused(app, server, rawCall(server, bodyOfSize(LIMIT + 1)), 413, 'too-large');
    });

    it('answers a declared Content-Length over the limit 413 before the body comes: none is ever sent', async () => {
      // 413, not 408: had the helper waited for the body that never comes, its deadline (30 s) would have answered.
      await expectRefused(
        app,
        server,
        () =>
          sendStreamed(agent, server.url, {
            headers: { 'x-server-action': incrementId, 'content-type': TEXT, 'content-length': 2 * LIMIT },
            unfinished: 'drop',
          }),
        413,
        'too-large',
      );
    });

    it('refuses a body over the limit that declares no length (chunked) once the limit is passed, text and multipart', async () => {
      await expectRuns(server, () =>
        sendStreamed(agent, server.url, {
          headers: { 'x-server-action': incrementId, 'content-type': TEXT },
          body: [bodyOfSize(LIMIT).slice(0, 500), bodyOfSize(LIMIT).slice(500)],
        }),
      );
      await expectRefused(
        app,
        server,
        () =>
          sendStreamed(agent, server.url, {
            headers: { 'x-server-action': incrementId, 'content-type': TEXT },
            body: ['[1,"', 'x'.repeat(600), 'x'.repeat(600), 'x'.repeat(600), '"]'],
          }),
        413,
        'too-large',
      );
      const boundary = '----limits';
      const part = `--${boundary}\r\nContent-Disposition: form-data; name="1_amount"\r\n\r\n`;
      await expectRefused(
        app,
        server,
        () =>
          sendStreamed(agent, server.url, {
            headers: { 'x-server-action': incrementId, 'content-type': `multipart/form-data; boundary=${boundary}` },
            body: [part, 'x'.repeat(600), 'x'.repeat(600), `\r\n--${boundary}--\r\n`],
          }),
        413,
        'too-large',
      );
    });

    it('refuses a call with a FormData argument over the limit with 413', async () => {
      const form = new FormData();
      form.append('amount', '1');
      form.append('file', new Blob(['x'.repeat(LIMIT * 2)]), 'big.txt');
      await expectRefused(app, server, () => postCall(server.url, incrementId, [form]), 413, 'too-large');
    });

    it('refuses a form post over the limit with 413, multipart and urlencoded', async () => {
      const fields: Array<[string, string]> = [[`$ACTION_ID_${incrementId}`, ''], ['amount', '1'], ['padding', 'x'.repeat(LIMIT)]];
      await expectRefused(app, server, () => postForm(server.url, fields), 413, 'too-large');
      await expectRefused(
        app,
        server,
        () => fetch(server.url, { method: 'POST', body: new URLSearchParams(fields) }),
        413,
        'too-large',
      );
    });

    it('reads and drops a refused body of up to four times the limit: the answer comes on a connection kept alive', async () => {
      const answer = (await expectRefused(
        app,
        server,
        () =>
          sendStreamed(agent, server.url, {
            headers: { 'x-server-action': incrementId, 'content-type': TEXT, 'content-length': 3 * LIMIT },
            body: ['x'.repeat(LIMIT), 'x'.repeat(LIMIT), 'x'.repeat(LIMIT)],
          }),
        413,
        'too-large',
      )) as StreamedAnswer;
      expect(answer.header('connection')).to.equal('keep-alive');
      expect(await connectionAfter(answer, 200)).to.equal('open');
    });

    it('forgets a refused body whose client goes away while it is dropped: no timer is left waiting for it', async () => {
      const timers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
      const before = timers();
      // Counted across the process: other timers may come and go, but not one per request.
      for (let index = 0; index < 5; index += 1) {
        await expectRefused(
          app,
          server,
          () =>
            sendStreamed(agent, server.url, {
              headers: { 'x-server-action': incrementId, 'content-type': TEXT, 'content-length': 3 * LIMIT },
              body: ['x'.repeat(LIMIT)],
              unfinished: 'drop',
            }),
          413,
          'too-large',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(timers() - before, 'timers left (the body deadline is 30 s)').to.be.below(3);
    });

    it('answers a declared Content-Length over four times the limit at once, with Connection: close, and closes', async () => {
      const answer = (await expectRefused(
        app,
        server,
        () =>
          sendStreamed(agent, server.url, {
            headers: { 'x-server-action': incrementId, 'content-type': TEXT, 'content-length': 4 * LIMIT + 1 },
            unfinished: 'drop',
          }),
        413,
        'too-large',
      )) as StreamedAnswer;
      expect(answer.header('connection')).to.equal('close');
      expect(await connectionAfter(answer, 1000)).to.equal('closed');
    });

    it('closes the connection of a chunked body that goes on past four times the limit, after the 413', async () => {
      const answer = (await expectRefused(
        app,
        server,
        () =>
          sendStreamed(agent, server.url, {
            headers: { 'x-server-action': incrementId, 'content-type': TEXT },
            body: ['[1,"', 'x'.repeat(2 * LIMIT), 50, ...Array.from({ length: 10 }, () => 'x'.repeat(LIMIT))],
          }),
        413,
        'too-large',
      )) as StreamedAnswer;
      expect(await connectionAfter(answer, 2000)).to.equal('closed');
    });
  });

  it('answers a 1.5 MB call sent with fetch 413 under the default limit (1 MB), and fetch reads the answer', async () => {
    const server = await startActionServer(app);
    try {
      const answer = await expectRefused(app, server, rawCall(server, `[1,"${'x'.repeat(1_500_000)}"]`), 413, 'too-large');
      expect(answer.header('connection')).to.equal('keep-alive');
    } finally {
      await server.close();
    }
  });

  describe('a refused body from a client that asks to close the connection, and reads only once it has sent it all', () => {
    // 2 MiB: over the default limit (1 MB), within the four times it that are read and dropped.
    const big = Buffer.alloc(2 * 1024 * 1024, 'x');
    const PIECE = 64 * 1024;
    let server: ActionServer;

    before(async () => {
      server = await startActionServer(app);
    });
    after(() => server.close());

    /**
     * Sends in pieces a few milliseconds apart, as a network delivers them: the server has refused the
     * body while most of it is still to come. Before the answer was held open until the body was in,
     * Node closed such a connection as soon as the answer was sent, and the client's next write failed
     * (EPIPE) before it had read the 413.
     */
    const sendClosing = (headers: Array<[string, string]>, body: Trickle, contentLength?: number) => async (): Promise<Answer> => {
      const { hostname, port } = new URL(server.url);
      const response = await sendRaw(
        { host: hostname, port: Number(port) },
        {
          headers: [['x-server-action', incrementId], ['Content-Type', TEXT], ['Connection', 'close'], ...headers],
          body,
          contentLength,
          readsAfterSending: true,
        },
      );
      expect(headerOf(response, 'connection')).to.equal('close');
      return { status: response.status, header: (name) => headerOf(response, name) ?? null };
    };

    it('answers 2 MiB declared with a Content-Length 413, 20 times in a row', async () => {
      for (let attempt = 0; attempt < 20; attempt++) {
        await expectRefused(app, server, sendClosing([], inPieces(big, PIECE, 2), big.length), 413, 'too-large');
      }
    });

    it('answers 2 MiB sent chunked 413 once it passes the limit, 20 times in a row', async () => {
      const pieces = inPieces(big, PIECE, 2).map((piece) => (typeof piece === 'number' ? piece : chunk(piece)));
      for (let attempt = 0; attempt < 20; attempt++) {
        await expectRefused(app, server, sendClosing([['Transfer-Encoding', 'chunked']], [...pieces, LAST_CHUNK]), 413, 'too-large');
      }
    });
  });

  describe('bodyTimeout (200 ms)', () => {
    let server: ActionServer;

    before(async () => {
      server = await startActionServer(app, { bodyTimeout: 200 });
    });
    after(() => server.close());

    const trickle = ['[1,"', ...Array.from({ length: 20 }, () => [50, 'x']).flat(), '"]'];

    it('answers a call whose body trickles in 408 at the deadline, closes the connection, and answers the next request', async () => {
      const answer = (await expectRefused(
        app,
        server,
        () => sendStreamed(agent, server.url, { headers: { 'x-server-action': incrementId, 'content-type': TEXT }, body: trickle }),
        408,
        'timeout',
      )) as StreamedAnswer;
      // After the deadline (200 ms), never before; how long after depends on the machine's load, and the
      // client's own limit (sendStreamed) bounds it.
      expect(answer.elapsed).to.be.at.least(150);
      expect(answer.header('connection')).to.equal('close');
      expect(await connectionAfter(answer, 1000)).to.equal('closed');
      await expectRuns(server, () => postCall(server.url, incrementId, [1]));
    });

    it('answers a form whose body stops, and a call whose body never starts, 408 at the deadline', async () => {
      const requests: Array<[string, StreamedRequest]> = [
        [
          'a form',
          { headers: { 'content-type': 'multipart/form-data; boundary=----x', 'content-length': 500 }, body: ['------x\r\n'], unfinished: 'drop' },
        ],
        ['a call', { headers: { 'x-server-action': incrementId, 'content-type': TEXT, 'content-length': 40 }, unfinished: 'drop' }],
      ];
      for (const [label, request] of requests) {
        const answer = (await expectRefused(app, server, () => sendStreamed(agent, server.url, request), 408, 'timeout')) as StreamedAnswer;
        // After the deadline (200 ms), never before; how long after depends on the machine's load, and the
        // client's own limit (sendStreamed) bounds it.
        expect(answer.elapsed, label).to.be.at.least(150);
      }
    });

    it('closes the connection of a 405 whose body never comes, at the same deadline', async () => {
      const own = new Agent({ keepAlive: true });
      try {
        const answer = (await expectRefused(
          app,
          server,
          () =>
            sendStreamed(own, server.url, {
              method: 'PUT',
              headers: { 'x-server-action': incrementId, 'content-type': TEXT, 'content-length': 100 },
              body: ['[1'],
              unfinished: 'keep',
            }),
          405,
          'method-not-allowed',
        )) as StreamedAnswer;
        expect(await connectionAfter(answer, 1000)).to.equal('closed');
      } finally {
        own.destroy();
      }
    });

    it('runs a call whose body comes in pieces within the deadline', async () => {
      await expectRuns(server, () =>
        sendStreamed(agent, server.url, { headers: { 'x-server-action': incrementId, 'content-type': TEXT }, body: ['[1', 30, ',"x"', 30, ']'] }),
      );
    });
  });

  describe('maxArguments (3)', () => {
    let server: ActionServer;

    before(async () => {
      server = await startActionServer(app, { maxArguments: 3 });
    });
    after(() => server.close());

    it('runs a call with exactly 3 arguments, and refuses 4 with 400', async () => {
      await expectRuns(server, () => postCall(server.url, incrementId, [1, 'b', 'c']));
      await expectRefused(app, server, () => postCall(server.url, incrementId, [1, 'b', 'c', 'd']), 400, 'bad-request');
    });

    it('counts the arguments of a multipart call too', async () => {
      const form = new FormData();
      form.append('amount', '1');
      await expectRuns(server, () => postCall(server.url, incrementId, [form, 'b', 'c']));
      await expectRefused(app, server, () => postCall(server.url, incrementId, [form, 'b', 'c', 'd']), 400, 'bad-request');
    });

    it('refuses arguments that are not an array with 400', async () => {
      await expectRefused(app, server, rawCall(server, '{"0":1}'), 400, 'bad-request');
      await expectRefused(app, server, rawCall(server, '1'), 400, 'bad-request');
    });
  });

  describe('arraySizeLimit by default (the body size limit)', () => {
    let server: ActionServer;

    before(async () => {
      server = await startActionServer(app);
    });
    after(() => server.close());

    it('runs a call with a 500 000-character string: a body without references stays under its own size', async () => {
      await expectRuns(server, () => postCall(server.url, incrementId, [1, 'x'.repeat(500_000)]));
    });

    it('refuses a small body that expands past the body size through references', async () => {
      // An array of 10 zeros, referenced 10 times at each of 6 levels: 10^7 slots from a body of a few KB.
      let level: unknown[] = new Array(10).fill(0);
      for (let depth = 0; depth < 6; depth++) level = new Array(10).fill(level);
      await expectRefused(app, server, () => postCall(server.url, incrementId, [1, level]), 400, 'bad-request');
    });
  });

  describe('arraySizeLimit (100)', () => {
    let server: ActionServer;

    before(async () => {
      server = await startActionServer(app, { arraySizeLimit: 100 });
    });
    after(() => server.close());

    it('runs a call with an argument array well under it, and refuses one over it with 400', async () => {
      await expectRuns(server, () => postCall(server.url, incrementId, [1, new Array(50).fill(0)]));
      await expectRefused(app, server, () => postCall(server.url, incrementId, [1, new Array(150).fill(0)]), 400, 'bad-request');
    });

    it('counts arrays reached through references: one small array referenced many times is refused', async () => {
      // React's encodeReply writes each array once: this reply refers to the same 10-slot array 20 times.
      const shared = new Array(10).fill(0);
      await expectRuns(server, () => postCall(server.url, incrementId, [1, [shared, shared]]));
      await expectRefused(app, server, () => postCall(server.url, incrementId, [1, new Array(20).fill(shared)]), 400, 'bad-request');
    });
  });
});
