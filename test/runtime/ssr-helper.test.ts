/**
 * The SSR helper (`webpack-server-actions/ssr`) over real HTTP: the page-app fixture built with
 * webpack, its SSR bundle's `sendPage` behind a Node HTTP server (helpers/page-app.ts). The page
 * streams (the shell with the fallback, payload scripts, then the Suspense boundary), every script
 * carries the nonce, the HTML carries the very bytes of the page's Flight stream (a typed array's
 * binary row included), a string that would end a script stays text, `Accept: text/x-component` gets
 * the Flight stream itself, a shell that fails rejects before anything is sent, and the signal aborts
 * rendering while the payload still ends. The injector alone is in page-payload.test.ts; the browser
 * side in test/browser/helpers.test.ts.
 */
import { expect } from 'chai';
import * as vm from 'node:vm';
import { buildPageApp, readIncrementally, startPageServer, type PageApp, type PageServer } from '../helpers/page-app';
import { isPayloadScript, payloadBytesIn, payloadEntriesIn, scriptElements } from '../helpers/page-payload';

const NONCE = 'r4nd0m+N0nce/==';
const FLIGHT = 'text/x-component';

const isBootstrap = (attributes: string) => attributes.includes('src="/assets/');
/** React's own inline scripts: its Suspense instructions (neither the payload's nor a bootstrap). */
const isReactInline = (script: { attributes: string; body: string }) => !isPayloadScript(script) && !isBootstrap(script.attributes);

describe('SSR helper over HTTP', () => {
  let app: PageApp;
  let server: PageServer;

  before(async () => {
    app = await buildPageApp();
    server = await startPageServer(app, { nonce: NONCE });
  });

  after(async () => {
    await server?.close();
  });

  /**
   * GET / with the Suspense boundary held: what had arrived when the shell and a payload script were
   * there, and the whole page once the boundary was released.
   */
  async function streamedPage(on: PageServer = server): Promise<{ response: Response; beforeRelease: string; page: string }> {
    const release = on.holdLater();
    const response = await fetch(`${on.url}/`);
    const body = readIncrementally(response);
    const beforeRelease = await body.until(
      (text) => text.includes('id="fallback"') && scriptElements(text).some(isPayloadScript),
      'the fallback and a payload script',
    );
    release();
    return { response, beforeRelease, page: await body.ended };
  }

  it('streams the shell with the fallback first, payload scripts, then the boundary, and </body></html> last', async () => {
    // fetch resolved with the headers: sendPage had the shell while the boundary was still pending.
    const { response, beforeRelease, page } = await streamedPage();
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.equal('text/html; charset=utf-8');
    expect(response.headers.get('vary')).to.equal('accept');
    expect(page.startsWith('<!DOCTYPE html>'), 'the doctype first, no script before it').to.equal(true);
    expect(beforeRelease).not.to.include('id="later"');
    expect(beforeRelease).not.to.include('</body>');

    const fallback = page.indexOf('id="fallback"');
    const firstPayload = page.indexOf(`<script nonce="${NONCE}">(self.`);
    const later = page.indexOf('<p id="later">');
    expect(fallback).to.be.greaterThan(0);
    expect(firstPayload, 'a payload script after the shell').to.be.greaterThan(fallback);
    expect(later, 'the boundary after a payload script').to.be.greaterThan(firstPayload);
    // The end marker (in the last payload script) before the closing tags, which end the page.
    const endMarker = page.indexOf('.push(null)</script>');
    expect(endMarker).to.be.greaterThan(firstPayload);
    expect(page.indexOf('</body>')).to.equal(page.length - '</body></html>'.length);
    expect(endMarker).to.be.lessThan(page.indexOf('</body>'));
    // React revealed the boundary with an inline script of its own.
    expect(scriptElements(page.slice(later)).some(isReactInline)).to.equal(true);
  });

  it('puts the nonce on every script of the page: the payload\'s, the bootstrap and React\'s own', async () => {
    const { page } = await streamedPage();
    const scripts = scriptElements(page);
    for (const script of scripts) expect(script.attributes, script.body.slice(0, 80)).to.include(`nonce="${NONCE}"`);
    expect(scripts.filter(isPayloadScript).length, 'payload scripts').to.be.at.least(2);
    expect(scripts.filter((script) => isBootstrap(script.attributes)), 'bootstrap scripts').to.have.lengthOf(app.bootstrapScripts.length);
    expect(scripts.filter(isReactInline).length, "React's inline scripts").to.be.at.least(1);
    expect(server.errors).to.deep.equal([]);
  });

  it('carries the exact bytes of the page\'s Flight stream, its typed array\'s binary row included', async () => {
    const { page } = await streamedPage();
    const flight = Buffer.from(await server.pages.at(-1)!.flight);
    expect(server.pages.at(-1)!.accept).not.to.equal(FLIGHT);
    expect(Buffer.from(payloadBytesIn(page)).equals(flight), 'decoded entries = the Flight stream').to.equal(true);
    // The typed array went as a binary row: its 256 bytes, 0x80 to 0xff included, raw in the stream.
    const row = flight.indexOf(':o100,');
    expect(row).to.be.greaterThan(0);
    expect(flight.subarray(row + ':o100,'.length, row + ':o100,'.length + 256).equals(Buffer.from(app.server.BYTES))).to.equal(true);
    expect(payloadEntriesIn(page).some(Array.isArray), 'a chunk that is not text travels as base64').to.equal(true);
  });

  it('keeps a string that would end a script as text: every script element is whole JavaScript', async () => {
    const { page } = await streamedPage();
    expect(page).not.to.include('<script>alert(1)');
    const scripts = scriptElements(page);
    for (const script of scripts) {
      expect(() => new vm.Script(script.body), script.body.slice(0, 80)).not.to.throw();
      expect(script.body).not.to.include('<!--');
    }
    // The boundary's part of the payload is text: the string is in a payload script as escaped JSON.
    const carrying = scripts.filter((script) => script.body.includes('alert(1)'));
    expect(carrying.length).to.be.at.least(1);
    expect(carrying.every(isPayloadScript)).to.equal(true);
    for (const script of carrying) expect(script.body).to.include('\\u003c/script>\\u003cscript>alert(1)\\u003c/script>\\u2028\\u003c!--');
    const text = Buffer.from(payloadBytesIn(page)).toString('utf8');
    expect(text).to.include(JSON.stringify(app.server.HOSTILE));
    // And rendered as text in the HTML.
    for (const id of ['echo', 'later-echo']) expect(page).to.include(`<p id="${id}">&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;\u2028&lt;!--</p>`);
  });

  it('answers Accept: text/x-component with the page\'s Flight stream, byte for byte, and Vary: Accept', async () => {
    for (const accept of [FLIGHT, `text/html;q=0.9, ${FLIGHT};q=1`]) {
      const response = await fetch(`${server.url}/other`, { headers: { accept } });
      expect(response.status).to.equal(200);
      expect(response.headers.get('content-type')).to.equal(FLIGHT);
      expect(response.headers.get('vary')).to.equal('accept');
      expect(response.headers.get('content-security-policy')).to.equal(`script-src 'nonce-${NONCE}'`);
      const bytes = Buffer.from(await response.arrayBuffer());
      const rendered = server.pages.at(-1)!;
      expect(rendered.accept).to.equal(accept);
      expect(bytes.equals(Buffer.from(await rendered.flight))).to.equal(true);
      expect(bytes.toString('latin1')).to.include('"children":"/other"');
    }
    const html = await fetch(`${server.url}/other`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(html.headers.get('content-type')).to.equal('text/html; charset=utf-8');
    expect(await html.text()).to.include('<h1 id="page">/other</h1>');
  });

  it('rejects, with nothing sent, when the shell cannot render', async () => {
    const errors = server.errors.length;
    const response = await fetch(`${server.url}/broken`);
    expect(response.status).to.equal(500);
    expect(response.headers.get('content-type')).to.equal('text/plain');
    expect(await response.text()).to.equal('The page could not be rendered');
    const messages = server.errors.slice(errors).map((error) => (error as Error).message);
    expect(messages).to.include('Broken cannot render on the server');
    server.errors.splice(errors);
  });

  it('stops rendering when the signal aborts: the boundary is left to the browser, and the payload still ends', async () => {
    const controller = new AbortController();
    const aborting = await startPageServer(app, { signal: () => controller.signal });
    try {
      const release = aborting.holdLater();
      const body = readIncrementally(await fetch(`${aborting.url}/`));
      await body.until((text) => text.includes('id="fallback"'), 'the fallback');
      controller.abort(new Error('took too long'));
      // React reported the boundary it gave up on; the Flight stream still waits for it.
      await body.until(() => aborting.errors.length > 0, 'the abort reported');
      expect(body.text()).not.to.include('</body>');
      release();
      const page = await body.ended;
      expect(page).not.to.include('<p id="later">');
      expect(Buffer.from(payloadBytesIn(page)).toString('utf8')).to.include('The later part, streamed');
      expect(page.endsWith('.push(null)</script></body></html>')).to.equal(true);
    } finally {
      await aborting.close();
    }
  });
});
