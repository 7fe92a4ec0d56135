/**
 * The SSR helper for Fetch API servers (`webpack-server-actions/ssr/fetch`), in process: the
 * page-app fixture's SSR bundle answers `Request`s with `pageResponse`, on the page's Flight stream
 * as a Web stream (`renderPageStream` in its server bundle). The same page as the Node helper's
 * (ssr-helper.test.ts): the shell streams before a held Suspense boundary, the HTML carries the very
 * bytes of the Flight stream, every script has the nonce, `Accept: text/x-component` gets the Flight
 * stream itself, and a shell that fails rejects. The fixture's Fetch request helper runs a form post
 * whose page is then answered the same way.
 */
import { expect } from 'chai';
import type { ServerActionFetchOutcome } from 'webpack-server-actions/runtime';
import { buildPageApp, readIncrementally, type PageApp } from '../helpers/page-app';
import { isPayloadScript, payloadBytesIn, scriptElements } from '../helpers/page-payload';

const NONCE = 'w3b+N0nce/==';
const ORIGIN = 'http://app.test';

interface FetchSide {
  renderFlightStream(clientManifest: object, page: { url: string; formState?: unknown; later?: Promise<void> }, onError: (error: unknown) => void): ReadableStream<Uint8Array>;
  handleActionFetch(request: Request, clientManifest: object, onError: (error: unknown) => void): Promise<ServerActionFetchOutcome>;
}
interface FetchSsr {
  pageResponse(request: Request, flight: ReadableStream<Uint8Array>, options: object): Promise<Response>;
}

describe('SSR helper for Fetch API servers (ssr/fetch)', () => {
  let app: PageApp;
  let server: FetchSide;
  let ssr: FetchSsr;
  const errors: unknown[] = [];
  const onError = (error: unknown) => void errors.push(error);

  before(async () => {
    app = await buildPageApp();
    server = app.server as unknown as FetchSide;
    ssr = app.ssr as unknown as FetchSsr;
  });

  /** The page at `url`, its Flight bytes recorded as they go to the helper. */
  function page(url: string, init: RequestInit = {}, later?: Promise<void>, formState?: unknown) {
    const [flight, recorded] = server.renderFlightStream(app.clientManifest, { url, formState, later }, onError).tee();
    const flightBytes = new Response(recorded).arrayBuffer().then((buffer) => new Uint8Array(buffer));
    const response = ssr.pageResponse(new Request(`${ORIGIN}${url}`, init), flight, {
      ssrManifest: app.ssrManifest,
      bootstrapScripts: app.bootstrapScripts,
      nonce: NONCE,
      onError,
    });
    return { response, flightBytes };
  }

  it('streams the shell before a held Suspense boundary, and ends with the payload and </body></html>', async () => {
    let release!: () => void;
    const later = new Promise<void>((resolve) => (release = resolve));
    const { response, flightBytes } = page('/', {}, later);
    const answer = await response;
    expect(answer.status).to.equal(200);
    expect(answer.headers.get('content-type')).to.equal('text/html; charset=utf-8');
    expect(answer.headers.get('vary')).to.equal('accept');
    const body = readIncrementally(answer);
    const beforeRelease = await body.until((text) => text.includes('id="fallback"'), 'the fallback');
    expect(beforeRelease.startsWith('<!DOCTYPE html>')).to.equal(true);
    expect(beforeRelease).not.to.include('id="later"');
    release();
    const html = await body.ended;
    expect(html).to.include('id="later"');
    expect(html.endsWith('</body></html>')).to.equal(true);
    // The browser gets back the very bytes of the Flight stream, binary rows included.
    expect(Buffer.from(payloadBytesIn(html)).equals(Buffer.from(await flightBytes))).to.equal(true);
  });

  it('puts the nonce on every script of the page', async () => {
    const html = await (await page('/').response).text();
    const scripts = scriptElements(html);
    expect(scripts.some(isPayloadScript)).to.equal(true);
    for (const script of scripts) expect(script.attributes, script.body.slice(0, 80)).to.include(`nonce="${NONCE}"`);
  });

  it('answers Accept: text/x-component with the Flight stream itself, byte for byte', async () => {
    const { response, flightBytes } = page('/', { headers: { accept: 'text/x-component' } });
    const answer = await response;
    expect(answer.headers.get('content-type')).to.equal('text/x-component');
    expect(answer.headers.get('vary')).to.equal('accept');
    const bytes = new Uint8Array(await answer.arrayBuffer());
    expect(Buffer.from(bytes).equals(Buffer.from(await flightBytes))).to.equal(true);
  });

  it('rejects when the shell cannot render', async () => {
    const { response } = page('/broken');
    let rejected: unknown;
    await response.catch((error: unknown) => (rejected = error));
    expect(rejected, 'pageResponse rejected').to.be.instanceOf(Error);
  });

  it('renders the page a no-JavaScript form post lands on with its useActionState state, through the Fetch request helper', async () => {
    const html = await (await page('/').response).text();
    const form = /<form[^>]*id="state-form"[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
    const attribute = (tag: string, name: string) =>
      (new RegExp(` ${name}="([^"]*)"`).exec(tag)?.[1] ?? '').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
    const fields = [...form.matchAll(/<input[^>]*>/g)].map((match) => [attribute(match[0], 'name'), attribute(match[0], 'value')]);
    expect(fields.some(([name]) => name.startsWith('$ACTION_')), 'the form has its $ACTION_ fields').to.equal(true);
    const body = new FormData();
    for (const [name, value] of fields) body.append(name, value);
    body.set('title', 'posted by a form');
    const post = await server.handleActionFetch(
      new Request(`${ORIGIN}/`, { method: 'POST', body, headers: { origin: ORIGIN } }),
      app.clientManifest,
      onError,
    );
    expect(post.response?.status, 'redirected after the post').to.equal(303);
    const cookie = post.response!.headers.get('set-cookie')!.split(';')[0];
    const landed = await server.handleActionFetch(new Request(`${ORIGIN}/`, { headers: { cookie } }), app.clientManifest, onError);
    expect(landed.response).to.equal(null);
    expect(landed.result.kind).to.equal('none');
    const formState = landed.result.kind === 'none' ? landed.result.formState : null;
    expect(formState, 'the form state the redirect carried').to.not.equal(null);
    const after = await (await page('/', {}, undefined, formState).response).text();
    expect(after).to.include('saves 1: posted by a form');
  });
});
