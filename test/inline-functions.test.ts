/**
 * Inline "use server" functions, built for real (browser, SSR and server compilers) and run: the values
 * they capture travel sealed through React Flight and the browser and come back intact; anything else
 * that comes back is refused before the function's body runs; the keys stay in the server bundle; the
 * manifest reaches the hoisted functions and nothing else of their module; forms work before hydration;
 * misplaced or misspelled directives are reported by the build.
 */
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import webpack, { type MultiStats, type Stats } from 'webpack';
import { ServerActionsPlugin } from 'webpack-server-actions';
import { appConfigs, compile, compileOk, errorsOf, readJson, readOutput, requireBundle } from './helpers/build';
import { createFixtureApp, removeFixtureApps, writeSource } from './helpers/fixture-app';
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
} from './helpers/flight';
import { hiddenFields, postCall, postForm } from './helpers/http';

const KEY_VARIABLE = 'SERVER_ACTIONS_ENCRYPTION_KEY';
const SERVER_REFERENCE = Symbol.for('react.server.reference');
const REJECTED = 'ERR_SERVER_ACTION_CAPTURED_VALUES';
const NOTE = { id: 'n1', title: 'First note', count: 3 };

const newKey = (bytes = 32) => randomBytes(bytes).toString('base64');

interface Settled {
  value?: unknown;
  error?: any;
}

async function settle(run: () => Promise<unknown>): Promise<Settled> {
  try {
    return { value: await run() };
  } catch (error) {
    return { error };
  }
}

interface LoadedServer {
  server: ServerBundle;
  /** The Flight payload of `makeActions(NOTE)`, rendered by this copy. */
  payload: Uint8Array;
  errors: unknown[];
}

/**
 * A fresh copy of a server bundle, with `SERVER_ACTIONS_ENCRYPTION_KEY` set to `keys` (unset when
 * undefined) until the copy has read it: the runtime reads it at first use, which rendering the actions
 * (sealing their values) is. The variable is restored afterwards.
 */
async function loadServer(dir: string, keys?: string): Promise<LoadedServer> {
  const saved = process.env[KEY_VARIABLE];
  if (keys === undefined) delete process.env[KEY_VARIABLE];
  else process.env[KEY_VARIABLE] = keys;
  try {
    const server = requireBundle<ServerBundle>(dir, 'server');
    const { payload, errors } = await renderFlight(server, server.makeActions(NOTE));
    server.log.splice(0);
    return { server, payload, errors };
  } finally {
    if (saved === undefined) delete process.env[KEY_VARIABLE];
    else process.env[KEY_VARIABLE] = saved;
  }
}

/** What the browser sends when the payload's `remove` is called: its ID, and its sealed values as text. */
async function removeCall(payload: Uint8Array, reason = 'why'): Promise<{ id: string; sealed: string; args: unknown[] }> {
  const actions = await decodeInBrowser<Record<string, (...args: unknown[]) => Promise<RecordedCall>>>(payload, recordCall);
  const { id, args } = await actions.remove(reason);
  const sealed = await args[0];
  expect(sealed, 'the bound value is the sealed text').to.be.a('string');
  return { id, sealed: sealed as string, args };
}

async function expectRejection(call: Promise<unknown>): Promise<any> {
  const outcome = await settle(() => call);
  expect(outcome.error, `the call was answered with ${JSON.stringify(outcome.value)}`).to.have.property('code', REJECTED);
  return outcome.error;
}

/** The call is refused as CapturedValuesRejectedError, and no function body ran. */
async function expectRejected(server: ServerBundle, id: string, args: unknown[]): Promise<void> {
  const error = await expectRejection(sendCall(server, id, args));
  expect(error).to.be.an.instanceOf(server.runtime.CapturedValuesRejectedError);
  expect(server.log, 'no function body ran').to.deep.equal([]);
}

async function expectOpens(server: ServerBundle, id: string, sealed: string): Promise<void> {
  expect(await sendCall(server, id, [sealed, 'why'])).to.equal(`removed ${NOTE.id}: why`);
  server.log.splice(0);
}

// The sealed format: base64url of version byte | 12-byte IV | ciphertext and 16-byte tag.
const bytesOf = (sealed: string) => Buffer.from(sealed, 'base64url');
const textOf = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

function flipBit(sealed: string, index: number): string {
  const bytes = bytesOf(sealed);
  bytes[(index + bytes.length) % bytes.length] ^= 0x01;
  return textOf(bytes);
}

function withVersion(sealed: string, version: number): string {
  const bytes = bytesOf(sealed);
  bytes[0] = version;
  return textOf(bytes);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

function warningsOf(stats: MultiStats | Stats): string[] {
  const compilations = 'stats' in stats ? stats.stats : [stats];
  return compilations.flatMap((child) => child.toJson({ all: false, warnings: true }).warnings ?? []).map((w) => w.message);
}

/** Where a function starts in the fixture's source (1-based line and column), found by its text. */
function positionOf(source: string, marker: string): { line: number; column: number } {
  const lines = source.split('\n');
  const line = lines.findIndex((text) => text.includes(marker));
  expect(line, marker).to.be.greaterThan(-1);
  return { line: line + 1, column: lines[line].indexOf(marker) + 1 };
}

describe('inline "use server" functions', () => {
  let dir: string;
  let server: ServerBundle;
  let payload: Uint8Array;
  let emitted: Record<string, any>;
  let idOf: (fn: string) => string;

  before(async () => {
    dir = createFixtureApp('inline-app');
    await compileOk(appConfigs(dir));
    ({ server, payload } = await loadServer(dir));
    emitted = readJson(dir, 'server', 'server-actions-manifest.json');
    idOf = (fn) => {
      const ids = Object.keys(emitted).filter((id) => emitted[id].function === fn);
      expect(ids, fn).to.have.lengthOf(1);
      return ids[0];
    };
  });
  after(removeFixtureApps);
  beforeEach(() => server.log.splice(0));

  describe('through the browser and back', () => {
    let actions: Record<string, any>;

    before(async () => {
      actions = await decodeInBrowser(payload, callThrough(server));
    });

    it('gives the function every captured value intact, then the caller\'s arguments', async () => {
      const result: any = await actions.inspect('extra', 2);
      expect(result).to.deep.include({ id: 'n1', title: 'First note', count: 3 });
      expect(result.meta).to.deep.equal({ tags: ['a', 'b'], nested: { deep: true } });
      expect(result.list).to.deep.equal([1, 'two', { three: 3 }]);
      expect(result.when).to.be.an.instanceOf(Date);
      expect(result.when.toISOString()).to.equal('2024-05-06T07:08:09.000Z');
      expect(result.index).to.be.an.instanceOf(Map);
      expect([...result.index]).to.deep.equal([['k', 1], ['j', { v: 2 }]]);
      expect(result.big).to.equal(12345678901234567890n);
      expect(result).to.have.property('nothing', undefined);
      expect(result.hasNothing).to.equal(true);
      expect(result.rest).to.deep.equal(['extra', 2]);
      expect(server.log).to.deep.equal([['inspect', 'n1']]);
    });

    it('calls a captured inline server function and a captured imported one', async () => {
      expect(await actions.removeAndArchive('spam')).to.deep.equal(['removed n1: spam', 'archived n1']);
      expect(server.log).to.deep.equal([['removeAndArchive', 'n1'], ['remove', 'n1', 'spam'], ['archive', 'n1']]);
    });

    it('gives each reference made in a loop its own value of the loop variable', async () => {
      expect(await Promise.all(actions.picks.map((pick: any) => pick('!')))).to.deep.equal(['x!', 'y!', 'z!']);
      const calls: RecordedCall[] = await Promise.all(
        (await decodeInBrowser<any>(payload, recordCall)).picks.map((pick: any) => pick('!')),
      );
      expect(new Set(calls.map((call) => call.id)), 'one server function').to.have.property('size', 1);
    });

    it('works for a function declared after the code that uses it', async () => {
      expect(await actions.early('hello')).to.equal('hello First note');
    });

    it('lets a function call itself', async () => {
      expect(await actions.countdown(3)).to.deep.equal([3, 2, 1, 'First note']);
      expect(server.log.map((entry: unknown[]) => entry[1])).to.deep.equal([3, 2, 1, 0]);
    });

    it('evaluates default parameter values that read captured values', async () => {
      expect(await actions.rename('new')).to.equal('n1:new:First note');
      expect(await actions.rename('new', 'given')).to.equal('n1:new:given');
    });

    it('destructures parameters, with defaults that read captured values', async () => {
      expect(await actions.update({ field: 'title', value: 'x' })).to.deep.equal({
        id: 'n1', field: 'title', value: 'x', first: undefined, others: [], flag: 3,
      });
      expect(await actions.update({ field: 'f', value: 1 }, [7, 8, 9], { flag: 'on' })).to.deep.equal({
        id: 'n1', field: 'f', value: 1, first: 7, others: [8, 9], flag: 'on',
      });
    });

    it('calls a top-level inline server function, which captures nothing', async () => {
      expect(await actions.ping('p')).to.equal('pong p');
    });
  });

  describe('called on the server, without a trip', () => {
    it('sees the same values', async () => {
      const direct = server.makeActions({ id: 'n2', title: 'Second', count: 4 });
      const result: any = await direct.inspect('direct');
      expect(result).to.deep.include({ id: 'n2', title: 'Second', count: 4, rest: ['direct'] });
      expect(result.when.toISOString()).to.equal('2024-05-06T07:08:09.000Z');
      expect(result.big).to.equal(12345678901234567890n);
      expect(await direct.removeAndArchive('r')).to.deep.equal(['removed n2: r', 'archived n2']);
      expect(await Promise.all(direct.picks.map((pick: any) => pick('?')))).to.deep.equal(['x?', 'y?', 'z?']);
      expect(await direct.early('hi')).to.equal('hi Second');
      expect(await direct.countdown(1)).to.deep.equal([1, 'Second']);
      expect(await direct.rename('a')).to.equal('n2:a:Second');
      expect(await direct.update({ field: 'f', value: 0 })).to.deep.include({ id: 'n2', flag: 4 });
    });

    it('needs no serialisation: values React cannot send work', async () => {
      expect(await server.makeUnsendable('function')()).to.equal('sendable not data');
      expect(await server.makeUnsendable('store')()).to.equal('sendable store');
      expect(await server.makeUnsendable('client')()).to.equal('sendable function');
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

  describe('encryption keys', () => {
    const keyA = newKey();
    const keyB = newKey(16);
    const keyOld = newKey(24);
    let keyedDir: string;
    let removeSealed: string;

    before(async () => {
      removeSealed = (await removeCall(payload)).sealed;
      keyedDir = createFixtureApp('inline-app');
      await compileOk(appConfigs(keyedDir, { compilers: ['server'], pluginOptions: { encryptionKey: [keyA, keyOld] } }));
    });

    /** Which of these servers open what `from` sealed. */
    async function opensIn(from: LoadedServer, servers: LoadedServer[]): Promise<boolean[]> {
      const { id, sealed } = await removeCall(from.payload);
      const results: boolean[] = [];
      for (const { server: target } of servers) {
        const outcome = await settle(() => sendCall(target, id, [sealed, 'why']));
        if (outcome.error) expect(outcome.error).to.have.property('code', REJECTED);
        results.push(!outcome.error);
        target.log.splice(0);
      }
      return results;
    }

    it('seals with the first key of the `encryptionKey` option and opens with every one', async () => {
      const built = await loadServer(keyedDir);
      const onlyA = await loadServer(keyedDir, keyA);
      const onlyOld = await loadServer(keyedDir, keyOld);
      expect(await opensIn(built, [built, onlyA, onlyOld])).to.deep.equal([true, true, false]);
      expect(await opensIn(onlyOld, [built])).to.deep.equal([true]);
    });

    it('lets SERVER_ACTIONS_ENCRYPTION_KEY replace the built-in keys, read at first use', async () => {
      const built = await loadServer(keyedDir);
      const fromEnv = await loadServer(keyedDir, keyB);
      expect(await opensIn(fromEnv, [fromEnv, built])).to.deep.equal([true, false]);
      expect(await opensIn(built, [fromEnv])).to.deep.equal([false]);
      // Unset again: a fresh copy is back on the built-in keys.
      const again = await loadServer(keyedDir);
      expect(await opensIn(built, [again])).to.deep.equal([true]);
    });

    it('rotates: a server with "B,A" opens payloads sealed under A and seals new ones under B', async () => {
      const underA = await loadServer(keyedDir, keyA);
      const rotated = await loadServer(keyedDir, `${keyB}, ${keyA}`);
      const onlyB = await loadServer(keyedDir, keyB);
      expect(await opensIn(underA, [rotated, onlyB])).to.deep.equal([true, false]);
      expect(await opensIn(rotated, [onlyB, underA])).to.deep.equal([true, false]);
    });

    for (const [label, keys] of [
      ['not base64', 'not base64!'],
      ['of the wrong length', Buffer.alloc(10).toString('base64')],
      ['second in the list and invalid', `${newKey()},${Buffer.alloc(31).toString('base64')}`],
    ] as const) {
      it(`refuses a SERVER_ACTIONS_ENCRYPTION_KEY ${label} with ServerActionsKeyError`, async () => {
        const { server: misconfigured, errors } = await loadServer(dir, keys);
        expect(errors, 'the render reports it').to.have.lengthOf.at.least(1);
        const [error] = errors as any[];
        expect(error).to.be.an.instanceOf(misconfigured.runtime.ServerActionsKeyError);
        expect(error).to.have.property('code', 'ERR_SERVER_ACTIONS_KEY');
        expect(error.message).to.include(KEY_VARIABLE);
        for (const key of keys.split(',')) expect(error.message, 'the key is not echoed').not.to.include(key);
        // A call cannot open anything either, and the function does not run.
        const outcome = await settle(() => sendCall(misconfigured, idOf('remove'), [removeSealed, 'why']));
        expect(outcome.error).to.have.property('code', 'ERR_SERVER_ACTIONS_KEY');
        expect(misconfigured.log).to.deep.equal([]);
      });
    }

    it('refuses an `encryptionKey` option that is not a key, without echoing it', () => {
      for (const [option, pattern] of [
        ['c2hvcnQ=', /options\.encryptionKey is not a base64 AES key of 16, 24 or 32 bytes/],
        ['not base64!', /options\.encryptionKey is not a base64 AES key/],
        [[keyA, Buffer.alloc(33).toString('base64')], /options\.encryptionKey\[1\] is not a base64 AES key/],
      ] as Array<[string | string[], RegExp]>) {
        let thrown: unknown;
        try {
          new ServerActionsPlugin({ encryptionKey: option });
        } catch (error) {
          thrown = error;
        }
        expect(thrown, JSON.stringify(option)).to.be.an('error');
        expect((thrown as Error).message).to.match(pattern);
        for (const key of [option].flat()) expect((thrown as Error).message).not.to.include(key);
      }
      for (const bytes of [16, 24, 32]) expect(() => new ServerActionsPlugin({ encryptionKey: newKey(bytes) })).not.to.throw();
    });

    it('generates a key into the server bundle only, never into the browser or SSR bundles', async () => {
      const [generated] = server.builtEncryptionKeys() as string[];
      expect(Buffer.from(generated, 'base64')).to.have.lengthOf(32);
      expect(readOutput(dir, 'server', 'server.js')).to.include(generated);
      for (const compiler of ['browser', 'ssr']) {
        for (const file of filesUnder(path.join(dir, 'dist', compiler))) {
          expect(readFileSync(file, 'utf8'), path.relative(dir, file)).not.to.include(generated);
        }
      }
      // It is the key that sealed the payload.
      expect(await opensIn({ server, payload, errors: [] }, [await loadServer(dir, generated)])).to.deep.equal([true]);
    });

    it('generates one key per plugin instance: the same on a rebuild, a new one for a new instance', async () => {
      const rebuiltDir = createFixtureApp('inline-app');
      const plugin = new ServerActionsPlugin();
      const compiler = webpack(appConfigs(rebuiltDir, { compilers: ['server'], plugin }));
      const run = () =>
        new Promise<string[]>((resolve, reject) =>
          compiler.run((error, stats) => {
            if (error || stats!.hasErrors()) reject(error ?? new Error(errorsOf(stats!).join('\n')));
            else resolve(requireBundle(rebuiltDir, 'server').builtEncryptionKeys());
          }),
        );
      let first: string[];
      let second: string[];
      try {
        first = await run();
        second = await run();
      } finally {
        await new Promise((resolve) => compiler.close(resolve));
      }
      expect(second).to.deep.equal(first);
      expect(first).to.have.lengthOf(1);
      expect(first).not.to.deep.equal(server.builtEncryptionKeys());
      await compileOk(appConfigs(rebuiltDir, { compilers: ['server'] }));
      const third = requireBundle(rebuiltDir, 'server').builtEncryptionKeys();
      expect(third).to.have.lengthOf(1);
      expect(third).not.to.deep.equal(first);
    });

    it('never takes a stale key from the persistent cache', async () => {
      const cachedDir = createFixtureApp('inline-app');
      const builtKeys = async (pluginOptions: object) => {
        await compileOk(appConfigs(cachedDir, { compilers: ['server'], cache: true, pluginOptions }));
        return requireBundle(cachedDir, 'server').builtEncryptionKeys() as string[];
      };
      expect(await builtKeys({ encryptionKey: keyA })).to.deep.equal([keyA]);
      expect(await builtKeys({ encryptionKey: [keyB, keyA] })).to.deep.equal([keyB, keyA]);
      const generated = await builtKeys({});
      expect(generated).to.have.lengthOf(1);
      expect(generated).not.to.deep.equal([keyB]);
      expect(await builtKeys({}), 'a new plugin instance').not.to.deep.equal(generated);
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

  describe('the manifest', () => {
    const notes = {
      ping: 'async function ping(',
      inspect: 'async function inspect(',
      remove: 'async function remove(',
      removeAndArchive: 'async function removeAndArchive(',
      rename: 'async (name, suffix',
      update: 'async function ({ field',
      countdown: 'async function countdown(',
      pick: 'async function pick(',
      later: 'async function later(',
      renameWithState: 'async function renameWithState(',
    };
    const unsendable = {
      useHelper: 'async function useHelper(',
      useStore: 'async function useStore(',
      useForm: 'async function useForm(',
    };

    it('lists each inline function with its name, file, line and column', () => {
      const expected: Array<[string, string, number, number]> = [];
      for (const [file, markers] of [
        ['src/Notes.js', notes],
        ['src/Unsendable.js', unsendable],
      ] as const) {
        const source = readFileSync(path.join(dir, file), 'utf8');
        for (const [fn, marker] of Object.entries(markers)) {
          const { line, column } = positionOf(source, marker);
          expected.push([fn, file, line, column]);
        }
      }
      const inline = Object.values(emitted).filter((entry) => 'function' in entry);
      expect(inline.map((entry) => [entry.function, entry.file, entry.line, entry.column])).to.have.deep.members(expected);
      for (const [id, entry] of Object.entries(emitted)) {
        if ('function' in entry) expect(entry.name, entry.function).to.equal(`$$${entry.function}_${id.slice(0, 8)}`);
      }
      expect(server.runtime.readServerActionsManifest()).to.deep.equal(emitted);
    });

    it('resolves each inline ID to the function registered under it', async () => {
      const ids = Object.keys(emitted).filter((id) => 'function' in emitted[id]);
      expect(ids).to.have.lengthOf(13);
      for (const id of ids) {
        const fn: any = await server.runtime.loadServerAction(id);
        expect(fn.$$typeof, emitted[id].function).to.equal(SERVER_REFERENCE);
        expect(fn.$$id).to.equal(id);
      }
      expect(await (await server.runtime.loadServerAction(idOf('ping')))('x')).to.equal('pong x');
    });

    it('points at a facade that exports the hoisted functions and nothing else of the module', async () => {
      // React's `#*` fallback on the raw manifest hands out the very module an entry points at.
      const raw = server.runtime.readServerActionsManifest();
      for (const [file, markers] of [
        ['src/Notes.js', notes],
        ['src/Unsendable.js', unsendable],
      ] as const) {
        const id = idOf(Object.keys(markers)[0]);
        const body = await browserFlightClient().encodeReply([browserFlightClient().createServerReference(`${id}#*`, recordCall)]);
        const [moduleObject] = (await server.decodeReply(body, raw)) as [Record<string, any>];
        const hoisted = Object.values(emitted).filter((entry) => entry.file === file).map((entry) => entry.name);
        expect(Object.keys(moduleObject), file).to.have.members(hoisted);
        for (const name of hoisted) expect(moduleObject[name].$$typeof).to.equal(SERVER_REFERENCE);
      }
    });

    describe("React's `#` fallback, with the raw manifest", () => {
      const crafted = ['secretHelper', 'default', 'makeActions', 'ping', '*', '', '__esModule', 'constructor'];
      let raw: Record<string, unknown>;
      before(() => {
        raw = server.runtime.readServerActionsManifest();
      });

      it('is live: another hoisted function of the module answers `<inline id>#<its export>`', async () => {
        // Why the facade matters: the fallback reads any export of the module the entry points at.
        const body = await browserFlightClient().encodeReply([
          browserFlightClient().createServerReference(`${idOf('ping')}#${emitted[idOf('inspect')].name}`, recordCall),
        ]);
        const [reached] = (await server.decodeReply(body, raw)) as [any];
        expect(reached.$$id).to.equal(idOf('inspect'));
      });

      for (const name of crafted) {
        for (const fn of ['remove', 'ping']) {
          it(`reaches neither component nor helper through <${fn} id>#${JSON.stringify(name)}`, async () => {
            const id = `${idOf(fn)}#${name}`;
            const body = await browserFlightClient().encodeReply([browserFlightClient().createServerReference(id, recordCall)]);
            const decoded = await settle(async () => (await server.decodeReply(body, raw))[0]);
            const value = decoded.value as any;
            if (typeof value === 'function') expect(value.$$typeof).to.equal(SERVER_REFERENCE);
            else if (value && typeof value === 'object') {
              for (const key of Object.keys(value)) expect(value[key].$$typeof, key).to.equal(SERVER_REFERENCE);
            }

            const form = new FormData();
            form.append(`$ACTION_ID_${id}`, '');
            const action = await settle(() => server.decodeAction(form, raw));
            // decodeAction binds the form data to what it found: run it, to see what it reaches.
            if (typeof action.value === 'function') await settle(() => (action.value as () => Promise<unknown>)());

            expect((await settle(() => server.runtime.loadServerAction(id))).error).to.have.property(
              'code',
              'ERR_SERVER_ACTION_NOT_FOUND',
            );
            const ran = server.log.map((entry: unknown[]) => entry[0]);
            expect(ran.filter((what: unknown) => ['secretHelper', 'NotePage', 'makeActions'].includes(what as string))).to.deep.equal([]);
          });
        }
      }
    });
  });

  describe('forms, before hydration', () => {
    let clientManifest: object;
    let ssrManifest: object;
    let ssr: any;
    let html: string;

    before(async () => {
      clientManifest = readJson(dir, 'browser', 'react-client-manifest.json');
      ssrManifest = readJson(dir, 'ssr', 'react-ssr-manifest.json');
      ssr = requireBundle(dir, 'ssr');
      html = await renderPage();
    });

    async function renderPage(formState: unknown = null): Promise<string> {
      const page = await renderFlight(server, server.createElement(server.NotePage, { note: NOTE }), clientManifest);
      expect(page.errors).to.deep.equal([]);
      return ssr.renderHtml(Readable.from([Buffer.from(page.payload)]), ssrManifest, formState);
    }

    function formData(fields: Array<[string, string]>): FormData {
      const form = new FormData();
      for (const [name, value] of fields) form.append(name, value);
      return form;
    }

    it('renders a bound inline function as $ACTION_REF_ fields', () => {
      const names = hiddenFields(html, 'remove-form').map(([name]) => name);
      expect(names.filter((name) => /^\$ACTION_REF_\d+$/.test(name))).to.have.lengthOf(1);
      expect(names.filter((name) => /^\$ACTION_\d+:\d+$/.test(name))).to.have.length.greaterThan(0);
      expect(names.some((name) => name.startsWith('$ACTION_ID_')), 'a bound action has no plain ID field').to.equal(false);
    });

    it('runs the posted form with its captured values through decodeAction', async () => {
      const action = await server.decodeAction(formData([...hiddenFields(html, 'remove-form'), ['reason', 'spam']]), server.runtime.getServerActionsManifest());
      expect(await action()).to.equal('removed n1: spam');
      expect(server.log).to.deep.equal([['remove', 'n1', 'spam']]);
    });

    it('gives useActionState its state through decodeFormState, and the page renders it', async () => {
      const fields = hiddenFields(html, 'rename-form');
      expect(fields.map(([name]) => name)).to.include('$ACTION_KEY');
      const form = formData([...fields, ['title', 'Renamed']]);
      const manifest = server.runtime.getServerActionsManifest();
      const result = await (await server.decodeAction(form, manifest))();
      expect(result).to.equal('n1: First note -> Renamed');
      const formState = await server.decodeFormState(result, form, manifest);
      expect(formState).to.have.length(4);
      expect(formState.slice(0, 3)).to.deep.equal([result, fields.find(([name]) => name === '$ACTION_KEY')![1], idOf('renameWithState')]);
      const rerendered = await renderPage(formState);
      expect(rerendered).to.include('<output>n1: First note -&gt; Renamed</output>');
      expect(html).to.include('<output>First note</output>');
    });

    describe('over HTTP, with handleServerActionRequest', () => {
      let http: Server;
      let url: string;

      before(async () => {
        http = createServer((request, response) => {
          server.runtime.handleServerActionRequest(request, response).then(
            (result: any) => {
              if (result.kind === 'call') return;
              response.writeHead(result.kind === 'form' ? 200 : 404, { 'content-type': 'application/json' });
              response.end(JSON.stringify(result));
            },
            (error: unknown) => {
              response.writeHead(500);
              response.end(String(error));
            },
          );
        });
        await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
        url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/`;
      });
      after(() => new Promise((resolve) => http.close(resolve)));

      /** The form's fields with its sealed values replaced. */
      function tampered(fields: Array<[string, string]>, change: (sealed: string) => string): Array<[string, string]> {
        let changed = 0;
        const result = fields.map(([name, value]): [string, string] => {
          const parsed = /^"[A-Za-z0-9_-]{40,}"$/.test(value) ? (JSON.parse(value) as string) : null;
          if (parsed === null) return [name, value];
          changed += 1;
          return [name, JSON.stringify(change(parsed))];
        });
        expect(changed, 'the sealed field').to.equal(1);
        return result;
      }

      it('runs an untouched form post', async () => {
        const response = await postForm(url, [...hiddenFields(html, 'remove-form'), ['reason', 'spam']]);
        expect(response.status).to.equal(200);
        expect(await response.json()).to.deep.include({ kind: 'form', returnValue: 'removed n1: spam' });
      });

      for (const [label, change] of [
        ['a flipped bit', (sealed: string) => flipBit(sealed, 20)],
        ['another version byte', (sealed: string) => withVersion(sealed, 2)],
        ['a truncated payload', (sealed: string) => sealed.slice(0, 30)],
      ] as const) {
        it(`answers 400 to a form whose sealed values have ${label}, without running the function`, async () => {
          const response = await postForm(url, [...tampered(hiddenFields(html, 'remove-form'), change), ['reason', 'spam']]);
          expect(response.status).to.equal(400);
          expect(response.headers.get('x-server-action-error')).to.equal('bad-request');
          expect(server.log).to.deep.equal([]);
        });
      }

      it('answers 400 to a form that names a capturing function by its plain ID, without values', async () => {
        const response = await postForm(url, [[`$ACTION_ID_${idOf('remove')}`, ''], ['reason', 'spam']]);
        expect(response.status).to.equal(400);
        expect(response.headers.get('x-server-action-error')).to.equal('bad-request');
        expect(server.log).to.deep.equal([]);
        // One that captures nothing has nothing to check.
        const ping = await postForm(url, [[`$ACTION_ID_${idOf('ping')}`, '']]);
        expect(ping.status).to.equal(200);
        expect(server.log.map((entry: unknown[]) => entry[0])).to.deep.equal(['ping']);
      });

      it('answers 400 to a call with a payload sealed for another function, without running it', async () => {
        const { id, sealed } = await removeCall(payload);
        const control = await postCall(url, id, [sealed, 'why']);
        expect(control.status).to.equal(200);
        server.log.splice(0);
        const inspect: RecordedCall = await (await decodeInBrowser<any>(payload, recordCall)).inspect();
        const response = await postCall(url, id, [await inspect.args[0], 'why']);
        expect(response.status).to.equal(400);
        expect(response.headers.get('x-server-action-error')).to.equal('bad-request');
        expect(server.log).to.deep.equal([]);
      });
    });
  });

  describe('in production mode', () => {
    it('round-trips and resolves every inline ID through the facade, with production module IDs', async () => {
      const app = createFixtureApp('inline-app');
      await compileOk(appConfigs(app, { mode: 'production', compilers: ['server'] }));
      const { server: built, payload: builtPayload } = await loadServer(app);
      const actions = await decodeInBrowser<any>(builtPayload, callThrough(built));
      expect(await actions.removeAndArchive('x')).to.deep.equal(['removed n1: x', 'archived n1']);
      expect(await actions.update({ field: 'f', value: 1 })).to.deep.include({ id: 'n1', flag: 3 });
      expect(await actions.countdown(1)).to.deep.equal([1, 'First note']);
      const manifest = readJson(app, 'server', 'server-actions-manifest.json');
      expect(Object.keys(manifest).sort()).to.deep.equal(Object.keys(emitted).sort());
      for (const id of Object.keys(manifest)) expect((await built.runtime.loadServerAction(id)).$$id).to.equal(id);
      built.log.splice(0);
      await expectRejected(built, idOf('remove'), [flipBit((await removeCall(builtPayload)).sealed, 20), 'why']);
    });
  });

  describe('build errors', () => {
    it('fails a browser or SSR build that defines an inline server function, with file:line:column and a code frame', async () => {
      const app = createFixtureApp('inline-app');
      const widget = [
        "import { createElement } from 'react';",
        'export function Widget() {',
        '  async function save() {',
        "    'use server';",
        "    return 'widget-server-secret';",
        '  }',
        "  return createElement('form', { action: save });",
        '}',
        '',
      ].join('\n');
      writeSource(app, 'src/Widget.js', widget);
      writeSource(app, 'src/browser.js', "export { Widget } from './Widget';\n");
      writeSource(app, 'src/ssr.js', "export { Widget } from './Widget';\n");
      const stats = await compile(appConfigs(app, { compilers: ['browser', 'ssr'] }));
      const errors = errorsOf(stats);
      for (const layer of ['browser', 'ssr']) {
        const error = errors.find((message) => message.includes(`compiled for the ${layer} layer`));
        expect(error, `${layer}: ${errors.join('\n')}`).to.be.a('string');
        expect(error).to.include('src/Widget.js:4:5: A "use server" function cannot be defined in a module compiled');
        expect(error).to.match(/> 4 \|\s+'use server';\n\s+\|\s+\^/);
        expect(error).not.to.match(/\n\s+at /);
      }
      for (const compiler of ['browser', 'ssr'] as const) {
        for (const file of filesUnder(path.join(app, 'dist', compiler))) {
          expect(readFileSync(file, 'utf8')).not.to.include('widget-server-secret');
        }
      }
    });

    it('warns about a misspelled "use sever", and the build succeeds without a server function', async () => {
      const app = createFixtureApp('inline-app');
      writeSource(app, 'src/Typo.js', "export async function save() {\n  'use sever';\n  return 'saved';\n}\n");
      writeSource(app, 'src/server.js', "export { save } from './Typo';\nexport * as runtime from 'webpack-server-actions/runtime';\n");
      const stats = await compile(appConfigs(app, { compilers: ['server'] }));
      expect(errorsOf(stats)).to.deep.equal([]);
      const warnings = warningsOf(stats).filter((message) => message.includes('src/Typo.js'));
      expect(warnings).to.have.lengthOf(1);
      expect(warnings[0]).to.include('src/Typo.js:2:3: "use sever" is not a directive React knows');
      expect(warnings[0]).to.include('Did you mean "use server"?');
      expect(readJson(app, 'server', 'server-actions-manifest.json')).to.deep.equal({});
    });
  });
});
