/**
 * The keys that seal the values inline "use server" functions capture: the `encryptionKey` option,
 * SERVER_ACTIONS_ENCRYPTION_KEY and rotation between keys, what a misconfigured key does, and the key
 * the plugin generates: in the server bundle only, one per plugin instance, never a stale one from the
 * persistent cache.
 */
import { expect } from 'chai';
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import webpack from 'webpack';
import { ServerActionsPlugin } from 'webpack-server-actions';
import { appConfigs, compileOk, errorsOf, readOutput, requireBundle } from '../helpers/build';
import { createFixtureApp, removeFixtureApps } from '../helpers/fixture-app';
import { sendCall, type ServerBundle } from '../helpers/flight';
import {
  buildInlineApp,
  filesUnder,
  KEY_VARIABLE,
  loadServer,
  newKey,
  REJECTED,
  removeCall,
  settle,
  type LoadedServer,
} from '../helpers/inline-app';

describe('inline "use server" functions', () => {
  let dir: string;
  let server: ServerBundle;
  let payload: Uint8Array;
  let idOf: (fn: string) => string;

  before(async () => {
    ({ dir, server, payload, idOf } = await buildInlineApp());
  });
  after(removeFixtureApps);
  beforeEach(() => server.log.splice(0));

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
      // A generated key lives in the cache it was made with (see plugin/generated-key.ts).
      expect(await builtKeys({}), 'a new plugin instance, the same cache').to.deep.equal(generated);
      rmSync(path.join(cachedDir, '.cache'), { recursive: true, force: true });
      expect(await builtKeys({}), 'a new plugin instance, no cache').not.to.deep.equal(generated);
    });
  });
});
