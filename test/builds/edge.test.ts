/**
 * An edge build: the server compiler with `target: 'webworker'` and the workerd / edge-light
 * conditions (helpers/edge-app.ts). Its one file must use nothing of Node (the parsed bundle is
 * searched for Node globals and built-in imports), and must serve, through its worker-style
 * `fetch(request, env)` and the Fetch helper: a JavaScript call, a form posted without JavaScript
 * (303 to its page), an inline server function whose captured value is sealed and opened with Web
 * Crypto, a cookie set by a server function, a refusal, and the page as a Flight stream. First run in
 * a `vm` context given Web APIs only, then the same file under Hono's Node adapter over real HTTP.
 */
import { serve, type ServerType } from '@hono/node-server';
import { expect } from 'chai';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import * as vm from 'node:vm';
import { appConfigs, compileOk, readOutput } from '../helpers/build';
import {
  buildEdgeApp,
  findNodeUses,
  runInWebContext,
  WEB_API_NAMES,
  type EdgeWorker,
} from '../helpers/edge-app';
import { createFixtureApp, removeFixtureApps } from '../helpers/fixture-app';
import { browserFlightClient, decodeInBrowser, readBytes, recordCall, type RecordedCall } from '../helpers/flight';
import { readFlightAnswer } from '../helpers/http';

const ORIGIN = 'http://edge.test';
const FLIGHT = 'text/x-component';

interface PageTree {
  root: { props: { children: Array<{ props: { id: string; action?: (...args: unknown[]) => Promise<unknown>; children?: unknown } }> } };
  formState: unknown;
}

/** Sends requests to a worker: in-process (its `fetch`), or over HTTP to a server around it. */
type Send = (path: string, init?: RequestInit) => Promise<Response>;

async function call(send: Send, id: string, args: unknown[], headers: Record<string, string> = {}): Promise<Response> {
  const body = await browserFlightClient().encodeReply(args);
  return send('/', { method: 'POST', headers: { origin: ORIGIN, 'x-server-action': id, ...headers }, body });
}

async function returnValue(response: Response): Promise<unknown> {
  expect(response.status, await response.clone().text()).to.equal(200);
  expect(response.headers.get('content-type')).to.match(/^text\/x-component/);
  return (await readFlightAnswer<{ returnValue: unknown }>(response)).returnValue;
}

/** The page as the browser decodes its Flight stream, with server references that record their calls. */
async function page(send: Send): Promise<PageTree> {
  const response = await send('/', { headers: { accept: FLIGHT } });
  expect([response.status, response.headers.get('content-type')]).to.deep.equal([200, FLIGHT]);
  return decodeInBrowser<PageTree>(await readBytes(response.body!), recordCall);
}

function formOf(tree: PageTree, id: string) {
  const form = tree.root.props.children.find((child) => child.props.id === id);
  if (!form?.props.action) throw new Error(`no form #${id} with an action on the page`);
  return form.props.action;
}

/** The requests every host of the worker must answer alike. */
function servesTheApp(context: () => { worker: EdgeWorker; send: Send }) {
  it('answers a JavaScript call to a "use server" file function', async () => {
    const { worker, send } = context();
    const before = worker.notes.count;
    expect(await returnValue(await call(send, worker.actions.add.$$id, [2]))).to.equal(before + 2);
    expect(worker.notes.count).to.equal(before + 2);
  });

  it('answers a form posted without JavaScript with a 303 to its page, which then shows what it added', async () => {
    const { worker, send } = context();
    const body = new FormData();
    body.append(`$ACTION_ID_${worker.actions.addNote.$$id}`, '');
    body.append('title', 'Written on the edge');
    const response = await send('/?from=form', { method: 'POST', headers: { origin: ORIGIN }, body, redirect: 'manual' });
    expect([response.status, response.headers.get('location')]).to.deep.equal([303, '/?from=form']);
    expect(worker.notes.list).to.include('Written on the edge');
    const text = await (await send('/', { headers: { accept: FLIGHT } })).text();
    expect(text).to.contain('Written on the edge');
  });

  it("seals an inline server function's captured value with Web Crypto on the page and opens it on the call", async () => {
    const { send } = context();
    const tree = await page(send);
    const recorded = (await formOf(tree, 'greet')('Ada')) as RecordedCall;
    // React hands a bound value over as a promise of it.
    const sealed = await recorded.args[0];
    const name = recorded.args[1];
    expect(name).to.equal('Ada');
    // The captured value travels sealed (base64url of version, IV, ciphertext and tag), never in clear.
    expect(sealed).to.be.a('string').and.match(/^[A-Za-z0-9_-]{40,}$/);
    expect(sealed).not.to.contain('Hello');
    const greeting = await returnValue(await call(send, recorded.id, recorded.args));
    expect(greeting).to.match(/^Hello from the edge \(\d+ notes\) greets Ada$/);

    // The same sealed text sent again opens again; one changed character does not.
    expect(await call(send, recorded.id, [sealed, 'Eve']).then(returnValue)).to.match(/greets Eve$/);
    const forged = `${(sealed as string).slice(0, -2)}${(sealed as string).endsWith('AA') ? 'BB' : 'AA'}`;
    const refused = await call(send, recorded.id, [forged, 'Mallory']);
    expect([refused.status, refused.headers.get('x-server-action-error')]).to.deep.equal([400, 'bad-request']);
  });

  it('sets a cookie from a server function, and reads it back through getServerActionContext()', async () => {
    const { worker, send } = context();
    const signIn = await call(send, worker.actions.signIn.$$id, ['ada']);
    const [cookie] = signIn.headers.getSetCookie();
    expect(await returnValue(signIn)).to.equal('signed in as ada');
    expect(cookie).to.match(/^session=ada;/).and.contain('HttpOnly').and.contain('SameSite=Lax');
    const who = await call(send, worker.actions.whoAmI.$$id, [], { cookie: cookie.split(';')[0] });
    expect(await returnValue(who)).to.equal('ada');
  });

  it('refuses a call from another origin without running it', async () => {
    const { worker, send } = context();
    const before = worker.notes.count;
    const refused = await call(send, worker.actions.add.$$id, [5], { origin: 'https://evil.example' });
    expect([refused.status, refused.headers.get('x-server-action-error')]).to.deep.equal([403, 'forbidden']);
    expect(worker.notes.count).to.equal(before);
  });
}

describe('an edge build (target webworker, workerd and edge-light conditions)', function () {
  this.timeout(120_000);
  let dir: string;
  let code: string;

  before(async () => {
    dir = createFixtureApp('edge-app');
    code = await buildEdgeApp(dir);
  });
  after(removeFixtureApps);

  it("bundles React's edge entries and the runtime's Fetch entry", () => {
    expect(code).to.contain('react-server-dom-webpack-server.edge.');
    expect(code).to.contain('react-server-dom-webpack-client.edge.');
    expect(code).not.to.match(/react-server-dom-webpack-(server|client)\.node\./);
    // The Node helper's multipart parser (busboy, on Node streams) stays out.
    expect(code).not.to.contain('node_modules/busboy');
  });

  it('uses no Node global and imports no Node built-in', () => {
    const uses = findNodeUses(code);
    expect(uses.map((use) => `${use.what} at line ${use.line}: ${use.excerpt}`)).to.deep.equal([]);
  });

  it('the scan finds what a Node build of the same app uses (it can fail)', async () => {
    const nodeDir = createFixtureApp('edge-app');
    await compileOk(appConfigs(nodeDir, { compilers: ['server'] }));
    const found = findNodeUses(readOutput(nodeDir, 'server', 'server.js')).map((use) => use.what);
    expect(found).to.include('the Node built-in "node:async_hooks"');
    expect(found).to.include('the Node global `require`');
  });

  it('in production too: minified, no Node use, and it answers a call in a Web-only context', async () => {
    const productionCode = await buildEdgeApp(createFixtureApp('edge-app'), { mode: 'production' });
    expect(findNodeUses(productionCode).map((use) => `${use.what}: ${use.excerpt}`)).to.deep.equal([]);
    const { worker } = runInWebContext(productionCode);
    const send: Send = (path, init) => worker.fetch(new Request(new URL(path, ORIGIN), init));
    expect(await returnValue(await call(send, worker.actions.add.$$id, [40]))).to.equal(40);
  });

  describe('in a vm context given only Web APIs', () => {
    let worker: EdgeWorker;
    let context: vm.Context;
    const errors: unknown[] = [];
    const send: Send = (path, init) => worker.fetch(new Request(new URL(path, ORIGIN), init), { onError: (error) => errors.push(error) });

    before(() => {
      ({ worker, context } = runInWebContext(code));
    });

    it('has no Node global to reach', () => {
      const reachable = vm.runInContext(
        `['process', 'require', 'Buffer', 'global', 'module', 'setImmediate'].filter((name) => typeof globalThis[name] !== 'undefined')`,
        context,
      );
      expect([...reachable]).to.deep.equal([]);
      expect(WEB_API_NAMES).to.include.members(['crypto', 'AsyncLocalStorage', 'Request', 'Response', 'ReadableStream']);
    });

    it("resolves webpack-server-actions/runtime to its edge entry, whose Node-only functions say what to use instead", () => {
      expect(worker.runtime.redirect).to.be.a('function');
      expect(() => worker.runtime.handleServerActionRequest()).to.throw(/built for an edge runtime.*handleServerActionFetch/);
      expect(() => worker.runtime.renderPage()).to.throw(/renderPageStream/);
    });

    servesTheApp(() => ({ worker, send }));
  });

  describe("under Hono's Node adapter, over HTTP", () => {
    let worker: EdgeWorker;
    let server: ServerType;
    let url: string;
    const send: Send = (path, init) => fetch(new URL(path, url), init);

    before(async () => {
      ({ worker } = runInWebContext(code));
      const app = new Hono();
      app.all('*', (c) => worker.fetch(c.req.raw));
      await new Promise<void>((resolve) => {
        server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
      });
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    });
    after(async () => {
      if (!server) return;
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    servesTheApp(() => ({
      worker,
      // The worker checks the Origin against the host it is asked for: the server's own.
      send: (path, init) => {
        const headers = new Headers(init?.headers);
        if (headers.get('origin') === ORIGIN) headers.set('origin', new URL(url).origin);
        return send(path, { ...init, headers });
      },
    }));
  });
});
