/**
 * The notes example in a real browser (Debian's Chromium driven by playwright-core): every usage of
 * React's Server Functions docs, with JavaScript on, and the forms with JavaScript off. The page is
 * read from the DOM and the store from disk. A failing test leaves a screenshot in test-results/.
 */
import { expect } from 'chai';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildExample, EXAMPLE, REPO_ROOT } from './helpers/example';
import { startServer, stopServer, type ServerProcess } from './helpers/http';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'];

describe('notes example in Chromium', function () {
  let dataDir: string;
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const storeFile = () => path.join(dataDir, 'store.json');
  const store = () => (existsSync(storeFile()) ? JSON.parse(readFileSync(storeFile(), 'utf8')) : { notes: [] });
  const nameShown = () => page!.textContent('#name');

  before(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`No browser at ${CHROMIUM}: install Debian's chromium (apt-get install chromium).`);
    await buildExample();
    dataDir = mkdtempSync(path.join(tmpdir(), 'wsa-browser-'));
    server = await startServer(path.join(EXAMPLE, 'server.js'), { PORT: '0', NOTES_DATA_DIR: dataDir }, REPO_ROOT);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      mkdirSync(path.join(REPO_ROOT, 'test-results'), { recursive: true });
      const file = this.currentTest.fullTitle().replace(/[^\w-]+/g, '-');
      await page.screenshot({ path: path.join(REPO_ROOT, 'test-results', `${file}.png`), fullPage: true });
    }
    await page?.context().close();
    page = undefined;
  });

  after(async () => {
    await browser?.close();
    await stopServer(server);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function open(javaScriptEnabled: boolean): Promise<Page> {
    const context = await browser!.newContext({ javaScriptEnabled });
    page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server!.url}/`);
    if (javaScriptEnabled) {
      // Hydrated: React has attached its props to the button.
      await page.waitForFunction(() =>
        Object.keys(document.querySelector('#create-empty-note') ?? {}).some((key) => key.startsWith('__reactProps')),
      );
    }
    expect(errors).to.deep.equal([]);
    return page;
  }

  describe('with JavaScript', () => {
    it('runs a server function that a server component passes to a client Button', async () => {
      const page = await open(true);
      const before = store().notes.length;
      await page.click('#create-empty-note');
      await page.waitForFunction((count) => document.querySelectorAll('#notes li').length === count, before + 1);
      expect(store().notes).to.have.lengthOf(before + 1);
    });

    it('runs the docs\' EmptyNote: createNoteAction, created inline, called from the Button', async () => {
      const page = await open(true);
      const before = store().notes.length;
      await page.click('#inline-empty-note button');
      await page.waitForFunction((count) => document.querySelectorAll('#notes li').length === count, before + 1);
      expect(store().notes).to.have.lengthOf(before + 1);
    });

    it('deletes a note with the inline deleteNote that captures its id', async () => {
      const page = await open(true);
      const notes = store().notes as Array<{ id: number }>;
      expect(notes.length, 'an earlier test created notes').to.be.at.least(2);
      const target = notes[0].id;
      await page.click(`#delete-note-${target} button`);
      await page.waitForFunction((id) => !document.querySelector(`#delete-note-${id}`), target);
      expect(store().notes.map((note: { id: number }) => note.id)).to.deep.equal(notes.slice(1).map((note) => note.id));
    });

    it('runs createNote, imported by a client component', async () => {
      const page = await open(true);
      await page.fill('#note-title', 'Written in Chromium');
      await page.click('#create-note');
      await page.waitForFunction(() => document.querySelector('#notes')!.textContent!.includes('Written in Chromium'));
      expect(store().notes.map((note: { title: string }) => note.title)).to.include('Written in Chromium');
      expect(await page.inputValue('#note-title')).to.equal('');
    });

    it('calls updateName in startTransition, shows { error }, then stores a name', async () => {
      const page = await open(true);
      await page.click('#transition-form button');
      await page.waitForSelector('#transition-form .error');
      expect(await page.textContent('#transition-form .error')).to.equal('Failed: Name is required');
      await page.fill('#transition-form input[name=name]', 'Ada');
      await page.click('#transition-form button');
      await page.waitForFunction(() => document.querySelector('#name')!.textContent === 'Ada');
      expect(store().name).to.equal('Ada');
      expect(await page.$('#transition-form .error')).to.equal(null);
    });

    it('passes updateName to <form action> and resets the form after success', async () => {
      const page = await open(true);
      await page.fill('#action-form input[name=name]', 'Grace');
      await page.click('#action-form button');
      await page.waitForFunction(() => document.querySelector('#name')!.textContent === 'Grace');
      expect(store().name).to.equal('Grace');
      expect(await page.inputValue('#action-form input[name=name]')).to.equal('');
    });

    it('uses updateName with useActionState and shows its last result', async () => {
      const page = await open(true);
      await page.click('#state-form button');
      await page.waitForSelector('#state-form .error');
      await page.fill('#state-form input[name=name]', 'Lin');
      await page.click('#state-form button');
      await page.waitForFunction(() => document.querySelector('#name')!.textContent === 'Lin');
      expect(await page.$('#state-form .error')).to.equal(null);
      expect(store().name).to.equal('Lin');
    });
  });

  describe('without JavaScript', () => {
    it('deletes a note with the inline deleteNote form, its sealed id posted in $ACTION_ fields', async () => {
      const page = await open(false);
      const notes = store().notes as Array<{ id: number }>;
      const target = notes.at(-1)!.id;
      await Promise.all([page.waitForNavigation(), page.click(`#delete-note-${target} button`)]);
      expect(store().notes.map((note: { id: number }) => note.id)).not.to.include(target);
      expect(await page.$(`#delete-note-${target}`)).to.equal(null);
    });

    it('submits <form action={updateName}> and shows the page with the new name', async () => {
      const page = await open(false);
      await page.fill('#action-form input[name=name]', 'Noscript');
      await Promise.all([page.waitForNavigation(), page.click('#action-form button')]);
      expect(await nameShown()).to.equal('Noscript');
      expect(store().name).to.equal('Noscript');
    });

    it('submits the useActionState form and renders its state', async () => {
      const page = await open(false);
      await Promise.all([page.waitForNavigation(), page.click('#state-form button')]);
      expect(await page.textContent('#state-form .error')).to.equal('Failed: Name is required');
      await page.fill('#state-form input[name=name]', 'Stateful');
      await Promise.all([page.waitForNavigation(), page.click('#state-form button')]);
      expect(await nameShown()).to.equal('Stateful');
      expect(store().name).to.equal('Stateful');
    });
  });
});
