/**
 * The browser helper (`webpack-server-actions/browser`) in Chromium, on the page-app fixture that the
 * SSR helper serves (helpers/page-app.ts): the page hydrates from the payload while it still streams,
 * with no error or hydration warning; the Suspense boundary, the typed array and a string that would
 * end a script arrive whole; client state survives `refresh()` and a server function's re-rendered
 * tree; `redirect()` navigates in place and Back shows the previous page; an unknown server function
 * reloads the page once, never in a loop; a strict CSP with a nonce lets it all run; and without
 * JavaScript a useActionState form's state reaches the page through the payload.
 */
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import {
  ACTION_ID_HEADER,
  expectRedirectedPost,
  isServerFunctionCall,
  launchChromium,
  newSession,
  pathAndQuery,
  readMarker,
  setMarker,
  submitAndLand,
  type BrowserSession,
} from '../helpers/browser';
import { buildPageApp, startPageServer, type PageApp, type PageServer } from '../helpers/page-app';

const NONCE = 'Xy9+strict/nonce=';

interface Session extends BrowserSession {
  /** What alert() and friends were called with. */
  dialogs: string[];
  /** Console warnings (React warns there too). */
  consoleWarnings: string[];
}

/** The page has hydrated once React has attached its props to a button outside the Suspense boundary. */
function waitForHydration(page: Page): Promise<unknown> {
  return page.waitForFunction(() => Object.keys(document.querySelector('#bump') ?? {}).some((key) => key.startsWith('__reactProps')));
}

const textOf = (page: Page, selector: string) => page.textContent(selector);
const waitForText = (page: Page, selector: string, text: string) =>
  page.waitForFunction(([selector, text]) => document.querySelector(selector)?.textContent === text, [selector, text] as const);

describe('browser helper in Chromium', () => {
  let app: PageApp;
  let server: PageServer;
  // A production build: React's development build needs eval(), which the policy refuses.
  let strictApp: PageApp;
  let strictServer: PageServer;
  let browser: Browser;
  let sessions: Session[] = [];

  before(async () => {
    app = await buildPageApp();
    server = await startPageServer(app);
    strictApp = await buildPageApp('production');
    strictServer = await startPageServer(strictApp, { nonce: NONCE });
    browser = await launchChromium();
  });

  beforeEach(() => {
    app.server.counter.value = 0;
    strictApp.server.counter.value = 0;
  });

  afterEach(async () => {
    for (const session of sessions.splice(0)) await session.page.context().close();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await strictServer?.close();
  });

  async function session(javaScriptEnabled = true, url = server.url): Promise<Session> {
    const opened: Session = { ...(await newSession(browser, javaScriptEnabled, url)), dialogs: [], consoleWarnings: [] };
    sessions.push(opened);
    opened.page.on('dialog', (dialog) => {
      opened.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    opened.page.on('console', (message) => {
      if (message.type() === 'warning') opened.consoleWarnings.push(message.text());
    });
    return opened;
  }

  /** A hydrated page at `path`. */
  async function open(path = '/', on = server): Promise<Session> {
    const opened = await session(true, on.url);
    await opened.page.goto(`${on.url}${path}`);
    await waitForHydration(opened.page);
    return opened;
  }

  function expectQuiet(opened: Session): void {
    expect(opened.pageErrors, 'errors thrown in the page').to.deep.equal([]);
    expect(opened.consoleErrors, 'console errors (hydration mismatches among them)').to.deep.equal([]);
    expect(opened.consoleWarnings, 'console warnings').to.deep.equal([]);
    expect(opened.dialogs, 'dialogs').to.deep.equal([]);
  }

  it('hydrates while the page streams, shows the boundary, and gets the typed array and the script string whole', async () => {
    const release = server.holdLater();
    const opened = await session();
    const { page } = opened;
    await page.goto(`${server.url}/`, { waitUntil: 'commit' });
    await page.waitForSelector('#fallback');
    // The shell hydrates from the payload read so far: the page has not finished loading.
    await waitForHydration(page);
    expect(await page.$('#later')).to.equal(null);
    expect(await page.evaluate(() => document.readyState)).to.equal('loading');

    release();
    await page.waitForSelector('#later');
    await page.waitForLoadState('load');
    expect(await page.$('#fallback')).to.equal(null);
    expect(await textOf(page, '#later')).to.equal('The later part, streamed');
    const bytes = await page.evaluate(() => {
      const received = (window as unknown as { __bytes: Uint8Array }).__bytes;
      return { type: Object.prototype.toString.call(received), values: Array.from(received) };
    });
    expect(bytes).to.deep.equal({ type: '[object Uint8Array]', values: Array.from(app.server.BYTES) });
    expect(await textOf(page, '#echo')).to.equal(app.server.HOSTILE);
    expect(await textOf(page, '#later-echo')).to.equal(app.server.HOSTILE);
    // The boundary hydrated too: its client component has React's props.
    await page.waitForFunction(() => Object.keys(document.querySelector('#later-echo') ?? {}).some((key) => key.startsWith('__reactProps')));
    expectQuiet(opened);
  });

  it("keeps the client's state across refresh() and a server function's re-rendered tree", async () => {
    const opened = await open();
    const { page } = opened;
    await setMarker(page);
    await page.fill('#typed', 'typed before');
    expect(await textOf(page, '#count')).to.equal('count 0');

    // What the server renders changes; refresh() shows it.
    app.server.counter.value = 41;
    const mark = opened.requests.length;
    await page.evaluate(() => (window as unknown as { __app: { refresh(): Promise<void> } }).__app.refresh());
    await waitForText(page, '#count', 'count 41');
    expect(await page.inputValue('#typed')).to.equal('typed before');
    const refreshed = opened.requests.slice(mark);
    expect(refreshed.map((request) => [request.method(), request.headers().accept])).to.deep.equal([['GET', 'text/x-component']]);

    // A call whose answer carries the page re-rendered: one request, the new tree shown.
    const callMark = opened.requests.length;
    await page.click('#bump');
    await waitForText(page, '#result', 'returned 42');
    await waitForText(page, '#count', 'count 42');
    expect(await page.inputValue('#typed')).to.equal('typed before');
    expect(opened.requests.slice(callMark).map((request) => request.method())).to.deep.equal(['POST']);
    expect(await readMarker(page), 'the same document').to.equal('still the same document');
    expectQuiet(opened);
  });

  it('shows the newest tree when answers arrive out of order: a refresh answered after a later call does not bring the older page back', async () => {
    const opened = await open();
    const { page } = opened;
    app.server.counter.value = 10;
    // The refresh's answer is rendered now (count 10), but reaches the page only after the call's.
    let deliver!: () => Promise<void>;
    const rendered = new Promise<void>((resolve) => {
      void page.route('**/*', async (route) => {
        const request = route.request();
        if (request.method() !== 'GET' || !(request.headers().accept ?? '').includes('text/x-component')) return route.fallback();
        const response = await route.fetch();
        deliver = () => route.fulfill({ response });
        resolve();
      });
    });
    await page.evaluate(() => {
      const scope = window as unknown as { __app: { refresh(): Promise<void> }; __refreshed?: Promise<void> };
      scope.__refreshed = scope.__app.refresh();
    });
    await rendered;
    // A call started after the refresh: its answer carries the page as it is now (count 11).
    await page.click('#bump');
    await waitForText(page, '#count', 'count 11');
    await deliver();
    await page.evaluate(() => (window as unknown as { __refreshed: Promise<void> }).__refreshed);
    expect(await textOf(page, '#count'), 'the older tree is not shown over the newer one').to.equal('count 11');
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    expectQuiet(opened);
  });

  it('follows redirect() to its page in place, and Back shows the previous page again', async () => {
    const opened = await open();
    const { page } = opened;
    await setMarker(page);
    await page.fill('#typed', 'typed on /');

    await page.click('#go-other');
    await waitForText(page, '#page', '/other');
    expect(pathAndQuery(page)).to.equal('/other');
    await waitForText(page, '#result', 'returned undefined');
    expect(await readMarker(page), 'no reload').to.equal('still the same document');
    expect(await page.inputValue('#typed')).to.equal('typed on /');

    await page.goBack();
    await waitForText(page, '#page', '/');
    expect(pathAndQuery(page)).to.equal('/');
    expect(await readMarker(page), 'no reload on Back').to.equal('still the same document');

    // navigate() itself, with a query.
    await page.evaluate(() => (window as unknown as { __app: { navigate(to: string): Promise<void> } }).__app.navigate('/other?from=test'));
    await waitForText(page, '#page', '/other');
    expect(pathAndQuery(page)).to.equal('/other?from=test');
    expect(await readMarker(page)).to.equal('still the same document');
    const documents = opened.requests.filter((request) => request.isNavigationRequest());
    expect(documents, 'one document load').to.have.lengthOf(1);
    expectQuiet(opened);
  });

  it('reloads once when the server does not know a server function, and not again right after', async () => {
    const opened = await session();
    const { page } = opened;
    // The page's clock stands still (its timers still run): "right after" holds however slow the machine.
    await page.clock.setFixedTime(new Date('2026-01-01T00:00:00.000Z'));
    await page.goto(`${server.url}/`);
    await waitForHydration(page);
    // Every call names a function the server does not have (as after a deploy).
    await page.route('**/*', (route) => {
      const request = route.request();
      if (!isServerFunctionCall(request)) return route.fallback();
      return route.continue({ headers: { ...request.headers(), [ACTION_ID_HEADER]: '0'.repeat(40) } });
    });
    await setMarker(page);
    const reloaded = page.waitForEvent('load');
    await page.click('#bump');
    await reloaded;
    expect(await readMarker(page), 'a new document').to.equal(undefined);
    await waitForHydration(page);

    // The page still names the unknown function: the next call fails instead of reloading again.
    await setMarker(page);
    await page.click('#bump');
    await waitForText(page, '#result', 'failed not-found');
    expect(await readMarker(page), 'no second reload').to.equal('still the same document');
    const calls = opened.requests.filter(isServerFunctionCall);
    expect(calls).to.have.lengthOf(2);
    expect(opened.requests.filter((request) => request.isNavigationRequest()), 'the first load and one reload').to.have.lengthOf(2);
    expect(app.server.counter.value, 'nothing ran').to.equal(0);
    expect(opened.pageErrors).to.deep.equal([]);
  });

  it("hydrates and works under a strict Content-Security-Policy (script-src 'nonce-…' only)", async () => {
    const opened = await session(true, strictServer.url);
    const { page } = opened;
    await page.addInitScript(() => {
      const violations: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = violations;
      document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const response = await page.goto(`${strictServer.url}/`);
    expect(await response!.headerValue('content-security-policy')).to.equal(`script-src 'nonce-${NONCE}'`);
    await waitForHydration(page);
    await page.fill('#typed', 'under CSP');
    await page.click('#bump');
    await waitForText(page, '#count', 'count 1');
    await page.evaluate(() => (window as unknown as { __app: { refresh(): Promise<void> } }).__app.refresh());
    await page.click('#go-other');
    await waitForText(page, '#page', '/other');
    expect(await page.inputValue('#typed')).to.equal('under CSP');
    const violations = () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    expect(await violations()).to.deep.equal([]);
    expectQuiet(opened);

    // The policy is enforced: a script without the nonce is refused (so the test above could fail).
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__ranWithoutNonce = true';
      document.body.append(script);
    });
    await page.waitForFunction(() => (window as unknown as { __violations: string[] }).__violations.length > 0);
    expect(await page.evaluate(() => (window as unknown as { __ranWithoutNonce?: boolean }).__ranWithoutNonce)).to.equal(undefined);
  });

  it('without JavaScript, posts the useActionState form and shows its state on the page it is redirected to', async () => {
    const opened = await session(false);
    const { page } = opened;
    await page.goto(`${server.url}/`);
    await page.fill('#state-title', 'Sent without JavaScript');
    const landing = await submitAndLand(page, '#state-submit');
    await expectRedirectedPost(landing, '/');
    expect(await textOf(page, '#state')).to.equal('saves 1: Sent without JavaScript');
    expect(opened.pageErrors).to.deep.equal([]);
  });

  it('hydrates the page a form post before hydration lands on with its state, and goes on from it', async () => {
    const opened = await session();
    const { page } = opened;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/assets/**', async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(`${server.url}/`, { waitUntil: 'domcontentloaded' });
    await page.fill('#state-title', 'Before hydration');
    // The browser posts the form itself (React has not loaded), and lands on / by GET.
    const landed = page.waitForResponse((response) => response.request().isNavigationRequest() && response.request().method() === 'GET');
    await page.click('#state-submit');
    await expectRedirectedPost(await landed, '/');
    await waitForText(page, '#state', 'saves 1: Before hydration');
    release();
    await waitForHydration(page);
    // Hydrated with the same state (a hydration without formState would show "saves 0" and warn).
    expect(await textOf(page, '#state')).to.equal('saves 1: Before hydration');
    await page.fill('#state-title', 'After hydration');
    await page.click('#state-submit');
    await waitForText(page, '#state', 'saves 2: After hydration');
    expectQuiet(opened);
  });
});
