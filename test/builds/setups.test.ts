/**
 * Builds the fixture app in the setups users run (webpack modes, module and chunk IDs, concatenation,
 * splitChunks, library types, ES module output, compilers in any order, webpack layers) and checks each
 * result end to end with helpers/built-app.ts: every server function runs from the built server bundle.
 */
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Configuration, MultiStats } from 'webpack';
import { ServerActionsPlugin } from 'webpack-server-actions';
import {
  appConfigs,
  compile,
  compileOk,
  errorsOf,
  importBundle,
  loaderRule,
  readJson,
  readOutput,
  requireBundle,
  type AppConfigOptions,
  type CompilerName,
} from '../helpers/build';
import {
  addAsyncChunks,
  addInlineModule,
  callEveryServerFunction,
  compilationStats,
  entrypointFiles,
  expectWorkingApp,
} from '../helpers/built-app';
import { BUNDLERS, type Bundler } from '../helpers/example';
import { createFixtureApp, REPO_NODE_MODULES, removeFixtureApps, writeSource } from '../helpers/fixture-app';

/** An ES module server bundle; `.mjs` so that Node loads it as one without a package.json "type". */
const ESM_SERVER_OUTPUT: Configuration['output'] = {
  module: true,
  library: { type: 'module' },
  chunkFormat: 'module',
  chunkLoading: 'import',
  filename: '[name].mjs',
};

/**
 * node_modules to vendor chunks, and the modules React loads by ID ("use server" and "use client"
 * modules) to a chunk of their own: every entry must load split chunks before it runs.
 */
const SPLIT_CHUNKS: NonNullable<Configuration['optimization']>['splitChunks'] = {
  chunks: 'all',
  minSize: 0,
  cacheGroups: {
    referenced: { test: /[\\/]src[\\/](actions|client-only|Counter)\.js$/, name: 'referenced', enforce: true, priority: 20 },
  },
};

// [moduleIds, chunkIds]: each value once with module concatenation and minimizing on, once with both off.
// 'hashed' is deprecated in webpack 5 but still accepted.
const ID_SETTINGS = [
  {
    concatenate: true,
    ids: [['natural', 'total-size'], ['named', 'natural'], ['deterministic', 'size'], ['size', 'named'], ['hashed', 'deterministic']],
  },
  {
    concatenate: false,
    ids: [['natural', 'named'], ['named', 'deterministic'], ['deterministic', 'total-size'], ['size', 'natural'], ['hashed', 'size']],
  },
] as const;

// Server library types, each with a browser library type (or none).
const LIBRARIES = [
  ['commonjs', { type: 'var', name: 'app' }],
  ['commonjs2', { type: 'window', name: 'app' }],
  ['commonjs-module', undefined],
  ['commonjs-static', { type: 'var', name: 'app' }],
  ['umd', { type: 'window', name: 'app' }],
] as const;

interface Setup {
  title: string;
  options: AppConfigOptions;
  /** The server bundle is an ES module, `dist/server/server.mjs`. */
  esm?: boolean;
  /** The entries load split chunks. */
  split?: boolean;
  /** The browser bundle's library puts the entry's exports on the global `app`. */
  browserGlobal?: boolean;
}

/** Rspack has no `moduleIds: "size"`; its own `"compact-hashed"` takes that place in its matrix. */
function moduleIdsOn(bundler: Bundler, moduleIds: (typeof ID_SETTINGS)[number]['ids'][number][0]) {
  return bundler === 'rspack' && moduleIds === 'size' ? ('compact-hashed' as 'size') : moduleIds;
}

const setupsFor = (bundler: Bundler): Setup[] => [
  { title: 'mode: "development"', options: { mode: 'development' } },
  { title: 'mode: "production"', options: { mode: 'production' } },
  ...ID_SETTINGS.flatMap(({ concatenate, ids }) =>
    ids.map(([moduleIdsOnWebpack, chunkIds]): Setup => ({
      title: `production, moduleIds "${moduleIdsOn(bundler, moduleIdsOnWebpack)}", chunkIds "${chunkIds}", concatenateModules and minimize ${concatenate ? 'on' : 'off'}`,
      options: {
        mode: 'production',
        compilers: ['browser', 'server'],
        optimization: { moduleIds: moduleIdsOn(bundler, moduleIdsOnWebpack), chunkIds, concatenateModules: concatenate, minimize: concatenate },
      },
    })),
  ),
  ...(['development', 'production'] as const).map((mode): Setup => ({
    title: `${mode}, splitChunks: vendor chunks and a chunk of the modules React loads by ID`,
    options: { mode, optimization: { splitChunks: SPLIT_CHUNKS } },
    split: true,
  })),
  ...LIBRARIES.map(([type, browserLibrary]): Setup => ({
    title: `server output.library "${type}", browser output.library ${browserLibrary ? `"${browserLibrary.type}"` : 'none'}`,
    options: { compilers: ['browser', 'server'], output: { server: { library: { type } }, browser: { library: browserLibrary } } },
    browserGlobal: browserLibrary !== undefined,
  })),
  {
    title: 'development, ES module server output (experiments.outputModule, output.library "module")',
    options: {
      compilers: ['browser', 'server'],
      experiments: { server: { outputModule: true } },
      output: { server: ESM_SERVER_OUTPUT },
    },
    esm: true,
  },
  {
    title: 'production, ES module server output with splitChunks',
    options: {
      mode: 'production',
      compilers: ['browser', 'server'],
      experiments: { server: { outputModule: true } },
      output: { server: ESM_SERVER_OUTPUT },
      optimization: { splitChunks: SPLIT_CHUNKS },
    },
    esm: true,
    split: true,
  },
];

/** Runs tasks at most `limit` at a time, in the order they are asked for. */
function limited(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

function setupApp(): string {
  const dir = createFixtureApp('app');
  addInlineModule(dir);
  addAsyncChunks(dir);
  return dir;
}
for (const bundler of BUNDLERS) {
  describe(`on ${bundler}`, () => {
    describe('setups: the built app runs, server functions and all', () => {
      const SETUPS = setupsFor(bundler);
      const builds = new Map<Setup, Promise<{ dir: string; stats: MultiStats }>>();

      before(() => {
        // The builds are independent: two at a time (terser minifies in other threads); each test awaits its own.
        const schedule = limited(2);
        for (const setup of SETUPS) {
          const build = schedule(async () => {
            const dir = setupApp();
            return { dir, stats: (await compileOk(appConfigs(dir, setup.options), bundler)) as MultiStats };
          });
          build.catch(() => {}); // reported by the test that awaits it
          builds.set(setup, build);
        }
      });
      after(removeFixtureApps);

      for (const setup of SETUPS) {
        it(setup.title, async () => {
          const { dir, stats } = await builds.get(setup)!;
          const server = setup.esm ? await importBundle(dir, 'server') : requireBundle(dir, 'server');
          const hasSsr = setup.options.compilers === undefined;
          const ssr = hasSsr
            ? { bundle: requireBundle(dir, 'ssr'), manifest: readJson(dir, 'ssr', 'react-ssr-manifest.json') }
            : undefined;
          const browser = await expectWorkingApp({ dir, stats, server, ssr });
          if (setup.browserGlobal) expect(browser.scope.app).to.have.property('browser', true);
          if (setup.split) {
            // What the checks ran through: entries that load split chunks before they start.
            const names: CompilerName[] = hasSsr ? ['browser', 'ssr', 'server'] : ['browser', 'server'];
            for (const name of names) {
              expect(entrypointFiles(compilationStats(stats, name), name), name).to.have.length.above(2);
            }
          }
        });
      }
    });

    describe('compiler order', () => {
      after(removeFixtureApps);

      async function expectWorkingBuild(configsFor: (dir: string) => Configuration[]): Promise<void> {
        const dir = setupApp();
        const stats = (await compileOk(configsFor(dir), bundler)) as MultiStats;
        const ssr = { bundle: requireBundle(dir, 'ssr'), manifest: readJson(dir, 'ssr', 'react-ssr-manifest.json') };
        await expectWorkingApp({ dir, stats, server: requireBundle(dir, 'server'), ssr });
      }

      it('coordinates compilers that run in parallel', async () => {
        await expectWorkingBuild((dir) => appConfigs(dir));
      });

      it('coordinates them whatever order the configs are listed in', async () => {
        await expectWorkingBuild((dir) => appConfigs(dir).reverse());
      });

      const SEQUENTIAL: Array<[string, (dir: string) => Configuration[]]> = [
        ['the server must finish before the clients start (dependencies)', (dir) => appConfigs(dir, { dependencies: { browser: ['server'], ssr: ['server'] } })],
        ['the clients must finish before the server starts (dependencies)', (dir) => appConfigs(dir, { dependencies: { server: ['browser', 'ssr'] } })],
        ['they run one at a time (parallelism: 1)', (dir) => Object.assign(appConfigs(dir), { parallelism: 1 })],
      ];
      for (const [when, configsFor] of SEQUENTIAL) {
        if (bundler === 'webpack') {
          it(`coordinates them when ${when}`, async () => {
            await expectWorkingBuild(configsFor);
          });
        } else {
          it(`fails, saying what to change, when ${when}`, async () => {
            const errors = errorsOf(await compile(configsFor(setupApp()), bundler));
            expect(errors.join('\n')).to.include('on Rspack, the compilers that share a ServerActionsPlugin must run at the same time');
            expect(errors.join('\n')).to.include('Remove `dependencies` between these configs and any `parallelism` below their number');
          });
        }
      }
    });

    describe('webpack layers: one server compiler with the RSC and SSR layers', () => {
      after(removeFixtureApps);

      for (const mode of ['development', 'production'] as const) {
        it(`builds both layers and the browser (${mode}), and the app runs`, async () => {
          const dir = setupApp();
          const key = randomBytes(32).toString('base64');
          const plugin = new ServerActionsPlugin({ encryptionKey: key });
          const [browser] = appConfigs(dir, { mode, compilers: ['browser'], plugin });
          const layered: Configuration = {
            name: 'server',
            mode,
            context: dir,
            devtool: false,
            target: 'node',
            entry: {
              server: { import: './src/server.js', layer: 'rsc' },
              ssr: { import: './src/ssr.js', layer: 'ssr' },
            },
            output: { path: path.join(dir, 'dist/server'), library: { type: 'commonjs2' }, clean: true },
            experiments: { layers: true },
            resolve: { modules: ['node_modules', REPO_NODE_MODULES] },
            module: {
              rules: [
                { issuerLayer: 'rsc', resolve: { conditionNames: ['react-server', '...'] } },
                { issuerLayer: 'rsc', ...loaderRule('server') },
                { issuerLayer: 'ssr', ...loaderRule('ssr') },
              ],
            },
            plugins: [plugin],
          };
          const stats = (await compileOk([browser, layered], bundler)) as MultiStats;
          const ssrManifest = readJson(dir, 'server', 'react-ssr-manifest.json');
          const ssr = { bundle: requireBundle(dir, 'server', 'ssr.js'), manifest: ssrManifest };
          await expectWorkingApp({ dir, stats, server: requireBundle(dir, 'server'), ssr });
          expect(Object.keys(ssrManifest.moduleMap)).to.deep.equal(Object.keys(readJson(dir, 'browser', 'react-client-manifest.json')));
          // The SSR entry renders client components; it must carry neither the server functions' code nor the key.
          expect(readOutput(dir, 'server', 'ssr.js')).not.to.include('server-only-secret-4711');
          expect(readOutput(dir, 'server', 'ssr.js')).not.to.include(key);
        });
      }
    });

    describe('a server compiler with a second entry', () => {
      after(removeFixtureApps);

      it('builds an entry without async chunks next to the server entry, and both load', async () => {
        const dir = setupApp();
        writeSource(dir, 'src/health.js', `export const healthy = true;\n`);
        const configs = appConfigs(dir, { compilers: ['browser', 'server'] });
        configs[1].entry = { server: './src/server.js', health: './src/health.js' };
        const stats = (await compileOk(configs, bundler)) as MultiStats;
        expect(requireBundle(dir, 'server', 'health.js')).to.have.property('healthy', true);
        await expectWorkingApp({ dir, stats, server: requireBundle(dir, 'server') });
      });
    });

    describe('IDs', () => {
      after(removeFixtureApps);

      it('are the same in two checkouts at different absolute paths, and no absolute path reaches a bundle', async () => {
        const first = createFixtureApp('app');
        const second = createFixtureApp('app', path.join(first, 'nested-checkout'));
        addInlineModule(first);
        addInlineModule(second);
        await compileOk(appConfigs(first), bundler);
        await compileOk(appConfigs(second), bundler);
        for (const compiler of ['browser', 'ssr', 'server'] as const) {
          for (const file of readdirSync(path.join(first, 'dist', compiler))) {
            const a = readFileSync(path.join(first, 'dist', compiler, file), 'utf8');
            const b = readFileSync(path.join(second, 'dist', compiler, file), 'utf8');
            expect(a, `${compiler}/${file}`).not.to.include(first);
            if (file.endsWith('.json')) expect(a, `${compiler}/${file}`).to.equal(b);
          }
        }
      });

      it('change with the salt', async () => {
        const dir = createFixtureApp('app');
        await compileOk(appConfigs(dir, { compilers: ['browser', 'server'] }), bundler);
        const unsalted = Object.keys(readJson(dir, 'server', 'server-actions-manifest.json'));
        await compileOk(appConfigs(dir, { compilers: ['browser', 'server'], pluginOptions: { salt: 'deploy-2' } }), bundler);
        const salted = Object.keys(readJson(dir, 'server', 'server-actions-manifest.json'));
        expect(salted).to.have.lengthOf(unsalted.length);
        expect(salted.filter((id) => unsalted.includes(id))).to.deep.equal([]);
        await callEveryServerFunction(dir, requireBundle(dir, 'server'));
      });
    });
  });
}
