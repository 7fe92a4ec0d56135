/**
 * The runtime API that comes with the request helper's checks, over real HTTP against the request-app
 * fixture: `getServerActionRequest()` (the request a server function runs for, and nothing outside
 * one), `escapeForLog` (client input fit for a log line), and the `ServerActionError` that the
 * client runtime, bundled for the browser, rejects a refused call with.
 */
import { expect } from 'chai';
import { escapeForLog } from '../../runtime/server/log';
import { postCall, postForm, readFlightAnswer } from '../helpers/http';
import { settle } from '../helpers/inline-app';
import { buildRequestApp, lastOf, startActionServer, type ActionServer, type RequestApp } from '../helpers/request-app';

/** What the client runtime reads of the browser's `window`. */
interface WindowStub {
  location: { href: string; assign(url: string): void };
}

describe('getServerActionRequest()', () => {
  let app: RequestApp;
  let server: ActionServer;
  let whoIsCalling: string;
  // What getServerActionRequest() gave renderRoot, rendering a call's answer.
  const rootCallers: unknown[] = [];

  before(async () => {
    app = await buildRequestApp();
    whoIsCalling = app.server.actions.whoIsCalling.$$id;
    server = await startActionServer(app, {
      renderRoot: () => {
        rootCallers.push(app.server.runtime.getServerActionRequest().headers['x-caller']);
        return null;
      },
    });
  });
  after(() => server.close());
  beforeEach(() => rootCallers.splice(0));

  async function callAs(caller: string, wait?: number): Promise<unknown> {
    const response = await postCall(server.url, whoIsCalling, wait === undefined ? [] : [wait], { 'x-caller': caller });
    expect(response.status).to.equal(200);
    return (await readFlightAnswer<{ returnValue: unknown }>(response)).returnValue;
  }

  it('gives a called server function its request, and renderRoot the same', async () => {
    expect(await callAs('alice')).to.equal('alice');
    expect(rootCallers).to.deep.equal(['alice']);
  });

  it('gives a server function run by a posted form its request', async () => {
    const response = await postForm(server.url, [[`$ACTION_ID_${whoIsCalling}`, '']], { headers: { 'x-caller': 'bob' } });
    expect(response.status).to.equal(200);
    expect(await response.json()).to.include({ kind: 'form', returnValue: 'bob' });
  });

  it('gives each of overlapping calls its own request', async () => {
    // The first call reads its request last, after the others have started and finished.
    const callers = await Promise.all([callAs('carol', 150), callAs('dave', 50), callAs('erin', 0)]);
    expect(callers).to.deep.equal(['carol', 'dave', 'erin']);
    expect(rootCallers).to.have.members(['carol', 'dave', 'erin']);
  });

  it('throws ServerActionContextError (ERR_SERVER_ACTION_NO_REQUEST) outside a server function', async () => {
    const { runtime } = app.server;
    expect(() => runtime.getServerActionRequest()).to.throw(runtime.ServerActionContextError).with.property('code', 'ERR_SERVER_ACTION_NO_REQUEST');
    // Not even in what runs after a call, once the helper is done with it.
    await callAs('frank');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(() => runtime.getServerActionRequest()).to.throw(runtime.ServerActionContextError);
  });
});

describe('escapeForLog', () => {
  const printableAscii = /^[\x20-\x7e]*$/;

  it('writes text as a JSON string, quotes and backslashes escaped', () => {
    expect(escapeForLog('/notes/7?tab=edit')).to.equal('"/notes/7?tab=edit"');
    expect(escapeForLog('say "hi"')).to.equal('"say \\"hi\\""');
    expect(escapeForLog('C:\\path')).to.equal('"C:\\\\path"');
    expect(escapeForLog('')).to.equal('""');
  });

  it('escapes control characters: newline, carriage return, ESC, NUL, DEL', () => {
    expect(escapeForLog('a\nb\rc')).to.equal('"a\\nb\\rc"');
    expect(escapeForLog('\u001b[31mred')).to.equal('"\\u001b[31mred"');
    expect(escapeForLog('\u0000\u007f')).to.equal('"\\u0000\\u007f"');
  });

  it('escapes everything outside ASCII: bidirectional overrides, line separators, lone surrogates, letters, emoji', () => {
    expect(escapeForLog('\u202eevil')).to.equal('"\\u202eevil"');
    expect(escapeForLog('\u2028\u2029')).to.equal('"\\u2028\\u2029"');
    expect(escapeForLog('\ud800')).to.equal('"\\ud800"');
    expect(escapeForLog('\udc00x')).to.equal('"\\udc00x"');
    expect(escapeForLog('café')).to.equal('"caf\\u00e9"');
    expect(escapeForLog('🙂')).to.equal('"\\ud83d\\ude42"');
  });

  it('never lets a character outside printable ASCII through, for any UTF-16 code unit', () => {
    const everyCodeUnit = Array.from({ length: 0x10000 }, (_, unit) => String.fromCharCode(unit)).join('');
    const escaped = escapeForLog(everyCodeUnit, Infinity);
    expect(escaped).to.match(printableAscii);
    expect(JSON.parse(escaped)).to.equal(everyCodeUnit);
  });

  it('cuts long text at 200 characters and counts the rest', () => {
    const escaped = escapeForLog('x'.repeat(10_000));
    expect(escaped).to.equal(`"${'x'.repeat(200)}"...(+9800 chars)`);
    expect(escapeForLog('x'.repeat(200))).to.equal(`"${'x'.repeat(200)}"`);
    expect(escapeForLog('abcdef', 3)).to.equal('"abc"...(+3 chars)');
  });

  it('bounds the escaped text, not the input: quotes, backslashes and escapes count as what they become', () => {
    expect(escapeForLog('"'.repeat(400))).to.equal(`"${'\\"'.repeat(100)}"...(+300 chars)`);
    expect(escapeForLog('\u001b'.repeat(100))).to.equal(`"${'\\u001b'.repeat(33)}"...(+67 chars)`);
  });

  it('cuts between the halves of a surrogate pair without letting the half through raw', () => {
    const escaped = escapeForLog(`${'x'.repeat(194)}🙂`);
    expect(escaped).to.equal(`"${'x'.repeat(194)}\\ud83d"...(+1 chars)`);
    expect(escaped).to.match(printableAscii);
  });

  it('takes what is not a string as its String()', () => {
    expect(escapeForLog(undefined)).to.equal('"undefined"');
    expect(escapeForLog(42)).to.equal('"42"');
    expect(escapeForLog(['a', 'b'])).to.equal('"a,b"');
  });

  it('is what the bundled runtime exports', async () => {
    const { runtime } = await buildRequestApp().then((app) => app.server);
    expect(runtime.escapeForLog('a\n\u202e', 1)).to.equal('"a"...(+2 chars)');
    expect(runtime.escapeForLog('a\n\u202e')).to.equal(escapeForLog('a\n\u202e'));
  });
});

describe('callServer (bundled for the browser) rejects a refused call with ServerActionError', () => {
  const LIMIT = 1000;
  let app: RequestApp;
  let client: RequestApp['client'];
  let incrementId: string;
  const scope = globalThis as { window?: WindowStub };
  const realFetch = globalThis.fetch;

  before(async () => {
    app = await buildRequestApp();
    ({ client } = app);
    incrementId = app.server.actions.increment.$$id;
  });
  afterEach(() => {
    delete scope.window;
    globalThis.fetch = realFetch;
  });

  /** A browser on `page` (the server's own URL unless given) whose requests carry these headers too. */
  function openPage(page: string, browserHeaders: Record<string, string> = {}): void {
    scope.window = { location: { href: page, assign: () => {} } };
    globalThis.fetch = (input, init = {}) => {
      const headers = new Headers(init.headers);
      for (const [name, value] of Object.entries(browserHeaders)) headers.set(name, value);
      return realFetch(input, { ...init, headers });
    };
  }

  /** The error a call of increment with `args` rejects with, on a server with these options. */
  async function refusal(options: Parameters<typeof startActionServer>[1], args: unknown[], browserHeaders: Record<string, string> = {}) {
    const server = await startActionServer(app, options);
    try {
      openPage(server.url, browserHeaders);
      const before = app.server.counter.value;
      const { error } = await settle(() => client.callServer(incrementId, args));
      expect(app.server.counter.value, 'the function did not run').to.equal(before);
      expect(lastOf(server)).to.include({ kind: 'refused' });
      expect(error).to.be.an.instanceOf(client.ServerActionError);
      return error as InstanceType<typeof client.ServerActionError>;
    } finally {
      await server.close();
    }
  }

  it("'forbidden', 403, for a page whose origin is not the server's (a proxy in front without trustProxy)", async () => {
    // What a browser on https://notes.example sends through a proxy that forwards to the server.
    const proxied = { Origin: 'https://notes.example', 'Sec-Fetch-Site': 'same-origin', 'X-Forwarded-Host': 'notes.example' };
    const error = await refusal({}, [1], proxied);
    expect(error).to.include({ name: 'ServerActionError', code: 'forbidden', status: 403 });
    expect(error.message).to.match(/allowedOrigins and trustProxy/);

    const server = await startActionServer(app, { trustProxy: true });
    try {
      openPage(server.url, proxied);
      const before = app.server.counter.value;
      expect(await client.callServer(incrementId, [1]), 'the control: with trustProxy, it runs').to.equal(before + 1);
    } finally {
      await server.close();
    }
  });

  it("'too-large', 413, for arguments over bodySizeLimit, a string or a FormData with a file", async () => {
    const text = await refusal({ bodySizeLimit: LIMIT }, [1, 'x'.repeat(3 * LIMIT)]);
    expect(text).to.include({ code: 'too-large', status: 413 });
    expect(text.message).to.match(/bodySizeLimit/);
    const form = new FormData();
    form.append('file', new Blob(['x'.repeat(3 * LIMIT)]), 'big.txt');
    expect(await refusal({ bodySizeLimit: LIMIT }, [form])).to.include({ code: 'too-large', status: 413 });
  });

  it("'too-large', 413, for 1.5 MB of arguments under the default limit: the browser reads the answer", async () => {
    expect(await refusal({}, [1, 'x'.repeat(1_500_000)])).to.include({ code: 'too-large', status: 413 });
  });

  it("'bad-request', 400, for more arguments than maxArguments and arrays over arraySizeLimit", async () => {
    expect(await refusal({ maxArguments: 2 }, [1, 2, 3])).to.include({ code: 'bad-request', status: 400 });
    expect(await refusal({ arraySizeLimit: 100 }, [1, new Array(200).fill(0)])).to.include({ code: 'bad-request', status: 400 });
  });
});
