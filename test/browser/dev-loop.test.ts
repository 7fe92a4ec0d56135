/**
 * The development loop (`npm run dev`: examples/notes/dev.js on webpack-server-actions/dev) in Chromium,
 * on a copy of the example whose sources the test edits: each kind of edit shows in the open page
 * without a restart and without a reload (a marker set on `window` survives), and what the user typed
 * or counted is kept.
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { launchChromium, readMarker, setMarker, waitForHydration } from '../helpers/browser';
import { copyNotesExample, startDev, type DevExample, type DevProcess } from '../helpers/dev-example';
import { DEV_LOOP_TRACES, devLoopTracesIn } from '../helpers/dev-loop-traces';

const BANNER = '#webpack-server-actions-dev-errors';
// Bounded waits: an edit is a rebuild of up to three compilers on a busy 2-core machine.
const EDIT_SHOWN = { timeout: 60_000 };

const COUNTER = (label: string) => `'use client';
import { useState } from 'react';

export default function Counter() {
  const [count, setCount] = useState(0);
  return (
    <button id="counter" type="button" onClick={() => setCount(count + 1)}>
      ${label} {count}
    </button>
  );
}
`;

// Calls the server function `name` of actions.js; a failed call is logged with its error's name and code.
const SHOUT = (name: string) => `'use client';
import { useState } from 'react';
import { ${name} } from './actions';

export default function Shout() {
  const [answers, setAnswers] = useState([]);
  return (
    <button
      id="shout"
      type="button"
      onClick={async () => {
        try {
          setAnswers([...answers, await ${name}('hello')]);
        } catch (error) {
          console.error(\`shout failed: \${error.name} \${error.code}\`);
        }
      }}
    >
      Shout <output id="shout-answer">{answers.join(' ')}</output>
    </button>
  );
}
`;

// A client module that exports a value besides its component: React Refresh cannot apply an edit of it.
const COUNTER_WITH_CONSTANT = `'use client';
import { useState } from 'react';

export const STEP = 2;

export default function Counter() {
  const [count, setCount] = useState(0);
  return (
    <button id="counter" type="button" onClick={() => setCount(count + STEP)}>
      Stepped {count}
    </button>
  );
}
`;

describe('development loop in Chromium (npm run dev on a copy of the notes example)', function () {
  let copy: DevExample;
  let dev: DevProcess;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  const pageErrors: string[] = [];
  const consoleMessages: string[] = [];
  // Documents the page has requested since it first loaded: a full reload is one more.
  let documentLoads = 0;

  before(async () => {
    copy = copyNotesExample();
    dataDir = mkdtempSync(path.join(tmpdir(), 'wsa-notes-dev-data-'));
    dev = await startDev(copy, { NOTES_DATA_DIR: dataDir });
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => consoleMessages.push(`${message.type()}: ${message.text()}`));
    await page.goto(dev.url);
    page.on('request', (request) => {
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) documentLoads++;
    });
    await waitForHydration(page);
    await setMarker(page);
    await page.fill('#note-title', 'typed before the edits');
  });

  after(async () => {
    await browser?.close();
    await dev?.stop();
    copy?.remove();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    const shown = await page.evaluate(() => document.querySelector('main')?.innerText ?? document.body.innerText).catch(String);
    console.log(`dev.js output (end):\n${dev.output().slice(-4000)}\npage console:\n${consoleMessages.join('\n')}\npage text:\n${shown}`);
  });

  /**
   * Waits (bounded) until the page has requested `count` more documents than `since`, and the new one
   * (the marker is gone: set one first) has hydrated.
   */
  async function waitForReloads(since: number, count: number): Promise<void> {
    for (const deadline = Date.now() + EDIT_SHOWN.timeout; documentLoads < since + count; ) {
      if (Date.now() > deadline) throw new Error(`The page loaded ${documentLoads - since} documents, not ${count}.`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await page.waitForFunction(
      () =>
        (window as unknown as { __marker?: string }).__marker === undefined &&
        Object.keys(document.querySelector('#create-empty-note') ?? {}).some((key) => key.startsWith('__reactProps')),
      null,
      EDIT_SHOWN,
    );
  }

  /**
   * Holds the page's refreshes (a GET of its own Flight payload) until the returned function lets them
   * go: until then the page shows what it showed, with its references to server functions, before an
   * edit. A refresh rendered before a call's answer but shown after it would otherwise put the older
   * tree back on screen.
   */
  async function holdRefreshes(): Promise<() => Promise<void>> {
    const held: Route[] = [];
    let holding = true;
    const hold = async (route: Route) => {
      const request = route.request();
      if (holding && request.method() === 'GET' && (request.headers().accept ?? '').includes('text/x-component')) held.push(route);
      else await route.fallback();
    };
    await page.route('**/*', hold);
    return async () => {
      holding = false;
      for (const route of held) await route.continue();
      await page.unroute('**/*', hold);
    };
  }

  async function expectSameDocumentAndInput(): Promise<void> {
    expect(await readMarker(page), 'no reload').to.equal('still the same document');
    expect(await page.inputValue('#note-title'), 'the typed text is kept').to.equal('typed before the edits');
  }

  it('shows an edit of a server component in place', async () => {
    copy.edit('App.jsx', '<h1>Notes</h1>', '<h1>Notes, edited</h1>');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Notes, edited', null, EDIT_SHOWN);
    await expectSameDocumentAndInput();
  });

  it('runs the edited server function when the page calls it', async () => {
    copy.edit('actions.js', 'return { error: null, name: saved };', "return { error: null, name: `${saved} (edited)` };");
    await dev.waitForOutput(/server and SSR bundles reloaded/, dev.output().length, EDIT_SHOWN.timeout);
    // A call made right after the rebuild is held by the dev server until the build has been loaded.
    await page.fill('#state-name', 'Ada');
    await page.click('#state-form button');
    await page.waitForFunction(
      () => document.querySelector('#state-form .result')?.textContent === 'Saved: Ada (edited)',
      null,
      EDIT_SHOWN,
    );
    await expectSameDocumentAndInput();
  });

  it('adds a new server function that a new client component calls, and a counter', async () => {
    copy.write('Counter.jsx', COUNTER('Clicked'));
    copy.write('Shout.jsx', SHOUT('shout'));
    copy.edit('actions.js', "export async function createEmptyNote() {", "export async function shout(text) {\n  return `${text.toUpperCase()}!`;\n}\n\nexport async function createEmptyNote() {");
    copy.edit('App.jsx', "import Button from './Button';", "import Button from './Button';\nimport Counter from './Counter';\nimport Shout from './Shout';");
    copy.edit('App.jsx', '<h1>Notes, edited</h1>', '<h1>Notes, edited</h1>\n            <Counter />\n            <Shout />');
    await page.waitForSelector('#shout', EDIT_SHOWN);
    await page.click('#shout');
    await page.waitForFunction(() => document.querySelector('#shout-answer')?.textContent === 'HELLO!', null, EDIT_SHOWN);
    await expectSameDocumentAndInput();
  });

  it('applies an edit of a client component with React Refresh, keeping its state', async () => {
    for (let click = 0; click < 3; click++) await page.click('#counter');
    await page.waitForFunction(() => document.querySelector('#counter')?.textContent === 'Clicked 3', null, EDIT_SHOWN);
    copy.write('Counter.jsx', COUNTER('Counted'));
    await page.waitForFunction(() => document.querySelector('#counter')?.textContent === 'Counted 3', null, EDIT_SHOWN);
    await expectSameDocumentAndInput();
  });

  it('shows a syntax error in the page while the last good build keeps working, and hides it once fixed', async () => {
    copy.edit('App.jsx', '<h1>Notes, edited</h1>', '<h1>Notes, broken</h1');
    await page.waitForSelector(BANNER, EDIT_SHOWN);
    const banner = (await page.textContent(BANNER)) ?? '';
    expect(banner).to.contain('Build failed');
    expect(banner).to.contain('App.jsx');
    // The code frame points at the line.
    expect(banner).to.contain('<h1>Notes, broken</h1');
    expect(dev.output()).to.contain('App.jsx');
    // The page still works on the last good build: a client update and a server function call.
    await page.click('#counter');
    await page.waitForFunction(() => document.querySelector('#counter')?.textContent === 'Counted 4', null, EDIT_SHOWN);
    await page.click('#shout');
    await page.waitForFunction(() => document.querySelector('#shout-answer')?.textContent === 'HELLO! HELLO!', null, EDIT_SHOWN);

    copy.edit('App.jsx', '<h1>Notes, broken</h1', '<h1>Notes, fixed</h1>');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Notes, fixed', null, EDIT_SHOWN);
    await page.waitForSelector(BANNER, { state: 'detached', ...EDIT_SHOWN });
    expect(await page.textContent('#counter')).to.equal('Counted 4');
    await expectSameDocumentAndInput();
    expect(pageErrors).to.deep.equal([]);
  });

  it('runs the edited inline server function of a server component (EmptyNote) when the page calls it', async () => {
    const since = dev.output().length;
    const releaseRefreshes = await holdRefreshes();
    copy.edit('EmptyNote.jsx', 'await db.notes.create();', "await db.notes.create('made by the edited inline function');");
    await dev.waitForOutput(/server and SSR bundles reloaded/, since, EDIT_SHOWN.timeout);
    // The page calls with the reference it had before the edit: the function's ID is the same (its scope
    // path did not change). One the server no longer knew would reload the page.
    await page.click('#inline-empty-note button');
    await page.waitForFunction(
      () => [...document.querySelectorAll('#notes .note-title')].some((title) => title.textContent === 'made by the edited inline function'),
      null,
      EDIT_SHOWN,
    );
    await releaseRefreshes();
    await expectSameDocumentAndInput();
  });

  it('runs the edited inline server function that captures a value (NoteList deleteNote), its sealed capture opened by the new bundle', async () => {
    const note = '#notes li:has(.note-title:text-is("made by the edited inline function"))';
    const id = await page.getAttribute(note, 'data-note-id');
    const since = dev.output().length;
    const releaseRefreshes = await holdRefreshes();
    // The first 'use server' of NoteList.jsx is deleteNote's: it now also leaves a note behind. It
    // reads the same member of `note` as before (note.id), so it captures the same values: the seal the
    // page holds fits the new function.
    copy.edit('NoteList.jsx', "'use server';\n", "'use server';\n            await db.notes.create(`deleted note ${note.id}`);\n");
    await dev.waitForOutput(/server and SSR bundles reloaded/, since, EDIT_SHOWN.timeout);
    // The page's reference, and the note id it captured, were sealed by the previous server bundle.
    await page.click(`${note} .delete-note button`);
    await page.waitForFunction(
      (deleted) => {
        const titles = [...document.querySelectorAll('#notes .note-title')].map((title) => title.textContent);
        return titles.includes(deleted) && !titles.includes('made by the edited inline function');
      },
      `deleted note ${id}`,
      EDIT_SHOWN,
    );
    expect(await page.$('#error-boundary'), 'no error shown by the notes section').to.equal(null);
    await releaseRefreshes();
    await expectSameDocumentAndInput();
  });

  it('reloads the page once when an inline server function now captures more, rather than open its old values in the wrong places', async () => {
    const note = '#notes li:has(.note-title:text-matches("^deleted note "))';
    const id = await page.getAttribute(note, 'data-note-id');
    const title = await page.textContent(`${note} .note-title`);
    const loadsBefore = documentLoads;
    const since = dev.output().length;
    const releaseRefreshes = await holdRefreshes();
    // deleteNote now reads note.title as well: what it captures changed, and so did its ID.
    copy.edit('NoteList.jsx', 'await db.notes.create(`deleted note ${note.id}`);', 'await db.notes.create(`deleted ${note.title}`);');
    await dev.waitForOutput(/server and SSR bundles reloaded/, since, EDIT_SHOWN.timeout);
    const refusal = page.waitForResponse((response) => response.request().method() === 'POST', EDIT_SHOWN);
    await page.click(`${note} .delete-note button`);
    expect((await refusal).headers()['x-server-action-error']).to.equal('not-found');
    await waitForReloads(loadsBefore, 1);
    await releaseRefreshes().catch(() => {}); // the document that held them is gone
    expect(await readMarker(page), 'the page was reloaded').to.equal(undefined);
    // The stale call ran nothing: the note is still there. On the new page, the new function runs.
    await page.waitForSelector(`#notes li[data-note-id="${id}"]`, EDIT_SHOWN);
    await page.click(`#notes li[data-note-id="${id}"] .delete-note button`);
    await page.waitForFunction(
      (created) => [...document.querySelectorAll('#notes .note-title')].some((element) => element.textContent === created),
      `deleted ${title}`,
      EDIT_SHOWN,
    );
    expect(documentLoads - loadsBefore, 'reloads').to.equal(1);
    await setMarker(page);
    await page.fill('#note-title', 'typed before the edits');
  });

  it('shows an edit of a module a server component imports (styles.js) in place', async () => {
    copy.edit('styles.js', '\n`;', '\nh1 { color: rgb(1, 2, 3); }\n`;');
    await page.waitForFunction(() => getComputedStyle(document.querySelector('h1')!).color === 'rgb(1, 2, 3)', null, EDIT_SHOWN);
    await expectSameDocumentAndInput();
  });

  it('reloads the page once when it calls a server function the new build no longer has, then works on the new build', async () => {
    // The page must call with the ID it holds from before the edit. Normally the edit's hot update and
    // refresh reach it within moments of the rebuild; holding its hot update back makes that moment
    // (a call made just before the page hears of the build) as long as the test needs.
    let releaseHotUpdates!: () => void;
    const hotUpdatesHeld = new Promise<void>((resolve) => (releaseHotUpdates = resolve));
    await page.route('**/*.hot-update.json', async (route) => {
      await hotUpdatesHeld;
      await route.continue().catch(() => {}); // the document that asked may be gone
    });
    const loadsBefore = documentLoads;
    const since = dev.output().length;
    // `shout` becomes `yell`, in the server functions and in the client component that calls it.
    copy.edit('actions.js', 'export async function shout(text) {\n  return `${text.toUpperCase()}!`;', 'export async function yell(text) {\n  return `${text.toUpperCase()}!!`;');
    copy.write('Shout.jsx', SHOUT('yell'));
    await dev.waitForOutput(/server and SSR bundles reloaded/, since, EDIT_SHOWN.timeout);

    const refusal = page.waitForResponse((response) => response.request().method() === 'POST', EDIT_SHOWN);
    await page.click('#shout');
    expect((await refusal).headers()['x-server-action-error']).to.equal('not-found');
    await waitForReloads(loadsBefore, 1);
    await page.unroute('**/*.hot-update.json');
    releaseHotUpdates();
    // The caller got the typed error (logged by Shout) before the page went.
    expect(consoleMessages).to.include('error: shout failed: ServerActionError not-found');
    expect(await readMarker(page), 'the page was reloaded').to.equal(undefined);

    // The new build: Shout calls yell.
    await page.click('#shout');
    await page.waitForFunction(() => document.querySelector('#shout-answer')?.textContent === 'HELLO!!', null, EDIT_SHOWN);
    expect(documentLoads - loadsBefore, 'reloads').to.equal(1);
    await setMarker(page);
    await page.fill('#note-title', 'typed before the edits');
  });

  it('falls back to a full reload for an edit React Refresh cannot apply (a client module that exports a value too), and the page works after it', async () => {
    const loadsBefore = documentLoads;
    copy.write('Counter.jsx', COUNTER_WITH_CONSTANT);
    await waitForReloads(loadsBefore, 1);
    expect(await readMarker(page), 'the page was reloaded').to.equal(undefined);
    await page.waitForFunction(() => document.querySelector('#counter')?.textContent === 'Stepped 0', null, EDIT_SHOWN);
    await page.click('#counter');
    await page.waitForFunction(() => document.querySelector('#counter')?.textContent === 'Stepped 2', null, EDIT_SHOWN);
    await page.click('#shout');
    await page.waitForFunction(() => document.querySelector('#shout-answer')?.textContent === 'HELLO!!', null, EDIT_SHOWN);
    expect(documentLoads - loadsBefore, 'reloads').to.equal(1);
  });

  it('falls back to a full reload for an edit of the browser entry, and the page works after it', async () => {
    await setMarker(page);
    const loadsBefore = documentLoads;
    copy.edit('browser.jsx', 'hydrateApp();', "hydrateApp();\nwindow.__entryEdited = 'yes';");
    await waitForReloads(loadsBefore, 1);
    expect(await readMarker(page), 'the page was reloaded').to.equal(undefined);
    expect(await page.evaluate(() => (window as unknown as { __entryEdited?: string }).__entryEdited)).to.equal('yes');
    await page.click('#shout');
    await page.waitForFunction(() => document.querySelector('#shout-answer')?.textContent === 'HELLO!!', null, EDIT_SHOWN);
    expect(documentLoads - loadsBefore, 'reloads').to.equal(1);
  });

  it("has the dev loop in the dev build's browser output (what the production builds are checked not to have)", () => {
    const traces = devLoopTracesIn(path.join(copy.root, 'examples/notes/build/browser')).map((found) => found.split(': ')[1]);
    for (const trace of DEV_LOOP_TRACES) expect(traces, trace).to.include(trace);
  });
});
