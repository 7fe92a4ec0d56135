/**
 * A build restored from webpack's filesystem cache (its loaders do not run again) must emit what a cold
 * build emits: the loader's findings live on `module.buildInfo`, which the cache keeps.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { MultiStats } from 'webpack';
import { appConfigs, compileOk, readOutput, requireBundle } from './helpers/build';
import { createFixtureApp, removeFixtureApps, writeSource } from './helpers/fixture-app';

const MANIFESTS = [
  ['server', 'server-actions-manifest.json'],
  ['browser', 'react-client-manifest.json'],
  ['ssr', 'react-ssr-manifest.json'],
] as const;

function manifests(dir: string): Record<string, string> {
  return Object.fromEntries(MANIFESTS.map(([compiler, file]) => [file, readOutput(dir, compiler, file)]));
}

function builtModules(stats: MultiStats, compiler: string): string[] {
  const child = stats.stats.find((s) => s.compilation.name === compiler)!;
  const json = child.toJson({ all: false, modules: true, nestedModules: true });
  return (json.modules ?? []).filter((m) => m.built).map((m) => m.name ?? '');
}

describe('persistent cache', () => {
  after(removeFixtureApps);

  it('emits the same manifests warm as cold, from two fresh sets of compilers', async () => {
    const dir = createFixtureApp('app');
    await compileOk(appConfigs(dir, { cache: true }));
    const cold = manifests(dir);
    expect(readdirSync(path.join(dir, '.cache'))).not.to.deep.equal([]);

    const warm = (await compileOk(appConfigs(dir, { cache: true }))) as MultiStats;
    expect(builtModules(warm, 'server'), 'nothing is built again in the warm build').to.deep.equal([]);
    expect(manifests(dir)).to.deep.equal(cold);
    const server = requireBundle(dir, 'server');
    const serverManifest = JSON.parse(cold['server-actions-manifest.json']);
    const pingId = Object.keys(serverManifest).find((id) => serverManifest[id].name === 'ping')!;
    expect(await (await server.runtime.loadServerAction(pingId))()).to.equal('pong');
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
    await compileOk(appConfigs(dir, { cache: true }));
    const cold = manifests(dir);
    const warm = (await compileOk(appConfigs(dir, { cache: true }))) as MultiStats;
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
    await compileOk(appConfigs(dir, { cache: true }));
    const change = (root: string) =>
      writeSource(root, 'src/client-only.js', `'use server';\nexport async function ping() { return 'pong'; }\nexport async function pong() { return 'ping'; }\n`);
    change(dir);
    await compileOk(appConfigs(dir, { cache: true }));

    const clean = createFixtureApp('app');
    change(clean);
    await compileOk(appConfigs(clean));
    expect(manifests(dir)).to.deep.equal(manifests(clean));
  });

  it('builds modules again when the plugin options change', async () => {
    const dir = createFixtureApp('app');
    await compileOk(appConfigs(dir, { cache: true }));
    const before = manifests(dir);
    await compileOk(appConfigs(dir, { cache: true, pluginOptions: { salt: 'other' } }));
    const salted = createFixtureApp('app');
    await compileOk(appConfigs(salted, { pluginOptions: { salt: 'other' } }));
    expect(manifests(dir)).to.deep.equal(manifests(salted));
    expect(manifests(dir)).not.to.deep.equal(before);
  });
});
