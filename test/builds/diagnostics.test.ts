/** Setups and sources that cannot work fail the build with a message that says what to change. */
import { expect } from 'chai';
import { cpSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import webpack, { type Configuration, type MultiStats, type Stats } from 'webpack';
import { ServerActionsPlugin } from 'webpack-server-actions';
import { appConfigs, compile, errorsOf, loaderRule, plainMessage, readJson, requireBundle, type CompilerName } from '../helpers/build';
import { BUNDLERS } from '../helpers/example';
import { createFixtureApp, REPO_NODE_MODULES, removeFixtureApps, writeSource } from '../helpers/fixture-app';

function warningsOf(stats: MultiStats | Stats): string[] {
  const compilations = 'stats' in stats ? stats.stats : [stats];
  return compilations.flatMap((child) => child.toJson({ all: false, warnings: true }).warnings ?? []).map((w) => plainMessage(w.message));
}

/** The config without `resolve.conditionNames`. */
function withoutConditions(config: Configuration): Configuration {
  const { conditionNames: _dropped, ...resolve } = config.resolve ?? {};
  return { ...config, resolve };
}

/** A loader rule that spares one package in node_modules from `exclude`, as docs/layers-and-setups.md documents. */
function sparing(pkg: string): Partial<Record<CompilerName, ReturnType<typeof loaderRule>[]>> {
  const exclude = new RegExp(`node_modules[\\\\/](?!${pkg}[\\\\/])`);
  return Object.fromEntries((['browser', 'ssr', 'server'] as const).map((name) => [name, [{ ...loaderRule(name), exclude }]]));
}

for (const bundler of BUNDLERS) {
  describe(`diagnostics on ${bundler}`, () => {
    after(removeFixtureApps);

    it('names the missing plugin when the loader runs without it', async () => {
      const dir = createFixtureApp('app');
      const [server] = appConfigs(dir, { compilers: ['server'] });
      const errors = errorsOf(await compile({ ...server, plugins: [] }, bundler)).join('\n');
      expect(errors).to.include('Add the same `new ServerActionsPlugin()` instance to `plugins`');
    });

    it('names the missing plugin when only the browser compiler has it', async () => {
      const dir = createFixtureApp('app');
      const [browser, server] = appConfigs(dir, { compilers: ['browser', 'server'] });
      const stats = (await compile([browser, { ...server, plugins: [] }], bundler)) as MultiStats;
      const [browserErrors, serverErrors] = stats.stats.map((child) => errorsOf(child).join('\n'));
      expect(browserErrors).to.equal('');
      expect(serverErrors).to.include('the loader runs without its plugin. Add the same `new ServerActionsPlugin()` instance');
    });

    it('asks for one plugin instance in every compiler when each compiler has its own', async () => {
      const dir = createFixtureApp('app');
      // The browser entry renders Counter itself, so the browser's instance sees the server functions it calls.
      writeSource(dir, 'src/browser.js', "export { default as Counter } from './Counter';\n");
      const configs = appConfigs(dir).map((config) => ({ ...config, plugins: [new ServerActionsPlugin()] }));
      const stats = await compile(configs, bundler);
      expect(errorsOf(stats)).to.deep.equal([]);
      const warnings = warningsOf(stats);
      const fix = 'use one instance in every compiler: `const serverActions = new ServerActionsPlugin();` and `plugins: [serverActions]` in each config';
      const browser = warnings.find((message) => message.includes('compiler "browser" builds modules that call server functions'));
      expect(browser, warnings.join('\n')).to.include('(src/actions.js, src/client-only.js)');
      expect(browser).to.include('no compiler that shares its ServerActionsPlugin instance builds the server layer');
      expect(browser).to.include(fix);
      const server = warnings.find((message) => message.includes('compiler "server" renders client components (src/Counter.js)'));
      expect(server, warnings.join('\n')).to.include('no compiler that shares its ServerActionsPlugin instance builds the browser layer');
      expect(server).to.include(fix);
      expect(warnings).to.have.lengthOf(2);
      // What the warnings are about: the server build lacks the function only the browser's Counter calls.
      const names = Object.values<any>(readJson(dir, 'server', 'server-actions-manifest.json')).map((entry) => entry.name);
      expect(names.sort()).to.deep.equal(['add', 'default', 'echo']);
    });

    it('fails with the `resolve.conditionNames` to add when the server compiler lacks `react-server`', async () => {
      const dir = createFixtureApp('app');
      const [browser, server] = appConfigs(dir, { compilers: ['browser', 'server'] });
      const errors = errorsOf(await compile([browser, withoutConditions(server)], bundler));
      expect(errors).to.have.lengthOf(1);
      expect(errors[0]).to.include('compiler "server" resolves React for the server layer without the `react-server` condition');
      expect(errors[0]).to.include('  - react-server-dom-webpack/server.js\n');
      expect(errors[0]).to.include('  - react/index.js\n');
      expect(errors[0]).to.include("Add `resolve: { conditionNames: ['react-server', '...'] }` to the config of compiler \"server\".");
      expect(() => requireBundle(dir, 'server')).to.throw(/cannot be used outside a react-server environment/);
    });

    it('names the `issuerLayer` rule to add when a server layer lacks `react-server`', async () => {
      const dir = createFixtureApp('app');
      const plugin = new ServerActionsPlugin();
      const [browser, server] = appConfigs(dir, { compilers: ['browser', 'server'], plugin });
      const layered: Configuration = {
        ...withoutConditions(server),
        entry: { server: { import: './src/server.js', layer: 'rsc' } },
        experiments: { layers: true },
        module: { rules: [{ issuerLayer: 'rsc', ...loaderRule('server') }] },
      };
      const errors = errorsOf(await compile([browser, layered], bundler)).join('\n');
      expect(errors).to.include('compiler "server" resolves React for the server layer without the `react-server` condition');
      expect(errors).to.include(
        "Add `resolve: { conditionNames: ['react-server', '...'] }` to a rule for the server layer: " +
          "`{ issuerLayer: \"rsc\", resolve: { conditionNames: ['react-server', '...'] } }`.",
      );
    });

    it('warns about two copies of react-server-dom-webpack in one bundle, naming both', async () => {
      const dir = createFixtureApp('app');
      const pkg = path.join(dir, 'node_modules/some-actions-pkg');
      cpSync(path.join(__dirname, '../fixtures/packages/some-actions-pkg'), pkg, { recursive: true });
      // The package brings its own copy, which the loader's output in its files then imports.
      cpSync(path.join(REPO_NODE_MODULES, 'react-server-dom-webpack'), path.join(pkg, 'node_modules/react-server-dom-webpack'), { recursive: true });
      writeSource(dir, 'src/server.js', "export * as runtime from 'webpack-server-actions/runtime';\nexport { shout } from 'some-actions-pkg';\n");
      const stats = await compile(appConfigs(dir, { compilers: ['server'], rules: sparing('some-actions-pkg') }), bundler);
      expect(errorsOf(stats)).to.deep.equal([]);
      const warnings = warningsOf(stats);
      expect(warnings).to.have.lengthOf(1);
      const hoisted = path.relative(dir, path.join(REPO_NODE_MODULES, 'react-server-dom-webpack')).split(path.sep).join('/');
      expect(warnings[0]).to.include('compiler "server" bundles 2 copies of react-server-dom-webpack:\n');
      expect(warnings[0]).to.include(`  - ${hoisted} (19.`);
      expect(warnings[0]).to.include('  - node_modules/some-actions-pkg/node_modules/react-server-dom-webpack (19.');
      expect(warnings[0]).to.include('Keep one copy: `npm dedupe`');
      // A warning, as the build can work: the package's function is registered and runs.
      const server = requireBundle(dir, 'server');
      const [id] = Object.keys(readJson(dir, 'server', 'server-actions-manifest.json'));
      expect(await (await server.runtime.loadServerAction(id))('copy')).to.equal('COPY!');
    });

    it('warns when a server component imports a "use client" file that no loader rule matches', async () => {
      const dir = createFixtureApp('app');
      writeSource(dir, 'node_modules/ui-kit/package.json', JSON.stringify({ name: 'ui-kit', version: '2.0.0', main: 'index.js' }));
      writeSource(dir, 'node_modules/ui-kit/index.js', "// UI kit\n'use client';\nexport function Button() { return null; }\n");
      writeSource(dir, 'src/server.js', "export * as runtime from 'webpack-server-actions/runtime';\nexport { Button } from 'ui-kit';\n");
      const warnings = warningsOf(await compile(appConfigs(dir, { compilers: ['server'] }), bundler));
      expect(warnings).to.have.lengthOf(1);
      expect(warnings[0]).to.include('compiler "server" bundles "use client" files in the server layer that no webpack-server-actions loader rule matches');
      expect(warnings[0]).to.include('  - node_modules/ui-kit/index.js\n');
      expect(warnings[0]).to.include('`exclude: /node_modules[\\\\/](?!ui-kit[\\\\/])/`');
    });

    it('fails when the server renders a "use client" file that a client compiler\'s loader rule does not match', async () => {
      const dir = createFixtureApp('app');
      writeSource(dir, 'node_modules/ui-kit/package.json', JSON.stringify({ name: 'ui-kit', version: '2.0.0', main: 'index.js' }));
      writeSource(dir, 'node_modules/ui-kit/index.js', "'use client';\nexport function Button() { return null; }\n");
      writeSource(dir, 'src/server.js', "export * as runtime from 'webpack-server-actions/runtime';\nexport { Button } from 'ui-kit';\n");
      // The server's rule spares ui-kit, the browser's default rule excludes all of node_modules.
      const configs = appConfigs(dir, { compilers: ['browser', 'server'], rules: { server: sparing('ui-kit').server } });
      const errors = errorsOf(await compile(configs, bundler));
      const error = errors.find((message) => message.includes('compiler "browser" bundles "use client" files that the server renders'));
      expect(error, errors.join('\n')).to.include('but that no webpack-server-actions loader rule matches here');
      expect(error).to.include('  - node_modules/ui-kit/index.js\n');
      expect(error).to.include('`exclude: /node_modules[\\\\/](?!ui-kit[\\\\/])/`');
      // The compilers ran together: no word of one finishing before the other.
      expect(errors.join('\n')).not.to.include('finished before');
    });

    it('rejects loader options that are not in the schema', async () => {
      const dir = createFixtureApp('app');
      const [server] = appConfigs(dir, { compilers: ['server'], rules: { server: [loaderRule('server', { layer: 'rsc' })] } });
      const errors = errorsOf(await compile(server, bundler)).join('\n');
      // Rspack draws a "│" before each line of the message under "Module build failed".
      expect(errors).to.match(/options\.layer should be one of these:[\s│]*"server" \| "ssr" \| "browser"/);
    });

    it('fails when a client calls a server function that the server build does not register', async () => {
      const dir = createFixtureApp('app');
      // The server compiler's loader rule skips client-only.js, so it is bundled without registration.
      const serverRule = { ...loaderRule('server'), exclude: [/node_modules/, /client-only\.js$/] };
      const errors = errorsOf(await compile(appConfigs(dir, { rules: { server: [serverRule] } }), bundler)).join('\n');
      expect(errors).to.include('the server build lacks server functions that clients call');
      expect(errors).to.include('`ping` of src/client-only.js (used by compiler "browser")');
      expect(errors).to.include('Make sure the loader rule with `layer: "server"` matches these files');
    });

    it('reports every bad export of a "use server" file in the build, with a code frame', async () => {
      const dir = createFixtureApp('app');
      writeSource(
        dir,
        'src/client-only.js',
        `'use server';\nexport async function ping() {}\nexport const limit = 10;\nexport function sync() {}\nexport class Store {}\n`,
      );
      const errors = errorsOf(await compile(appConfigs(dir, { compilers: ['browser', 'server'] }), bundler));
      const located = errors.filter((error) => error.includes('src/client-only.js:'));
      // Three problems, reported by both compilers that build the file.
      expect(located.filter((e) => e.includes('src/client-only.js:3:'))).to.have.lengthOf(2);
      expect(located.filter((e) => e.includes('src/client-only.js:4:'))).to.have.lengthOf(2);
      expect(located.filter((e) => e.includes('src/client-only.js:5:'))).to.have.lengthOf(2);
      expect(located[0]).to.match(/> \d \| export/);
    });

    describe('a misspelled directive', () => {
      // The fixture's actions.js holds a server-only secret and is imported by the client component Counter.
      const SECRET = 'server-only-secret-4711';
      const typoRules = (extra: object) =>
        Object.fromEntries((['browser', 'server'] as const).map((name) => [name, [loaderRule(name, extra)]]));
      function withTypos(dir: string): void {
        const actions = readFileSync(path.join(dir, 'src/actions.js'), 'utf8');
        writeSource(dir, 'src/actions.js', actions.replace("'use server';", "'use sever';"));
        writeSource(dir, 'src/Notes.js', "export async function save(id) {\n  'use action';\n  return id;\n}\n");
        writeSource(dir, 'src/server.js', `${readFileSync(path.join(dir, 'src/server.js'), 'utf8')}export { save } from './Notes';\n`);
      }
      const browserBundle = (dir: string) => readFileSync(path.join(dir, 'dist/browser/browser.js'), 'utf8');

      it('fails the build, in each compiler that builds it, with a code frame and the fix, and bundles none of its code', async () => {
        const dir = createFixtureApp('app');
        withTypos(dir);
        const errors = errorsOf(await compile(appConfigs(dir, { compilers: ['browser', 'server'] }), bundler));
        const typos = errors.filter((error) => error.includes('src/actions.js:1:1: "use sever" is not a directive React knows'));
        expect(typos, errors.join('\n\n')).to.have.lengthOf(2);
        for (const error of typos) {
          expect(error).to.include('Did you mean "use server"?\nWrite it exactly as "use server".');
          expect(error).to.match(/^> 1 \| 'use sever';\n {4}\| \^/m);
          expect(error).not.to.match(/\n\s+at /);
        }
        // The function-level slip, in the server compiler only (the browser does not import Notes.js).
        const inFunction = errors.filter((error) => error.includes('src/Notes.js:2:3: "use action" is not a directive React knows'));
        expect(inFunction, errors.join('\n\n')).to.have.lengthOf(1);
        expect(inFunction[0]).to.match(/^> 2 \| {3}'use action';$/m);
        expect(errors, errors.join('\n\n')).to.have.lengthOf(3);
        // What the error is for: the misspelled file's server code is not in the browser bundle.
        expect(browserBundle(dir)).to.include('src/actions.js failed to build');
        expect(browserBundle(dir)).not.to.include(SECRET);
      });

      it('builds with a warning instead under `directiveTypos: "warning"`, and bundles the file for the browser', async () => {
        const dir = createFixtureApp('app');
        withTypos(dir);
        const stats = await compile(appConfigs(dir, { compilers: ['browser', 'server'], rules: typoRules({ directiveTypos: 'warning' }) }), bundler);
        expect(errorsOf(stats)).to.deep.equal([]);
        const warnings = warningsOf(stats);
        const typos = warnings.filter((w) => w.includes('src/actions.js:1:1: "use sever" is not a directive React knows'));
        const inFunction = warnings.filter((w) => w.includes('src/Notes.js:2:3: "use action" is not a directive React knows'));
        expect(typos, warnings.join('\n\n')).to.have.lengthOf(2);
        expect(inFunction, warnings.join('\n\n')).to.have.lengthOf(1);
        for (const warning of [...typos, ...inFunction]) expect(warning).to.match(/^> \d \| /m);
        // The risk the option takes, as its description says: the file is a plain module, secret and all.
        expect(browserBundle(dir)).to.include(SECRET);
        const names = Object.values<any>(readJson(dir, 'server', 'server-actions-manifest.json')).map((entry) => entry.name);
        expect(names).to.deep.equal(['ping']);
      });

      it('rejects a `directiveTypos` that is not "error" or "warning"', async () => {
        const dir = createFixtureApp('app');
        const errors = errorsOf(await compile(appConfigs(dir, { compilers: ['server'], rules: typoRules({ directiveTypos: 'ignore' }) }), bundler));
        expect(errors.join('\n')).to.match(/options\.directiveTypos should be one of these:[\s│]*"error" \| "warning"/);
      });
    });

    it('fails on a file with both directives', async () => {
      const dir = createFixtureApp('app');
      writeSource(dir, 'src/Counter.js', `'use client';\n'use server';\nexport default function Counter() {}\n`);
      const errors = errorsOf(await compile(appConfigs(dir, { compilers: ['browser', 'server'] }), bundler)).join('\n');
      expect(errors).to.include('A file cannot be both "use server" and "use client".');
    });

    it('asks for `root` when compilers have different contexts', async () => {
      const dir = createFixtureApp('app');
      const configs = appConfigs(dir, { compilers: ['browser', 'server'] });
      configs[0] = { ...configs[0], context: path.join(dir, 'src'), entry: { browser: './browser.js' } };
      const errors = errorsOf(await compile(configs, bundler)).join('\n');
      expect(errors).to.include('Set the plugin option `root`');
    });

    // Rspack refuses compilers in sequence in their first run already (bundler/sequential-compilers.ts).
    it(
      bundler === 'webpack'
        ? 'names the modules that a compiler which ran earlier lacks, in a second run of compilers in sequence'
        : 'fails the first run of compilers in sequence, saying what to change',
      async () => {
      const dir = createFixtureApp('app');
      const configs = appConfigs(dir, { dependencies: { browser: ['server'], ssr: ['server'] } });
      if (bundler === 'rspack') {
        const errors = errorsOf(await compile(configs, bundler)).join('\n');
        expect(errors).to.include('on Rspack, the compilers that share a ServerActionsPlugin must run at the same time');
        return;
      }
      const compiler = webpack(configs);
      const run = () =>
        new Promise<MultiStats>((resolve, reject) => compiler.run((error, stats) => (error ? reject(error) : resolve(stats!))));
      try {
        expect(errorsOf(await run())).to.deep.equal([]);
        // The server runs first again, before the browser asks it for a server function it has not built.
        writeSource(dir, 'src/more.js', `'use server';\nexport async function more() {}\n`);
        const counter = readFileSync(path.join(dir, 'src/Counter.js'), 'utf8');
        writeSource(dir, 'src/Counter.js', `${counter}\nimport { more } from './more';\nconsole.log(more);\n`);
        const errors = errorsOf(await run()).join('\n');
        expect(errors).to.include(
          'compiler "server" finished before compiler "browser" and lacks modules that "browser" needs it to contain:\n' +
            '  - src/more.js\nLet the compilers run at the same time',
        );
      } finally {
        await new Promise((resolve) => compiler.close(resolve));
      }
    });
  });
}

describe('diagnostics', () => {
  it('rejects plugin options that are not in the schema', () => {
    expect(() => new ServerActionsPlugin({ manifest: 'x.json' } as never)).to.throw(/has an unknown property 'manifest'/);
  });

  it('says where the runtime belongs when it is used outside a server bundle', () => {
    // The runtime's entry needs the react-server condition; its manifest module does not.
    const runtime = require('../../dist/runtime/server/manifest.js');
    expect(() => runtime.getServerActionsManifest()).to.throw(/Import "webpack-server-actions\/runtime" from code that webpack bundles/);
    expect(() => runtime.readServerActionsManifest()).to.throw().with.property('code', 'ERR_SERVER_ACTIONS_MANIFEST_MISSING');
  });

  it('exposes the loader path on the plugin class and instances', () => {
    expect(ServerActionsPlugin.loader).to.equal(require.resolve('webpack-server-actions/loader'));
    expect(new ServerActionsPlugin().loader).to.equal(ServerActionsPlugin.loader);
    expect(webpack.version).to.match(/^5\./);
  });
});
