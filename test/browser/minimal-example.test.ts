/**
 * examples/minimal as a user runs it: a copy of the folder with the packed package installed (no
 * network: helpers/packed-install.ts), typechecked with its `typecheck` script, built and served by
 * `npm start`, then driven in Chromium with JavaScript on and off. Each of its server functions (the
 * like button's call, the inline form action, the useActionState form) must show its result either way.
 */
import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PAGE_PAYLOAD_GLOBAL } from '../../runtime/protocol';
import {
  expectRedirectedPost,
  isServerFunctionCall,
  launchChromium,
  openPage,
  readMarker,
  setMarker,
  submitAndLand,
  type BrowserSession,
} from '../helpers/browser';
import { DEV_LOOP_TRACES, devLoopTracesIn } from '../helpers/dev-loop-traces';
import { BUNDLERS } from '../helpers/example';
import { run } from '../helpers/http';
import { installPacked, packBuilt, REPO_ROOT } from '../helpers/packed-install';

const EXAMPLE = path.join(REPO_ROOT, 'examples/minimal');

interface Started {
  url: string;
  child: ChildProcess;
  output: () => string;
}

/**
 * `npm start` in `app` (webpack, then server.js; or `npm run dev`) on a free port, resolved once the
 * server prints its address. npm runs the script through a shell: the process gets a group of its
 * own, so that stopping it stops the server too.
 */
function npmStart(app: string, script: 'start' | 'start:rspack' | 'dev' = 'start'): Promise<Started> {
  const child = spawn('npm', ['run', script], { cwd: app, env: { ...process.env, PORT: '0' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => fail(`exited (${code})`);
    const timer = setTimeout(() => fail('did not print its address within 90 s'), 90_000);
    function fail(reason: string) {
      clearTimeout(timer);
      stop(child).then(() => reject(new Error(`npm start ${reason}. Output:\n${output}`)));
    }
    child.on('exit', onExit);
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+:\d+)/i.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve({ url: match[1], child, output: () => output });
    });
  });
}

/** What a user types to build the example with Rspack and serve it, as the README of docs/rspack.md says. */
const RSPACK_START = 'rspack build --config webpack.config.js && node server.js';

/** Adds `script` to the copy's package.json (the example itself names webpack only). */
function addScript(app: string, name: string, script: string): void {
  const file = path.join(app, 'package.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  manifest.scripts[name] = script;
  writeFileSync(file, JSON.stringify(manifest, null, 2));
}

/** Stops the process group of `npm start`, and waits for npm to end. */
async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
}

/** The count the like button shows. */
async function likes(page: Page): Promise<number> {
  const text = (await page.textContent('#like')) ?? '';
  const match = /♥ (\d+) likes?/.exec(text);
  if (!match) throw new Error(`The like button reads ${JSON.stringify(text)}`);
  return Number(match[1]);
}

function messages(page: Page): Promise<string[]> {
  return page.$$eval('#messages li', (items) => items.map((item) => item.textContent ?? ''));
}

for (const bundler of BUNDLERS) {
  describe(`examples/minimal, installed from the packed package, built with ${bundler}`, () => {
    let work: string;
    let app: string;
    let server: Started | undefined;
    let browser: Browser | undefined;
    let session: BrowserSession | undefined;

    before(async () => {
      work = mkdtempSync(path.join(tmpdir(), 'wsa-minimal-'));
      app = path.join(work, 'app');
      // What a developer's own `npm install` or `npm start` left in the folder is not the example.
      const own = (source: string) => !['build', 'node_modules'].includes(path.relative(EXAMPLE, source));
      cpSync(EXAMPLE, app, { recursive: true, filter: own });
      await installPacked(await packBuilt(work), app);
      if (bundler === 'rspack') addScript(app, 'start:rspack', RSPACK_START);
      server = await npmStart(app, bundler === 'rspack' ? 'start:rspack' : 'start');
      browser = await launchChromium();
    });

    afterEach(async () => {
      await session?.page.context().close();
      session = undefined;
    });

    after(async () => {
      await browser?.close();
      await stop(server?.child);
      if (work) rmSync(work, { recursive: true, force: true });
    });

    it('builds without warnings: its packages are links into this repository, and one package reached through a link and through its real path is one copy', () => {
      expect(server!.output()).to.not.include('WARNING');
    });

    // The sources are the same for both bundlers: typechecked once.
    (bundler === 'webpack' ? it : it.skip)('typechecks with its own tsconfig (`npm run typecheck`)', async () => {
      const typecheck = await run('npm', ['run', 'typecheck'], app);
      expect(typecheck.code, typecheck.output).to.equal(0);
    });

    it('has no trace of the development loop in what `npm start` built (the CLI, without the dev server)', () => {
      expect(readdirSync(path.join(app, 'build/browser')), 'the browser output').to.include('main.js');
      expect(devLoopTracesIn(path.join(app, 'build'))).to.deep.equal([]);
    });

    it("answers the page with HTML that loads the browser bundle and carries the page's Flight payload", async () => {
      const response = await fetch(`${server!.url}/`);
      expect(response.status).to.equal(200);
      expect(response.headers.get('content-type')).to.equal('text/html; charset=utf-8');
      const html = await response.text();
      expect(html).to.match(/^<!DOCTYPE html>/);
      expect(html).to.include('<script src="/assets/main.js"');
      const payloadScripts = html.match(new RegExp(`<script>\\(self\\.${PAGE_PAYLOAD_GLOBAL}=`, 'g')) ?? [];
      expect(payloadScripts.length, 'scripts that push the payload').to.be.greaterThan(0);
      // The payload's last entry (null, its end) is in the page, before the closing tags.
      expect(html).to.match(new RegExp(`\\.push\\(null\\)</script></body></html>$`));
    });

    describe('with JavaScript', () => {
      async function open(): Promise<Page> {
        const page = await (await browser!.newContext()).newPage();
        session = { page, pageErrors: [], requests: [], consoleErrors: [] };
        page.on('pageerror', (error) => session!.pageErrors.push(error.message));
        page.on('console', (message) => {
          // The browser's own request for /favicon.ico, which the example does not serve, logs its 404.
          if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) session!.consoleErrors.push(message.text());
        });
        await page.goto(`${server!.url}/`);
        // Hydrated once React has attached its props: before that a click posts the form.
        await page.waitForFunction(() =>
          Object.keys(document.querySelector('#like') ?? {}).some((key) => key.startsWith('__reactProps')),
        );
        await setMarker(page);
        return page;
      }

      afterEach(async () => {
        if (!session) return;
        expect(session.consoleErrors, 'errors logged in the page (hydration mismatches among them)').to.deep.equal([]);
        expect(session.pageErrors, 'errors thrown in the page').to.deep.equal([]);
        // Everything ran in the same document: nothing posted a form or reloaded the page.
        expect(await readMarker(session.page)).to.equal('still the same document');
      });

      it('calls like() from the button and shows the count it returns', async () => {
        const page = await open();
        const before = await likes(page);
        const call = page.waitForRequest(isServerFunctionCall);
        await page.click('#like');
        await call;
        await page.waitForFunction((count) => document.querySelector('#like')?.textContent?.startsWith(`♥ ${count} `), before + 1);
      });

      it('runs the inline server function of the message form and shows the new message', async () => {
        const page = await open();
        await page.fill('#add-message input[name=text]', 'Hello with JavaScript');
        await page.click('#add-message button');
        await page.waitForFunction(() => [...document.querySelectorAll('#messages li')].some((item) => item.textContent === 'Hello with JavaScript'));
        // React resets a form whose action has run.
        expect(await page.inputValue('#add-message input[name=text]')).to.equal('');
      });

      it('shows what the useActionState form returned: the error for an empty address, then the subscription', async () => {
        const page = await open();
        await page.click('#subscribe button');
        await page.waitForSelector('#subscribe [role=alert]');
        expect(await page.textContent('#subscribe [role=alert]')).to.equal('Enter an email address, such as ada@example.com.');
        await page.fill('#subscribe input[name=email]', 'ada@example.com');
        await page.click('#subscribe button');
        await page.waitForFunction(() => document.querySelector('#subscribe p')?.textContent === 'Subscribed ada@example.com.');
        expect(await page.$('#subscribe [role=alert]')).to.equal(null);
      });
    });

    describe('without JavaScript', () => {
      async function open(): Promise<Page> {
        session = await openPage(browser!, `${server!.url}/`, false);
        return session.page;
      }

      it('posts the like button\'s form, and the page it is redirected to shows the new count', async () => {
        const page = await open();
        const before = await likes(page);
        await expectRedirectedPost(await submitAndLand(page, '#like'), '/');
        expect(await likes(page)).to.equal(before + 1);
      });

      it('posts the message form to the inline server function and lands on the page with the message', async () => {
        const page = await open();
        await page.fill('#add-message input[name=text]', 'Hello without JavaScript');
        await expectRedirectedPost(await submitAndLand(page, '#add-message button'), '/');
        expect(await messages(page)).to.include('Hello without JavaScript');
      });

      it('posts the useActionState form and lands on the page that shows its state: the error, then the subscription', async () => {
        const page = await open();
        await expectRedirectedPost(await submitAndLand(page, '#subscribe button'), '/');
        expect(await page.textContent('#subscribe [role=alert]')).to.equal('Enter an email address, such as ada@example.com.');
        await page.fill('#subscribe input[name=email]', 'grace@example.com');
        await expectRedirectedPost(await submitAndLand(page, '#subscribe button'), '/');
        expect(await page.textContent('#subscribe p')).to.equal('Subscribed grace@example.com.');
        // The state was for that one page view: a reload shows the form as new.
        await page.reload();
        expect(await page.$('#subscribe p')).to.equal(null);
      });
    });
  });
}

describe('examples/minimal in development (`npm run dev`), installed from the packed package', function () {
  // Each edit waits for a rebuild of the three compilers: bounded, generous for a busy machine.
  const EDIT_SHOWN = { timeout: 30_000 };
  let work: string;
  let app: string;
  let server: Started | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const pageErrors: string[] = [];

  function edit(file: string, from: string, to: string): void {
    const source = path.join(app, 'src', file);
    const text = readFileSync(source, 'utf8');
    expect(text, `${file} has ${JSON.stringify(from)}`).to.include(from);
    writeFileSync(source, text.replace(from, to));
  }

  /** The page was neither reloaded nor left, and the text typed into the message input is still there. */
  async function expectSameDocumentAndDraft(): Promise<void> {
    expect(await readMarker(page)).to.equal('still the same document');
    expect(await page.inputValue('#add-message input[name=text]')).to.equal('a draft');
  }

  before(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'wsa-minimal-dev-'));
    app = path.join(work, 'app');
    const own = (source: string) => !['build', 'node_modules'].includes(path.relative(EXAMPLE, source));
    cpSync(EXAMPLE, app, { recursive: true, filter: own });
    await installPacked(await packBuilt(work), app);
    server = await npmStart(app, 'dev');
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.goto(`${server.url}/`);
    await page.waitForFunction((name) => (self as any)[name] !== undefined, PAGE_PAYLOAD_GLOBAL);
    await page.click('#like');
    await page.waitForFunction(() => /♥ 1 like\b/.test(document.querySelector('#like')?.textContent ?? ''), null, EDIT_SHOWN);
    await page.fill('#add-message input[name=text]', 'a draft');
    await setMarker(page);
  });

  after(async () => {
    await browser?.close();
    await stop(server?.child);
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('shows an edit of the page (a server component) in place, the typed text kept', async () => {
    edit('App.tsx', '<h1>Minimal example</h1>', '<h1>Minimal example, edited</h1>');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Minimal example, edited', null, EDIT_SHOWN);
    await expectSameDocumentAndDraft();
  });

  it('applies an edit of a client component with React Refresh, its state kept', async () => {
    edit('LikeButton.tsx', "{count === 1 ? 'like' : 'likes'}", "{count === 1 ? 'like!' : 'likes!'}");
    await page.waitForFunction(() => document.querySelector('#like')?.textContent === '♥ 1 like!', null, EDIT_SHOWN);
    await expectSameDocumentAndDraft();
  });

  it('runs the edited server function when the page calls it', async () => {
    edit('actions.ts', 'return store.like();', 'return (await store.like()) * 10;');
    // The server function's new code is loaded once the server bundle is rebuilt: poll by calling it.
    await page.waitForFunction(
      async () => {
        (document.querySelector('#like') as HTMLButtonElement).click();
        await new Promise((resolve) => setTimeout(resolve, 300));
        return /♥ \d+0 likes!/.test(document.querySelector('#like')?.textContent ?? '');
      },
      null,
      { ...EDIT_SHOWN, polling: 1_000 },
    );
    await expectSameDocumentAndDraft();
  });

  it('keeps the page and shows the error when a server component throws during the refresh, until fixed', async () => {
    edit('App.tsx', '  const [likes, messages]', "  if (Date.now() > 0) throw new Error('The page broke on purpose');\n  const [likes, messages]");
    await page.waitForSelector('#webpack-server-actions-dev-errors', EDIT_SHOWN);
    expect(await page.textContent('#webpack-server-actions-dev-errors')).to.contain('The page broke on purpose');
    // Not a blank page: the last tree that rendered stays.
    expect(await page.textContent('h1')).to.equal('Minimal example, edited');
    edit('App.tsx', "  if (Date.now() > 0) throw new Error('The page broke on purpose');\n", '');
    await page.waitForSelector('#webpack-server-actions-dev-errors', { state: 'detached', ...EDIT_SHOWN });
    // The same document, but React remounts what an error boundary caught an error in: the typed text
    // goes with it (docs/development-loop.md says so).
    expect(await readMarker(page)).to.equal('still the same document');
    await page.fill('#add-message input[name=text]', 'a draft');
    pageErrors.length = 0; // React reports the caught error; the page went on.
  });

  it("has the development loop in the dev build's browser output (what the `npm start` build is checked not to have)", () => {
    const traces = devLoopTracesIn(path.join(app, 'build/browser')).map((found) => found.split(': ')[1]);
    for (const trace of DEV_LOOP_TRACES) expect(traces, trace).to.include(trace);
  });

  it('shows a syntax error in the page, and hides it once fixed', async () => {
    edit('App.tsx', '<h1>Minimal example, edited</h1>', '<h1>Minimal example, broken</h1');
    await page.waitForSelector('#webpack-server-actions-dev-errors', EDIT_SHOWN);
    expect(await page.textContent('#webpack-server-actions-dev-errors')).to.contain('App.tsx');
    edit('App.tsx', '<h1>Minimal example, broken</h1', '<h1>Minimal example, fixed</h1>');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Minimal example, fixed', null, EDIT_SHOWN);
    await page.waitForSelector('#webpack-server-actions-dev-errors', { state: 'detached', ...EDIT_SHOWN });
    await expectSameDocumentAndDraft();
    expect(pageErrors).to.deep.equal([]);
  });
});
