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
import type { Browser, Page } from 'playwright-core';
import { launchChromium, readMarker, setMarker, waitForHydration } from '../helpers/browser';
import { copyNotesExample, startDev, type DevExample, type DevProcess } from '../helpers/dev-example';

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

const SHOUT = `'use client';
import { useState } from 'react';
import { shout } from './actions';

export default function Shout() {
  const [answers, setAnswers] = useState([]);
  return (
    <button id="shout" type="button" onClick={async () => setAnswers([...answers, await shout('hello')])}>
      Shout <output id="shout-answer">{answers.join(' ')}</output>
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

  before(async () => {
    copy = copyNotesExample();
    dataDir = mkdtempSync(path.join(tmpdir(), 'wsa-notes-dev-data-'));
    dev = await startDev(copy, { NOTES_DATA_DIR: dataDir });
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => consoleMessages.push(`${message.type()}: ${message.text()}`));
    await page.goto(dev.url);
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
    console.log(`dev.js output (end):\n${dev.output().slice(-4000)}\npage console:\n${consoleMessages.join('\n')}`);
  });

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
    copy.write('Shout.jsx', SHOUT);
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
});
