/**
 * A build restored from the persistent cache (webpack's filesystem cache, Rspack's persistent cache; its
 * loaders do not run again) must emit what a cold build emits: the loader's findings live on
 * `module.buildInfo`, which the cache keeps.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { MultiStats } from 'webpack';
import { appConfigs, compileOk, readJson, readOutput, requireBundle } from '../helpers/build';
import { BUNDLERS, type Bundler } from '../helpers/example';
import { createFixtureApp, removeFixtureApps, writeSource } from '../helpers/fixture-app';
import { differingFiles, emittedFiles } from '../helpers/outputs';

const MANIFESTS = [
  ['server', 'server-actions-manifest.json'],
  ['browser', 'react-client-manifest.json'],
  ['ssr', 'react-ssr-manifest.json'],
] as const;

const KEY = { encryptionKey: Buffer.alloc(32, 3).toString('base64') };

async function callByName(dir: string, name: string, ...args: unknown[]): Promise<unknown> {
  const manifest = readJson(dir, 'server', 'server-actions-manifest.json');
  const id = Object.keys(manifest).find((key) => manifest[key].name === name)!;
  return (await requireBundle(dir, 'server').runtime.loadServerAction(id))(...args);
}

function manifests(dir: string): Record<string, string> {
  return Object.fromEntries(MANIFESTS.map(([compiler, file]) => [file, readOutput(dir, compiler, file)]));
}

/**
 * The files of its cache that a bundler writes again at the end of every build, warm or not, whatever
 * the plugin does: Rspack's metadata and file snapshots (its stored module graph is not among them).
 */
const REWRITTEN_BY_EVERY_BUILD: Record<Bundler, RegExp | null> = {
  webpack: null,
  rspack: /(^|[\\/])(_meta|meta|snapshot_[a-z]+)([\\/]|$)/,
};

/** Every file of the cache directory with its modification time, but those every build rewrites. */
function cacheFiles(dir: string, bundler: Bundler): Record<string, number> {
  const root = path.join(dir, '.cache');
  const rewritten = REWRITTEN_BY_EVERY_BUILD[bundler];
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .filter((entry) => !rewritten?.test(path.relative(root, path.join(entry.parentPath, entry.name))));
  return Object.fromEntries(files.map((entry) => {
    const file = path.join(entry.parentPath, entry.name);
    return [path.relative(root, file), statSync(file).mtimeMs];
  }));
}

function builtModules(stats: MultiStats, compiler: string): string[] {
  const child = stats.stats.find((s) => s.compilation.name === compiler)!;
  const json = child.toJson({ all: false, modules: true, nestedModules: true });
  return (json.modules ?? []).filter((m) => m.built).map((m) => m.name ?? '');
}

for (const bundler of BUNDLERS) {
  describe(`persistent cache on ${bundler}`, () => {
    after(removeFixtureApps);

    it('emits the same files warm as cold, from two fresh sets of compilers', async () => {
      const dir = createFixtureApp('app');
      await compileOk(appConfigs(dir, { bundler, cache: true, pluginOptions: KEY }), bundler);
      const cold = emittedFiles(dir);
      expect(readdirSync(path.join(dir, '.cache'))).not.to.deep.equal([]);

      const warm = (await compileOk(appConfigs(dir, { bundler, cache: true, pluginOptions: KEY }), bundler)) as MultiStats;
      expect(builtModules(warm, 'server'), 'nothing is built again in the warm build').to.deep.equal([]);
      expect(differingFiles(emittedFiles(dir), cold)).to.deep.equal([]);
      expect(await callByName(dir, 'ping')).to.equal('pong');
      expect(await callByName(dir, 'add', 2, 3)).to.equal(5);
    });

    it('emits the same files warm as cold in production, with the generated key', async () => {
      const dir = createFixtureApp('app');
      // Production IDs, tree shaking and concatenation, without the minifier's time.
      const production = { bundler, mode: 'production', optimization: { minimize: false }, cache: true } as const;
      await compileOk(appConfigs(dir, production), bundler);
      const cold = emittedFiles(dir);
      const warm = (await compileOk(appConfigs(dir, production), bundler)) as MultiStats;
      expect(builtModules(warm, 'server'), 'nothing is built again in the warm build').to.deep.equal([]);
      expect(differingFiles(emittedFiles(dir), cold)).to.deep.equal([]);
      expect(await callByName(dir, 'ping')).to.equal('pong');
    });

    it('keeps the generated key in the cache: a warm build emits the same bundles and writes nothing to the cache that every build does not rewrite', async () => {
      const dir = createFixtureApp('app');
      await compileOk(appConfigs(dir, { bundler, cache: true }), bundler);
      const cold = emittedFiles(dir);
      const cache = cacheFiles(dir, bundler);
      await compileOk(appConfigs(dir, { bundler, cache: true }), bundler);
      expect(differingFiles(emittedFiles(dir), cold)).to.deep.equal([]);
      expect(cacheFiles(dir, bundler), 'a new key would change the runtime module, and the cache with it').to.deep.equal(cache);
      expect(await callByName(dir, 'ping')).to.equal('pong');
    });

    it('keeps inline server functions and their facades warm as cold', async () => {
      const dir = createFixtureApp('app');
      const withInline = (root: string, label: string) => {
        writeSource(
          root,
          'src/Inline.js',
          `export function makeLabel(prefix) {\n  async function label(suffix) {\n    'use server';\n    return prefix + '${label}' + suffix;\n  }\n  return label;\n}\n`,
        );
        writeSource(root, 'src/server.js', `${readFileSync(path.join(root, 'src/server.js'), 'utf8')}export { makeLabel } from './Inline';\n`);
      };
      withInline(dir, '-cold-');
      await compileOk(appConfigs(dir, { bundler, cache: true }), bundler);
      const cold = manifests(dir);
      const warm = (await compileOk(appConfigs(dir, { bundler, cache: true }), bundler)) as MultiStats;
      expect(builtModules(warm, 'server'), 'nothing is built again in the warm build').to.deep.equal([]);
      expect(manifests(dir)).to.deep.equal(cold);
      const entries = Object.values<{ function?: string }>(JSON.parse(cold['server-actions-manifest.json']));
      expect(entries.map((entry) => entry.function)).to.include('label');

      const server = requireBundle(dir, 'server');
      expect(await server.makeLabel('a')('z')).to.equal('a-cold-z');
      const labelId = Object.keys(server.runtime.readServerActionsManifest()).find(
        (id) => server.runtime.readServerActionsManifest()[id].function === 'label',
      )!;
      expect(await server.runtime.loadServerAction(labelId)).to.be.a('function');
    });

    it('emits what a clean build emits after the sources change between cached builds', async () => {
      const dir = createFixtureApp('app');
      await compileOk(appConfigs(dir, { bundler, cache: true, pluginOptions: KEY }), bundler);
      const change = (root: string) => {
        writeSource(root, 'src/client-only.js', `'use server';\nexport async function ping() { return 'pong'; }\nexport async function pong() { return 'ping'; }\n`);
        // A client component now imports a server function it did not import before.
        const counter = readFileSync(path.join(root, 'src/Counter.js'), 'utf8');
        writeSource(root, 'src/Counter.js', counter.replace("import { ping } from './client-only';", "import { ping, pong } from './client-only';\nexport const also = pong;"));
      };
      change(dir);
      await compileOk(appConfigs(dir, { bundler, cache: true, pluginOptions: KEY }), bundler);

      const clean = createFixtureApp('app');
      change(clean);
      await compileOk(appConfigs(clean, { pluginOptions: KEY }), bundler);
      expect(differingFiles(emittedFiles(dir), emittedFiles(clean))).to.deep.equal([]);
      expect(await callByName(dir, 'pong')).to.equal('ping');
    });

    it('builds modules again when the salt changes, and emits what a clean build with that salt emits', async () => {
      const dir = createFixtureApp('app');
      await compileOk(appConfigs(dir, { bundler, cache: true, pluginOptions: KEY }), bundler);
      const before = manifests(dir);
      const warm = (await compileOk(appConfigs(dir, { bundler, cache: true, pluginOptions: { ...KEY, salt: 'other' } }), bundler)) as MultiStats;
      expect(builtModules(warm, 'server'), 'the modules are built again').to.include('./src/actions.js');
      const salted = createFixtureApp('app');
      await compileOk(appConfigs(salted, { pluginOptions: { ...KEY, salt: 'other' } }), bundler);
      expect(differingFiles(emittedFiles(dir), emittedFiles(salted))).to.deep.equal([]);
      expect(manifests(dir)).not.to.deep.equal(before);
      expect(await callByName(dir, 'ping')).to.equal('pong');
    });

    it('puts a changed encryption key into a warm build', async () => {
      const dir = createFixtureApp('app');
      await compileOk(appConfigs(dir, { bundler, cache: true, pluginOptions: KEY }), bundler);
      const otherKey = { encryptionKey: Buffer.alloc(32, 9).toString('base64') };
      await compileOk(appConfigs(dir, { bundler, cache: true, pluginOptions: otherKey }), bundler);
      const clean = createFixtureApp('app');
      await compileOk(appConfigs(clean, { pluginOptions: otherKey }), bundler);
      expect(differingFiles(emittedFiles(dir), emittedFiles(clean))).to.deep.equal([]);
      expect(readOutput(dir, 'server', 'server.js')).to.include(otherKey.encryptionKey);
    });
});
}
