/**
 * The request helper, `handleServerActionRequest`, over real HTTP: a fixture app built with webpack,
 * its server bundle's helper behind a Node HTTP server. A call's answer with the re-rendered tree,
 * `redirect()` from a call and from a form, and calls and form posts that throw. The redirect after a
 * form post (`redirectAfterFormPost`) is in redirect-after-form-post.test.ts, `redirect()` itself in
 * redirect.test.ts. Arguments React cannot finish decoding (the tables of helpers/unsettled-replies.ts,
 * in a call and in a form's bound arguments) are refused before a function that would wait for them
 * runs, and what settles (React's client's promises, streams, iterators; hand-written controls) still
 * reaches it. The hostile suite keeps one such reply against the notes example: a useActionState
 * binding.
 */
import { expect } from 'chai';
import { hiddenFields, postCall, postForm } from '../helpers/http';
import { settle } from '../helpers/inline-app';
import { expectRefused } from '../helpers/refusals';
import {
  ABROAD,
  buildRequestApp,
  lastOf,
  readCallAnswer,
  startActionServer,
  type ActionServer,
  type RequestApp,
} from '../helpers/request-app';
import { SETTLED_REPLIES, UNSETTLED_BOUND_ARGUMENTS, UNSETTLED_REPLIES } from '../helpers/unsettled-replies';

const FAILURE = 'Saving failed: the disk is full';
const REDIRECT_HEADER = 'x-server-action-redirect';

/** The part of a React element that shows what was rendered. */
function rendered(element: unknown): { type: unknown; props: unknown } {
  const { type, props } = element as { type: unknown; props: unknown };
  return { type, props };
}

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
      expect(lastOf(server)).to.deep.equal({ kind: 'call', status: 200, action: { id: actions.increment.$$id, name: 'increment' } });
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
      expect(lastOf(server)).to.deep.equal({ kind: 'call', status: 500, action: { id: actions.fail.$$id, name: 'fail' } });
    });

    it('answers redirect() with 204, the location in x-server-action-redirect and no body', async () => {
      const response = await postCall(server.url, actions.goSomewhere.$$id, []);
      expect(response.status).to.equal(204);
      expect(response.headers.get(REDIRECT_HEADER)).to.equal('/somewhere?x=1');
      expect(response.headers.get('content-type')).to.equal(null);
      expect(await response.text()).to.equal('');
      expect(rootRenders, 'the page is going away: no root').to.deep.equal([]);
      expect(server.errors).to.deep.equal([]);
      expect(lastOf(server)).to.deep.equal({ kind: 'call', status: 204, action: { id: actions.goSomewhere.$$id, name: 'goSomewhere' } });
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
      expect(lastOf(server)).to.deep.equal({
        kind: 'redirect',
        status: 303,
        location: '/somewhere?x=1',
        action: { id: actions.goSomewhere.$$id, name: 'goSomewhere' },
      });
    });

    it('percent-encodes a Location with characters outside ASCII', async () => {
      const response = await postForm(server.url, [[`$ACTION_ID_${actions.goAbroad.$$id}`, '']], { redirect: 'manual' });
      expect(response.status).to.equal(303);
      expect(response.headers.get('location')).to.equal(ABROAD);
    });

    it('answers a function that throws with { kind: "form", status: 500, error }, for the page to show, and reports it to onError', async () => {
      const response = await postForm(server.url, hiddenFields(app.html, 'fail-form'), { redirect: 'manual' });
      expect(response.status).to.equal(500);
      expect(await response.json()).to.deep.equal({
        kind: 'form',
        status: 500,
        formState: null,
        error: { name: 'Error', message: FAILURE },
        action: { id: actions.fail.$$id, name: 'fail' },
      });
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
      expect(await response.json()).to.deep.equal({
        kind: 'form',
        status: 200,
        returnValue: start + 3,
        formState: null,
        action: { id: actions.increment.$$id, name: 'increment' },
      });
      expect(counter.value).to.equal(start + 3);
    });
  });

  describe('arguments React cannot finish decoding', () => {
    let server: ActionServer;
    let patient: ActionServer;

    before(async () => {
      // What never settles is refused when the body's deadline passes: a short one here. What must run
      // goes to a server with the default deadline: a large reply on a busy machine can take longer
      // than the short one to arrive and decode, and a refusal then would say nothing of the reply.
      server = await startActionServer(app, { bodyTimeout: 500 });
      patient = await startActionServer(app);
    });
    after(() => Promise.all([server.close(), patient.close()]));

    /** A reply written by hand, for awaitAll: text, or multipart fields. A hang fails the test after 10 s. */
    const sendReply = (body: string | Array<[string, string]>, to = () => server) => () => {
      const headers: Record<string, string> = { 'x-server-action': actions.awaitAll.$$id };
      let payload: string | FormData = new FormData();
      if (typeof body === 'string') {
        headers['content-type'] = 'text/plain;charset=UTF-8';
        payload = body;
      } else for (const [name, value] of body) payload.append(name, value);
      return fetch(to().url, { method: 'POST', headers, body: payload, signal: AbortSignal.timeout(10_000) });
    };

    for (const [label, make] of UNSETTLED_REPLIES) {
      it(`refuses ${label} with 400: awaitAll, which awaits its arguments, does not run`, async () => {
        await expectRefused(app, server, sendReply(make(actions.awaitAll.$$id)), 400, 'bad-request');
      });
    }

    it('runs awaitAll with hand-written replies whose promises, streams and iterators the reply settles (the control)', async () => {
      for (const [label, make] of SETTLED_REPLIES) {
        const start = counter.value;
        const response = await sendReply(make(actions.awaitAll.$$id), () => patient)();
        await response.arrayBuffer();
        expect(response.status, label).to.equal(200);
        expect(lastOf(patient), label).to.include({ kind: 'call', status: 200 });
        expect(counter.value, `${label}: awaitAll ran once`).to.equal(start + 1);
      }
    });

    for (const [label, make] of UNSETTLED_BOUND_ARGUMENTS) {
      it(`refuses a form posting awaitAll with ${label} (400)`, async () => {
        const metadata = JSON.stringify({ id: actions.awaitAll.$$id, bound: '$@1' });
        const fields: Array<[string, string]> = [['$ACTION_REF_1', ''], ['$ACTION_1:0', metadata], ...make(actions.awaitAll.$$id)];
        await expectRefused(app, server, () => postForm(server.url, fields, { signal: AbortSignal.timeout(10_000) }), 400, 'bad-request');
      });
    }

    it('calls no server function to settle an object whose `then` is a server reference: it is data, not a promise', async () => {
      // React's promises are its chunks and real promises, whose `then` is inherited. An object the
      // reply spells out with a `then` field holding a server reference is a value like any other; to
      // await it would run that function (here awaitAll, which counts its runs) with callbacks as its
      // arguments, before the function called (whoIsCalling, which never awaits its argument) runs.
      // React 19.3 decodes such a field as null; the helper would not call it either.
      const start = counter.value;
      const payload = new FormData();
      payload.append('0', '[{"then":"$h1"}]');
      payload.append('1', JSON.stringify({ id: actions.awaitAll.$$id, bound: null }));
      const response = await fetch(patient.url, { method: 'POST', headers: { 'x-server-action': actions.whoIsCalling.$$id }, body: payload });
      await response.arrayBuffer();
      expect(response.status).to.equal(200);
      expect(lastOf(patient)).to.include({ kind: 'call', status: 200 });
      expect(counter.value, 'awaitAll did not run').to.equal(start);
    });

    it("runs awaitAll with what React's encodeReply sends: promises, streams, async iterables and iterators", async () => {
      async function* letters() {
        yield 'x';
        yield 'y';
      }
      const args = [
        Promise.resolve(1),
        // A promise of a typed array: React settles it only once it has read the bytes' Blob.
        Promise.resolve(new Uint8Array([7, 8])),
        Promise.resolve({ nested: Promise.resolve('inner') }),
        new ReadableStream({
          start(controller) {
            controller.enqueue('a');
            controller.enqueue({ b: 2 });
            controller.close();
          },
        }),
        letters(),
        { [Symbol.asyncIterator]: letters },
        'plain',
      ];
      const start = counter.value;
      const response = await postCall(patient.url, actions.awaitAll.$$id, args);
      expect(response.status).to.equal(200);
      const [one, bytes, object, stream, iterator, iterable, plain] = (await readCallAnswer(response)).returnValue as unknown[];
      expect([one, bytes, stream, iterator, iterable, plain]).to.deep.equal([1, new Uint8Array([7, 8]), ['a', { b: 2 }], ['x', 'y'], ['x', 'y'], 'plain']);
      expect(await (object as { nested: Promise<unknown> }).nested).to.equal('inner');
      expect(counter.value, 'awaitAll ran once').to.equal(start + 1);
    });

    it('runs awaitAll with arguments that refer to themselves, and with 20 000 objects, the last holding a promise', async () => {
      const loop: Record<string, unknown> = { name: 'loop' };
      loop.self = loop;
      const many = Array.from({ length: 20_000 }, (_, index) => ({ index, promised: index === 19_999 ? Promise.resolve('last') : null }));
      const response = await postCall(patient.url, actions.awaitAll.$$id, [loop, many]);
      expect(response.status).to.equal(200);
      const [echoed, objects] = (await readCallAnswer(response)).returnValue as [typeof loop, typeof many];
      expect(echoed.self).to.equal(echoed);
      expect(objects).to.have.lengthOf(20_000);
      expect(await objects[19_999].promised).to.equal('last');
    });

    it('passes FormData arguments whole: a file keeps its place before the fields sent after it', async () => {
      // The body is read whole before React decodes it: a file's entry must not move behind later fields,
      // or React, which reads each FormData argument's entries as one run, would split them.
      const first = new FormData();
      first.append('file', new Blob(['the bytes']), 'f.txt');
      first.append('note', 'one');
      const second = new FormData();
      second.append('name', 'two');
      const response = await postCall(patient.url, actions.awaitAll.$$id, [first, second]);
      expect(response.status).to.equal(200);
      const [one, two] = (await readCallAnswer(response)).returnValue as FormData[];
      expect([...one.keys()]).to.deep.equal(['file', 'note']);
      expect(await (one.get('file') as Blob).text()).to.equal('the bytes');
      expect([...two.entries()]).to.deep.equal([['name', 'two']]);
    });

    it('runs a form bound to awaitAll with a promise, a stream and an iterator that the form carries whole', async () => {
      const fields: Array<[string, string]> = [
        ['$ACTION_REF_1', ''],
        ['$ACTION_1:0', JSON.stringify({ id: actions.awaitAll.$$id, bound: '$@1' })],
        ['$ACTION_1:1', '["$@2","$R3","$x4"]'],
        ['$ACTION_1:2', '5'],
        ['$ACTION_1:S3', '"a"'],
        ['$ACTION_1:S3', 'C'],
        ['$ACTION_1:S4', '"b"'],
        ['$ACTION_1:S4', 'C'],
      ];
      const response = await postForm(patient.url, fields, { redirect: 'manual' });
      expect(response.status).to.equal(200);
      const { returnValue } = (await response.json()) as { returnValue: unknown[] };
      // The form's own FormData comes last (it shows as {} in JSON).
      expect(returnValue).to.deep.equal([5, ['a'], ['b'], {}]);
    });
  });
});
