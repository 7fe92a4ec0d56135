/**
 * The emitted manifest as React's own decode functions take it, inside the built server bundle, and
 * React's `<key>#<name>` fallback: whatever a client puts after `#`, nothing but a server function runs.
 */
import { expect } from 'chai';
import { createRequire } from 'node:module';
import { appConfigs, compileOk, readJson, requireBundle } from '../helpers/build';
import { createFixtureApp, removeFixtureApps } from '../helpers/fixture-app';

const require_ = createRequire(__filename);
const { createServerReference, encodeReply } = require_('react-server-dom-webpack/client.node');
const SERVER_REFERENCE = Symbol.for('react.server.reference');
const CRAFTED_NAMES = ['*', '', '__esModule', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'calls', 'nope'];

describe('the manifest with React decode functions', () => {
  let dir: string;
  let server: any;
  let manifest: Record<string, any>;
  let emitted: Record<string, any>;
  let idOf: (name: string) => string;

  before(async () => {
    dir = createFixtureApp('app');
    await compileOk(appConfigs(dir, { compilers: ['browser', 'server'] }));
    server = requireBundle(dir, 'server');
    emitted = readJson(dir, 'server', 'server-actions-manifest.json');
    manifest = server.runtime.getServerActionsManifest();
    idOf = (name) => Object.keys(emitted).find((id) => emitted[id].name === name)!;
  });
  after(removeFixtureApps);
  beforeEach(() => server.calls.splice(0));

  function formWith(entries: Array<[string, string]>): FormData {
    const form = new FormData();
    for (const [key, value] of entries) form.append(key, value);
    return form;
  }

  it('is the manifest the server bundle carries', () => {
    expect(server.runtime.readServerActionsManifest()).to.deep.equal(emitted);
    expect(JSON.parse(JSON.stringify(manifest))).to.deep.equal(emitted);
  });

  it('without the guard, React itself reaches the module object through <id>#*', async () => {
    // Why the runtime hands out a guarded manifest: this test fails when React stops falling back.
    const body = await encodeReply([createServerReference(`${idOf('add')}#*`)]);
    const [value] = await server.decodeReply(body, emitted);
    expect(value).to.have.property('echo');
  });

  for (const [label, pick] of [
    ['the emitted JSON', () => emitted],
    ['the guarded manifest', () => manifest],
  ] as const) {
    it(`decodeReply takes ${label} as is, with a server reference among the arguments`, async () => {
      const body = await encodeReply([1, createServerReference(idOf('add'))]);
      const [first, reference] = await server.decodeReply(body, pick());
      expect(first).to.equal(1);
      expect(await reference(20, 22)).to.equal(42);
    });

    it(`decodeAction takes ${label} as is and runs the action named by a form`, async () => {
      const action = await server.decodeAction(formWith([[`$ACTION_ID_${idOf('ping')}`, ''], ['x', '1']]), pick());
      expect(await action()).to.equal('pong');
    });
  }

  it('decodeFormState gives back the state of a bound action', async () => {
    // The fields React renders for a bound action: its reference, encoded under the `$ACTION_1:` prefix.
    const encoded = await encodeReply({ id: idOf('default'), bound: Promise.resolve(['state']) });
    const form = formWith([['$ACTION_REF_1', ''], ['$ACTION_KEY', 'k1']]);
    if (typeof encoded === 'string') form.append('$ACTION_1:0', encoded);
    else for (const [key, value] of encoded) form.append(`$ACTION_1:${key}`, value);
    const action = await server.decodeAction(form, manifest);
    const result = await action();
    expect(result).to.equal('Hello, state');
    const state = await server.decodeFormState(result, form, manifest);
    expect(state).to.deep.equal([result, 'k1', idOf('default'), 0]);
  });

  for (const name of CRAFTED_NAMES) {
    const label = JSON.stringify(name);
    it(`reaches nothing but server functions through <id>#${label} in decodeAction`, async () => {
      const form = formWith([[`$ACTION_ID_${idOf('add')}#${name}`, '']]);
      const outcome = await settle(() => server.decodeAction(form, manifest));
      expectOnlyServerFunction(outcome);
    });

    it(`reaches nothing but server functions through <id>#${label} passed to decodeReply`, async () => {
      const body = await encodeReply([createServerReference(`${idOf('add')}#${name}`)]);
      const outcome = await settle(async () => (await server.decodeReply(body, manifest))[0]);
      expectOnlyServerFunction(outcome);
    });

    it(`refuses <id>#${label} in loadServerAction`, async () => {
      const outcome = await settle(() => server.runtime.loadServerAction(`${idOf('add')}#${name}`));
      expect(outcome.error).to.have.property('code', 'ERR_SERVER_ACTION_NOT_FOUND');
    });
  }

  async function settle(run: () => Promise<unknown>): Promise<{ value?: unknown; error?: any }> {
    try {
      return { value: await run() };
    } catch (error) {
      return { error };
    }
  }

  function expectOnlyServerFunction(outcome: { value?: unknown; error?: unknown }): void {
    if ('value' in outcome && outcome.value !== undefined) {
      const value = outcome.value as { $$typeof?: symbol };
      expect(value, 'a decoded reference').to.be.a('function');
      // decodeAction binds the form data, so the bound function's target carries the tag.
      const tagged = value.$$typeof === SERVER_REFERENCE || (value as any).name?.startsWith('bound ');
      expect(tagged, 'only a registered server function may come back').to.equal(true);
    }
    expect(server.calls, 'no function ran while decoding').to.deep.equal([]);
  }
});

describe('loadServerAction', () => {
  let server: any;
  let manifest: Record<string, any>;

  before(async () => {
    const dir = createFixtureApp('app');
    await compileOk(appConfigs(dir, { compilers: ['browser', 'server'] }));
    server = requireBundle(dir, 'server');
    manifest = readJson(dir, 'server', 'server-actions-manifest.json');
  });
  after(removeFixtureApps);

  it('resolves every ID in the manifest to its registered server function', async () => {
    for (const [id, entry] of Object.entries(manifest)) {
      const fn = await server.runtime.loadServerAction(id);
      expect(fn.$$typeof, entry.name).to.equal(SERVER_REFERENCE);
      expect(fn.$$id).to.equal(id);
    }
  });

  for (const id of ['__proto__', 'constructor', 'toString', '', '0'.repeat(40), 'a'.repeat(10_000), '../actions']) {
    it(`rejects ${JSON.stringify(id.slice(0, 20))} with a typed error`, async () => {
      try {
        await server.runtime.loadServerAction(id);
        expect.fail('loadServerAction resolved');
      } catch (error: any) {
        expect(error.code).to.equal('ERR_SERVER_ACTION_NOT_FOUND');
        expect(error.message).not.to.include(id || '\0');
      }
    });
  }

  it('refuses without capturing a stack (a refusal of client input), still with a typed error', async () => {
    const limit = Error.stackTraceLimit;
    const error: any = await server.runtime.loadServerAction('f'.repeat(40)).then(
      () => expect.fail('loadServerAction resolved'),
      (rejection: unknown) => rejection,
    );
    expect(error).to.be.instanceOf(server.runtime.ServerActionNotFoundError).and.instanceOf(Error);
    expect(error.code).to.equal('ERR_SERVER_ACTION_NOT_FOUND');
    expect(error.stack).to.equal(`ServerActionNotFoundError: ${error.message}`);
    const refusal = new server.runtime.ServerActionRequestError('not-found', 'Unknown server action.');
    expect(refusal).to.include({ code: 'ERR_SERVER_ACTION_NOT_FOUND', status: 404, reason: 'not-found' });
    expect(refusal.stack).to.equal('ServerActionRequestError: Unknown server action.');
    expect(Error.stackTraceLimit, 'the limit is put back').to.equal(limit);
    expect(new Error('an error of the app').stack).to.match(/\n\s+at /);
  });

  it('refuses with one frozen error, so that what one caller adds to it reaches no other', async () => {
    const refusal = (id: string) => server.runtime.loadServerAction(id).then(() => expect.fail('loadServerAction resolved'), (error: unknown) => error);
    const unknown: any = await refusal('f'.repeat(40));
    const malformed: any = await refusal('not-an-action-id');
    expect(malformed).to.equal(unknown);
    expect(Object.isFrozen(unknown)).to.equal(true);
    expect(Reflect.set(unknown, 'requestId', 'of one request')).to.equal(false);
    expect(Reflect.set(unknown, 'message', 'of one request')).to.equal(false);
    expect(unknown).to.include({ name: 'ServerActionNotFoundError', code: 'ERR_SERVER_ACTION_NOT_FOUND' });
    expect(unknown).not.to.have.property('requestId');
    expect(unknown.message).to.equal('No server function is registered under the requested action ID.');
  });
});
