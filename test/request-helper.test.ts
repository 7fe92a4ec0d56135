/**
 * The request helper, `handleServerActionRequest`, over real HTTP: a fixture app built with webpack,
 * its server bundle's helper behind a Node HTTP server. A call's answer with the re-rendered tree,
 * `redirect()` from a call and from a form, form posts that throw, and the redirect after a form post
 * (`redirectAfterFormPost`) with useActionState's state carried to the next page in a sealed cookie.
 */
import { expect } from 'chai';
import { request as httpRequest } from 'node:http';
import * as path from 'node:path';
import type { ServerActionResult } from 'webpack-server-actions/runtime';
import { REPO_ROOT } from './helpers/fixture-app';
import { hiddenFields, postCall, postForm } from './helpers/http';
import { flipBit, settle } from './helpers/inline-app';
import { buildRequestApp, cookiePair, readCallAnswer, startActionServer, type ActionServer, type RequestApp } from './helpers/request-app';

// The unit under test straight from dist: inside a bundle it is the same code, reached through the runtime.
const { redirect }: typeof import('../dist/runtime/server/redirect') = require(path.join(REPO_ROOT, 'dist/runtime/server/redirect.js'));
const { ServerActionRedirect }: typeof import('../dist/runtime/server/errors') = require(path.join(REPO_ROOT, 'dist/runtime/server/errors.js'));

const FAILURE = 'Saving failed: the disk is full';
// goAbroad's '/café/über uns?q=naïve&emoji=🙂', each character outside printable ASCII as UTF-8 bytes.
const ABROAD = '/caf%C3%A9/%C3%BCber%20uns?q=na%C3%AFve&emoji=%F0%9F%99%82';
const REDIRECT_HEADER = 'x-server-action-redirect';
const COOKIE_ATTRIBUTES = 'Path=/; Max-Age=60; HttpOnly; SameSite=Lax';
const CLEARED_COOKIE = 'wsa-form-state=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax';

/** The part of a React element that shows what was rendered. */
function rendered(element: unknown): { type: unknown; props: unknown } {
  const { type, props } = element as { type: unknown; props: unknown };
  return { type, props };
}

/** A multipart form post with the request path exactly as given (fetch would normalise it). */
function rawFormPost(serverUrl: string, requestPath: string, fields: Array<[string, string]>): Promise<{ status: number; location?: string }> {
  const boundary = 'request-helper-test';
  const body = fields
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join('') + `--${boundary}--\r\n`;
  const { hostname, port } = new URL(serverUrl);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { hostname, port, method: 'POST', path: requestPath, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } },
      (response) => {
        response.resume();
        resolve({ status: response.statusCode!, location: response.headers.location });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const lastOf = (server: ActionServer): ServerActionResult => server.results[server.results.length - 1];

describe('redirect()', () => {
  function redirectError(location: unknown): unknown {
    try {
      redirect(location as string);
    } catch (error) {
      return error;
    }
    throw new Error('redirect() returned');
  }

  for (const location of ['/notes/7', '/notes?tab=edit&x=1', '?page=2', 'https://example.com/a?b=c', 'http://example.com']) {
    it(`ends the function with ServerActionRedirect for ${JSON.stringify(location)}`, () => {
      const error = redirectError(location);
      expect(error).to.be.an.instanceOf(ServerActionRedirect);
      expect(error).to.include({ code: 'ERR_SERVER_ACTION_REDIRECT', location });
    });
  }

  it('percent-encodes what a header cannot carry, so a location cannot add a header line', () => {
    expect(redirectError('/café/über uns?q=naïve&emoji=🙂')).to.have.property('location', ABROAD);
    expect(redirectError('/a\r\nSet-Cookie: admin=1')).to.have.property('location', '/a%0D%0ASet-Cookie:%20admin=1');
  });

  for (const location of ['', '   ', undefined, null, 7, { href: '/' }]) {
    it(`refuses ${JSON.stringify(location) ?? 'undefined'} with a TypeError: not a URL`, () => {
      const error = redirectError(location);
      expect(error).to.be.an.instanceOf(TypeError);
      expect(error).to.not.be.an.instanceOf(ServerActionRedirect);
    });
  }

  it('refuses a location holding a lone surrogate with a TypeError, as no URL can hold one', () => {
    expect(redirectError('/notes/\uD800')).to.be.an.instanceOf(TypeError);
  });

  // The URL parser ignores case, leading blanks and tabs inside the scheme: so must the check.
  for (const location of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'mailto:a@example.com']) {
    it(`refuses ${JSON.stringify(location)} with a TypeError: http(s) only`, () => {
      const error = redirectError(location);
      expect(error).to.be.an.instanceOf(TypeError);
      expect((error as Error).message).to.match(/http\(s\) URLs only/);
    });
  }
});

describe('handleServerActionRequest over HTTP', () => {
  let app: RequestApp;
  let actions: RequestApp['server']['actions'];
  let counter: { value: number };

  before(async () => {
    app = await buildRequestApp();
    ({ actions, counter } = app.server);
  });

  describe('a call from callServer', () => {
    let server: ActionServer;
    // What renderRoot was called with, and the counter at that moment.
    const rootRenders: Array<{ url: string | undefined; counter: number }> = [];

    before(async () => {
      server = await startActionServer(app, {
        renderRoot: (request) => {
          rootRenders.push({ url: request.url, counter: counter.value });
          return app.server.createElement(app.server.Count);
        },
      });
    });
    after(() => server.close());
    beforeEach(() => {
      rootRenders.splice(0);
      server.errors.splice(0);
    });

    it('answers { returnValue, root }, the root rendered from the request after the function ran', async () => {
      const start = counter.value;
      const response = await postCall(`${server.url}notes/7?tab=edit`, actions.increment.$$id, [2]);
      expect(response.status).to.equal(200);
      expect(response.headers.get('content-type')).to.equal('text/x-component');
      const answer = await readCallAnswer(response);
      expect(Object.keys(answer)).to.have.members(['returnValue', 'root']);
      expect(answer.returnValue).to.equal(start + 2);
      expect(rendered(answer.root)).to.deep.equal({ type: 'output', props: { id: 'count', children: start + 2 } });
      expect(rootRenders).to.deep.equal([{ url: '/notes/7?tab=edit', counter: start + 2 }]);
      expect(lastOf(server)).to.deep.equal({ kind: 'call', status: 200 });
    });

    it('answers a function that throws with 500 and the error in the stream, without a root, and reports it to onError', async () => {
      const response = await postCall(server.url, actions.fail.$$id, []);
      expect(response.status).to.equal(500);
      expect(response.headers.get('content-type')).to.equal('text/x-component');
      const answer = await readCallAnswer(response);
      expect(answer).to.not.have.property('root');
      const outcome = await settle(() => Promise.resolve(answer.returnValue));
      expect(outcome.error, 'the return value rejects').to.be.an('error').with.property('message', FAILURE);
      expect(rootRenders, 'nothing rendered for an error').to.deep.equal([]);
      expect(server.errors).to.have.lengthOf(1);
      expect(server.errors[0]).to.be.an('error').with.property('message', FAILURE);
      expect(lastOf(server)).to.deep.equal({ kind: 'call', status: 500 });
    });

    it('answers redirect() with 204, the location in x-server-action-redirect and no body', async () => {
      const response = await postCall(server.url, actions.goSomewhere.$$id, []);
      expect(response.status).to.equal(204);
      expect(response.headers.get(REDIRECT_HEADER)).to.equal('/somewhere?x=1');
      expect(response.headers.get('content-type')).to.equal(null);
      expect(await response.text()).to.equal('');
      expect(rootRenders, 'the page is going away: no root').to.deep.equal([]);
      expect(server.errors).to.deep.equal([]);
      expect(lastOf(server)).to.deep.equal({ kind: 'call', status: 204 });
    });

    it('sends a location with characters outside ASCII percent-encoded', async () => {
      const response = await postCall(server.url, actions.goAbroad.$$id, []);
      expect(response.status).to.equal(204);
      expect(response.headers.get(REDIRECT_HEADER)).to.equal(ABROAD);
    });

    it('answers redirect("javascript:…") as the TypeError it is: 500, no redirect header', async () => {
      const response = await postCall(server.url, actions.goToScript.$$id, []);
      expect(response.status).to.equal(500);
      expect(response.headers.get(REDIRECT_HEADER)).to.equal(null);
      const answer = await readCallAnswer(response);
      const outcome = await settle(() => Promise.resolve(answer.returnValue));
      expect(outcome.error).to.be.an('error').with.property('message').that.matches(/http\(s\) URLs only/);
      expect(server.errors).to.have.lengthOf(1);
      expect(server.errors[0]).to.be.an.instanceOf(TypeError);
    });

    it('answers { returnValue } alone when the app gives no renderRoot', async () => {
      const plain = await startActionServer(app);
      try {
        const start = counter.value;
        const answer = await readCallAnswer(await postCall(plain.url, actions.increment.$$id, [1]));
        expect(answer).to.deep.equal({ returnValue: start + 1 });
        expect(answer).to.not.have.property('root');
      } finally {
        await plain.close();
      }
    });
  });

  describe('a form posted before hydration', () => {
    let server: ActionServer;

    before(async () => {
      server = await startActionServer(app);
    });
    after(() => server.close());
    beforeEach(() => server.errors.splice(0));

    it('answers redirect() with 303 See Other and the Location', async () => {
      const fields = hiddenFields(app.html, 'redirect-form');
      expect(fields, 'React renders the plain ID').to.deep.equal([[`$ACTION_ID_${actions.goSomewhere.$$id}`, '']]);
      const response = await postForm(server.url, fields, { redirect: 'manual' });
      expect(response.status).to.equal(303);
      expect(response.headers.get('location')).to.equal('/somewhere?x=1');
      expect(await response.text()).to.equal('');
      expect(lastOf(server)).to.deep.equal({ kind: 'redirect', status: 303, location: '/somewhere?x=1' });
    });

    it('percent-encodes a Location with characters outside ASCII', async () => {
      const response = await postForm(server.url, [[`$ACTION_ID_${actions.goAbroad.$$id}`, '']], { redirect: 'manual' });
      expect(response.status).to.equal(303);
      expect(response.headers.get('location')).to.equal(ABROAD);
    });

    it('answers a function that throws with { kind: "form", status: 500, error }, for the page to show, and reports it to onError', async () => {
      const response = await postForm(server.url, hiddenFields(app.html, 'fail-form'), { redirect: 'manual' });
      expect(response.status).to.equal(500);
      expect(await response.json()).to.deep.equal({ kind: 'form', status: 500, formState: null, error: { name: 'Error', message: FAILURE } });
      const result = lastOf(server);
      expect(result).to.include({ kind: 'form', status: 500, returnValue: undefined, formState: null });
      expect(result).to.have.property('error').that.is.an('error').with.property('message', FAILURE);
      expect(server.errors).to.have.lengthOf(1);
      expect(server.errors[0]).to.equal((result as { error: unknown }).error);
    });

    it('answers redirect("javascript:…") in a form as a thrown TypeError: 500, no Location', async () => {
      const response = await postForm(server.url, [[`$ACTION_ID_${actions.goToScript.$$id}`, '']], { redirect: 'manual' });
      expect(response.status).to.equal(500);
      expect(response.headers.get('location')).to.equal(null);
      expect(lastOf(server)).to.have.property('error').that.is.an.instanceOf(TypeError);
      expect(server.errors).to.have.lengthOf(1);
    });

    it('answers a successful post with { kind: "form", status: 200 } and no redirect: the page is the answer', async () => {
      const start = counter.value;
      const response = await postForm(server.url, hiddenFields(app.html, 'increment-form').concat([['amount', '3']]), { redirect: 'manual' });
      expect(response.status).to.equal(200);
      expect(response.headers.get('location')).to.equal(null);
      expect(response.headers.get('set-cookie')).to.equal(null);
      expect(await response.json()).to.deep.equal({ kind: 'form', status: 200, returnValue: start + 3, formState: null });
      expect(counter.value).to.equal(start + 3);
    });
  });

  describe('redirectAfterFormPost', () => {
    // Posted to, and so redirected back to: a path with a query, one of its characters escaped.
    const PAGE = '/notes/7?tab=edit&q=%C3%A9';
    let server: ActionServer;
    let stateFields: Array<[string, string]>;
    // useActionState's state for this post, as decodeFormState gives it when the post renders the page.
    let expectedFormState: unknown;

    before(async () => {
      server = await startActionServer(app, { redirectAfterFormPost: true });
      stateFields = [...hiddenFields(app.html, 'state-form'), ['title', 'Café at 8']];
      expect(stateFields.map(([name]) => name)).to.include('$ACTION_KEY');
      const inPlace = await startActionServer(app);
      try {
        const response = await postForm(`${inPlace.url.slice(0, -1)}${PAGE}`, stateFields, { redirect: 'manual' });
        expect(response.status).to.equal(200);
        const result = inPlace.results[0];
        expect(result).to.include({ kind: 'form', status: 200 });
        expectedFormState = (result as { formState: unknown }).formState;
      } finally {
        await inPlace.close();
      }
    });
    after(() => server.close());

    const urlOf = (page: string) => `${server.url.slice(0, -1)}${page}`;
    const get = (page: string, cookie?: string) => fetch(urlOf(page), { headers: cookie === undefined ? {} : { cookie } });

    /** Posts the useActionState form to PAGE and returns the cookie the redirect sets. */
    async function postState(): Promise<string> {
      const response = await postForm(urlOf(PAGE), stateFields, { redirect: 'manual' });
      expect(response.status).to.equal(303);
      const cookies = response.headers.getSetCookie();
      expect(cookies).to.have.lengthOf(1);
      return cookiePair(cookies[0]);
    }

    /** GETs a page with a cookie: the result's formState, and the cookie is cleared either way. */
    async function formStateOn(page: string, cookie: string): Promise<unknown> {
      const response = await get(page, cookie);
      expect(response.status).to.equal(200);
      expect(response.headers.getSetCookie()).to.deep.equal([CLEARED_COOKIE]);
      const result = lastOf(server);
      expect(result).to.have.property('kind', 'none');
      return (result as { formState: unknown }).formState;
    }

    it('answers a plain form post with 303 to the URL it was posted to, path and query, and sets no cookie', async () => {
      const start = counter.value;
      const response = await postForm(urlOf(PAGE), hiddenFields(app.html, 'increment-form').concat([['amount', '1']]), { redirect: 'manual' });
      expect(response.status).to.equal(303);
      expect(response.headers.get('location')).to.equal(PAGE);
      expect(response.headers.get('set-cookie')).to.equal(null);
      expect(lastOf(server)).to.deep.equal({ kind: 'redirect', status: 303, location: PAGE });
      expect(counter.value, 'the function ran').to.equal(start + 1);
    });

    it('answers a useActionState post with 303 and the state in a sealed cookie', async () => {
      const response = await postForm(urlOf(PAGE), stateFields, { redirect: 'manual' });
      expect(response.status).to.equal(303);
      expect(response.headers.get('location')).to.equal(PAGE);
      const cookies = response.headers.getSetCookie();
      expect(cookies).to.have.lengthOf(1);
      expect(cookies[0]).to.match(new RegExp(`^wsa-form-state=[A-Za-z0-9_-]+; ${COOKIE_ATTRIBUTES}$`));
      const sealed = Buffer.from(cookiePair(cookies[0]).slice('wsa-form-state='.length), 'base64url');
      expect(sealed.includes('Café at 8'), 'sealed, not readable').to.equal(false);
    });

    it('gives the GET of that URL the state decodeFormState gave, Date and Map intact, and clears the cookie', async () => {
      const formState = await formStateOn(PAGE, await postState());
      expect(formState).to.deep.equal(expectedFormState);
      const [state] = formState as [{ savedAt: unknown; tags: unknown }];
      expect(state.savedAt).to.be.an.instanceOf(Date);
      expect(state.tags).to.be.an.instanceOf(Map);
      expect(state).to.deep.equal({
        saves: 1,
        title: 'Café at 8',
        savedAt: new Date('2024-05-06T07:08:09.000Z'),
        tags: new Map([
          ['title', 'Café at 8'],
          ['via', 'form'],
        ]),
      });
    });

    it('gives no state to another URL, and clears the cookie', async () => {
      const cookie = await postState();
      expect(await formStateOn('/notes/8?tab=edit&q=%C3%A9', cookie)).to.equal(null);
      expect(await formStateOn('/notes/7?tab=edit', cookie), 'the query is part of the URL').to.equal(null);
    });

    for (const [label, change] of [
      ['a flipped bit', (sealed: string) => flipBit(sealed, 20)],
      ['a truncated value', (sealed: string) => sealed.slice(0, 40)],
      ['a value that is not base64url', (sealed: string) => `${sealed.slice(0, -2)}+/`],
    ] as const) {
      it(`gives no state for a cookie with ${label}, and clears it`, async () => {
        const [name, sealed] = (await postState()).split('=');
        expect(await formStateOn(PAGE, `${name}=${change(sealed)}`)).to.equal(null);
      });
    }

    it('leaves a GET without the cookie alone: formState null, no Set-Cookie', async () => {
      const response = await get(PAGE);
      expect(response.status).to.equal(200);
      expect(response.headers.get('set-cookie')).to.equal(null);
      expect(await response.json()).to.deep.equal({ kind: 'none', formState: null });
      expect(lastOf(server)).to.deep.equal({ kind: 'none', formState: null });
    });

    it('renders a state too large for a cookie in place: no redirect, { kind: "form", status: 200, formState }', async () => {
      const response = await postForm(urlOf(PAGE), [...hiddenFields(app.html, 'huge-state-form'), ['title', 'huge']], { redirect: 'manual' });
      expect(response.status).to.equal(200);
      expect(response.headers.get('location')).to.equal(null);
      expect(response.headers.get('set-cookie')).to.equal(null);
      const result = lastOf(server) as { kind: string; status: number; formState: unknown };
      expect(result).to.include({ kind: 'form', status: 200 });
      const [state] = result.formState as [{ saves: number; text: string }];
      expect(state.saves).to.equal(1);
      expect(state.text).to.have.lengthOf(6000);
    });

    // A request line such as `POST //evil.example/phish` is the server's to answer; sent back as it is,
    // a browser would read the Location as another host.
    for (const [posted, location] of [
      ['//evil.example/phish', '/evil.example/phish'],
      ['/\\evil.example/phish', '/evil.example/phish'],
      ['///\\/evil.example', '/evil.example'],
    ]) {
      it(`sends a post to ${JSON.stringify(posted)} back to ${location} on this host, not to another host`, async () => {
        const response = await rawFormPost(server.url, posted, hiddenFields(app.html, 'increment-form').concat([['amount', '1']]));
        expect(response.status).to.equal(303);
        expect(response.location).to.equal(location);
      });
    }

    it('gives no state for a cookie older than its lifetime, even one sent again by hand', async () => {
      const cookie = await postState();
      const now = Date.now;
      // The server bundle runs in this process: its clock moves with this one.
      Date.now = () => now() + 61_000;
      try {
        expect(await formStateOn(PAGE, cookie)).to.equal(null);
      } finally {
        Date.now = now;
      }
      expect(await formStateOn(PAGE, cookie), 'within its lifetime it opens').to.deep.equal(expectedFormState);
    });

    it('lets redirect() choose where the browser goes', async () => {
      const response = await postForm(urlOf(PAGE), hiddenFields(app.html, 'redirect-form'), { redirect: 'manual' });
      expect(response.status).to.equal(303);
      expect(response.headers.get('location')).to.equal('/somewhere?x=1');
    });

    it('answers a function that throws in place, with status 500: nothing to redirect to', async () => {
      const response = await postForm(urlOf(PAGE), hiddenFields(app.html, 'fail-form'), { redirect: 'manual' });
      expect(response.status).to.equal(500);
      expect(response.headers.get('location')).to.equal(null);
      expect(lastOf(server)).to.include({ kind: 'form', status: 500 });
    });
  });
});
