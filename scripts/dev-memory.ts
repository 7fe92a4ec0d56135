/**
 * Memory across server edits in the development loop: webpack-server-actions/dev runs in this process
 * on a copy of the notes example, the script edits a server component 50 times, and after each rebuild
 * (server and SSR bundles reloaded) fetches the page once through the example's server. It prints the
 * heap after a full GC at edit 10 and at edit 50: with the old bundles released the two are close.
 * Run: `node --expose-gc --import tsx scripts/dev-memory.ts` (after `npm run build`). Exits 1 when the
 * heap grew by more than 50 MB between the two, a bound generous enough for a busy machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { copyNotesExample } from '../test/helpers/dev-example';

const EDITS = 50;
// Which server bundles the garbage collector has freed: each edit's, once later ones replaced it.
let collected = 0;
const serverBundles = new FinalizationRegistry<number>(() => collected++);
const BOUND_MB = 50;

async function main(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Run with node --expose-gc.');
  const copy = copyNotesExample();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'wsa-dev-memory-data-'));
  process.env.NOTES_DATA_DIR = dataDir;
  // The package as the copy sees it (dist/), so that its ServerActionsPlugin is the one the config uses.
  const { createDevServer } = require(path.join(copy.root, 'node_modules/webpack-server-actions/dist/dev/index.js'));
  const config = require(path.join(copy.root, 'webpack.config.example.js'));
  let builds = 0;
  const dev = createDevServer({ config, log: false, onBuild: () => builds++ });
  await dev.ready();
  const { start } = require(path.join(copy.root, 'examples/notes/server.js'));
  const server = await start(0, '127.0.0.1', { bundles: () => dev.bundles(), middleware: dev.middleware });
  const url = `http://127.0.0.1:${server.address().port}/`;
  const heaps: Record<number, { heapMB: number; rssMB: number }> = {};
  let heading = '<h1>Notes</h1>';
  for (let edit = 1; edit <= EDITS; edit++) {
    const before = builds;
    const next = `<h1>Notes ${edit}</h1>`;
    copy.edit('App.jsx', heading, next);
    heading = next;
    // A watcher may report one write twice: the edit shows after one of the next few builds.
    let seen = before;
    for (let waited = 0; ; waited++) {
      while (builds === seen) await new Promise((resolve) => setTimeout(resolve, 20));
      seen = builds;
      const page = await (await fetch(url)).text();
      if (page.includes(`Notes ${edit}<`)) break;
      if (waited === 10) throw new Error(`edit ${edit} is not in the page after 10 builds`);
    }
    serverBundles.register(dev.bundles().rsc, edit);
    if (edit === 10 || edit === EDITS) {
      for (let round = 0; round < 3; round++) {
        gc();
        await new Promise((resolve) => setImmediate(resolve));
      }
      const usage = process.memoryUsage();
      heaps[edit] = { heapMB: usage.heapUsed / 2 ** 20, rssMB: usage.rss / 2 ** 20 };
    }
  }
  server.close();
  await dev.close();
  copy.remove();
  rmSync(dataDir, { recursive: true, force: true });
  const growth = heaps[EDITS].heapMB - heaps[10].heapMB;
  const format = (edit: number) => `heap ${heaps[edit].heapMB.toFixed(1)} MB, rss ${heaps[edit].rssMB.toFixed(1)} MB`;
  console.log(`after edit 10: ${format(10)}\nafter edit ${EDITS}: ${format(EDITS)}\nheap growth over ${EDITS - 10} edits: ${growth.toFixed(1)} MB`);
  console.log(`server bundles freed by the garbage collector: ${collected} of the ${EDITS} edits' bundles`);
  if (growth > BOUND_MB) {
    console.error(`The heap grew by more than ${BOUND_MB} MB: old bundles are kept alive.`);
    process.exitCode = 1;
  }
}

main().then(
  () => process.exit(),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
