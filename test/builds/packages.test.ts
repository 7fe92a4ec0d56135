/**
 * "use server" files in packages: a dependency installed in node_modules, and a workspace package of a
 * monorepo that npm, yarn or pnpm link into node_modules. Each is built with the config that
 * docs/layers-and-setups.md documents (Setups, Packages), and its server functions are called in the
 * built server bundle.
 */
import { expect } from 'chai';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Configuration, MultiStats, RuleSetRule, Stats } from 'webpack';
import { appConfigs, compile, errorsOf, loaderRule, readJson, readOutput, requireBundle, type CompilerName } from '../helpers/build';
import { createFixtureApp, REPO_ROOT, removeFixtureApps, writeSource } from '../helpers/fixture-app';

const PACKAGES = path.join(__dirname, '../fixtures/packages');
const COMPILERS: CompilerName[] = ['browser', 'ssr', 'server'];
const DEPENDENCY_SECRET = 'dependency-secret-3307';
const WORKSPACE_SECRET = 'workspace-secret-8841';

/**
 * The fixture app, extended to use a package's server functions from both sides: a client component
 * imports `fromClient`, and the server component passes the export `fromServer` (as `local`) to it as a
 * form action; the server entry exports it too.
 */
function usePackage(dir: string, pkg: string, fromClient: string, [fromServer, local]: [string, string]): void {
  writeSource(
    dir,
    'src/Panel.js',
    `'use client';\nimport { createElement } from 'react';\nimport { ${fromClient} } from '${pkg}';\n\n` +
      `export default function Panel({ onSave }) {\n` +
      `  return createElement('form', { action: onSave }, createElement('button', { type: 'button', onClick: () => ${fromClient}('x') }, 'go'));\n}\n`,
  );
  writeSource(
    dir,
    'src/App.js',
    `import { createElement } from 'react';\nimport { add } from './actions';\nimport Counter from './Counter';\nimport Panel from './Panel';\n` +
      `import { ${fromServer} as ${local} } from '${pkg}';\n\nexport default function App() {\n` +
      `  return createElement('main', null, createElement(Counter, { onAdd: add }), createElement(Panel, { onSave: ${local} }));\n}\n`,
  );
  const server = readFileSync(path.join(dir, 'src/server.js'), 'utf8');
  writeSource(dir, 'src/server.js', `${server}export { ${fromServer} as ${local} } from '${pkg}';\n`);
}

function installDependency(dir: string): void {
  cpSync(path.join(PACKAGES, 'some-actions-pkg'), path.join(dir, 'node_modules/some-actions-pkg'), { recursive: true });
  usePackage(dir, 'some-actions-pkg', 'shout', ['whisper', 'whisper']);
}

/** The loader rule of each compiler with another `exclude` (none when undefined). */
function rulesExcluding(exclude: RegExp | undefined): Partial<Record<CompilerName, RuleSetRule[]>> {
  const rule = (name: CompilerName): RuleSetRule => {
    const { exclude: _default, ...rest } = loaderRule(name);
    return exclude ? { ...rest, exclude } : rest;
  };
  return Object.fromEntries(COMPILERS.map((name) => [name, [rule(name)]]));
}

/** The documented rule for a dependency with "use server" files: every package but it stays excluded. */
const SPARE_DEPENDENCY = /node_modules[\\/](?!some-actions-pkg[\\/])/;

function warningsOf(stats: MultiStats | Stats): string[] {
  const compilations = 'stats' in stats ? stats.stats : [stats];
  return compilations.flatMap((child) => child.toJson({ all: false, warnings: true }).warnings ?? []).map((w) => w.message);
}

/** A build without errors and without warnings: the documented setups leave nothing to fix. */
async function buildClean(configs: Configuration[]): Promise<void> {
  const stats = await compile(configs);
  expect([...errorsOf(stats), ...warningsOf(stats)]).to.deep.equal([]);
}

/** The server functions of `file` in the server bundle's manifest, by export name, loaded through the runtime. */
async function serverFunctionsOf(dir: string, file: string): Promise<Record<string, (...args: unknown[]) => Promise<unknown>>> {
  const server = requireBundle(dir, 'server');
  const manifest = readJson(dir, 'server', 'server-actions-manifest.json');
  const found: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const [id, entry] of Object.entries<any>(manifest)) {
    if (entry.file === file) found[entry.name] = await server.runtime.loadServerAction(id);
  }
  return found;
}

function manifests(dir: string): Record<string, unknown> {
  return {
    server: readJson(dir, 'server', 'server-actions-manifest.json'),
    client: readJson(dir, 'browser', 'react-client-manifest.json'),
    ssr: readJson(dir, 'ssr', 'react-ssr-manifest.json'),
  };
}

function expectNoAbsolutePath(dir: string, absolute: string): void {
  for (const compiler of COMPILERS) {
    for (const file of readdirSync(path.join(dir, 'dist', compiler))) {
      expect(readOutput(dir, compiler, file), `${compiler}/${file}`).not.to.include(absolute);
    }
  }
}

/** The clients hold a proxy for the function their component calls (its action ID), never the package's code. */
function expectProxiesOnly(dir: string, secret: string, calledFromClient: string): void {
  const manifest = readJson(dir, 'server', 'server-actions-manifest.json');
  const id = Object.keys(manifest).find((key) => manifest[key].name === calledFromClient);
  for (const [compiler, file] of [['browser', 'browser.js'], ['ssr', 'ssr.js']] as const) {
    const output = readOutput(dir, compiler, file);
    expect(output, file).not.to.include(secret);
    expect(output, file).to.include(id);
  }
  // The client manifest has the package's caller next to the app's own client component.
  expect(Object.keys(readJson(dir, 'browser', 'react-client-manifest.json'))).to.have.lengthOf(2);
}

describe('"use server" in a dependency in node_modules', () => {
  let dir: string;
  before(async () => {
    dir = createFixtureApp('app');
    installDependency(dir);
    await buildClean(appConfigs(dir, { rules: rulesExcluding(SPARE_DEPENDENCY) }));
  });
  after(removeFixtureApps);

  it('runs its functions in the server bundle when the loader rule spares the package from `exclude`', async () => {
    const fns = await serverFunctionsOf(dir, 'node_modules/some-actions-pkg/index.js');
    expect(Object.keys(fns).sort()).to.deep.equal(['shout', 'whisper']);
    expect(await fns.shout('hi')).to.equal('HI!');
    expect(await fns.whisper('HEY')).to.equal('hey (22)');
    // Imported by a server component, the function is registered as a reference a client can be given.
    expect(requireBundle(dir, 'server').whisper.$$typeof).to.equal(Symbol.for('react.server.reference'));
    expectProxiesOnly(dir, DEPENDENCY_SECRET, 'shout');
  });

  it('gives the same IDs and manifests in a second checkout at another path', async () => {
    const second = createFixtureApp('app', path.join(dir, 'checkouts', 'deeper'));
    installDependency(second);
    await buildClean(appConfigs(second, { rules: rulesExcluding(SPARE_DEPENDENCY) }));
    expect(manifests(second)).to.deep.equal(manifests(dir));
    expectNoAbsolutePath(dir, dir);
    expectNoAbsolutePath(second, second);
  });

  it('also builds with the loader rule over all of node_modules', async () => {
    const all = createFixtureApp('app');
    installDependency(all);
    await buildClean(appConfigs(all, { rules: rulesExcluding(undefined) }));
    const fns = await serverFunctionsOf(all, 'node_modules/some-actions-pkg/index.js');
    expect(await fns.shout('all')).to.equal('ALL!');
    expectProxiesOnly(all, DEPENDENCY_SECRET, 'shout');
  });

  it('fails with what to change while the loader rule excludes the package', async () => {
    const excluded = createFixtureApp('app');
    installDependency(excluded);
    const errors = errorsOf(await compile(appConfigs(excluded)));
    for (const compiler of ['browser', 'ssr']) {
      const error = errors.find((message) => message.includes(`compiler "${compiler}" bundles "use server" files`));
      expect(error, errors.join('\n')).to.be.a('string');
      expect(error).to.include('  - node_modules/some-actions-pkg/index.js\n');
      expect(error).to.include('`exclude: /node_modules[\\\\/](?!some-actions-pkg[\\\\/])/`');
    }
  });
});

interface Monorepo {
  root: string;
  app: string;
}

const monorepos: string[] = [];

/**
 * A monorepo with the fixture app in apps/web and the shared-actions package in packages/, linked as
 * a package manager links workspaces: `hoisted` as npm and yarn do (links and dependencies in the
 * root's node_modules), `app-only` as pnpm does (the link in the app's own node_modules, nothing hoisted).
 */
function createMonorepo(layout: 'hoisted' | 'app-only', parent = tmpdir()): Monorepo {
  mkdirSync(parent, { recursive: true });
  const root = mkdtempSync(path.join(parent, 'wsa-monorepo-'));
  monorepos.push(root);
  writeSource(root, 'package.json', JSON.stringify({ private: true, workspaces: ['apps/*', 'packages/*'] }));
  cpSync(path.join(PACKAGES, 'shared-actions'), path.join(root, 'packages/shared-actions'), { recursive: true });
  const app = path.join(root, 'apps/web');
  renameSync(createFixtureApp('app', path.join(root, 'apps')), app);
  usePackage(app, 'shared-actions', 'saveDraft', ['default', 'publish']);
  if (layout === 'hoisted') {
    rmSync(path.join(app, 'node_modules'), { recursive: true });
    mkdirSync(path.join(root, 'node_modules'));
    symlinkSync('../packages/shared-actions', path.join(root, 'node_modules/shared-actions'), 'dir');
    symlinkSync(REPO_ROOT, path.join(root, 'node_modules/webpack-server-actions'), 'dir');
  } else {
    symlinkSync('../../../packages/shared-actions', path.join(app, 'node_modules/shared-actions'), 'dir');
  }
  return { root, app };
}

/** With `root` at the monorepo root, IDs and manifest paths name the package from there. */
function monorepoConfigs(monorepo: Monorepo, extraModules: string[] = []): Configuration[] {
  return appConfigs(monorepo.app, { pluginOptions: { root: monorepo.root } }).map((config) => ({
    ...config,
    resolve: { ...config.resolve, modules: [...(config.resolve!.modules ?? []), ...extraModules] },
  }));
}

describe('"use server" in a workspace package linked into node_modules', () => {
  let hoisted: Monorepo;
  before(async () => {
    hoisted = createMonorepo('hoisted');
    await buildClean(monorepoConfigs(hoisted));
  });
  after(() => {
    removeFixtureApps();
    for (const root of monorepos.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  it('runs its functions in the server bundle, and the clients only get proxies', async () => {
    const fns = await serverFunctionsOf(hoisted.app, 'packages/shared-actions/index.js');
    expect(Object.keys(fns).sort()).to.deep.equal(['default', 'saveDraft']);
    expect(await fns.saveDraft('  Notes ')).to.deep.equal({ saved: 'Notes', by: 21 });
    expect(await fns.default('Notes')).to.equal('published Notes');
    expect(requireBundle(hoisted.app, 'server').publish.$$typeof).to.equal(Symbol.for('react.server.reference'));
    expectProxiesOnly(hoisted.app, WORKSPACE_SECRET, 'saveDraft');
  });

  it('gives the same IDs and manifests in a second checkout at another path', async () => {
    const second = createMonorepo('hoisted', path.join(hoisted.root, 'checkouts', 'deeper'));
    await buildClean(monorepoConfigs(second));
    expect(manifests(second.app)).to.deep.equal(manifests(hoisted.app));
    expectNoAbsolutePath(hoisted.app, hoisted.root);
    expectNoAbsolutePath(second.app, second.root);
  });

  it('names the package from the app without `root`', async () => {
    const plain = createMonorepo('hoisted');
    await buildClean(appConfigs(plain.app));
    const fns = await serverFunctionsOf(plain.app, '../../packages/shared-actions/index.js');
    expect(await fns.default('it')).to.equal('published it');
  });

  it('fails with what to change when the package cannot resolve what the loader adds to it (pnpm)', async () => {
    const pnpm = createMonorepo('app-only');
    const errors = errorsOf(await compile(monorepoConfigs(pnpm))).join('\n');
    expect(errors).to.include('the loader makes these files import packages that cannot be resolved');
    expect(errors).to.include('  - ../../packages/shared-actions/index.js: webpack-server-actions/client\n');
    expect(errors).to.include("add the app's node_modules to `resolve.modules`");
  });

  it("builds with the app's node_modules in resolve.modules (pnpm)", async () => {
    const pnpm = createMonorepo('app-only');
    await buildClean(monorepoConfigs(pnpm, [path.join(pnpm.app, 'node_modules')]));
    const fns = await serverFunctionsOf(pnpm.app, 'packages/shared-actions/index.js');
    expect(await fns.saveDraft('x')).to.deep.equal({ saved: 'x', by: 21 });
    expectProxiesOnly(pnpm.app, WORKSPACE_SECRET, 'saveDraft');
  });
});
