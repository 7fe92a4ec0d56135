/**
 * The runtime benchmark's measuring process, started by runtime.ts in a fresh Node (a heap and a JIT
 * of its own, free of the other benchmarks' builds):
 *
 *   node --import tsx scripts/bench/runtime-child.ts <server bundle> quick|full
 *
 * It loads the benchmark app's server bundle (runtime-app.ts: the runtime and React as bundled),
 * checks that the helper and the baseline give the same answers, times both in alternating batches,
 * and prints the figures as one line of JSON (RuntimeFigures).
 */
import type { ServerManifest } from 'react-server-dom-webpack/server';
import { serveNothing, serveWithBaseline } from './runtime-baseline';
import { prepareRequests, serveWithHelper, type BenchRequest, type RequestKind, type RuntimeBenchBundle } from './runtime-requests';
import { compareAlternating, type AlternatingOptions } from './timing';

export interface LookupFigures {
  /** Nanoseconds per awaited call. */
  known: number;
  unknown: number;
  malformed: number;
  /** An async function throwing a new Error, caught: what any refusal by exception costs. */
  thrownError: number;
  baselineAsync: number;
  baselineSync: number;
  /** Each variant / the async baseline, median over rounds. */
  ratios: Record<'known' | 'unknown' | 'malformed' | 'thrownError' | 'baselineSync', number>;
  /** The same in CPU time (process.cpuUsage): nanoseconds per call, and ratios. */
  cpu: Record<'known' | 'unknown' | 'malformed' | 'thrownError' | 'baselineAsync' | 'baselineSync', number>;
  cpuRatios: Record<'known' | 'unknown' | 'malformed' | 'thrownError' | 'baselineSync', number>;
}

export interface RequestFigures {
  kind: RequestKind;
  description: string;
  bodyBytes: number;
  /** Microseconds per request. */
  helper: number;
  baseline: number;
  harness: number;
  /** helper / baseline, median over rounds. */
  ratio: number;
  /** The same in CPU time (process.cpuUsage). */
  helperCpu: number;
  baselineCpu: number;
  cpuRatio: number;
}

export interface RuntimeFigures {
  settings: { lookups: AlternatingOptions; requests: AlternatingOptions };
  lookups: LookupFigures;
  requests: RequestFigures[];
}

const SETTINGS: Record<'quick' | 'full', { lookups: AlternatingOptions; requests: AlternatingOptions }> = {
  quick: { lookups: { batches: 3, minBatchMs: 2, warmupMs: 5 }, requests: { batches: 3, minBatchMs: 3, warmupMs: 10 } },
  full: { lookups: { batches: 15, minBatchMs: 40, warmupMs: 100 }, requests: { batches: 15, minBatchMs: 80, warmupMs: 300 } },
};

// Well-formed, and in no manifest: the refusal path. Then one that is no action ID at all.
const UNKNOWN_ID = 'f'.repeat(40);
const MALFORMED_ID = 'not-an-action-id';

async function throwError(): Promise<never> {
  throw new Error('No server function is registered under the requested action ID.');
}

async function measureLookups(bundle: RuntimeBenchBundle, manifest: ServerManifest, options: AlternatingOptions): Promise<LookupFigures> {
  const { loadServerAction } = bundle.runtime;
  const ids = Object.keys(manifest);
  const entries = new Map(Object.entries(manifest));
  let next = 0;
  const nextId = () => ids[(next = (next + 1) % ids.length)];
  const timing = await compareAlternating(
    {
      known: () => loadServerAction(nextId()),
      unknown: () => loadServerAction(UNKNOWN_ID).catch(() => undefined),
      malformed: () => loadServerAction(MALFORMED_ID).catch(() => undefined),
      thrownError: () => throwError().catch(() => undefined),
      baselineAsync: async () => {
        const entry = entries.get(nextId())!;
        return (await bundle.requireModule(entry.id))[entry.name];
      },
      baselineSync: () => {
        const entry = entries.get(nextId())!;
        return bundle.requireModule(entry.id)[entry.name];
      },
    },
    options,
  );
  const names = ['known', 'unknown', 'malformed', 'thrownError', 'baselineSync'] as const;
  const ratios = (of: (a: (typeof names)[number], b: 'baselineAsync') => number) =>
    Object.fromEntries(names.map((name) => [name, of(name, 'baselineAsync')])) as LookupFigures['ratios'];
  return {
    ...timing.nsPerOp,
    ratios: ratios(timing.ratio),
    cpu: timing.cpuNsPerOp,
    cpuRatios: ratios(timing.cpuRatio),
  };
}

/** The helper and the baseline must give the same answer, or the comparison says nothing. */
async function checkSameAnswers(bundle: RuntimeBenchBundle, manifest: ServerManifest, request: BenchRequest): Promise<void> {
  const helper = await serveWithHelper(bundle, request, true);
  const baseline = await serveWithBaseline(bundle, manifest, request, true);
  const answer = (served: typeof helper) =>
    JSON.stringify([served.response.statusCode, served.response.text(), served.returnValue ?? null]);
  if (answer(helper) !== answer(baseline)) {
    throw new Error(`${request.kind}: the helper answered ${answer(helper)}, the baseline ${answer(baseline)}`);
  }
  if (request.kind !== 'form' && helper.response.bytes === 0) throw new Error(`${request.kind}: an empty answer`);
}

/**
 * React's Flight server schedules a `setImmediate` for each render, which holds its request. A loop of
 * awaited requests never lets the event loop reach it, so every request's objects would stay alive until
 * the measurement ends: the heap grows by kilobytes a request, and garbage collection weighs most on
 * the variant whose requests hold most (the helper's hold twice the baseline's). A server's event loop
 * turns between requests; here it turns every few requests, for every variant alike.
 */
function withTurnsOfTheEventLoop(serve: () => Promise<unknown>, every = 16): () => Promise<unknown> {
  let served = 0;
  return async () => {
    await serve();
    served += 1;
    if (served % every === 0) await new Promise((resolve) => setImmediate(resolve));
  };
}

async function measureRequest(
  bundle: RuntimeBenchBundle,
  manifest: ServerManifest,
  request: BenchRequest,
  options: AlternatingOptions,
): Promise<RequestFigures> {
  await checkSameAnswers(bundle, manifest, request);
  const timing = await compareAlternating(
    {
      helper: withTurnsOfTheEventLoop(() => serveWithHelper(bundle, request)),
      baseline: withTurnsOfTheEventLoop(() => serveWithBaseline(bundle, manifest, request)),
      harness: withTurnsOfTheEventLoop(() => serveNothing(request.prepared)),
    },
    options,
  );
  const micro = (ns: number) => ns / 1000;
  return {
    kind: request.kind,
    description: request.description,
    bodyBytes: request.prepared.body.length,
    helper: micro(timing.nsPerOp.helper),
    baseline: micro(timing.nsPerOp.baseline),
    harness: micro(timing.nsPerOp.harness),
    ratio: timing.ratio('helper', 'baseline'),
    helperCpu: micro(timing.cpuNsPerOp.helper),
    baselineCpu: micro(timing.cpuNsPerOp.baseline),
    cpuRatio: timing.cpuRatio('helper', 'baseline'),
  };
}

async function main(): Promise<void> {
  const [bundlePath, mode] = process.argv.slice(2);
  if (!bundlePath || (mode !== 'quick' && mode !== 'full')) throw new Error('usage: runtime-child.ts <server bundle> quick|full');
  const settings = SETTINGS[mode];
  const bundle = require(bundlePath) as RuntimeBenchBundle;
  const manifest = bundle.runtime.readServerActionsManifest() as ServerManifest;
  const ids = Object.fromEntries(Object.entries(manifest).map(([id, entry]) => [entry.name, id]));
  const lookups = await measureLookups(bundle, manifest, settings.lookups);
  const requests: RequestFigures[] = [];
  for (const request of await prepareRequests(ids)) requests.push(await measureRequest(bundle, manifest, request, settings.requests));
  const figures: RuntimeFigures = { settings, lookups, requests };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
