/**
 * The notes example's sign-in in Chromium, with JavaScript on and off: signIn sets a signed session
 * cookie (HttpOnly, SameSite=Lax), a note written signed in is its author's, deleteNote deletes it for
 * that user and refuses anyone else (the error boundary with JavaScript, the error page without), and
 * signOut deletes the cookie. Forged cookies are tested over HTTP (test/runtime/example-sign-in.test.ts).
 */
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import {
  expectRedirectedPost,
  pathAndQuery,
  readMarker,
  screenshotToTemporaryFile,
  setMarker,
  shownNotes,
  submitAndLand,
  waitForNote,
} from '../helpers/browser';
import { SEEDED, SEEDED_SHOWN, useExampleInChromium } from '../helpers/browser-session';

const SIGNED_COOKIE = /^notes-user=[\w-]+\.\d+\.[\w-]{43}; Path=\/; Max-Age=604800; HttpOnly; SameSite=Lax$/;
const DELETED_COOKIE = /^notes-user=; Path=\/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax$/;
const REFUSED = 'Something went wrong: Only the author of a note can delete it.';

// Note 2 written by Grace, signed in. The browser's anonymous session wrote it too (owner), which no
// longer lets it delete the note: a note with an author is that user's.
const GRACES_NOTE = { ...SEEDED, notes: SEEDED.notes.map((note) => (note.id === 2 ? { ...note, author: 'Grace' } : note)) };

/** The user cookie as the browser keeps it, or undefined. */
async function userCookie(page: Page) {
  return (await page.context().cookies()).find((cookie) => cookie.name === 'notes-user');
}

describe('notes example sign-in in Chromium', () => {
  describe('with JavaScript', () => {
    const { open, storeBytes, readStore, storedNotes, writeStore, expectNoPageErrors } = useExampleInChromium({ javaScriptEnabled: true });

    async function signIn(page: Page, name: string) {
      await page.fill('#sign-in-name', name);
      await page.click('#sign-in-form button');
      await page.waitForFunction((expected) => document.querySelector('#user')?.textContent === expected, name);
    }

    it('signs in, writes a note as that user, deletes it and signs out, all in the same document', async () => {
      const page = await open();
      expect(await page.$('#user')).to.equal(null);
      await setMarker(page);

      await signIn(page, 'Ada');
      expect(await page.$('#sign-in-form')).to.equal(null);
      expect(await userCookie(page)).to.deep.include({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(await page.evaluate(() => document.cookie), 'HttpOnly: not readable by scripts').not.to.include('notes-user');

      await page.fill('#note-title', "Ada's plan");
      await page.click('#create-note');
      await waitForNote(page, 4);
      expect(readStore().notes.at(-1)).to.include({ id: 4, title: "Ada's plan", author: 'Ada' });
      expect(await page.textContent('#notes li[data-note-id="4"] .note-author')).to.equal('by Ada');
      await screenshotToTemporaryFile(page, 'signed-in');

      await page.click('#delete-note-4 button');
      await page.waitForSelector('#notes li[data-note-id="4"]', { state: 'detached' });
      expect(storedNotes()).to.deep.equal(SEEDED_SHOWN);

      await page.click('#sign-out-form button');
      await page.waitForSelector('#sign-in-form');
      expect(await page.$('#user')).to.equal(null);
      expect(await userCookie(page)).to.equal(undefined);
      expect(await readMarker(page), 'no reload').to.equal('still the same document');
      expectNoPageErrors();
    });

    it("shows in the error boundary that deleteNote refuses another user's note, signed in or not, and deletes nothing", async () => {
      const written = writeStore(GRACES_NOTE);
      const page = await open();
      expect(await page.textContent('#notes li[data-note-id="2"] .note-author')).to.equal('by Grace');
      await signIn(page, 'Ada');
      await page.click('#delete-note-2 button');
      await page.waitForSelector('#error-boundary');
      expect(await page.textContent('#error-boundary p')).to.equal(REFUSED);
      expect(storeBytes()).to.equal(written);
      expectNoPageErrors();
      await page.context().close();

      // Signed out, the browser whose anonymous session wrote it: refused too.
      const signedOut = await open();
      expect(await signedOut.$('#user')).to.equal(null);
      await signedOut.click('#delete-note-2 button');
      await signedOut.waitForSelector('#error-boundary');
      expect(await signedOut.textContent('#error-boundary p')).to.equal(REFUSED);
      expect(storeBytes()).to.equal(written);
      expectNoPageErrors();
    });
  });

  describe('without JavaScript', () => {
    const { open, storeBytes, readStore, storedNotes, writeStore, expectNoPageErrors } = useExampleInChromium({ javaScriptEnabled: false });

    it('signs in by form post (303, Set-Cookie HttpOnly and SameSite=Lax), deletes its own note, is refused another, signs out', async () => {
      writeStore(GRACES_NOTE);
      const page = await open();
      await page.fill('#sign-in-name', 'Ada');
      const signedIn = await submitAndLand(page, '#sign-in-form button');
      await expectRedirectedPost(signedIn, '/');
      const signInAnswer = (await signedIn.request().redirectedFrom()!.response())!;
      expect(await signInAnswer.headerValue('set-cookie')).to.match(SIGNED_COOKIE);
      expect(await page.textContent('#user')).to.equal('Ada');
      expect(await userCookie(page)).to.deep.include({ httpOnly: true, sameSite: 'Lax' });

      await page.fill('#add-note-form input[name=title]', 'Written offline');
      await expectRedirectedPost(await submitAndLand(page, '#add-note-form button'), '/');
      expect(pathAndQuery(page)).to.equal('/?note=4');
      expect(readStore().notes.at(-1)).to.include({ id: 4, title: 'Written offline', author: 'Ada' });

      await expectRedirectedPost(await submitAndLand(page, '#delete-note-4 button'), '/');
      expect(storedNotes()).to.deep.equal(SEEDED_SHOWN);
      expect(await shownNotes(page)).to.deep.equal(SEEDED_SHOWN);

      // Grace's note: the POST's answer is the page in its error state, nothing deleted.
      const before = storeBytes();
      const refused = await submitAndLand(page, '#delete-note-2 button');
      expect(refused.status()).to.equal(500);
      expect(refused.request().method()).to.equal('POST');
      expect(await page.textContent('#form-error')).to.equal(REFUSED);
      expect(await page.textContent('#user'), 'the error page is rendered for the user too').to.equal('Ada');
      expect(storeBytes()).to.equal(before);

      const signedOut = await submitAndLand(page, '#sign-out-form button');
      await expectRedirectedPost(signedOut, '/');
      const signOutAnswer = (await signedOut.request().redirectedFrom()!.response())!;
      expect(await signOutAnswer.headerValue('set-cookie')).to.match(DELETED_COOKIE);
      expect(await page.$('#user')).to.equal(null);
      expect(await page.$('#sign-in-form')).not.to.equal(null);
      expect(await userCookie(page)).to.equal(undefined);
      expectNoPageErrors();
    });
  });
});
