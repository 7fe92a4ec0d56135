/**
 * client-entrypoints.json: the browser compiler's output lists, per entrypoint, the URLs of the scripts
 * a page loads (runtime and split chunks before the entry chunk), under output.publicPath; the other
 * compilers' outputs do not have it. SSR takes its bootstrap scripts from it.
 */
import { expect } from 'chai';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import webpack, { type Configuration, type MultiStats } from 'webpack';
import { appConfigs, compileOk, errorsOf, outputExists, readJson, readOutput, type AppConfigOptions } from '../helpers/build';
import { compilationStats, entrypointFiles } from '../helpers/built-app';
import { createFixtureApp, removeFixtureApps, writeSource } from '../helpers/fixture-app';

const FILE = 'client-entrypoints.json';

/**
 * A second browser entry with a stylesheet (webpack's CSS support: `second.css` is a file of the entry),
 * and a module both entries import that splitChunks puts in a chunk `shared`.
 */
function addSecondEntry(dir: string): void {
  writeSource(dir, 'src/shared.js', `export function shared(value) {\n  return 'shared:' + value;\n}\n`);
  writeSource(dir, 'src/browser.js', `import { shared } from './shared';\nexport const browser = shared('browser');\n`);
  writeSource(dir, 'src/second.js', `import { shared } from './shared';\nimport './second.css';\nexport const second = shared('second');\n`);
  writeSource(dir, 'src/second.css', `main {\n  color: teal;\n}\n`);
}

const SPLIT: Configuration['optimization'] = {
  runtimeChunk: 'single',
  chunkIds: 'named',
  splitChunks: {
    chunks: 'all',
    minSize: 0,
    cacheGroups: { default: false, defaultVendors: false, shared: { test: /[\\/]shared\.js$/, name: 'shared', enforce: true } },
  },
};

/** Builds the fixture app with the browser compiler's entries replaced. */
async function build(
  dir: string,
  options: AppConfigOptions,
  entry?: Configuration['entry'],
): Promise<MultiStats> {
  const configs = appConfigs(dir, options);
  if (entry) configs.find((config) => config.name === 'browser')!.entry = entry;
  return (await compileOk(configs)) as MultiStats;
}

/**
 * Watches the app with hot module replacement in the browser compiler, edits the browser entry once the
 * first build is done, and resolves when the rebuild is done (rejects after `timeoutMs`).
 */
async function rebuildWithHotUpdate(dir: string, timeoutMs = 30_000): Promise<void> {
  const configs = appConfigs(dir, { compilers: ['browser', 'server'] });
  configs.find((config) => config.name === 'browser')!.plugins!.push(new webpack.HotModuleReplacementPlugin());
  const compiler = webpack(configs);
  const finished: string[][] = [];
  let changed = (): void => {};
  const watching = compiler.watch({}, (error, stats) => {
    finished.push(error ? [error.message] : errorsOf(stats!));
    changed();
  });
  if (!watching) throw new Error('webpack did not start watching');
  const build = (count: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no build ${count} within ${timeoutMs} ms`)), timeoutMs);
      changed = () => {
        const errors = finished.flat();
        if (errors.length === 0 && finished.length < count) return;
        clearTimeout(timer);
        if (errors.length > 0) reject(new Error(`Build failed:\n${errors.join('\n\n')}`));
        else resolve();
      };
      changed();
    });
  try {
    await build(1);
    writeSource(dir, 'src/browser.js', `export const browser = 'edited';\n`);
    await build(2);
  } finally {
    await new Promise((resolve) => watching.close(resolve));
  }
}

describe('client entrypoints (client-entrypoints.json)', () => {
  after(removeFixtureApps);

  it('is emitted into the browser output only, listing the entry script under output.publicPath', async () => {
    const dir = createFixtureApp('app');
    await build(dir, { output: { browser: { publicPath: '/assets/' } } });
    expect(outputExists(dir, 'browser', FILE)).to.equal(true);
    expect(outputExists(dir, 'ssr', FILE), 'SSR output').to.equal(false);
    expect(outputExists(dir, 'server', FILE), 'server output').to.equal(false);
    expect(readOutput(dir, 'browser', FILE)).to.equal(`{\n  "browser": [\n    "/assets/browser.js"\n  ]\n}\n`);
  });

  it('lists, per entry and keys sorted, the runtime chunk and split chunks before the entry chunk; no stylesheets or source maps', async () => {
    const dir = createFixtureApp('app');
    addSecondEntry(dir);
    const stats = await build(
      dir,
      {
        compilers: ['browser', 'server'],
        optimization: SPLIT,
        devtool: 'source-map',
        experiments: { browser: { css: true } },
        output: { browser: { publicPath: '/static/' } },
      },
      { second: './src/second.js', browser: './src/browser.js' },
    );
    const entrypoints = readJson(dir, 'browser', FILE);
    expect(Object.keys(entrypoints)).to.deep.equal(['browser', 'second']);
    expect(entrypoints).to.deep.equal({
      browser: ['/static/runtime.js', '/static/shared.js', '/static/browser.js'],
      second: ['/static/runtime.js', '/static/shared.js', '/static/second.js'],
    });
    // The order webpack itself gives the entrypoint's assets, and each file is in the output.
    const browserStats = compilationStats(stats, 'browser');
    for (const [name, urls] of Object.entries<string[]>(entrypoints)) {
      const files = urls.map((url) => url.slice('/static/'.length));
      expect(files).to.deep.equal(entrypointFiles(browserStats, name).filter((file) => file.endsWith('.js')));
      for (const file of files) expect(outputExists(dir, 'browser', file), file).to.equal(true);
      expect(outputExists(dir, 'browser', `${name}.js.map`), 'the source maps are emitted').to.equal(true);
    }
    expect(entrypointFiles(browserStats, 'second'), 'the stylesheet is a file of the entry').to.include('second.css');
  });

  it('is written where entrypointsFilename says, with the public path as the runtime has it ([fullhash] filled in)', async () => {
    const dir = createFixtureApp('app');
    const stats = await build(dir, {
      compilers: ['browser', 'server'],
      pluginOptions: { entrypointsFilename: 'meta/scripts.json' },
      output: { browser: { publicPath: 'https://cdn.example/[fullhash]/', filename: '[name].js?v=[contenthash]' } },
    });
    const browserStats = compilationStats(stats, 'browser');
    expect(outputExists(dir, 'browser', FILE), 'the default file name').to.equal(false);
    expect(browserStats.hash).to.match(/^[0-9a-f]+$/);
    const [file] = entrypointFiles(browserStats, 'browser');
    expect(file, 'a file name with a query').to.match(/^browser\.js\?v=[0-9a-f]+$/);
    expect(readJson(dir, 'browser', 'meta/scripts.json')).to.deep.equal({ browser: [`https://cdn.example/${browserStats.hash}/${file}`] });
  });

  it('leaves out the hot update of a rebuild with hot module replacement', async () => {
    const dir = createFixtureApp('app');
    await rebuildWithHotUpdate(dir);
    const hotUpdates = readdirSync(path.join(dir, 'dist/browser')).filter((file) => file.endsWith('.hot-update.js'));
    expect(hotUpdates, 'the rebuild emits a hot update of the browser chunk').to.have.lengthOf(1);
    expect(readJson(dir, 'browser', FILE)).to.deep.equal({ browser: ['browser.js'] });
  });

  for (const publicPath of ['auto', '']) {
    it(`lists the files relative to the output directory when output.publicPath is ${JSON.stringify(publicPath)}`, async () => {
      const dir = createFixtureApp('app');
      await build(dir, { compilers: ['browser', 'server'], optimization: SPLIT, output: { browser: { publicPath } } });
      expect(readJson(dir, 'browser', FILE)).to.deep.equal({ browser: ['runtime.js', 'browser.js'] });
    });
  }

  it('lists the .mjs files of an ES module browser bundle', async () => {
    const dir = createFixtureApp('app');
    await build(dir, {
      compilers: ['browser', 'server'],
      optimization: SPLIT,
      experiments: { browser: { outputModule: true } },
      output: { browser: { module: true, chunkFormat: 'module', filename: '[name].mjs', publicPath: '/esm/' } },
    });
    expect(readJson(dir, 'browser', FILE)).to.deep.equal({ browser: ['/esm/runtime.mjs', '/esm/browser.mjs'] });
  });
});
