/**
 * Driving the notes example in Debian's Chromium through playwright-core: a page that records what it
 * requested and what it threw, a way to hold a server-function call back while the page shows its
 * pending state, the submit of a form without JavaScript up to the page the browser lands on, and the
 * page as the tests read it.
 */
import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page, type Request, type Response } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'];

/** The header a call from callServer carries; a form posted without JavaScript has none. */
export const ACTION_ID_HEADER = 'x-server-action';

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`No browser at ${CHROMIUM}: install Debian's chromium (apt-get install chromium).`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export interface BrowserSession {
  page: Page;
  /** Uncaught errors and unhandled rejections in the page, across its navigations. */
  pageErrors: string[];
  /** Every request the page made, in order; `requestsSince(mark)` reads those after a mark. */
  requests: Request[];
  /** What the page logged as errors (React reports hydration mismatches there). */
  consoleErrors: string[];
}

/** A cookie the browser starts with, for the page's origin. */
export interface StartingCookie {
  name: string;
  value: string;
}

/**
 * A fresh context (no cookies from an earlier test, only `cookies`) and page at `url`, hydrated when
 * JavaScript runs.
 */
export async function openPage(
  browser: Browser,
  url: string,
  javaScriptEnabled: boolean,
  cookies: StartingCookie[] = [],
): Promise<BrowserSession> {
  const session = await newSession(browser, javaScriptEnabled, url, cookies);
  await session.page.goto(url);
  if (javaScriptEnabled) await waitForHydration(session.page);
  return session;
}

/** A fresh context and page that record what they request, throw and log; nothing opened yet. */
export async function newSession(browser: Browser, javaScriptEnabled: boolean, url: string, cookies: StartingCookie[] = []): Promise<BrowserSession> {
  const context = await browser.newContext({ javaScriptEnabled });
  if (cookies.length > 0) await context.addCookies(cookies.map((cookie) => ({ ...cookie, url })));
  const page = await context.newPage();
  const session: BrowserSession = { page, pageErrors: [], requests: [], consoleErrors: [] };
  page.on('pageerror', (error) => session.pageErrors.push(error.message));
  page.on('request', (request) => session.requests.push(request));
  page.on('console', (message) => {
    if (message.type() === 'error') session.consoleErrors.push(message.text());
  });
  return session;
}

/**
 * A page at `url` whose browser bundle is held back until `hydrate()`: the server-rendered page as a
 * user meets it while the JavaScript is still loading, on this and any page the browser goes on to.
 */
export async function openBeforeHydration(
  browser: Browser,
  url: string,
  cookies: StartingCookie[] = [],
): Promise<BrowserSession & { hydrate(): Promise<void> }> {
  const session = await newSession(browser, true, url, cookies);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await session.page.route('**/assets/main.js', async (route) => {
    await released;
    await route.continue();
  });
  await session.page.goto(url, { waitUntil: 'domcontentloaded' });
  return {
    ...session,
    async hydrate() {
      release();
      await waitForHydration(session.page);
    },
  };
}

/**
 * React has hydrated once it has attached its props to an element: before that, a click on a button
 * does nothing and a form posts without JavaScript, which is not what a test with JavaScript means.
 */
export function waitForHydration(page: Page): Promise<unknown> {
  return page.waitForFunction(() =>
    Object.keys(document.querySelector('#create-empty-note') ?? {}).some((key) => key.startsWith('__reactProps')),
  );
}

/** "POST /path" for each request: what a failing assertion on requests should print. */
export function describeRequests(requests: Request[]): string[] {
  return requests.map((request) => `${request.method()} ${new URL(request.url()).pathname}${new URL(request.url()).search}`);
}

export function isServerFunctionCall(request: Request): boolean {
  return request.method() === 'POST' && request.headers()[ACTION_ID_HEADER] !== undefined;
}

export interface HeldCalls {
  /** Resolves with the first call once the page has sent it (it has not reached the server yet). */
  sent: Promise<Request>;
  /** Lets the held calls, and every later one, go on to the server. */
  release(): void;
}

/**
 * Holds server-function calls in the browser until `release()`: the page stays in its pending state for
 * as long as the test needs to look at it, however slow the machine, and the server has not run the
 * function yet (so the store is still as it was).
 */
export async function holdServerFunctionCalls(page: Page): Promise<HeldCalls> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let sent!: (request: Request) => void;
  const sentPromise = new Promise<Request>((resolve) => (sent = resolve));
  await page.route('**/*', async (route) => {
    if (!isServerFunctionCall(route.request())) return route.fallback();
    sent(route.request());
    await released;
    await route.continue();
  });
  return { sent: sentPromise, release };
}

/**
 * Clicks a submit button on a page without JavaScript and resolves with the response of the page the
 * browser lands on (after any redirect: its request's `redirectedFrom()` is the POST), once it has loaded.
 */
export async function submitAndLand(page: Page, button: string): Promise<Response> {
  const landed = page.waitForResponse(
    (response) =>
      response.request().isNavigationRequest() &&
      response.frame() === page.mainFrame() &&
      (response.status() < 300 || response.status() >= 400),
  );
  await page.click(button);
  const response = await landed;
  await page.waitForLoadState('load');
  return response;
}

/** That the page the browser landed on was a GET, to which a POST to `postedTo` was redirected (303). */
export async function expectRedirectedPost(landing: Response, postedTo: string): Promise<void> {
  expect(landing.status()).to.equal(200);
  expect(landing.request().method()).to.equal('GET');
  const post = landing.request().redirectedFrom();
  expect(post, 'the POST that was redirected').not.to.equal(null);
  expect(post!.method()).to.equal('POST');
  expect(new URL(post!.url()).pathname).to.equal(postedTo);
  expect((await post!.response())!.status()).to.equal(303);
}

/** Reloads the page and resolves with the requests that the reload made. */
export async function reloadAndRecord(session: BrowserSession): Promise<Request[]> {
  const mark = session.requests.length;
  await session.page.reload();
  return session.requests.slice(mark);
}

/** A value set on `window` that only the same document can still read: gone after a reload. */
export function setMarker(page: Page): Promise<void> {
  return page.evaluate(() => {
    (window as unknown as { __marker?: string }).__marker = 'still the same document';
  });
}

export function readMarker(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (window as unknown as { __marker?: string }).__marker);
}

export function pathAndQuery(page: Page): string {
  const url = new URL(page.url());
  return url.pathname + url.search;
}

/** The notes the page lists, as { id, title }; an empty title shows as "(empty note)". */
export function shownNotes(page: Page): Promise<Array<{ id: number; title: string | null }>> {
  return page.$$eval('#notes li', (items) =>
    items.map((item) => ({
      id: Number((item as HTMLElement).dataset.noteId),
      title: item.querySelector('.note-title')!.textContent,
    })),
  );
}

export function waitForNote(page: Page, id: number): Promise<unknown> {
  return page.waitForSelector(`#notes li[data-note-id="${id}"]`);
}

export function waitForName(page: Page, name: string): Promise<unknown> {
  return page.waitForFunction((expected) => document.querySelector('#name')?.textContent === expected, name);
}

/** The hidden inputs of a form as [name, value]: what React rendered for its server function. */
export function hiddenFields(page: Page, form: string): Promise<Array<[string, string]>> {
  return page.$$eval(`${form} input[type=hidden]`, (inputs) =>
    inputs.map((input): [string, string] => [(input as HTMLInputElement).name, (input as HTMLInputElement).value]),
  );
}

/** The PNG signature: what every PNG file starts with. */
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A full-page screenshot in the temporary directory, `wsa-notes-<name>.png`, overwritten by the next
 * run and left there for a person to look at (the tests cannot judge looks: they check it is a PNG).
 */
export async function screenshotToTemporaryFile(page: Page, name: string): Promise<string> {
  const file = path.join(tmpdir(), `wsa-notes-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE), `${file} is a PNG`).to.equal(true);
  // A page of this size with nothing but a heading on it compresses to about 12 kB; the notes page,
  // styled, to over 100 kB.
  expect(bytes.length, `${file} has a page in it`).to.be.greaterThan(50_000);
  return file;
}

/**
 * Each input the page shows (`#id`, or `#form-id input[name=…]` for one without an id), with what a
 * screen reader announces it as (its <label>s, else its aria-label) and its placeholder.
 */
export function describeInputs(page: Page): Promise<Array<{ input: string; label: string; placeholder: string }>> {
  return page.$$eval('input:not([type=hidden])', (inputs) =>
    (inputs as HTMLInputElement[]).map((input) => ({
      input: input.id ? `#${input.id}` : `#${input.form?.id} input[name=${input.name}]`,
      label: [...(input.labels ?? [])].map((label) => label.textContent).join(' ') || (input.getAttribute('aria-label') ?? ''),
      placeholder: input.placeholder,
    })),
  );
}
