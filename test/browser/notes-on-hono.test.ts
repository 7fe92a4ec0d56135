/**
 * The notes example served by Hono on Node (examples/notes/hono-server.js) in Chromium: everything
 * goes through the Fetch API helpers (handleServerActionFetch for server functions, the SSR helper's
 * pageResponse for pages). With JavaScript: sign in, createNote from a client component, deleteNote,
 * updateName's form and sign out, each one POST in the same document. Without it: updateName (303), the
 * useActionState form whose state crosses the redirect, addNote's redirect(), sign in (Set-Cookie on
 * the 303), deleteNote refused for another user's note (the 500 page), sign out.
 */
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import {
  describeRequests,
  expectRedirectedPost,
  pathAndQuery,
  readMarker,
  setMarker,
  shownNotes,
  submitAndLand,
  waitForNote,
} from '../helpers/browser';
import { SEEDED, SEEDED_SHOWN, useExampleInChromium } from '../helpers/browser-session';

const serverScript = 'hono-server.js';
const SIGNED_COOKIE = /^notes-user=[\w-]+\.\d+\.[\w-]{43}; Path=\/; Max-Age=604800; HttpOnly; SameSite=Lax$/;
const GRACES_NOTE = { ...SEEDED, notes: SEEDED.notes.map((note) => (note.id === 2 ? { ...note, author: 'Grace' } : note)) };

describe('notes example served by hono-server.js (Fetch API helpers) in Chromium', () => {
  describe('with JavaScript', () => {
    const { open, session, readStore, storedNotes, expectNoPageErrors } = useExampleInChromium({ javaScriptEnabled: true, serverScript });

    async function clickAndCountPosts(page: Page, selector: string, done: () => Promise<unknown>): Promise<string[]> {
      const mark = session().requests.length;
      await page.click(selector);
      await done();
      return describeRequests(session().requests.slice(mark));
    }

    it('signs in, adds a note, deletes it, renames the user and signs out: one POST each, the same document', async () => {
      const page = await open();
      await setMarker(page);

      await page.fill('#sign-in-name', 'Ada');
      expect(
        await clickAndCountPosts(page, '#sign-in-form button', () =>
          page.waitForFunction(() => document.querySelector('#user')?.textContent === 'Ada'),
        ),
      ).to.deep.equal(['POST /']);

      await page.fill('#note-title', 'Through Hono');
      expect(await clickAndCountPosts(page, '#create-note', () => waitForNote(page, 4))).to.deep.equal(['POST /']);
      expect(await shownNotes(page)).to.deep.equal([...SEEDED_SHOWN, { id: 4, title: 'Through Hono' }]);
      expect(readStore().notes.at(-1)).to.include({ id: 4, title: 'Through Hono', author: 'Ada' });

      expect(
        await clickAndCountPosts(page, '#delete-note-4 button', () =>
          page.waitForSelector('#notes li[data-note-id="4"]', { state: 'detached' }),
        ),
      ).to.deep.equal(['POST /']);
      expect(storedNotes()).to.deep.equal(SEEDED_SHOWN);

      await page.fill('#action-form input[name=name]', 'Hono');
      expect(
        await clickAndCountPosts(page, '#action-form button', () =>
          page.waitForFunction(() => document.querySelector('#name')?.textContent === 'Hono'),
        ),
      ).to.deep.equal(['POST /']);
      expect(readStore().name).to.equal('Hono');

      expect(await clickAndCountPosts(page, '#sign-out-form button', () => page.waitForSelector('#sign-in-form'))).to.deep.equal(['POST /']);
      expect(await readMarker(page), 'no reload').to.equal('still the same document');
      expectNoPageErrors();
    });
  });

  describe('without JavaScript', () => {
    const { open, readStore, storeBytes, storedNotes, writeStore, expectNoPageErrors } = useExampleInChromium({
      javaScriptEnabled: false,
      serverScript,
    });

    it('stores the name with <form action={updateName}> and lands on / by GET after a 303', async () => {
      const page = await open();
      await page.fill('#action-form input[name=name]', 'Noscript');
      await expectRedirectedPost(await submitAndLand(page, '#action-form button'), '/');
      expect(await page.textContent('#name')).to.equal('Noscript');
      expect(readStore()).to.deep.equal({ ...SEEDED, name: 'Noscript' });
      expectNoPageErrors();
    });

    it('shows the state of the useActionState form after the redirect (the form-state cookie, then the page)', async () => {
      const page = await open();
      await page.fill('#state-form input[name=name]', 'Stateful');
      await expectRedirectedPost(await submitAndLand(page, '#state-form button'), '/');
      expect(await page.textContent('#state-form .result')).to.equal('Saved: Stateful');
      expect(readStore()).to.deep.equal({ ...SEEDED, name: 'Stateful' });
      expectNoPageErrors();
    });

    it("follows addNote's redirect() to the new note's page", async () => {
      const page = await open();
      await page.fill('#add-note-form input[name=title]', 'From a form');
      await expectRedirectedPost(await submitAndLand(page, '#add-note-form button'), '/');
      expect(pathAndQuery(page)).to.equal('/?note=4');
      expect(storedNotes()).to.deep.equal([...SEEDED_SHOWN, { id: 4, title: 'From a form' }]);
      expectNoPageErrors();
    });

    it('signs in by form post (Set-Cookie on the 303), is refused deleting another user\'s note (500 page), signs out', async () => {
      writeStore(GRACES_NOTE);
      const page = await open();
      await page.fill('#sign-in-name', 'Ada');
      const signedIn = await submitAndLand(page, '#sign-in-form button');
      await expectRedirectedPost(signedIn, '/');
      const signInAnswer = (await signedIn.request().redirectedFrom()!.response())!;
      expect(await signInAnswer.headerValue('set-cookie')).to.match(SIGNED_COOKIE);
      expect(await page.textContent('#user')).to.equal('Ada');

      const before = storeBytes();
      const refused = await submitAndLand(page, '#delete-note-2 button');
      expect([refused.status(), refused.request().method()]).to.deep.equal([500, 'POST']);
      expect(await page.textContent('#form-error')).to.equal('Something went wrong: Only the author of a note can delete it.');
      expect(storeBytes()).to.equal(before);

      await expectRedirectedPost(await submitAndLand(page, '#sign-out-form button'), '/');
      expect(await page.$('#user')).to.equal(null);
      expectNoPageErrors();
    });
  });
});
