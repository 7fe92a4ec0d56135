/**
 * The notes example in Chromium with JavaScript on: every usage of React's Server Functions docs as a
 * hydrated page runs it through callServer, with its pending states, errors, redirect, the reload on an
 * unknown action ID and a failing network. Each test checks the page it leaves in the DOM and in the
 * store read back from disk; the shared setup is in helpers/browser-session.ts.
 */
import { expect } from 'chai';
import {
  ACTION_ID_HEADER,
  describeInputs,
  describeRequests,
  holdServerFunctionCalls,
  isServerFunctionCall,
  pathAndQuery,
  readMarker,
  screenshotToTemporaryFile,
  setMarker,
  shownNotes,
  waitForHydration,
  waitForName,
  waitForNote,
} from '../helpers/browser';
import { SEEDED, SEEDED_SHOWN, useExampleInChromium, withoutNote } from '../helpers/browser-session';
import { BUNDLERS, shownServerError } from '../helpers/example';

for (const bundler of BUNDLERS) {
  describe(`notes example in Chromium with JavaScript (built with ${bundler})`, () => {
    const { open, openBeforeHydration, session, storeBytes, readStore, storedNotes, writeStore, expectNoPageErrors } = useExampleInChromium({
      javaScriptEnabled: true,
      bundler,
    });

    it('looks like an app: every input labelled, with a placeholder, styled, and a screenshot taken', async () => {
      const page = await open();
      const rename = (id: number, title: string) => ({
        input: `#rename-note-${id} input[name=title]`,
        label: `New title for ${title}`,
        placeholder: 'New title',
      });
      expect(await describeInputs(page)).to.deep.equal([
        { input: '#sign-in-name', label: 'Your user name', placeholder: 'ada' },
        rename(1, 'Groceries'),
        rename(2, 'Reading list'),
        rename(3, 'Ideas'),
        { input: '#add-note-title', label: 'Title', placeholder: 'Plan the trip' },
        { input: '#note-title', label: 'Title', placeholder: 'Call the plumber' },
        { input: '#transition-name', label: 'Name', placeholder: 'Ada' },
        { input: '#action-name', label: 'Name', placeholder: 'Grace' },
        { input: '#state-name', label: 'Name', placeholder: 'Lin' },
        { input: '#permalink-name', label: 'Name', placeholder: 'Kay' },
      ]);
      // The stylesheet applies: a centred column and cards, not the browser's defaults.
      const styles = await page.evaluate(() => ({
        column: getComputedStyle(document.querySelector('main')!).maxWidth,
        card: getComputedStyle(document.querySelector('#notes li')!).borderRadius,
      }));
      expect(styles).to.deep.equal({ column: '640px', card: '8px' });
      await screenshotToTemporaryFile(page, 'with-javascript');

      // Pending and error states, side by side: a held useActionState call and createNote's error.
      await page.fill('#note-title', 'x'.repeat(150));
      await page.click('#create-note');
      await page.waitForSelector('#create-note-error');
      const held = await holdServerFunctionCalls(page);
      await page.fill('#state-form input[name=name]', 'Lin');
      await page.click('#state-form button');
      await held.sent;
      await page.waitForSelector('#state-form .pending');
      await screenshotToTemporaryFile(page, 'with-javascript-pending-and-error');
      held.release();
      await page.waitForSelector('#state-form .result');
      expectNoPageErrors();
    });

    it('shows "Saving…" on a server component\'s form button while its renameNote call is pending', async () => {
      const page = await open();
      const held = await holdServerFunctionCalls(page);
      await page.fill('#rename-note-1 input[name=title]', 'Shopping');
      await page.click('#rename-note-1 button');
      await held.sent;
      await page.waitForFunction(() => document.querySelector('#rename-note-1 button')?.textContent === 'Saving…');
      expect(await page.isDisabled('#rename-note-1 button')).to.equal(true);
      expect(readStore().notes[0].title, 'the call is still held in the browser').to.equal('Groceries');

      held.release();
      await page.waitForFunction(() => document.querySelector('#notes li[data-note-id="1"] .note-title')?.textContent === 'Shopping');
      expect(await page.textContent('#rename-note-1 button')).to.equal('Rename');
      expect(await page.isEnabled('#rename-note-1 button')).to.equal(true);
      expectNoPageErrors();
    });

    it('shows "Creating…" on the client Button, then on createNote\'s button, while their calls are pending', async () => {
      const page = await open();
      const emptyNote = await holdServerFunctionCalls(page);
      await page.click('#create-empty-note');
      await emptyNote.sent;
      await page.waitForFunction(() => document.querySelector('#create-empty-note')?.textContent === 'Creating…');
      expect(await page.isDisabled('#create-empty-note')).to.equal(true);
      expect(readStore(), 'the call is still held in the browser').to.deep.equal(SEEDED);
      emptyNote.release();
      await waitForNote(page, 4);
      await page.waitForFunction(() => document.querySelector('#create-empty-note')?.textContent === 'Create empty note');
      expect(await page.isEnabled('#create-empty-note')).to.equal(true);

      const titled = await holdServerFunctionCalls(page);
      await page.fill('#note-title', 'Pending');
      await page.click('#create-note');
      await titled.sent;
      await page.waitForFunction(() => document.querySelector('#create-note')?.textContent === 'Creating…');
      expect(await page.isDisabled('#create-note')).to.equal(true);
      expect(storedNotes(), 'the call is still held in the browser').to.deep.equal([...SEEDED_SHOWN, { id: 4, title: '' }]);
      titled.release();
      await waitForNote(page, 5);
      await page.waitForFunction(() => document.querySelector('#create-note')?.textContent === 'Create note');
      expect(await page.isEnabled('#create-note')).to.equal(true);
      expect(storedNotes()).to.deep.equal([...SEEDED_SHOWN, { id: 4, title: '' }, { id: 5, title: 'Pending' }]);
      expectNoPageErrors();
    });

    it('adds a note with createEmptyNote, passed from a server component to a client Button', async () => {
      const page = await open();
      await page.click('#create-empty-note');
      await waitForNote(page, 4);
      expect(await shownNotes(page)).to.deep.equal([...SEEDED_SHOWN, { id: 4, title: '(empty note)' }]);
      expect(storedNotes()).to.deep.equal([...SEEDED_SHOWN, { id: 4, title: '' }]);
      expectNoPageErrors();
    });

    it("adds a note with the docs' EmptyNote, whose createNoteAction is created inline in a server component", async () => {
      const page = await open();
      await page.click('#inline-empty-note button');
      await waitForNote(page, 4);
      expect(await shownNotes(page)).to.deep.equal([...SEEDED_SHOWN, { id: 4, title: '(empty note)' }]);
      expect(storedNotes()).to.deep.equal([...SEEDED_SHOWN, { id: 4, title: '' }]);
      expectNoPageErrors();
    });

    it('adds a titled note with createNote, imported by a client component, in one request and no reload', async () => {
      const page = await open();
      await setMarker(page);
      await page.fill('#note-title', 'Written in Chromium');
      const mark = session().requests.length;
      await page.click('#create-note');
      await waitForNote(page, 4);

      expect(await shownNotes(page)).to.deep.equal([...SEEDED_SHOWN, { id: 4, title: 'Written in Chromium' }]);
      expect(await page.inputValue('#note-title')).to.equal('');
      expect(storedNotes()).to.deep.equal([...SEEDED_SHOWN, { id: 4, title: 'Written in Chromium' }]);
      // The call's answer carried the re-rendered page: the list changed without a GET of the page or
      // of anything else, and in the same document.
      expect(describeRequests(session().requests.slice(mark))).to.deep.equal(['POST /']);
      expect(await readMarker(page)).to.equal('still the same document');
      expectNoPageErrors();
    });

    it('shows the error that createNote throws for a 150-character title, and stores nothing', async () => {
      const page = await open();
      const title = 'x'.repeat(150);
      await page.fill('#note-title', title);
      await page.click('#create-note');
      await page.waitForSelector('#create-note-error');

      expect(await page.textContent('#create-note-error')).to.equal(
        `Could not create the note: ${shownServerError(bundler, 'A title is at most 100 characters.', 'browser')}`,
      );
      // Kept, so that the user can shorten it.
      expect(await page.inputValue('#note-title')).to.equal(title);
      expect(await shownNotes(page)).to.deep.equal(SEEDED_SHOWN);
      expect(readStore()).to.deep.equal(SEEDED);
      expectNoPageErrors();
    });

    it('calls updateName in startTransition: { error } for no name, the pending state, then the stored name', async () => {
      const page = await open();
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
      const page = await open();
      await page.fill('#action-form input[name=name]', 'Grace');
      await page.click('#action-form button');
      await waitForName(page, 'Grace');
      await page.waitForFunction(() => document.querySelector<HTMLInputElement>('#action-form input[name=name]')!.value === '');
      expect(readStore()).to.deep.equal({ ...SEEDED, name: 'Grace' });
      expectNoPageErrors();
    });

    it('shows the error, the pending state and then the result of updateName in useActionState', async () => {
      const page = await open();
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

    it('replays a startTransition form submitted before hydration once the page has hydrated', async () => {
      const { page, requests, hydrate } = await openBeforeHydration();
      await page.fill('#transition-form input[name=name]', 'Early bird');
      // A client-function action: React's inline script keeps the submit for after hydration.
      await page.click('#transition-form button');
      expect(describeRequests(requests).filter((request) => request.startsWith('POST')), 'nothing posted yet').to.deep.equal([]);
      expect(readStore().name).to.equal('Sam');

      await hydrate();
      await waitForName(page, 'Early bird');
      expect(readStore()).to.deep.equal({ ...SEEDED, name: 'Early bird' });
      expect(requests.filter(isServerFunctionCall), 'replayed as one call').to.have.lengthOf(1);
      expectNoPageErrors();
    });

    it('posts a useActionState form submitted before hydration, and hydrates the page it lands on with its state', async () => {
      const { page, requests, consoleErrors, hydrate } = await openBeforeHydration();
      await page.fill('#state-form input[name=name]', 'Before JS');
      // A server-function action: the browser posts the form itself, and follows the redirect.
      await Promise.all([page.waitForURL('**/', { waitUntil: 'domcontentloaded' }), page.click('#state-form button')]);
      await page.waitForSelector('#state-form .result');
      expect(describeRequests(requests).filter((request) => request.startsWith('POST'))).to.deep.equal(['POST /']);
      expect(readStore()).to.deep.equal({ ...SEEDED, name: 'Before JS' });

      // Hydrated with the same form state (from the page's Flight payload) that SSR rendered it with.
      await hydrate();
      expect(await page.textContent('#state-form .result')).to.equal('Saved: Before JS');
      expect(await page.textContent('#name')).to.equal('Before JS');
      expect(consoleErrors.filter((message) => /hydrat/i.test(message)), 'no hydration mismatch').to.deep.equal([]);
      // And the hydrated form works on from that state.
      await page.fill('#state-form input[name=name]', 'After JS');
      await page.click('#state-form button');
      await page.waitForFunction(() => document.querySelector('#state-form .result')?.textContent === 'Saved: After JS');
      expect(readStore()).to.deep.equal({ ...SEEDED, name: 'After JS' });
      expectNoPageErrors();
    });

    it('runs the permalink form in place: the result shows and the page stays at /', async () => {
      const page = await open();
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
      const page = await open();
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
      const page = await open();
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
      const page = await open();
      // Another tab deleted it: the page still has its form.
      const written = writeStore(withoutNote(2));
      await page.fill('#rename-note-2 input[name=title]', 'Too late');
      await page.click('#rename-note-2 button');
      await page.waitForSelector('#error-boundary');

      expect(await page.textContent('#error-boundary p')).to.equal(
        `Something went wrong: ${shownServerError(bundler, 'There is no note 2 to rename.', 'browser')}`,
      );
      expect(await page.$('#notes')).to.equal(null);
      expect(storeBytes()).to.equal(written);
      expectNoPageErrors();
    });

    it('deletes that note only with the inline deleteNote, which captures its id', async () => {
      const page = await open();
      await page.click('#delete-note-2 button');
      await page.waitForSelector('#notes li[data-note-id="2"]', { state: 'detached' });
      const left = [SEEDED_SHOWN[0], SEEDED_SHOWN[2]];
      expect(await shownNotes(page)).to.deep.equal(left);
      expect(storedNotes()).to.deep.equal(left);
      expectNoPageErrors();
    });

    it("shows in the error boundary that deleteNote refuses someone else's note, and deletes nothing", async () => {
      const notes = SEEDED.notes.map((note) => (note.id === 2 ? { ...note, owner: 'someone-else-session-0002' } : note));
      const written = writeStore({ ...SEEDED, notes });
      const page = await open();
      await page.click('#delete-note-2 button');
      await page.waitForSelector('#error-boundary');

      expect(await page.textContent('#error-boundary p')).to.equal(
        `Something went wrong: ${shownServerError(bundler, 'Only the author of a note can delete it.', 'browser')}`,
      );
      expect(storeBytes()).to.equal(written);
      expectNoPageErrors();
    });

    it('reloads the page when the server does not know the action ID, as after a deploy', async () => {
      const page = await open();
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
      expect(session().requests.filter(isServerFunctionCall), 'one call, no retry').to.have.lengthOf(1);
      expectNoPageErrors();
    });

    it('shows that the server could not be reached when the call fails on the network', async () => {
      const page = await open();
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
}
