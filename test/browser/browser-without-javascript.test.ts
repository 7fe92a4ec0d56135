/**
 * The notes example in Chromium with JavaScript off: each form posts as a plain HTML form, is redirected
 * after the POST (303) to a page a reload does not post again, shows useActionState's state once, and
 * answers a function that throws with a 500 error page. Each test checks the page it leaves in the DOM
 * and in the store read back from disk; the shared setup is in helpers/browser-session.ts.
 */
import { expect } from 'chai';
import {
  expectRedirectedPost,
  hiddenFields,
  pathAndQuery,
  reloadAndRecord,
  screenshotToTemporaryFile,
  shownNotes,
  submitAndLand,
} from '../helpers/browser';
import { SEEDED, SEEDED_SHOWN, useExampleInChromium, withoutNote } from '../helpers/browser-session';
import { BUNDLERS, shownServerError } from '../helpers/example';

for (const bundler of BUNDLERS) {
  describe(`notes example in Chromium without JavaScript (built with ${bundler})`, () => {
    const { open, session, storeBytes, readStore, storedNotes, writeStore, expectNoPageErrors } = useExampleInChromium({
      javaScriptEnabled: false,
      bundler,
    });

    /** A reload GETs the page and posts nothing: the store's bytes are as they were. */
    async function expectReloadPostsNothing() {
      const before = storeBytes();
      const requests = await reloadAndRecord(session());
      expect(requests.filter((request) => request.method() !== 'GET').map((request) => request.url())).to.deep.equal([]);
      expect(storeBytes()).to.equal(before);
    }

    it('stores the name with <form action={updateName}>, lands on / by GET, and a reload posts nothing', async () => {
      const page = await open();
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
      const page = await open();
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
      const page = await open();
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
      const page = await open();
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
      const page = await open();
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
      const page = await open();
      const written = writeStore(withoutNote(3));
      await page.fill('#rename-note-3 input[name=title]', 'Too late');
      const answer = await submitAndLand(page, '#rename-note-3 button');

      // Not redirected: the POST's answer is the page in its error state.
      expect(answer.status()).to.equal(500);
      expect(answer.request().method()).to.equal('POST');
      expect(await page.textContent('#form-error')).to.equal(
        `Something went wrong: ${shownServerError(bundler, 'There is no note 3 to rename.', 'form post')}`,
      );
      expect(await shownNotes(page)).to.deep.equal([SEEDED_SHOWN[0], SEEDED_SHOWN[1]]);
      expect(storeBytes()).to.equal(written);
      // Styled as an error by the page's stylesheet, which needs no JavaScript.
      expect(await page.$eval('#form-error', (error) => getComputedStyle(error).backgroundColor)).to.equal('rgb(254, 243, 242)');
      await screenshotToTemporaryFile(page, 'without-javascript-error');
      expectNoPageErrors();
    });

    it('deletes a note with the inline deleteNote form, its id sealed in the $ACTION_ fields', async () => {
      const page = await open();
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
}
