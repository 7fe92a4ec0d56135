/**
 * The request helper's `redirectAfterFormPost` over real HTTP, against the request-app fixture: a form
 * post answered with 303 to the URL it was posted to, on this host, and useActionState's state carried
 * to that page once, in a sealed cookie that expires. The helper's other answers are in
 * request-helper.test.ts.
 */
import { expect } from 'chai';
import { request as httpRequest } from 'node:http';
import { hiddenFields, postForm } from '../helpers/http';
import { flipBit } from '../helpers/inline-app';
import { buildRequestApp, cookiePair, lastOf, startActionServer, type ActionServer, type RequestApp } from '../helpers/request-app';

const COOKIE_ATTRIBUTES = 'Path=/; Max-Age=60; HttpOnly; SameSite=Lax';
const CLEARED_COOKIE = 'wsa-form-state=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax';

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

describe('handleServerActionRequest over HTTP', () => {
  let app: RequestApp;
  let counter: { value: number };

  before(async () => {
    app = await buildRequestApp();
    ({ counter } = app.server);
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
      expect(lastOf(server)).to.deep.equal({ kind: 'redirect', status: 303, location: PAGE, action: { id: app.server.actions.increment.$$id, name: 'increment' } });
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
      // Absolute-form, as a client talking to a proxy sends it: its path and query, on this host.
      ['http://evil.example/phish?x=1', '/phish?x=1'],
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
