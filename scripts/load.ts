/**
 * Load test of the notes example on loopback: `npx tsx scripts/load.ts [--calls N] [--concurrency C]`
 * (`npm run load -- --calls N`). Options:
 *   --calls N          server-function requests to send (calls and form posts; default 30 000)
 *   --concurrency C    browsers sending at once, one request each at a time (default 50)
 *   --build DIR        serve this build of the example instead of building one (NOTES_BUILD_DIR)
 *   --development      build the example in development mode (default: production, as deployed)
 *   --samples K        memory samples over the run (default 20)
 *   --max-growth-mb M  memory growth tolerated between the two halves of the run (default 2)
 *   --creates K        createNote calls among the N (default N/200, at most 100)
 *   --cpu-prof DIR     write a CPU profile of the server there (node --cpu-prof), to see where time goes
 *   --floor-rounds K   rounds of each side in the floor comparison (default 4)
 *   --floor-calls N    requests in each round of it (default N/20, at least 200)
 *
 * It builds the example into a temporary directory, seeds a store in another, starts the server in a
 * child process (scripts/load-server.cjs), sends a mix of calls and no-JavaScript form posts
 * (scripts/load/mix.ts), then checks every answer, the store read back (scripts/load/store-check.ts) and
 * the server's memory over the run (scripts/load/memory.ts). It exits 1, saying why, on any failed
 * request, lost write or memory growth beyond the tolerance.
 *
 * Then it compares updateName calls with a floor measured in the same run (scripts/load/floor.ts): the
 * same store write and page render on a plain route without server functions, in alternating rounds,
 * with requests/s, latency and the server's CPU time per request for both; and, from a CPU profile of
 * one more round of calls, the share of the server's CPU spent in the package's runtime files.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { compareWithFloor } from './load/floor';
import { compareHalves, megabytes } from './load/memory';
import type { CreatedNote, LoadContext } from './load/mix';
import { readPageForms } from './load/page-forms';
import { figuresOf, printFigures } from './load/report';
import { openBrowsers, plan, runLoad } from './load/run';
import { buildExample, readActionIds, startNotesServer, type NotesServer, type ServerOutput } from './load/server-process';
import { storeProblems, type Store } from './load/store-check';
import { Tally } from './load/tally';
import { WriteLog } from './load/write-log';

const { values: options } = parseArgs({
  options: {
    calls: { type: 'string', default: '30000' },
    concurrency: { type: 'string', default: '50' },
    build: { type: 'string' },
    development: { type: 'boolean', default: false },
    samples: { type: 'string', default: '20' },
    'max-growth-mb': { type: 'string', default: '2' },
    'cpu-prof': { type: 'string' },
    creates: { type: 'string' },
    'floor-rounds': { type: 'string', default: '4' },
    'floor-calls': { type: 'string' },
  },
});

function positive(name: string, text: string): number {
  const value = Number(text);
  if (!(value > 0) || !Number.isFinite(value)) throw new Error(`--${name} takes a positive number, not ${JSON.stringify(text)}`);
  return value;
}

function count(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${name} takes a whole number, not ${JSON.stringify(text)}`);
  return value;
}

const calls = Math.max(1, count('calls', options.calls));
const concurrency = Math.max(1, count('concurrency', options.concurrency));
const samples = Math.max(4, count('samples', options.samples));
const maxGrowthBytes = positive('max-growth-mb', options['max-growth-mb']) * 1024 * 1024;
// Each note is rendered on every page and every call's answer (with its two forms, one of them a
// sealed captured value): a bounded number of them, 120 notes at most with the seeded ones.
const creates = options.creates === undefined ? Math.min(100, Math.ceil(calls / 200)) : count('creates', options.creates);
const floorRounds = Math.max(1, count('floor-rounds', options['floor-rounds']));
const floorCalls = options['floor-calls'] === undefined ? Math.max(200, Math.round(calls / 20)) : Math.max(1, count('floor-calls', options['floor-calls']));
const SEEDED_NOTES = 20;
// Renamed by the load; the last five are written by nothing, and must stay as seeded.
const RENAMED_NOTE_IDS = Array.from({ length: SEEDED_NOTES - 5 }, (_, index) => index + 1);

function seededStore(): Store {
  const notes = Array.from({ length: SEEDED_NOTES }, (_, index) => ({ id: index + 1, title: `seeded note ${index + 1}`, createdAt: '2026-01-01T00:00:00.000Z' }));
  return { notes, name: 'Sam', nextId: SEEDED_NOTES + 1 };
}

function serverProblems(output: ServerOutput, posts: number): string[] {
  const problems: string[] = [];
  if (output.stderr) problems.push(`the server printed errors:\n${output.stderr.slice(0, 2000)}`);
  const logged = [...output.accessLog.values()].reduce((sum, count) => sum + count, 0);
  // The access log is a line per POST, when the server keeps one.
  if (logged > 0 && logged !== posts) problems.push(`the server's access log has ${logged} lines for ${posts} POSTs`);
  for (const outcome of output.accessLog.keys()) {
    if (!/^(200|303) ran \S+$/.test(outcome)) problems.push(`the access log shows a POST that did not run as expected: ${outcome}`);
  }
  return problems;
}

async function main(): Promise<number> {
  const temporary: string[] = [];
  const temporaryDir = (name: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), `wsa-load-${name}-`));
    temporary.push(dir);
    return dir;
  };
  let server: NotesServer | undefined;
  const cleanUp = async () => {
    await server?.stop();
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
  try {
    const mode = options.development ? 'development' : 'production';
    let buildDir = options.build ? path.resolve(options.build) : undefined;
    if (!buildDir) {
      buildDir = temporaryDir('build');
      const started = performance.now();
      await buildExample(buildDir, mode);
      console.log(`built the example (${mode}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    const dataDir = temporaryDir('data');
    const seeded = seededStore();
    writeFileSync(path.join(dataDir, 'store.json'), JSON.stringify(seeded));
    // A build given with --build was made in whatever mode it was: the server runs as the environment says.
    const nodeEnv = options.build ? process.env.NODE_ENV : mode;
    server = await startNotesServer({ buildDir, dataDir, nodeEnv, cpuProfileDir: options['cpu-prof'] && path.resolve(options['cpu-prof']) });

    const tally = new Tally();
    const writes = new WriteLog();
    const created: CreatedNote[] = [];
    const { agent, browsers, html } = await openBrowsers(server, concurrency, tally);
    const context: LoadContext = {
      ids: readActionIds(buildDir),
      forms: readPageForms(html, RENAMED_NOTE_IDS),
      renamedNoteIds: RENAMED_NOTE_IDS,
      serverConsumerManifest: JSON.parse(readFileSync(path.join(buildDir, 'ssr/react-ssr-manifest.json'), 'utf8')),
      writes,
      tally,
      created,
    };
    const { measured, seconds } = await runLoad(server, agent, browsers, plan(calls, creates), context, samples);
    // Every write has been answered, so it is in the file: read before the floor comparison writes names.
    const store: Store = JSON.parse(readFileSync(path.join(dataDir, 'store.json'), 'utf8'));
    const floor = await compareWithFloor(server, { concurrency, requestsPerRound: floorCalls, pairs: floorRounds, updateNameId: context.ids.updateName });
    await server.stop();
    // The comparison's calls (a round to warm up, its rounds, and the profiled one) are POSTs too.
    const comparedCalls = (floorRounds + 2) * floorCalls;

    const memory = compareHalves(measured, calls);
    const floorFailures = floor.serverFunctions.failures + floor.floor.failures;
    const problems = [
      ...(floorFailures > 0 ? [`${floorFailures} request(s) of the floor comparison failed: ${floor.firstFailures.join('; ')}`] : []),
      ...(tally.total(tally.failures) > 0 ? [`${tally.total(tally.failures)} request(s) failed (the first are listed above)`] : []),
      ...storeProblems(store, seeded, writes, created),
      ...serverProblems(server.output, calls + comparedCalls),
      ...(memory.growth > maxGrowthBytes
        ? [`the server's memory grew by ${megabytes(memory.growth)} between the two halves of the run, more than the tolerance (${megabytes(maxGrowthBytes)})`]
        : []),
      // The load closes its connections before each sample: one the server still has is one it did not close.
      ...measured.filter((sample) => sample.connections !== 0).map((sample) => `the server had ${sample.connections} connection(s) open after the client closed its own (sample at ${sample.requests} requests)`),
    ];
    const figures = figuresOf(tally, seconds, memory, { build: `${options.build ? buildDir : mode} build`, concurrency, maxGrowthBytes, problems, floor });
    printFigures(figures, tally, server.output);
    return problems.length === 0 ? 0 : 1;
  } catch (error) {
    if (server?.output.stderr) console.error(`The server printed:\n${server.output.stderr}`);
    throw error;
  } finally {
    await cleanUp();
  }
}

// Node ends a process whose event loop has nothing left to wait for, with code 0: were the load to
// stall that way (a promise nobody settles), it must not pass for a success.
process.once('beforeExit', () => {
  console.error('FAILED: the load test stopped before it finished (it was waiting for something that cannot happen).');
  process.exit(1);
});

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`FAILED: ${error.stack ?? error}`);
    process.exit(1);
  },
);
