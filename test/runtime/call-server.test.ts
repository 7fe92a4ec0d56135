/**
 * The client runtime, `callServer` and `createCallServer`, as webpack bundles it for the browser (with
 * React's browser Flight client), run in Node against the request helper over real HTTP: the tree
 * that comes back with a call, redirects, and the typed errors of calls that go wrong.
 */
import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { settle } from '../helpers/inline-app';
import { buildRequestApp, startActionServer, type ActionServer, type RequestApp } from '../helpers/request-app';

const FAILURE = 'Saving failed: the disk is full';
const UNKNOWN_ID = 'f'.repeat(40);

/** What the client runtime reads of the browser's `window`. */
interface WindowStub {
  location: { href: string; assign(url: string): void };
}

/** The part of a React element that shows what was rendered. */
function rendered(element: unknown): { type: unknown; props: unknown } {
  const { type, props } = element as { type: unknown; props: unknown };
  return { type, props };
}

const delay = (ms: number) => new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), ms));

/** A server that takes connections and requests and never answers. */
async function startSilentServer(): Promise<{ url: string; server: Server }> {
  const server = createServer(() => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

/** A URL on a port that nothing listens on: a port the system gave out, then closed. */
async function closedPortUrl(): Promise<string> {
  const { url, server } = await startSilentServer();
  await new Promise((resolve) => server.close(resolve));
  return url;
}

describe('callServer (the client runtime, bundled for the browser)', () => {
  let app: RequestApp;
  let client: RequestApp['client'];
  let actions: RequestApp['server']['actions'];
  let server: ActionServer;
  // The URL each re-rendered root was asked for: the page the call was posted to.
  const rootRequests: Array<string | undefined> = [];
  // What `window.location.assign` was called with.
  const assigned: string[] = [];
  const scope = globalThis as { window?: WindowStub };

  /** The page the browser is on, which calls are posted to. */
  function openPage(href: string): void {
    scope.window = { location: { href, assign: (url) => assigned.push(url) } };
  }

  before(async () => {
    app = await buildRequestApp();
    ({ client } = app);
    ({ actions } = app.server);
    server = await startActionServer(app, {
      renderRoot: (request) => {
        rootRequests.push(request.url);
        return app.server.createElement(app.server.Count);
      },
    });
  });
  after(() => server.close());
  beforeEach(() => {
    rootRequests.splice(0);
    assigned.splice(0);
    openPage(server.url);
  });
  afterEach(() => {
    delete scope.window;
  });

  it("hands onRoot the re-rendered tree before the call resolves with the function's return value", async () => {
    openPage(`${server.url}notes/7?tab=edit`);
    const events: unknown[] = [];
    const call = client.createCallServer({ onRoot: (root) => events.push(['root', rendered(root)]) });
    const start = app.server.counter.value;
    await call(actions.increment.$$id, [5]).then((value) => events.push(['resolved', value]));
    expect(events).to.deep.equal([
      ['root', { type: 'output', props: { id: 'count', children: start + 5 } }],
      ['resolved', start + 5],
    ]);
    expect(rootRequests, 'posted to the page the browser is on').to.deep.equal(['/notes/7?tab=edit']);
  });

  it('sends a FormData argument (multipart) and resolves with the return value', async () => {
    const form = new FormData();
    form.append('amount', '4');
    const start = app.server.counter.value;
    expect(await client.callServer(actions.increment.$$id, [form])).to.equal(start + 4);
  });

  it('does not call onRoot when the server sends no tree', async () => {
    const plain = await startActionServer(app);
    try {
      openPage(plain.url);
      const roots: unknown[] = [];
      const start = app.server.counter.value;
      expect(await client.createCallServer({ onRoot: (root) => roots.push(root) })(actions.increment.$$id, [1])).to.equal(start + 1);
      expect(roots).to.deep.equal([]);
    } finally {
      await plain.close();
    }
  });

  it('hands a redirect to onRedirect and resolves with undefined', async () => {
    const locations: string[] = [];
    const call = client.createCallServer({ onRedirect: (location) => locations.push(location) });
    expect(await call(actions.goSomewhere.$$id, [])).to.equal(undefined);
    expect(await call(actions.goAbroad.$$id, [])).to.equal(undefined);
    expect(locations).to.deep.equal(['/somewhere?x=1', '/caf%C3%A9/%C3%BCber%20uns?q=na%C3%AFve&emoji=%F0%9F%99%82']);
    expect(assigned, 'onRedirect replaces the navigation').to.deep.equal([]);
  });

  it('navigates with window.location.assign after a redirect by default, and the call stays pending', async () => {
    const call = client.callServer(actions.goSomewhere.$$id, []);
    const outcome = await Promise.race([call.then(() => 'settled', () => 'settled'), delay(300)]);
    expect(outcome, 'the page is going away: the call never settles').to.equal('pending');
    expect(assigned).to.deep.equal(['/somewhere?x=1']);
  });

  it('rejects a call to an unknown action ID with ServerActionError "not-found", status 404', async () => {
    const { error } = await settle(() => client.callServer(UNKNOWN_ID, []));
    expect(error).to.be.an.instanceOf(client.ServerActionError);
    expect(error).to.include({ name: 'ServerActionError', code: 'not-found', status: 404 });
    expect(error.message).to.match(/reload the page/);
  });

  it('rejects with the error the server function threw (development build)', async () => {
    const roots: unknown[] = [];
    const { error } = await settle(() => client.createCallServer({ onRoot: (root) => roots.push(root) })(actions.fail.$$id, []));
    expect(error).to.be.an('error').with.property('message', FAILURE);
    expect(error).to.not.be.an.instanceOf(client.ServerActionError);
    expect(roots, 'no tree comes with an error').to.deep.equal([]);
  });

  it('rejects with ServerActionError "network", at once, when nothing listens', async () => {
    openPage(await closedPortUrl());
    // The default callServer has no timeout: the error can only come from the refused connection (a
    // wait for an answer would last until mocha's timeout).
    const { error } = await settle(() => client.callServer(actions.increment.$$id, [1]));
    expect(error).to.be.an.instanceOf(client.ServerActionError);
    expect(error).to.include({ code: 'network', status: undefined });
  });

  it('gives up on a server that never answers after `timeout` ms, with ServerActionError "network"', async () => {
    const silent = await startSilentServer();
    try {
      openPage(silent.url);
      const started = Date.now();
      const { error } = await settle(() => client.createCallServer({ timeout: 300 })(actions.increment.$$id, [1]));
      const elapsed = Date.now() - started;
      expect(error).to.be.an.instanceOf(client.ServerActionError);
      expect(error).to.have.property('code', 'network');
      // Not before the timeout; after it by however long a loaded machine takes (the server never
      // answers, so without the timeout the call would wait until mocha gives up).
      expect(elapsed).to.be.at.least(250);
    } finally {
      silent.server.closeAllConnections();
      await new Promise((resolve) => silent.server.close(resolve));
    }
  });
});
