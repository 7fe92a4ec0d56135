/** Builds the fixture app in the setups users run and calls a server function from each result. */
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Configuration } from 'webpack';
import { ServerActionsPlugin } from 'webpack-server-actions';
import { appConfigs, compile, compileOk, errorsOf, loaderRule, readJson, readOutput, requireBundle } from './helpers/build';
import { createFixtureApp, REPO_NODE_MODULES, removeFixtureApps, writeSource } from './helpers/fixture-app';

/** A server component module with inline server functions, one that captures a value and one that does not. */
function addInlineModule(dir: string): void {
  writeSource(
    dir,
    'src/Inline.js',
    `export function makeAdder(base) {\n  async function addTo(value) {\n    'use server';\n    return base + value;\n  }\n  return addTo;\n}\n` +
      `export function Page() {\n  const multiply = async (a, b) => {\n    'use server';\n    return a * b;\n  };\n  return multiply;\n}\n`,
  );
  writeSource(dir, 'src/server.js', `${readFileSync(path.join(dir, 'src/server.js'), 'utf8')}export { makeAdder } from './Inline';\n`);
}

async function callEveryServerFunction(dir: string, { inline = false } = {}): Promise<void> {
  const server = requireBundle(dir, 'server');
  const manifest = readJson(dir, 'server', 'server-actions-manifest.json');
  const results: Record<string, unknown> = {};
  for (const [id, entry] of Object.entries<any>(manifest)) {
    const fn = await server.runtime.loadServerAction(id);
    if (entry.function === 'addTo') {
      // The reference's captured values as React would send them: sealed, then opened by the function.
      const sealed = await server.makeAdder(40).$$bound[0];
      results.addTo = await fn(sealed, 2);
    } else {
      results[entry.function ?? entry.name] = await fn(2, 3);
    }
  }
  const inlineResults = inline ? { addTo: 42, multiply: 6 } : {};
  expect(results).to.deep.equal({ add: 5, default: 'Hello, 2', echo: { value: 2, secretLength: 23 }, ping: 'pong', ...inlineResults });
}

describe('production builds', () => {
  after(removeFixtureApps);

  for (const moduleIds of ['natural', 'named', 'deterministic', 'size', 'hashed'] as const) {
    it(`keeps every server function with optimization.moduleIds: "${moduleIds}"`, async () => {
      const dir = createFixtureApp('app');
      addInlineModule(dir);
      await compileOk(
        appConfigs(dir, {
          mode: 'production',
          compilers: ['browser', 'server'],
          optimization: { moduleIds, chunkIds: moduleIds === 'hashed' ? 'deterministic' : moduleIds, concatenateModules: true },
        }),
      );
      await callEveryServerFunction(dir, { inline: true });
      const clientManifest = readJson(dir, 'browser', 'react-client-manifest.json');
      const browser = readOutput(dir, 'browser', 'browser.js');
      expect(Object.keys(clientManifest)).to.have.lengthOf(1);
      for (const entry of Object.values<any>(clientManifest)) expect(browser).to.include(String(entry.id));
      expect(browser).not.to.include('server-only-secret-4711');
    });
  }
});

describe('compiler order', () => {
  after(removeFixtureApps);

  it('coordinates compilers that run in parallel', async () => {
    const dir = createFixtureApp('app');
    await compileOk(appConfigs(dir));
    await callEveryServerFunction(dir);
  });

  it('coordinates them whatever order the configs are listed in', async () => {
    const dir = createFixtureApp('app');
    await compileOk(appConfigs(dir).reverse());
    await callEveryServerFunction(dir);
  });

  it('fails with what to change when the server must finish before the clients start', async () => {
    const dir = createFixtureApp('app');
    const stats = await compile(appConfigs(dir, { dependencies: { browser: ['server'], ssr: ['server'] } }));
    const errors = errorsOf(stats).join('\n');
    expect(errors).to.include('compiler "server" finished before compiler "browser"');
    expect(errors).to.include('src/client-only.js');
    expect(errors).to.include('remove `dependencies`');
  });

  it('fails with what to change when the clients must finish before the server starts', async () => {
    const dir = createFixtureApp('app');
    const stats = await compile(appConfigs(dir, { dependencies: { server: ['browser', 'ssr'] } }));
    const errors = errorsOf(stats).join('\n');
    expect(errors).to.include('finished before compiler "server"');
    expect(errors).to.include('src/Counter.js');
  });
});

describe('webpack layers: one server compiler with the RSC and SSR layers', () => {
  after(removeFixtureApps);

  it('builds both layers and the browser, and calls a server function', async () => {
    const dir = createFixtureApp('app');
    const plugin = new ServerActionsPlugin();
    const [browser] = appConfigs(dir, { compilers: ['browser'], plugin });
    const layered: Configuration = {
      name: 'server',
      mode: 'development',
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
    await compileOk([browser, layered]);
    await callEveryServerFunction(dir);
    const ssrManifest = readJson(dir, 'server', 'react-ssr-manifest.json');
    expect(Object.keys(ssrManifest.moduleMap)).to.deep.equal(Object.keys(readJson(dir, 'browser', 'react-client-manifest.json')));
    // The SSR entry renders client components; it must not carry the server functions' code.
    expect(readOutput(dir, 'server', 'ssr.js')).not.to.include('server-only-secret-4711');
  });
});

describe('IDs', () => {
  after(removeFixtureApps);

  it('are the same in two checkouts at different absolute paths, and no absolute path reaches a bundle', async () => {
    const first = createFixtureApp('app');
    const second = createFixtureApp('app', path.join(first, 'nested-checkout'));
    addInlineModule(first);
    addInlineModule(second);
    await compileOk(appConfigs(first));
    await compileOk(appConfigs(second));
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
    await compileOk(appConfigs(dir, { compilers: ['browser', 'server'] }));
    const unsalted = Object.keys(readJson(dir, 'server', 'server-actions-manifest.json'));
    await compileOk(appConfigs(dir, { compilers: ['browser', 'server'], pluginOptions: { salt: 'deploy-2' } }));
    const salted = Object.keys(readJson(dir, 'server', 'server-actions-manifest.json'));
    expect(salted).to.have.lengthOf(unsalted.length);
    expect(salted.filter((id) => unsalted.includes(id))).to.deep.equal([]);
    await callEveryServerFunction(dir);
  });
});
