/** Setups and sources that cannot work fail the build with a message that says what to change. */
import { expect } from 'chai';
import * as path from 'node:path';
import webpack from 'webpack';
import { ServerActionsPlugin } from 'webpack-server-actions';
import { appConfigs, compile, errorsOf, loaderRule } from './helpers/build';
import { createFixtureApp, removeFixtureApps, writeSource } from './helpers/fixture-app';

describe('diagnostics', () => {
  after(removeFixtureApps);

  it('names the missing plugin when the loader runs without it', async () => {
    const dir = createFixtureApp('app');
    const [server] = appConfigs(dir, { compilers: ['server'] });
    const errors = errorsOf(await compile({ ...server, plugins: [] })).join('\n');
    expect(errors).to.include('Add the same `new ServerActionsPlugin()` instance to `plugins`');
  });

  it('rejects loader options that are not in the schema', async () => {
    const dir = createFixtureApp('app');
    const [server] = appConfigs(dir, { compilers: ['server'], rules: { server: [loaderRule('server', { layer: 'rsc' })] } });
    const errors = errorsOf(await compile(server)).join('\n');
    expect(errors).to.match(/options\.layer should be one of these:\s*"server" \| "ssr" \| "browser"/);
  });

  it('rejects plugin options that are not in the schema', () => {
    expect(() => new ServerActionsPlugin({ manifest: 'x.json' } as never)).to.throw(/has an unknown property 'manifest'/);
  });

  it('fails when a client calls a server function that the server build does not register', async () => {
    const dir = createFixtureApp('app');
    // The server compiler's loader rule skips client-only.js, so it is bundled without registration.
    const serverRule = { ...loaderRule('server'), exclude: [/node_modules/, /client-only\.js$/] };
    const errors = errorsOf(await compile(appConfigs(dir, { rules: { server: [serverRule] } }))).join('\n');
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
    const errors = errorsOf(await compile(appConfigs(dir, { compilers: ['browser', 'server'] })));
    const located = errors.filter((error) => error.includes('src/client-only.js:'));
    // Three problems, reported by both compilers that build the file.
    expect(located.filter((e) => e.includes('src/client-only.js:3:'))).to.have.lengthOf(2);
    expect(located.filter((e) => e.includes('src/client-only.js:4:'))).to.have.lengthOf(2);
    expect(located.filter((e) => e.includes('src/client-only.js:5:'))).to.have.lengthOf(2);
    expect(located[0]).to.match(/> \d \| export/);
  });

  it('fails on a file with both directives', async () => {
    const dir = createFixtureApp('app');
    writeSource(dir, 'src/Counter.js', `'use client';\n'use server';\nexport default function Counter() {}\n`);
    const errors = errorsOf(await compile(appConfigs(dir, { compilers: ['browser', 'server'] }))).join('\n');
    expect(errors).to.include('A file cannot be both "use server" and "use client".');
  });

  it('asks for `root` when compilers have different contexts', async () => {
    const dir = createFixtureApp('app');
    const configs = appConfigs(dir, { compilers: ['browser', 'server'] });
    configs[0] = { ...configs[0], context: path.join(dir, 'src'), entry: { browser: './browser.js' } };
    const errors = errorsOf(await compile(configs)).join('\n');
    expect(errors).to.include('Set the plugin option `root`');
  });

  it('says where the runtime belongs when it is used outside a server bundle', () => {
    // The runtime's entry needs the react-server condition; its manifest module does not.
    const runtime = require('../dist/runtime/server/manifest.js');
    expect(() => runtime.getServerActionsManifest()).to.throw(/Import "webpack-server-actions\/runtime" from code that webpack bundles/);
    expect(() => runtime.readServerActionsManifest()).to.throw().with.property('code', 'ERR_SERVER_ACTIONS_MANIFEST_MISSING');
  });

  it('exposes the loader path on the plugin class and instances', () => {
    expect(ServerActionsPlugin.loader).to.equal(require.resolve('webpack-server-actions/loader'));
    expect(new ServerActionsPlugin().loader).to.equal(ServerActionsPlugin.loader);
    expect(webpack.version).to.match(/^5\./);
  });
});
