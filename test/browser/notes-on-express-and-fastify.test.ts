/**
 * The notes example served by Express 5 (examples/notes/express-server.js) and by Fastify 5
 * (examples/notes/fastify-server.js) in Chromium: one server function with JavaScript (createNote from
 * a client component, answered in place) and one without (updateName's form, 303 to the page), as
 * with its node:http server. Everything else those servers answer is tested over HTTP in
 * test/runtime/express.test.ts and fastify.test.ts.
 */
import { expect } from 'chai';
import { describeRequests, expectRedirectedPost, readMarker, setMarker, shownNotes, submitAndLand, waitForNote } from '../helpers/browser';
import { SEEDED, SEEDED_SHOWN, useExampleInChromium } from '../helpers/browser-session';

for (const serverScript of ['express-server.js', 'fastify-server.js']) {
  describe(`notes example served by ${serverScript} in Chromium`, () => {
    describe('with JavaScript', () => {
      const { open, session, storedNotes, expectNoPageErrors } = useExampleInChromium({ javaScriptEnabled: true, serverScript });

      it('adds a note with createNote from a client component, in one request, in the same document', async () => {
        const page = await open();
        await setMarker(page);
        await page.fill('#note-title', `Through ${serverScript}`);
        const mark = session().requests.length;
        await page.click('#create-note');
        await waitForNote(page, 4);
        expect(await shownNotes(page)).to.deep.equal([...SEEDED_SHOWN, { id: 4, title: `Through ${serverScript}` }]);
        expect(storedNotes()).to.deep.equal([...SEEDED_SHOWN, { id: 4, title: `Through ${serverScript}` }]);
        expect(describeRequests(session().requests.slice(mark))).to.deep.equal(['POST /']);
        expect(await readMarker(page)).to.equal('still the same document');
        expectNoPageErrors();
      });
    });

    describe('without JavaScript', () => {
      const { open, readStore, expectNoPageErrors } = useExampleInChromium({ javaScriptEnabled: false, serverScript });

      it('stores the name with <form action={updateName}> and lands on / by GET after a 303', async () => {
        const page = await open();
        await page.fill('#action-form input[name=name]', 'Noscript');
        const landing = await submitAndLand(page, '#action-form button');
        await expectRedirectedPost(landing, '/');
        expect(await page.textContent('#name')).to.equal('Noscript');
        expect(readStore()).to.deep.equal({ ...SEEDED, name: 'Noscript' });
        expectNoPageErrors();
      });
    });
  });
}
