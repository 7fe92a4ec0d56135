/**
 * The Fetch API request helper (`handleServerActionFetch`) in-process, against the request-app
 * fixture: a Request in, `{ response, result, headers }` out. The same kinds of requests as the Node
 * helper's suites (request-helper, request-limits, request-origin, redirect-after-form-post) with the
 * same statuses, `x-server-action-error` codes and results, refused requests never running the
 * function; and what only a Fetch body has: a streamed body over the limit or slower than the
 * deadline, and the request's abort signal.
 */
import { expect } from 'chai';
import { fetchActionHandler, type FetchActionHandler } from '../helpers/fetch-app';
import { readFlightAnswer } from '../helpers/http';
import { buildRequestApp, type RequestApp } from '../helpers/request-app';

const ORIGIN = 'http://127.0.0.1:3000';
const UNKNOWN_ID = '0123456789abcdef0123456789abcdef01234567';

function call(id: string, body: BodyInit | null, init: { headers?: Record<string, string>; method?: string; signal?: AbortSignal } = {}): Request {
  const streamed = body instanceof ReadableStream;
  return new Request(`${ORIGIN}/page?x=1`, {
    method: init.method ?? 'POST',
    headers: { origin: ORIGIN, 'content-type': 'text/plain;charset=UTF-8', 'x-server-action': id, ...init.headers },
    body,
    signal: init.signal,
    ...(streamed ? { duplex: 'half' } : {}),
  } as RequestInit);
}

function form(fields: Array<[string, string]>, headers: Record<string, string> = {}, url = `${ORIGIN}/page?x=1`): Request {
  const body = new FormData();
  for (const [name, value] of fields) body.append(name, value);
  return new Request(url, { method: 'POST', headers: { origin: ORIGIN, ...headers }, body });
}

/** A body that sends `chunks` (each after `gap` ms) and then, unless `end`, never ends. */
function trickle(chunks: string[], { gap = 0, end = true } = {}): { stream: ReadableStream<Uint8Array>; pulled: () => number; cancelled: () => boolean } {
  let sent = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent === chunks.length) {
        if (end) controller.close();
        else await new Promise(() => undefined);
        return;
      }
      if (gap > 0) await new Promise((resolve) => setTimeout(resolve, gap));
      controller.enqueue(new TextEncoder().encode(chunks[sent++]));
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, pulled: () => sent, cancelled: () => cancelled };
}

describe('handleServerActionFetch (the Fetch API request helper, in-process)', () => {
  let app: RequestApp;
  let handler: FetchActionHandler;
  let increment: string;
  const counter = () => app.server.counter.value;

  before(async () => {
    app = await buildRequestApp();
    increment = app.server.actions.increment.$$id;
    handler = fetchActionHandler(app, { bodySizeLimit: 1000, bodyTimeout: 400 });
  });

  async function expectRefused(request: Request, status: number, code: string, h = handler): Promise<Response> {
    const before = counter();
    const response = await h.send(request);
    expect([response.status, response.headers.get('x-server-action-error')]).to.deep.equal([status, code]);
    expect(response.headers.get('content-type')).to.equal('text/plain; charset=utf-8');
    expect(h.results.at(-1)).to.deep.equal({ kind: 'refused', status, code });
    expect(counter(), 'the function did not run').to.equal(before);
    return response;
  }

  it('passes a request that is not a server-function request on: response null, kind none', async () => {
    const { response, result, headers } = await app.server.runtime.handleServerActionFetch(new Request(`${ORIGIN}/`));
    expect(response).to.equal(null);
    expect(result).to.deep.equal({ kind: 'none', formState: null });
    expect([...headers]).to.deep.equal([]);
    const post = await app.server.runtime.handleServerActionFetch(new Request(`${ORIGIN}/`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }));
    expect(post.response).to.equal(null);
  });

  it('runs a call and answers its Flight stream, renderRoot given the Request', async () => {
    const roots: string[] = [];
    const withRoot = fetchActionHandler(app, {
      renderRoot: (request) => {
        roots.push(request.url);
        return app.server.createElement(app.server.Count);
      },
    });
    const before = counter();
    const response = await withRoot.send(call(increment, '[2]'));
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.equal('text/x-component');
    const answer = await readFlightAnswer<{ returnValue: number; root: unknown }>(response);
    expect(answer.returnValue).to.equal(before + 2);
    expect(answer.root).to.not.equal(undefined);
    expect(roots).to.deep.equal([`${ORIGIN}/page?x=1`]);
    expect(withRoot.results.at(-1)).to.deep.include({ kind: 'call', status: 200 });
  });

  it('answers a function that throws with 500 and the error in the stream; a redirect with 204', async () => {
    const failed = await handler.send(call(app.server.actions.fail.$$id, '[]'));
    expect(failed.status).to.equal(500);
    const answer = await readFlightAnswer<{ returnValue: PromiseLike<unknown> }>(failed);
    const rejection = await Promise.resolve(answer.returnValue).then(
      () => null,
      (error: unknown) => error,
    );
    expect(rejection).to.be.instanceOf(Error);
    expect(handler.errors.at(-1)).to.have.property('message', 'Saving failed: the disk is full');
    const redirected = await handler.send(call(app.server.actions.goSomewhere.$$id, '[]'));
    expect(redirected.status).to.equal(204);
    expect(redirected.headers.get('x-server-action-redirect')).to.equal('/somewhere?x=1');
  });

  it('refuses as the Node helper does: 405, 404, 400, 403, 415, before the function runs', async () => {
    const refused = await expectRefused(call(increment, null, { method: 'PUT' }), 405, 'method-not-allowed');
    expect(refused.headers.get('allow')).to.equal('POST');
    await expectRefused(call(UNKNOWN_ID, '[1]'), 404, 'not-found');
    await expectRefused(call('not-an-id', '[1]'), 400, 'bad-request');
    await expectRefused(call(increment, '[1]', { headers: { origin: 'https://evil.example' } }), 403, 'forbidden');
    await expectRefused(call(increment, '[1]', { headers: { 'sec-fetch-site': 'cross-site', origin: '' } }), 403, 'forbidden');
    await expectRefused(call(increment, '[1]', { headers: { 'content-type': 'application/json' } }), 415, 'unsupported-media-type');
    await expectRefused(call(increment, '{"not":"an array"}'), 400, 'bad-request');
    await expectRefused(call(increment, `[${'1,'.repeat(150)}1]`), 400, 'bad-request');
  });

  it('refuses a body over bodySizeLimit with 413 as it streams, and reads no further', async () => {
    const body = trickle(Array.from({ length: 50 }, () => 'x'.repeat(100)));
    const response = await expectRefused(call(increment, body.stream), 413, 'too-large');
    expect(await response.text()).to.equal('The request body is larger than the limit.');
    expect(body.pulled(), 'chunks read').to.be.below(50);
    expect(body.cancelled(), 'the body was cancelled').to.equal(true);
  });

  it('refuses a declared Content-Length over the limit before reading a byte', async () => {
    const request = call(increment, trickle(['[1]']).stream, { headers: { 'content-length': '5000' } });
    if (request.headers.get('content-length') === null) return void expect.fail('this platform drops a Content-Length set on a Request');
    await expectRefused(request, 413, 'too-large');
    expect(request.bodyUsed, 'the body was not read').to.equal(false);
  });

  it('refuses a body still arriving at bodyTimeout with 408', async () => {
    const body = trickle(['[', '1'], { gap: 50, end: false });
    await expectRefused(call(increment, body.stream), 408, 'timeout');
    expect(body.cancelled()).to.equal(true);
  });

  it('refuses a body that fails mid-way (the client went away) with 400', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('[1'));
        controller.error(new Error('connection reset'));
      },
    });
    await expectRefused(call(increment, stream), 400, 'bad-request');
  });

  it('stops when the request is aborted while its body arrives: rejects with the reason, the function never runs', async () => {
    const before = counter();
    const controller = new AbortController();
    const body = trickle(['[1'], { end: false });
    const pending = app.server.runtime.handleServerActionFetch(call(increment, body.stream, { signal: controller.signal }), { bodyTimeout: 10_000 });
    setTimeout(() => controller.abort(new Error('client gone')), 30);
    const error = await pending.then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(String(error)).to.match(/client gone|abort/i);
    expect(body.cancelled()).to.equal(true);
    expect(counter()).to.equal(before);
  });

  it('never runs the function of an already-aborted request', async () => {
    const before = counter();
    const controller = new AbortController();
    controller.abort(new Error('gone before'));
    const outcome = await app.server.runtime.handleServerActionFetch(call(increment, '[1]', { signal: controller.signal })).catch((reason: unknown) => reason);
    expect(String(outcome)).to.match(/gone before/);
    expect(counter()).to.equal(before);
  });

  it('runs a form posted without JavaScript: kind form, the page is the app\'s (response null)', async () => {
    const before = counter();
    const response = await handler.send(form([[`$ACTION_ID_${increment}`, ''], ['amount', '3']]));
    expect(response.status).to.equal(200);
    expect(await response.json()).to.deep.include({ kind: 'form', status: 200, returnValue: before + 3 });
  });

  it('refuses a form naming an unknown action, a multipart body that does not parse, a form over the limit', async () => {
    await expectRefused(form([[`$ACTION_ID_${UNKNOWN_ID}`, '']]), 404, 'not-found');
    const broken = new Request(`${ORIGIN}/`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'multipart/form-data; boundary=zzz' },
      body: '--zzz\r\nContent-Disposition: form-data; name="a"\r\n\r\nno closing boundary',
    });
    await expectRefused(broken, 400, 'bad-request');
    await expectRefused(form([[`$ACTION_ID_${increment}`, ''], ['amount', 'x'.repeat(2000)]]), 413, 'too-large');
  });

  it('answers a form post with 303 and the form state in a sealed cookie; the GET after it gets the state and clears it', async () => {
    const redirecting = fetchActionHandler(app, { redirectAfterFormPost: true });
    const action = app.server.actions.saveWithState.$$id;
    const post = await redirecting.send(
      form([
        ['$ACTION_REF_1', ''],
        ['$ACTION_1:0', JSON.stringify({ id: action, bound: '$@1' })],
        ['$ACTION_1:1', '[{"saves":0}]'],
        ['$ACTION_KEY', 'k'],
        ['title', 'hello'],
      ]),
    );
    expect(post.status).to.equal(303);
    expect(post.headers.get('location')).to.equal('/page?x=1');
    const [cookie] = post.headers.getSetCookie();
    expect(cookie).to.match(/^wsa-form-state=[\w-]+; Path=\/; Max-Age=60; HttpOnly; SameSite=Lax$/);
    const { response, result, headers } = await app.server.runtime.handleServerActionFetch(
      new Request(`${ORIGIN}/page?x=1`, { headers: { cookie: cookie.split(';')[0] } }),
      { redirectAfterFormPost: true },
    );
    expect(response).to.equal(null);
    expect(result.kind).to.equal('none');
    expect((result as { formState: unknown[] }).formState[0]).to.deep.include({ saves: 1, title: 'hello' });
    expect(headers.getSetCookie()).to.deep.equal(['wsa-form-state=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax']);
  });

  it('gives a server function the Request through getServerActionContext(); getServerActionRequest() refuses it', async () => {
    const whoAmI = app.server.sessionActions.whoAmI.$$id;
    const response = await handler.send(call(whoAmI, '[]', { headers: { 'x-caller': 'fay', cookie: 'a=1; session=s3cret' } }));
    expect((await readFlightAnswer<{ returnValue: unknown }>(response)).returnValue).to.deep.equal({ session: 's3cret', caller: 'fay' });
    const whoIsCalling = await handler.send(call(app.server.actions.whoIsCalling.$$id, '[]'));
    expect(whoIsCalling.status).to.equal(500);
    expect(handler.errors.at(-1)).to.have.property('code', 'ERR_SERVER_ACTION_NO_REQUEST');
    expect(String((handler.errors.at(-1) as Error).message)).to.include('getServerActionContext()');
  });
});
