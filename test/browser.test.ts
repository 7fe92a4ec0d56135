/**
 * The notes example in a real browser (Debian's Chromium driven by playwright-core): every usage of
 * React's Server Functions docs with JavaScript on, and each form with JavaScript off. Every test starts
 * from the same store, written to disk before it, and checks the page it leaves twice: in the DOM, and
 * in the store read back from disk. A failing test leaves a screenshot in test-results/.
 */
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  ACTION_ID_HEADER,
  describeRequests,
  expectRedirectedPost,
  hiddenFields,
  holdServerFunctionCalls,
  isServerFunctionCall,
  launchChromium,
  openPage,
  pathAndQuery,
  readMarker,
  reloadAndRecord,
  setMarker,
  shownNotes,
  submitAndLand,
  waitForHydration,
  waitForName,
  waitForNote,
  type BrowserSession,
} from './helpers/browser';
import { buildExample, EXAMPLE, REPO_ROOT } from './helpers/example';
import { startServer, stopServer, type ServerProcess } from './helpers/http';

interface Note {
  id: number;
  title: string;
  createdAt: string;
}

interface Store {
  notes: Note[];
  name: string;
  nextId: number;
}

const SEEDED: Store = {
  notes: [
    { id: 1, title: 'Groceries', createdAt: '2026-01-01T09:00:00.000Z' },
    { id: 2, title: 'Reading list', createdAt: '2026-01-02T09:00:00.000Z' },
    { id: 3, title: 'Ideas', createdAt: '2026-01-03T09:00:00.000Z' },
  ],
  name: 'Sam',
  nextId: 4,
};

// The seeded notes as the page lists them and as the tests compare the store.
const SEEDED_SHOWN = SEEDED.notes.map(({ id, title }) => ({ id, title }));

describe('notes example in Chromium', function () {
  let dataDir: string;
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let session: BrowserSession | undefined;

  const storeFile = () => path.join(dataDir, 'store.json');
  const storeBytes = () => readFileSync(storeFile(), 'utf8');
  const readStore = (): Store => JSON.parse(storeBytes());
  const storedNotes = () => readStore().notes.map(({ id, title }) => ({ id, title }));
  // Renamed into place, as the app's store writes: the server never reads half a file.
  function writeStore(store: Store): string {
    const bytes = JSON.stringify(store, null, 2);
    writeFileSync(`${storeFile()}.test`, bytes);
    renameSync(`${storeFile()}.test`, storeFile());
    return bytes;
  }
  const withoutNote = (id: number): Store => ({ ...SEEDED, notes: SEEDED.notes.filter((note) => note.id !== id) });

  async function open(javaScriptEnabled: boolean): Promise<Page> {
    session = await openPage(browser!, `${server!.url}/`, javaScriptEnabled);
    return session.page;
  }
  // Called last in each test: the page threw nothing, during the test or any navigation in it.
  const expectNoPageErrors = () => expect(session!.pageErrors, 'errors thrown in the page').to.deep.equal([]);

  before(async () => {
    await buildExample();
    dataDir = mkdtempSync(path.join(tmpdir(), 'wsa-browser-'));
    server = await startServer(path.join(EXAMPLE, 'server.js'), { PORT: '0', NOTES_DATA_DIR: dataDir }, REPO_ROOT);
    browser = await launchChromium();
  });

  beforeEach(() => {
    writeStore(SEEDED);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && session) {
      mkdirSync(path.join(REPO_ROOT, 'test-results'), { recursive: true });
      const file = this.currentTest.fullTitle().replace(/[^\w-]+/g, '-');
      await session.page.screenshot({ path: path.join(REPO_ROOT, 'test-results', `${file}.png`), fullPage: true });
    }
    await session?.page.context().close();
    session = undefined;
  });

  after(async () => {
    await browser?.close();
    await stopServer(server);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  describe('with JavaScript', () => {
    it('adds a note with createEmptyNote, passed from a server component to a client Button', async () => {
      const page = await open(true);
      await page.click('#create-empty-note');
      await waitForNote(page, 4);
      expect(await shownNotes(page)).to.deep.equal([...SEEDED_SHOWN, { id: 4, title: '(empty note)' }]);
      expect(storedNotes()).to.deep.equal([...SEEDED_SHOWN, { id: 4, title: '' }]);
      expectNoPageErrors();
    });

    it("adds a note with the docs' EmptyNote, whose createNoteAction is created inline in a server component", async () => {
      const page = await open(true);
      await page.click('#inline-empty-note button');
      await waitForNote(page, 4);
      expect(await shownNotes(page)).to.deep.equal([...SEEDED_SHOWN, { id: 4, title: '(empty note)' }]);
      expect(storedNotes()).to.deep.equal([...SEEDED_SHOWN, { id: 4, title: '' }]);
      expectNoPageErrors();
    });

    it('adds a titled note with createNote, imported by a client component, in one request and no reload', async () => {
      const page = await open(true);
      await setMarker(page);
      await page.fill('#note-title', 'Written in Chromium');
      const mark = session!.requests.length;
      await page.click('#create-note');
      await waitForNote(page, 4);

      expect(await shownNotes(page)).to.deep.equal([...SEEDED_SHOWN, { id: 4, title: 'Written in Chromium' }]);
      expect(await page.inputValue('#note-title')).to.equal('');
      expect(storedNotes()).to.deep.equal([...SEEDED_SHOWN, { id: 4, title: 'Written in Chromium' }]);
      // The call's answer carried the re-rendered page: the list changed without a GET of the page or
      // of anything else, and in the same document.
      expect(describeRequests(session!.requests.slice(mark))).to.deep.equal(['POST /']);
      expect(await readMarker(page)).to.equal('still the same document');
      expectNoPageErrors();
    });

    it('shows the error that createNote throws for a 150-character title, and stores nothing', async () => {
      const page = await open(true);
      const title = 'x'.repeat(150);
      await page.fill('#note-title', title);
      await page.click('#create-note');
      await page.waitForSelector('#create-note-error');

      expect(await page.textContent('#create-note-error')).to.equal('Could not create the note: A title is at most 100 characters.');
      // Kept, so that the user can shorten it.
      expect(await page.inputValue('#note-title')).to.equal(title);
      expect(await shownNotes(page)).to.deep.equal(SEEDED_SHOWN);
      expect(readStore()).to.deep.equal(SEEDED);
      expectNoPageErrors();
    });

    it('calls updateName in startTransition: { error } for no name, the pending state, then the stored name', async () => {
      const page = await open(true);
      await page.click('#transition-form button');
      await page.waitForSelector('#transition-form .error');
      expect(await page.textContent('#transition-form .error')).to.equal('Failed: Name is required');
      expect(readStore().name).to.equal('Sam');

      const held = await holdServerFunctionCalls(page);
      await page.fill('#transition-form input[name=name]', 'Ada');
      await page.click('#transition-form button');
      await held.sent;
      await page.waitForSelector('#transition-form .pending');
      expect(await page.textContent('#transition-form .pending')).to.equal('Saving…');
      expect(await page.isDisabled('#transition-form input[name=name]')).to.equal(true);
      expect(await page.isDisabled('#transition-form button')).to.equal(true);
      expect(readStore().name, 'the call is still held in the browser').to.equal('Sam');

      held.release();
      await waitForName(page, 'Ada');
      await page.waitForSelector('#transition-form .pending', { state: 'detached' });
      expect(await page.inputValue('#transition-form input[name=name]')).to.equal('');
      expect(await page.isEnabled('#transition-form input[name=name]')).to.equal(true);
      expect(await page.$('#transition-form .error')).to.equal(null);
      expect(readStore()).to.deep.equal({ ...SEEDED, name: 'Ada' });
      expectNoPageErrors();
    });

    it('stores the name with <form action={updateName}> and React resets the form after success', async () => {
      const page = await open(true);
      await page.fill('#action-form input[name=name]', 'Grace');
      await page.click('#action-form button');
      await waitForName(page, 'Grace');
      await page.waitForFunction(() => document.querySelector<HTMLInputElement>('#action-form input[name=name]')!.value === '');
      expect(readStore()).to.deep.equal({ ...SEEDED, name: 'Grace' });
      expectNoPageErrors();
    });

    it('shows the error, the pending state and then the result of updateName in useActionState', async () => {
      const page = await open(true);
      await page.click('#state-form button');
      await page.waitForSelector('#state-form .error');
      expect(await page.textContent('#state-form .error')).to.equal('Failed: Name is required');
      expect(await page.$('#state-form .result')).to.equal(null);
      expect(readStore().name).to.equal('Sam');

      const held = await holdServerFunctionCalls(page);
      await page.fill('#state-form input[name=name]', 'Lin');
      await page.click('#state-form button');
      await held.sent;
      await page.waitForSelector('#state-form .pending');
      expect(await page.isDisabled('#state-form input[name=name]')).to.equal(true);
      expect(await page.isDisabled('#state-form button')).to.equal(true);
      expect(readStore().name, 'the call is still held in the browser').to.equal('Sam');

      held.release();
      await page.waitForSelector('#state-form .result');
      expect(await page.textContent('#state-form .result')).to.equal('Saved: Lin');
      expect(await page.textContent('#name')).to.equal('Lin');
      expect(await page.$('#state-form .error')).to.equal(null);
      expect(await page.$('#state-form .pending')).to.equal(null);
      expect(readStore()).to.deep.equal({ ...SEEDED, name: 'Lin' });
      expectNoPageErrors();
    });

    it('runs the permalink form in place: the result shows and the page stays at /', async () => {
      const page = await open(true);
      await setMarker(page);
      await page.fill('#permalink-form input[name=name]', 'Kay');
      await page.click('#permalink-form button');
      await page.waitForSelector('#permalink-form .result');

      expect(await page.textContent('#permalink-form .result')).to.equal('Saved: Kay');
      expect(await page.textContent('#name')).to.equal('Kay');
      // The permalink is for a form posted before JavaScript runs; a call goes to the page it is on.
      expect(pathAndQuery(page)).to.equal('/');
      expect(await readMarker(page)).to.equal('still the same document');
      expect(readStore()).to.deep.equal({ ...SEEDED, name: 'Kay' });
      expectNoPageErrors();
    });

    it("follows addNote's redirect() to the new note's page, where it is selected", async () => {
      const page = await open(true);
      await page.fill('#add-note-form input[name=title]', 'Plan the trip');
      await page.click('#add-note-form button');
      await page.waitForURL((url) => url.pathname === '/' && url.search === '?note=4');
      await page.waitForSelector('#notes li.selected');

      expect(await page.getAttribute('#notes li.selected', 'data-note-id')).to.equal('4');
      expect(await page.textContent('#notes li.selected .note-title')).to.equal('Plan the trip');
      expect(await page.$$('#notes li.selected')).to.have.lengthOf(1);
      expect(storedNotes()).to.deep.equal([...SEEDED_SHOWN, { id: 4, title: 'Plan the trip' }]);
      expectNoPageErrors();
    });

    it('renames a note with renameNote bound to its id with .bind by a server component', async () => {
      const page = await open(true);
      await page.fill('#rename-note-2 input[name=title]', 'Books to read');
      await page.click('#rename-note-2 button');
      await page.waitForFunction(
        () => document.querySelector('#notes li[data-note-id="2"] .note-title')?.textContent === 'Books to read',
      );
      const renamed = [SEEDED_SHOWN[0], { id: 2, title: 'Books to read' }, SEEDED_SHOWN[2]];
      expect(await shownNotes(page)).to.deep.equal(renamed);
      expect(storedNotes()).to.deep.equal(renamed);
      expectNoPageErrors();
    });

    it('shows in the error boundary what renameNote throws for a note removed since the page loaded', async () => {
      const page = await open(true);
      // Another tab deleted it: the page still has its form.
      const written = writeStore(withoutNote(2));
      await page.fill('#rename-note-2 input[name=title]', 'Too late');
      await page.click('#rename-note-2 button');
      await page.waitForSelector('#error-boundary');

      expect(await page.textContent('#error-boundary p')).to.equal('Something went wrong: There is no note 2 to rename.');
      expect(await page.$('#notes')).to.equal(null);
      expect(storeBytes()).to.equal(written);
      expectNoPageErrors();
    });

    it('deletes that note only with the inline deleteNote, which captures its id', async () => {
      const page = await open(true);
      await page.click('#delete-note-2 button');
      await page.waitForSelector('#notes li[data-note-id="2"]', { state: 'detached' });
      const left = [SEEDED_SHOWN[0], SEEDED_SHOWN[2]];
      expect(await shownNotes(page)).to.deep.equal(left);
      expect(storedNotes()).to.deep.equal(left);
      expectNoPageErrors();
    });

    it('reloads the page when the server does not know the action ID, as after a deploy', async () => {
      const page = await open(true);
      // The page's references name functions the server no longer has.
      await page.route('**/*', (route) => {
        const request = route.request();
        if (!isServerFunctionCall(request)) return route.fallback();
        return route.continue({ headers: { ...request.headers(), [ACTION_ID_HEADER]: '0'.repeat(40) } });
      });
      await setMarker(page);
      const answered = page.waitForResponse((response) => isServerFunctionCall(response.request()));
      const reloaded = page.waitForEvent('load');
      await page.click('#create-empty-note');

      const answer = await answered;
      expect(answer.status()).to.equal(404);
      expect(await answer.headerValue('x-server-action-error')).to.equal('not-found');
      await reloaded;
      expect(await readMarker(page), 'a new document').to.equal(undefined);
      await waitForHydration(page);
      expect(await shownNotes(page)).to.deep.equal(SEEDED_SHOWN);
      expect(readStore()).to.deep.equal(SEEDED);
      expect(session!.requests.filter(isServerFunctionCall), 'one call, no retry').to.have.lengthOf(1);
      expectNoPageErrors();
    });

    it('shows that the server could not be reached when the call fails on the network', async () => {
      const page = await open(true);
      await page.route('**/*', (route) => (isServerFunctionCall(route.request()) ? route.abort('internetdisconnected') : route.fallback()));
      await page.fill('#note-title', 'Offline');
      await page.click('#create-note');
      // Well under the default 30 s: the failure shows at once, the call does not hang.
      await page.waitForSelector('#create-note-error', { timeout: 5_000 });

      expect(await page.textContent('#create-note-error')).to.contain('could not be reached');
      expect(await page.inputValue('#note-title')).to.equal('Offline');
      expect(await shownNotes(page)).to.deep.equal(SEEDED_SHOWN);
      expect(readStore()).to.deep.equal(SEEDED);
      expectNoPageErrors();
    });
  });

  describe('without JavaScript', () => {
    /** A reload GETs the page and posts nothing: the store's bytes are as they were. */
    async function expectReloadPostsNothing() {
      const before = storeBytes();
      const requests = await reloadAndRecord(session!);
      expect(requests.filter((request) => request.method() !== 'GET').map((request) => request.url())).to.deep.equal([]);
      expect(storeBytes()).to.equal(before);
    }

    it('stores the name with <form action={updateName}>, lands on / by GET, and a reload posts nothing', async () => {
      const page = await open(false);
      await page.fill('#action-form input[name=name]', 'Noscript');
      const landing = await submitAndLand(page, '#action-form button');

      await expectRedirectedPost(landing, '/');
      expect(pathAndQuery(page)).to.equal('/');
      expect(await page.textContent('#name')).to.equal('Noscript');
      expect(readStore()).to.deep.equal({ ...SEEDED, name: 'Noscript' });

      await expectReloadPostsNothing();
      expect(await page.textContent('#name')).to.equal('Noscript');
      expectNoPageErrors();
    });

    it('shows the state of the useActionState form after the redirect, once: not after a reload', async () => {
      const page = await open(false);
      const missing = await submitAndLand(page, '#state-form button');
      await expectRedirectedPost(missing, '/');
      expect(await page.textContent('#state-form .error')).to.equal('Failed: Name is required');
      expect(readStore()).to.deep.equal(SEEDED);

      await page.fill('#state-form input[name=name]', 'Stateful');
      const saved = await submitAndLand(page, '#state-form button');
      await expectRedirectedPost(saved, '/');
      expect(await page.textContent('#state-form .result')).to.equal('Saved: Stateful');
      expect(await page.$('#state-form .error')).to.equal(null);
      expect(await page.textContent('#name')).to.equal('Stateful');
      expect(readStore()).to.deep.equal({ ...SEEDED, name: 'Stateful' });

      await expectReloadPostsNothing();
      expect(await page.$('#state-form .result'), 'the state shows once').to.equal(null);
      expect(await page.textContent('#name')).to.equal('Stateful');
      expectNoPageErrors();
    });

    it('posts the permalink form to /name/update and lands there, showing the result', async () => {
      const page = await open(false);
      await page.fill('#permalink-form input[name=name]', 'Perma');
      const landing = await submitAndLand(page, '#permalink-form button');

      await expectRedirectedPost(landing, '/name/update');
      expect(pathAndQuery(page)).to.equal('/name/update');
      expect(await page.textContent('#permalink-form .result')).to.equal('Saved: Perma');
      expect(await page.textContent('#name')).to.equal('Perma');
      expect(readStore()).to.deep.equal({ ...SEEDED, name: 'Perma' });

      await expectReloadPostsNothing();
      expect(await page.$('#permalink-form .result'), 'the state shows once').to.equal(null);
      expectNoPageErrors();
    });

    it("follows addNote's redirect() to the new note's page, where it is selected", async () => {
      const page = await open(false);
      await page.fill('#add-note-form input[name=title]', 'From a form');
      const landing = await submitAndLand(page, '#add-note-form button');

      await expectRedirectedPost(landing, '/');
      expect(pathAndQuery(page)).to.equal('/?note=4');
      expect(await page.getAttribute('#notes li.selected', 'data-note-id')).to.equal('4');
      expect(await page.textContent('#notes li.selected .note-title')).to.equal('From a form');
      expect(storedNotes()).to.deep.equal([...SEEDED_SHOWN, { id: 4, title: 'From a form' }]);
      expectNoPageErrors();
    });

    it('renames a note with renameNote bound to its id, the id posted with the form', async () => {
      const page = await open(false);
      // A bound argument travels as it is: the id is in the page in plain.
      expect((await hiddenFields(page, '#rename-note-3')).map(([, value]) => value)).to.include('[3]');
      await page.fill('#rename-note-3 input[name=title]', 'Renamed offline');
      const landing = await submitAndLand(page, '#rename-note-3 button');

      await expectRedirectedPost(landing, '/');
      const renamed = [SEEDED_SHOWN[0], SEEDED_SHOWN[1], { id: 3, title: 'Renamed offline' }];
      expect(await shownNotes(page)).to.deep.equal(renamed);
      expect(storedNotes()).to.deep.equal(renamed);
      expectNoPageErrors();
    });

    it('answers the rename of a note removed since the page loaded with a 500 page that says why', async () => {
      const page = await open(false);
      const written = writeStore(withoutNote(3));
      await page.fill('#rename-note-3 input[name=title]', 'Too late');
      const answer = await submitAndLand(page, '#rename-note-3 button');

      // Not redirected: the POST's answer is the page in its error state.
      expect(answer.status()).to.equal(500);
      expect(answer.request().method()).to.equal('POST');
      expect(await page.textContent('#form-error')).to.equal('Something went wrong: There is no note 3 to rename.');
      expect(await shownNotes(page)).to.deep.equal([SEEDED_SHOWN[0], SEEDED_SHOWN[1]]);
      expect(storeBytes()).to.equal(written);
      expectNoPageErrors();
    });

    it('deletes a note with the inline deleteNote form, its id sealed in the $ACTION_ fields', async () => {
      const page = await open(false);
      const fields = await hiddenFields(page, '#delete-note-2');
      expect(fields.filter(([name]) => name.startsWith('$ACTION_REF_')), 'a reference to a bound function').to.have.lengthOf(1);
      // The captured id travels sealed, one opaque string, unlike renameNote's bound id.
      const values = fields.map(([, value]) => value);
      expect(values).not.to.include('[2]');
      const sealed = values.find((value) => /^"[\w-]{40,}"$/.test(value));
      expect(sealed, `a sealed value among ${JSON.stringify(values)}`).not.to.equal(undefined);
      const landing = await submitAndLand(page, '#delete-note-2 button');

      await expectRedirectedPost(landing, '/');
      expect(landing.request().redirectedFrom()!.postData()).to.contain(sealed!);
      const left = [SEEDED_SHOWN[0], SEEDED_SHOWN[2]];
      expect(await shownNotes(page)).to.deep.equal(left);
      expect(storedNotes()).to.deep.equal(left);
      expectNoPageErrors();
    });
  });
});
