/**
 * A watch rebuild after an edit that leaves every server function where it was (a server component's
 * body) does not write the server manifest again: the emitted JSON is the same source object as the
 * last compilation's (so webpack knows the file is written), and the runtime module's manifest code is
 * not written again (counted through the function that writes it). An edit that adds a server function
 * writes both anew. Either way the outputs equal a clean build's.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { Compiler, Configuration, sources } from 'webpack';
import { appConfigs, readJson } from '../helpers/build';
import { createFixtureApp, removeFixtureApps, writeSource } from '../helpers/fixture-app';
import { describeDifferences, emittedFiles } from '../helpers/outputs';
import { cleanBuildOutputs, watchWithNodeApi, type WatchedBuild } from '../helpers/watch';

// The module that writes the runtime module's manifest code, as the plugin in dist/ loads it.
const serverManifest = require('../../dist/plugin/manifests/server-manifest') as { serverManifestCode: (...args: unknown[]) => string };

const PLUGIN_OPTIONS = { encryptionKey: Buffer.alloc(32, 7).toString('base64') };
const MANIFEST = 'server-actions-manifest.json';

function configs(dir: string): Configuration[] {
  return appConfigs(dir, { pluginOptions: PLUGIN_OPTIONS });
}

/** The server compiler's manifest source, per compilation, in order. */
class ManifestSources {
  readonly seen: sources.Source[] = [];
  apply(compiler: Compiler): void {
    compiler.hooks.thisCompilation.tap('watch-reuse-test', (compilation) => {
      compilation.hooks.afterProcessAssets.tap('watch-reuse-test', () => {
        const asset = compilation.getAsset(MANIFEST);
        if (asset) this.seen.push(asset.source);
      });
    });
  }
}

describe('watch mode: what an edit does not change is not made again', () => {
  const builds: WatchedBuild[] = [];
  const original = serverManifest.serverManifestCode;
  let written = 0;
  before(() => {
    serverManifest.serverManifestCode = (...args: unknown[]) => {
      written++;
      return original(...args);
    };
  });
  after(async () => {
    serverManifest.serverManifestCode = original;
    await Promise.all(builds.map((build) => build.close()));
    removeFixtureApps();
  });

  it('keeps the server manifest and its runtime code when the server functions are unchanged', async () => {
    const dir = createFixtureApp('app');
    const sourcesOf = new ManifestSources();
    const watched = configs(dir).map((config) => ({
      ...config,
      cache: { type: 'memory' as const },
      watchOptions: { aggregateTimeout: 50 },
      plugins: config.name === 'server' ? [...config.plugins!, sourcesOf] : config.plugins,
    }));
    const build = await watchWithNodeApi(watched);
    builds.push(build);
    // What the watched compilers did in one rebuild, counted before the clean build that the outputs are
    // compared with (it writes the manifest's code too, in this process).
    const rebuild = async (step: string, edit?: () => void) => {
      const runsBefore = edit ? build.runs() : 0;
      if (edit) {
        // A file written within the watcher's timestamp accuracy of the last run may go unnoticed.
        await delay(1_500);
        edit();
      }
      const from = { written, compilations: sourcesOf.seen.length };
      await settled(build, runsBefore);
      const did = { written: written - from.written, sources: sourcesOf.seen.slice(from.compilations) };
      expect(build.errors(), step).to.deep.equal([]);
      const differences = describeDifferences(emittedFiles(dir), await cleanBuildOutputs(dir, configs));
      expect(differences, `${step}: what differs from a clean build`).to.deep.equal([]);
      return did;
    };
    try {
      const initial = await rebuild('initial build');
      expect(initial.written, 'the initial build writes the runtime code').to.be.greaterThan(0);
      const source = initial.sources.at(-1);

      const body = await rebuild('a server component body', () =>
        writeSource(dir, 'src/App.js', readSource(dir).replace("createElement('main', null", "createElement('section', null")),
      );
      expect(body.sources, 'the server compiler rebuilt').not.to.deep.equal([]);
      for (const rebuilt of body.sources) expect(rebuilt, 'the manifest source of a rebuild').to.equal(source);
      expect(body.written, 'runtime code written after the body edit').to.equal(0);

      const added = await rebuild('a new server function', () => {
        writeSource(dir, 'src/later.js', `'use server';\n\nexport async function later() {\n  return 'later';\n}\n`);
        writeSource(dir, 'src/App.js', `import { later } from './later';\n${readSource(dir)}\nexport { later };\n`);
      });
      expect(added.sources.at(-1), 'the manifest source once a server function is added').not.to.equal(source);
      expect(added.written, 'runtime code written once a server function is added').to.be.greaterThan(0);
      const files = Object.values(readJson(dir, 'server', MANIFEST)).map((entry: { file: string; name: string }) => `${entry.file}#${entry.name}`);
      expect(files).to.include('src/later.js#later');
    } finally {
      await build.close();
    }
  });
});

/** Once a run has started since `runsBefore` and no compiler has run or had a change to build for 500 ms. */
async function settled(build: WatchedBuild, runsBefore: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  let quietSince: { at: number; runs: number } | undefined;
  for (;;) {
    const runs = build.runs();
    if (runs > runsBefore && build.idle()) {
      if (quietSince?.runs !== runs) quietSince = { at: Date.now(), runs };
      else if (Date.now() - quietSince.at >= 500) return;
    } else {
      quietSince = undefined;
    }
    if (Date.now() > deadline) throw new Error(`the watch build did not settle:\n${build.log()}`);
    await delay(50);
  }
}

function readSource(dir: string): string {
  return readFileSync(path.join(dir, 'src/App.js'), 'utf8');
}
