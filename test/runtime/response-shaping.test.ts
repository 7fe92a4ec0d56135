/**
 * Answers a server function shapes (setCookie, deleteCookie, setResponseHeader), the same behind the
 * Node helper (over real HTTP, request-app.ts's server) and the Fetch helper (in-process,
 * fetch-app.ts): on a call's Flight answer and its redirect, on a no-JavaScript form post's 303 and on
 * the page the app renders for it; defaults (HttpOnly, SameSite=Lax, Path=/, Secure except for a page
 * on plain http at a loopback host); header injection refused; too late once the answer has started
 * (a server component rendering in it, before and after Suspense); nothing outside a request.
 */
import { expect } from 'chai';
import { secureByDefault, serializeCookie } from '../../runtime/server/set-cookie';
import { fetchActionHandler } from '../helpers/fetch-app';
import { readFlightAnswer } from '../helpers/http';
import { buildRequestApp, startActionServer, type RequestApp } from '../helpers/request-app';

interface Target {
  origin: string;
  send(path: string, init: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

type Options = { redirectAfterFormPost?: boolean; renderRoot?: () => unknown };

const SERVERS: Record<string, (app: RequestApp, options: Options) => Promise<Target>> = {
  async node(app, options) {
    const server = await startActionServer(app, options);
    const origin = server.url.slice(0, -1);
    return { origin, send: (path, init) => fetch(origin + path, { ...init, redirect: 'manual' }), close: () => server.close() };
  },
  async fetch(app, options) {
    const handler = fetchActionHandler(app, options);
    const origin = 'http://127.0.0.1:4000';
    return { origin, send: (path, init) => handler.send(new Request(origin + path, init)), close: async () => undefined };
  },
};

const SESSION = 'session=ann; Path=/; HttpOnly; SameSite=Lax';
const THEME = 'theme=dark; Path=/app; Max-Age=3600; SameSite=Strict';

for (const [kind, start] of Object.entries(SERVERS)) {
  describe(`answers a server function shapes, behind the ${kind === 'node' ? 'Node' : 'Fetch'} helper`, () => {
    let app: RequestApp;
    let plain: Target;
    let redirecting: Target;
    let late: Target;
    let ids: Record<string, string>;

    before(async () => {
      app = await buildRequestApp();
      ids = Object.fromEntries(Object.entries(app.server.sessionActions).map(([name, fn]) => [name, fn.$$id]));
      plain = await start(app, {});
      redirecting = await start(app, { redirectAfterFormPost: true });
      late = await start(app, { renderRoot: () => app.server.createElement(app.server.LateCookie) });
    });
    after(async () => {
      await Promise.all([plain?.close(), redirecting?.close(), late?.close()]);
    });

    function call(target: Target, id: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
      return target.send('/account', {
        method: 'POST',
        headers: { origin: target.origin, 'content-type': 'text/plain;charset=UTF-8', 'x-server-action': id, ...headers },
        body,
      });
    }
    function post(target: Target, id: string, fields: Array<[string, string]> = []): Promise<Response> {
      const body = new FormData();
      body.append(`$ACTION_ID_${id}`, '');
      for (const [name, value] of fields) body.append(name, value);
      return target.send('/account', { method: 'POST', headers: { origin: target.origin }, body });
    }

    it('sets cookies (defaults HttpOnly, SameSite=Lax, Path=/; no Secure for http://127.0.0.1) and a header on a call\'s answer', async () => {
      const response = await call(plain, ids.signIn, '["ann"]');
      expect(response.status).to.equal(200);
      expect(response.headers.get('content-type')).to.equal('text/x-component');
      expect(response.headers.getSetCookie()).to.deep.equal([SESSION, THEME]);
      expect(response.headers.get('x-signed-in')).to.equal('ann');
      expect((await readFlightAnswer<{ returnValue: unknown }>(response)).returnValue).to.equal('signed in as ann');
    });

    it('adds Secure for a page on https', async () => {
      const https = plain.origin.replace('http:', 'https:');
      const response = await call(plain, ids.signIn, '["ann"]', { origin: https });
      expect(response.headers.getSetCookie()).to.deep.equal([
        'session=ann; Path=/; HttpOnly; Secure; SameSite=Lax',
        'theme=dark; Path=/app; Max-Age=3600; Secure; SameSite=Strict',
      ]);
    });

    it('deletes a cookie: empty, Max-Age=0 and expired', async () => {
      const response = await call(plain, ids.signOut, '[]');
      expect(response.headers.getSetCookie()).to.deep.equal(['session=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax']);
    });

    it('puts the cookies on a call\'s redirect (204) and on the 500 of a function that threw after setting them', async () => {
      const redirected = await call(plain, ids.signInAndGo, '[]');
      expect(redirected.status).to.equal(204);
      expect(redirected.headers.get('x-server-action-redirect')).to.equal('/welcome');
      expect(redirected.headers.getSetCookie()).to.deep.equal(['session=walker; Path=/; HttpOnly; SameSite=Lax']);
      const failed = await call(plain, ids.signInAndFail, '[]');
      expect(failed.status).to.equal(500);
      expect(failed.headers.getSetCookie()).to.deep.equal(['session=failing; Path=/; HttpOnly; SameSite=Lax']);
      await failed.arrayBuffer();
    });

    it('puts them on the 303 of a form posted without JavaScript', async () => {
      const response = await post(redirecting, ids.signIn, [['name', 'ann']]);
      expect(response.status).to.equal(303);
      expect(response.headers.get('location')).to.equal('/account');
      expect(response.headers.getSetCookie()).to.deep.equal([SESSION, THEME]);
      expect(response.headers.get('x-signed-in')).to.equal('ann');
      const redirected = await post(redirecting, ids.signInAndGo);
      expect([redirected.status, redirected.headers.get('location')]).to.deep.equal([303, '/welcome']);
      expect(redirected.headers.getSetCookie()).to.deep.equal(['session=walker; Path=/; HttpOnly; SameSite=Lax']);
    });

    it('hands them to the page the app renders for a form post (kind form), as for one that threw', async () => {
      const response = await post(plain, ids.signIn, [['name', 'ann']]);
      expect(response.status).to.equal(200);
      expect(await response.json()).to.include({ kind: 'form', returnValue: 'signed in as ann' });
      expect(response.headers.getSetCookie()).to.deep.equal([SESSION, THEME]);
      expect(response.headers.get('x-signed-in')).to.equal('ann');
      const failed = await post(plain, ids.signInAndFail);
      expect(failed.status).to.equal(500);
      expect(failed.headers.getSetCookie()).to.deep.equal(['session=failing; Path=/; HttpOnly; SameSite=Lax']);
    });

    it('refuses every header-injection attempt with InvalidResponseFieldError, and sends none of them', async () => {
      const response = await call(plain, ids.tryInjections, '[]');
      const codes = (await readFlightAnswer<{ returnValue: unknown[] }>(response)).returnValue;
      expect(codes).to.have.length(14);
      expect(new Set(codes)).to.deep.equal(new Set(['ERR_SERVER_ACTION_INVALID_RESPONSE_FIELD']));
      expect(response.headers.getSetCookie()).to.deep.equal([]);
      expect(response.headers.get('x-evil')).to.equal(null);
      expect(response.headers.get('x-fine')).to.equal('fine');
      expect(response.headers.get('x-server-action-redirect')).to.equal(null);
      expect(response.headers.get('content-type')).to.equal('text/x-component');
    });

    it('refuses setCookie with ResponseStartedError while the answer renders, before and after Suspense', async () => {
      app.server.lateAttempts.splice(0);
      const response = await call(late, ids.whoAmI, '[]');
      // The stream read to its end: the Suspense boundary has resumed in it.
      expect(await response.text()).to.include('resumed');
      expect(app.server.lateAttempts).to.deep.equal(['render: ERR_SERVER_ACTION_RESPONSE_STARTED', 'resumed: ERR_SERVER_ACTION_RESPONSE_STARTED']);
      expect(response.headers.getSetCookie()).to.deep.equal([]);
    });
  });
}

describe('the cookie and header API outside a request', () => {
  it('throws ServerActionContextError', async () => {
    const { runtime } = (await buildRequestApp()).server;
    for (const use of [() => runtime.setCookie('a', 'b'), () => runtime.deleteCookie('a'), () => runtime.setResponseHeader('x-a', 'b'), () => runtime.getServerActionContext()]) {
      expect(use).to.throw(runtime.ServerActionContextError).with.property('code', 'ERR_SERVER_ACTION_NO_REQUEST');
    }
  });
});

describe('Secure by default', () => {
  it('is left out only for a page on plain http at a loopback host', () => {
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:8080', 'http://app.localhost', 'http://[::1]:3000']) {
      expect(secureByDefault(origin), origin).to.equal(false);
    }
    for (const origin of [undefined, 'null', 'https://localhost', 'https://app.example', 'http://app.example', 'http://127.0.0.1.evil.example']) {
      expect(secureByDefault(origin), String(origin)).to.equal(true);
    }
  });

  it('gives way to an explicit secure option', () => {
    expect(serializeCookie('a', 'b', { secure: false }, true)).to.equal('a=b; Path=/; HttpOnly; SameSite=Lax');
    expect(serializeCookie('a', 'b', { secure: true }, false)).to.equal('a=b; Path=/; HttpOnly; Secure; SameSite=Lax');
  });
});
