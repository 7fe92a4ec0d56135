/**
 * What protects the values an inline "use server" function captures: they reach the browser sealed,
 * never as readable text, even in a development payload; whatever comes back other than what this
 * server sealed for this very function is refused before the function's body runs; and a value React
 * cannot send is reported, naming the function and the variable. Keys are in captured-values-keys.test.ts.
 */
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { appConfigs, compileOk } from '../helpers/build';
import { createFixtureApp, removeFixtureApps } from '../helpers/fixture-app';
import {
  browserFlightClient,
  callThrough,
  decodeInBrowser,
  recordCall,
  renderFlight,
  sendCall,
  sendReply,
  type RecordedCall,
  type ServerBundle,
} from '../helpers/flight';
import {
  buildInlineApp,
  buildInlineProductionApp,
  bytesOf,
  expectRejected,
  expectRejection,
  flipBit,
  loadServer,
  newKey,
  NOTE,
  REJECTED,
  removeCall,
  settle,
  textOf,
  withVersion,
} from '../helpers/inline-app';

async function expectOpens(server: ServerBundle, id: string, sealed: string): Promise<void> {
  expect(await sendCall(server, id, [sealed, 'why'])).to.equal(`removed ${NOTE.id}: why`);
  server.log.splice(0);
}

describe('inline "use server" functions', () => {
  let dir: string;
  let server: ServerBundle;
  let payload: Uint8Array;
  let emitted: Record<string, any>;

  before(async () => {
    ({ dir, server, payload, emitted } = await buildInlineApp());
  });
  after(removeFixtureApps);
  beforeEach(() => server.log.splice(0));

  describe('captured values in the payload', () => {
    // Distinctive, so that no payload holds them by chance; the quotes are written differently as UTF-8
    // and inside the JSON of a Flight row.
    const MARKER = `captured-marker-${randomBytes(6).toString('hex')} "quoted" ü`;
    const REPEATED = 'long-captured-text-';
    // Long enough that Flight writes it as a text row of its own rather than inside a JSON row.
    const LONG = REPEATED.repeat(300);

    /** The text as UTF-8, and as a Flight row escapes it inside a JSON string. */
    const plainForms = (text: string) => [...new Set([text, JSON.stringify(text).slice(1, -1)])];

    it('never holds them as plain text, in a development payload (with its debug rows) or a production one', async () => {
      for (const [mode, app] of [
        ['development', await buildInlineApp()],
        ['production', await buildInlineProductionApp()],
      ] as const) {
        const built = app.server;
        // The note is neither a prop of the component nor shown by it: only its forms' functions capture
        // it (`inspect` captures the title and the count, which can be any value).
        built.privateNotes.set('private-1', { id: 'private-1', title: MARKER, count: LONG });
        const page = await renderFlight(built, built.createElement(built.PrivateNoteForm, { noteId: 'private-1' }));
        expect(page.errors, mode).to.deep.equal([]);
        const bytes = Buffer.from(page.payload);
        // A development payload adds debug rows (the component, and the values rendering awaited, such as
        // the result of the sealing's encrypt): the only place a plaintext could slip in unnoticed.
        expect(bytes.includes('PrivateNoteForm'), `${mode} debug rows`).to.equal(mode === 'development');
        for (const text of [...plainForms(MARKER), ...plainForms(REPEATED)]) {
          expect(bytes.includes(Buffer.from(text, 'utf8')), `the ${mode} payload holds ${text.slice(0, 40)}`).to.equal(false);
        }

        // They are in there, sealed: the browser's call brings them back.
        built.privateNotes.clear();
        const form = await decodeInBrowser<any>(page.payload, callThrough(built));
        const inspected: any = await form.props.children.props.formAction();
        expect(inspected, mode).to.deep.include({ id: 'private-1', title: MARKER, count: LONG });
        built.log.splice(0);
      }
    });
  });

  describe('captured values that were tampered with', () => {
    let id: string;
    let sealed: string;
    let original: unknown[];

    before(async () => {
      ({ id, sealed, args: original } = await removeCall(payload));
    });

    it('opens what the server sealed (as React sends it, and as text)', async () => {
      expect(await sendCall(server, id, original)).to.equal('removed n1: why');
      expect(await sendCall(server, id, [sealed, 'why'])).to.equal('removed n1: why');
    });

    for (const [label, index] of [
      ['the IV', 5],
      ['the ciphertext', 20],
      ['the tag', -1],
    ] as const) {
      it(`refuses a payload with a bit flipped in ${label}`, async () => {
        await expectRejected(server, id, [flipBit(sealed, index), 'why']);
      });
    }

    it('refuses a truncated payload', async () => {
      await expectRejected(server, id, [textOf(bytesOf(sealed).subarray(0, -1)), 'why']);
      await expectRejected(server, id, [sealed.slice(0, -5), 'why']);
      await expectRejected(server, id, [textOf(bytesOf(sealed).subarray(0, 28)), 'why']);
    });

    it('refuses a payload with another version byte', async () => {
      for (const version of [0, 2, 255]) await expectRejected(server, id, [withVersion(sealed, version), 'why']);
    });

    for (const [label, argsFor] of [
      ['no arguments at all', () => []],
      ["the caller's arguments only", () => ['why']],
      ['undefined', () => [undefined, 'why']],
      ['an empty string', () => ['', 'why']],
      ['text that is not base64url', () => ['not sealed!', 'why']],
      ['a number', () => [42, 'why']],
      ['an object', () => [{ sealed }, 'why']],
      ['the payload in an array', () => [[sealed], 'why']],
      ['a promise of a number', () => [Promise.resolve(42), 'why']],
    ] as Array<[string, () => unknown[]]>) {
      it(`refuses ${label} in place of the captured values`, async () => {
        await expectRejected(server, id, argsFor());
      });
    }

    it('refuses a thenable whose `then` is a server function, without calling it', async () => {
      const archiveId = Object.keys(emitted).find((key) => emitted[key].name === 'archive')!;
      const archive = browserFlightClient().createServerReference(archiveId, recordCall);
      // The browser's encodeReply would call a `then` itself: encode another key, then rename it.
      const body = (await browserFlightClient().encodeReply([{ notThen: archive }, 'why'])) as FormData;
      const crafted = new FormData();
      for (const [name, value] of body) crafted.append(name, String(value).replace('"notThen":', '"then":'));
      expect([...crafted.values()].join()).to.include('"then":"$h');
      const outcome = await settle(() => sendReply(server, id, crafted));
      expect(outcome.error).to.have.property('code', REJECTED);
      expect(server.log, 'archive did not run').to.deep.equal([]);

      // React's decodeReply drops a function under `then`; a decoder that did not would hand the
      // function a thenable. The runtime does not ask it for its value, even a valid one.
      const remove = await server.runtime.loadServerAction(id);
      const archiveFn = await server.runtime.loadServerAction(archiveId);
      await expectRejection(remove({ then: archiveFn }, 'why'));
      let asked = false;
      const thenable = {
        then(resolve: (value: string) => void) {
          asked = true;
          resolve(sealed);
        },
      };
      await expectRejection(remove(thenable, 'why'));
      expect(asked, 'then() was not called').to.equal(false);
      expect(server.log).to.deep.equal([]);
    });

    it('refuses a payload sealed for another function that captures values', async () => {
      const calls = await decodeInBrowser<any>(payload, recordCall);
      const inspect: RecordedCall = await calls.inspect();
      const forInspect = (await inspect.args[0]) as string;
      await expectRejected(server, id, [forInspect, 'why']);
      // And the other way round.
      await expectRejected(server, inspect.id, [sealed]);
      expect(await sendCall(server, inspect.id, [forInspect])).to.deep.include({ id: 'n1' });
    });

    it('refuses a payload sealed by another build (another generated key)', async () => {
      const other = createFixtureApp('inline-app');
      await compileOk(appConfigs(other, { compilers: ['server'] }));
      const { server: rebuilt, payload: rebuiltPayload } = await loadServer(other);
      // Same sources, same action IDs: only the key differs.
      expect((await removeCall(rebuiltPayload)).id).to.equal(id);
      await expectRejected(rebuilt, id, [sealed, 'why']);
      await expectOpens(rebuilt, id, (await removeCall(rebuiltPayload)).sealed);
    });

    it('refuses a payload sealed under another SERVER_ACTIONS_ENCRYPTION_KEY', async () => {
      const { server: keyed } = await loadServer(dir, newKey());
      await expectRejected(keyed, id, [sealed, 'why']);
    });
  });

  describe('captured values React cannot send', () => {
    for (const [what, kind, fn, variable] of [
      ['a function', 'function', 'useHelper', 'helper'],
      ['a class instance', 'store', 'useStore', 'store'],
      ['a client component', 'client', 'useForm', 'Form'],
    ] as const) {
      it(`reports ${what}, naming the function and the variable`, async () => {
        const { errors } = await renderFlight(server, server.makeUnsendable(kind));
        expect(errors).to.have.lengthOf(1);
        const [error] = errors as any[];
        expect(error).to.be.an.instanceOf(server.runtime.CapturedValueNotSerializableError);
        expect(error).to.have.property('code', 'ERR_SERVER_ACTION_CAPTURE_NOT_SERIALIZABLE');
        expect(error.message).to.include(`Server function "${fn}" captures \`${variable}\``);
        expect(error.message).not.to.include('`label`');
        expect(server.log).to.deep.equal([]);
      });
    }
  });
});
