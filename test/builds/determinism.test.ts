/**
 * The same sources give the same output: two clean builds, and compilers run in parallel or one
 * after another (`dependencies` either way round, `parallelism: 1`), emit byte-identical files.
 * With a configured encryption key, bundles included; the generated key differs per build process.
 * On both bundlers; Rspack cannot run the compilers one after another (bundler/sequential-compilers.ts),
 * and there the build says so.
 */
import { expect } from 'chai';
import type { Configuration } from 'webpack';
import { appConfigs, compile, compileOk, errorsOf, readJson, requireBundle, type AppConfigOptions } from '../helpers/build';
import { BUNDLERS } from '../helpers/example';
import { createFixtureApp, removeFixtureApps } from '../helpers/fixture-app';
import { differingFiles, emittedFiles } from '../helpers/outputs';

const pluginOptions = { encryptionKey: Buffer.alloc(32, 7).toString('base64') };

async function callPing(dir: string): Promise<unknown> {
  const manifest = readJson(dir, 'server', 'server-actions-manifest.json');
  const pingId = Object.keys(manifest).find((id) => manifest[id].name === 'ping')!;
  return (await requireBundle(dir, 'server').runtime.loadServerAction(pingId))();
}

const SEQUENCES: Record<string, (dir: string, options: AppConfigOptions) => Configuration[]> = {
  'the server first (`dependencies`)': (dir, options) =>
    appConfigs(dir, { ...options, dependencies: { browser: ['server'], ssr: ['server'] } }),
  'the clients first (`dependencies`)': (dir, options) =>
    appConfigs(dir, { ...options, dependencies: { server: ['browser', 'ssr'] } }),
  'one at a time in config order (`parallelism: 1`)': (dir, options) =>
    Object.assign(appConfigs(dir, options), { parallelism: 1 }),
  'one at a time, server first (`parallelism: 1`)': (dir, options) =>
    Object.assign(appConfigs(dir, options).reverse(), { parallelism: 1 }),
};

for (const bundler of BUNDLERS) {
  for (const mode of ['development', 'production'] as const) {
    describe(`determinism on ${bundler} (${mode})`, () => {
      let dir: string;
      let parallel: Record<string, string>;
      // Production IDs, tree shaking and concatenation, without the minifier's time: it takes no part
      // in what the plugin decides.
      const optimization = mode === 'production' ? { minimize: false } : undefined;

      before(async () => {
        dir = createFixtureApp('app');
        await compileOk(appConfigs(dir, { mode, optimization, pluginOptions }), bundler);
        parallel = emittedFiles(dir);
      });
      after(removeFixtureApps);

      it('emits byte-identical files in two clean builds', async () => {
        const again = createFixtureApp('app');
        await compileOk(appConfigs(again, { mode, optimization, pluginOptions }), bundler);
        expect(differingFiles(parallel, emittedFiles(again))).to.deep.equal([]);
      });

      it('emits byte-identical manifests with a key generated for each build', async () => {
        const first = createFixtureApp('app');
        const second = createFixtureApp('app');
        await compileOk(appConfigs(first, { mode, optimization }), bundler);
        await compileOk(appConfigs(second, { mode, optimization }), bundler);
        const manifests = differingFiles(emittedFiles(first), emittedFiles(second)).filter((file) => file.endsWith('.json'));
        expect(manifests).to.deep.equal([]);
      });

      for (const [order, configs] of Object.entries(SEQUENCES)) {
        if (bundler === 'webpack') {
          it(`emits what compilers in parallel emit when they run ${order}`, async () => {
            await compileOk(configs(dir, { mode, optimization, pluginOptions }), bundler);
            expect(differingFiles(parallel, emittedFiles(dir))).to.deep.equal([]);
            expect(await callPing(dir)).to.equal('pong');
          });
        } else {
          it(`fails, saying what to change, when the compilers run ${order}`, async () => {
            const errors = errorsOf(await compile(configs(createFixtureApp('app'), { mode, optimization, pluginOptions }), bundler)).join('\n');
            expect(errors).to.include('on Rspack, the compilers that share a ServerActionsPlugin must run at the same time');
            expect(errors).to.include('Remove `dependencies` between these configs and any `parallelism` below their number');
          });
        }
      }
    });
  }
}
