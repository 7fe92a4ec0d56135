/**
 * The package as npm publishes it: `npm pack`, the tarball extracted into a fresh app's node_modules
 * (React, webpack and the package's dependencies linked from this repository's node_modules, and
 * nothing linking back to the repository itself), then the app built with webpack-cli and its server
 * function run through the packed runtime.
 */
import { expect } from 'chai';
import { createRequire } from 'node:module';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { run } from '../helpers/http';
import { ensureBuilt, installPacked, onlyTarball, PACKAGE_NAME, REPO_NODE_MODULES, REPO_ROOT } from '../helpers/packed-install';

describe('npm pack', () => {
  let work: string;
  let app: string;
  let entries: string[];
  let installed: string;

  before(async () => {
    await ensureBuilt();
    work = mkdtempSync(path.join(tmpdir(), 'wsa-pack-'));
    const packed = await run('npm', ['pack', '--pack-destination', work], REPO_ROOT);
    expect(packed.code, packed.output).to.equal(0);
    const tarball = onlyTarball(work);
    const listing = await run('tar', ['-tzf', tarball], work);
    expect(listing.code, listing.output).to.equal(0);
    entries = listing.output.split('\n').filter(Boolean);

    app = path.join(work, 'app');
    cpSync(path.join(REPO_ROOT, 'test/fixtures/pack-app'), app, { recursive: true });
    installed = await installPacked(tarball, app);
  });

  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('builds a checkout without dist/ before packing it (prepare), as a clean clone or a git install has it', async () => {
    const checkout = path.join(work, 'checkout');
    const tracked = await run('git', ['ls-files', '-z'], REPO_ROOT);
    expect(tracked.code, tracked.output).to.equal(0);
    for (const file of tracked.output.split('\0').filter((name) => name && !name.startsWith('test/') && !name.startsWith('examples/'))) {
      if (!existsSync(path.join(REPO_ROOT, file))) continue;
      mkdirSync(path.dirname(path.join(checkout, file)), { recursive: true });
      cpSync(path.join(REPO_ROOT, file), path.join(checkout, file));
    }
    symlinkSync(REPO_NODE_MODULES, path.join(checkout, 'node_modules'), 'dir');
    expect(existsSync(path.join(checkout, 'dist'))).to.equal(false);
    const packed = await run('npm', ['pack', '--dry-run', '--json'], checkout);
    expect(packed.code, packed.output).to.equal(0);
    const listed = JSON.parse(packed.output.slice(packed.output.indexOf('[')))[0].files.map((file: { path: string }) => file.path);
    for (const part of ['plugin/index', 'loader/index', 'runtime/server/index', 'runtime/client/index']) {
      expect(listed).to.include(`dist/${part}.js`);
    }
  });

  describe('the tarball', () => {
    it('holds the built entry points and their type declarations', () => {
      for (const part of ['plugin/index', 'loader/index', 'runtime/server/index', 'runtime/client/index']) {
        expect(entries).to.include(`package/dist/${part}.js`);
        expect(entries).to.include(`package/dist/${part}.d.ts`);
      }
      expect(entries).to.include('package/package.json');
    });

    it('holds every file that package.json `main`, `types` and `exports` name', () => {
      const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8'));
      const exported = Object.values<string | Record<string, string>>(manifest.exports);
      const targets = [manifest.main, manifest.types, ...exported.flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)))];
      for (const target of targets) {
        expect(entries, target).to.include(path.posix.join('package', target));
      }
    });

    it('leaves out tests, examples and TypeScript sources', () => {
      const unwanted = entries.filter(
        (entry) =>
          /^package\/(test|examples|node_modules)\//.test(entry) ||
          entry.endsWith('.tsbuildinfo') ||
          (/\.tsx?$/.test(entry) && !entry.endsWith('.d.ts')) ||
          (entry.endsWith('.d.ts') && !entry.startsWith('package/dist/')),
      );
      expect(unwanted).to.deep.equal([]);
    });

    it("holds the files the README's relative links name, so that they resolve in the package", () => {
      const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
      const targets = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((match) => match[1]).filter((target) => !/^[a-z]+:/.test(target));
      expect(targets.length).to.be.greaterThan(5);
      for (const target of new Set(targets)) expect(entries, target).to.include(`package/${path.posix.normalize(target)}`);
    });
  });

  describe('installed in a fresh app', () => {
    let manifest: Record<string, { name: string; file: string }>;

    before(async () => {
      const cli = path.join(app, 'node_modules/webpack-cli/bin/cli.js');
      const build = await run(process.execPath, [cli, '--config', 'webpack.config.js'], app);
      expect(build.code, build.output).to.equal(0);
      manifest = JSON.parse(readFileSync(path.join(app, 'build/server/server-actions-manifest.json'), 'utf8'));
    });

    it('resolves every entry point of the package from the app to the packed copy', () => {
      // From the app, as its webpack config does (inside this repository Node would self-reference).
      const appRequire = createRequire(path.join(app, 'webpack.config.js'));
      for (const specifier of [PACKAGE_NAME, `${PACKAGE_NAME}/loader`, `${PACKAGE_NAME}/runtime`, `${PACKAGE_NAME}/client`]) {
        expect(appRequire.resolve(specifier), specifier).to.satisfy((file: string) => file.startsWith(installed));
      }
    });

    it('builds with webpack-cli and lists the server function in the manifest', () => {
      expect(Object.values(manifest).map(({ name, file }) => ({ name, file }))).to.deep.equal([
        { name: 'greet', file: 'src/actions.js' },
      ]);
    });

    it('runs the server function through loadServerAction from the packed runtime', async () => {
      const [id] = Object.keys(manifest);
      const server = require(path.join(app, 'build/server/server.js'));
      const greet = await server.loadServerAction(id);
      expect(await greet('Ada')).to.equal('Hello, Ada (pack-app-server-code)');
      let refused: unknown;
      await server.loadServerAction(`${id}#greet`).catch((error: unknown) => (refused = error));
      expect(refused).to.have.property('code', 'ERR_SERVER_ACTION_NOT_FOUND');
    });

    it('calls the server function from the browser bundle by its ID, without its code', () => {
      const [id] = Object.keys(manifest);
      const browser = readFileSync(path.join(app, 'build/browser/browser.js'), 'utf8');
      expect(browser).to.include(id);
      expect(browser).not.to.include('pack-app-server-code');
    });
  });
});
