/**
 * The build benchmark: for each app size and each JSX loader (babel-loader, swc-loader), cold builds,
 * warm builds (filesystem cache), production builds (cold, minimizer on) and watch rebuilds after an
 * edit of a "use server" file, of the three variants (scripts/bench/variant-configs.mjs), alternated
 * round by round, each round in a rotated order, so that drift of the machine falls on every variant
 * alike; every variant of a round uses the same JSX loader. Every build runs in a fresh process
 * (scripts/bench/build-child.mjs); the three watch sessions of a size run side by side, and each edit
 * round rebuilds them one after the other. Above LARGEST_FULL_SIZE modules only cold builds and watch
 * rebuilds run, to keep such a run to a bearable length.
 */
import { mkdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { writeAppToDisk } from './app-on-disk';
import { runBuild, WatchProcess, type BuildJob, type BuildResult, type JsxLoader, type OutputCounts, type Rebuild, type Variant } from './build-process';
import { buildSection, type Flags, type SizeResults } from './build-report';
import type { BenchSection } from './section';
import { generateSyntheticApp } from './synthetic-app';

export const VARIANTS: Variant[] = ['floor', 'ours', 'mfng'];
export const LARGEST_FULL_SIZE = 8000;

export interface BuildBenchmarkOptions {
  sizes: number[];
  /** Every size is built with each of them in turn. */
  jsxLoaders: JsxLoader[];
  /** Cold and warm builds per variant at a size. */
  runs(size: number): number;
  /** Production builds per variant at a size; 0 for none (always none above LARGEST_FULL_SIZE). */
  productionRuns(size: number): number;
  /** Watch rebuilds per variant and size; `memoryRebuilds` at the size the memory target is judged at. */
  rebuilds: number;
  memoryRebuilds: number;
  memorySize: number;
  devtool: string | false;
  workDir: string;
  log(line: string): void;
}

/** Round r runs the variants in a rotated order: floor, ours, mfng; then ours, mfng, floor; … */
function rotated(round: number): Variant[] {
  return VARIANTS.map((_, i) => VARIANTS[(i + round) % VARIANTS.length]);
}

type Outcome = 'complete' | 'incomplete' | 'failed';

/**
 * Whether a build did the whole job. The floor and this package must build without errors, and this
 * package's manifests must list everything, or the figures would measure nothing; @mfng/webpack-rsc's
 * failures are recorded as such (its include of client components is not awaited, and in some graphs
 * webpack seals before those modules are built).
 */
function outcome(variant: Variant, result: { errors: string[]; counts: OutputCounts | null }, expected: OutputCounts): Outcome {
  if (result.errors.length > 0) {
    if (variant === 'mfng') return 'failed';
    throw new Error(`The ${variant} build failed:\n${result.errors.join('\n')}`);
  }
  if (variant === 'floor') return 'complete';
  const complete = result.counts?.serverFunctions === expected.serverFunctions && result.counts.clientComponents === expected.clientComponents;
  if (!complete && variant === 'ours') throw new Error(`This package's build is incomplete: ${JSON.stringify(result.counts)}, expected ${JSON.stringify(expected)}`);
  return complete ? 'complete' : 'incomplete';
}

function flag(variant: Variant, outcomeOf: Outcome, flags: Flags): void {
  if (outcomeOf !== 'complete') flags[outcomeOf].add(variant);
}

/** Notes an outcome; a failed build's time is not a build time (NaN, left out of medians and ratios). */
function record<T extends { ms: number }>(result: T, variant: Variant, outcomeOf: Outcome, flags: Flags): T {
  flag(variant, outcomeOf, flags);
  return outcomeOf === 'failed' ? { ...result, ms: Number.NaN } : result;
}

async function buildRounds(phase: 'cold' | 'warm' | 'production', jobs: Record<Variant, BuildJob>, runs: number, options: BuildBenchmarkOptions, expected: OutputCounts) {
  const results = { floor: [], ours: [], mfng: [] } as Record<Variant, BuildResult[]>;
  const flags: Flags = { incomplete: new Set(), failed: new Set() };
  for (let round = 0; round < runs; round += 1) {
    for (const variant of rotated(round)) {
      const result = await runBuild({ ...jobs[variant], phase });
      results[variant].push(record(result, variant, outcome(variant, result, expected), flags));
      options.log(
        `  ${phase} ${variant} ${(result.ms / 1000).toFixed(2)} s (CPU ${(result.cpuMs / 1000).toFixed(2)} s), ${Math.round(result.peakRssMb)} MB${result.errors.length ? ' (failed)' : ''}`,
      );
    }
  }
  return { results, ...flags };
}

/** A rebuild; a watching process that died (webpack can throw outside its callbacks) fails from then on. */
async function rebuildOrCrash(sessions: Partial<Record<Variant, WatchProcess>>, variant: Variant, revision: number): Promise<Rebuild> {
  const crashed = { ms: Number.NaN, cpuMs: Number.NaN, heapMb: Number.NaN, errors: ['the watching process crashed'] };
  const session = sessions[variant];
  if (!session) return crashed;
  try {
    return await session.edit(revision);
  } catch {
    delete sessions[variant];
    return crashed;
  }
}

async function watchRounds(jobs: Record<Variant, BuildJob>, rebuilds: number, options: BuildBenchmarkOptions, expected: OutputCounts) {
  const sessions: Partial<Record<Variant, WatchProcess>> = {};
  const results = { floor: [], ours: [], mfng: [] } as SizeResults['watch']['rebuilds'];
  const flags: Flags = { incomplete: new Set(), failed: new Set() };
  const babelLoaded = {} as Record<Variant, boolean>;
  // One at a time, so that the initial builds do not compete.
  for (const variant of VARIANTS) {
    const started = await WatchProcess.start({ ...jobs[variant], phase: 'watch' }).catch((error: Error) => error);
    const initial: BuildResult =
      started instanceof Error
        ? { ms: Number.NaN, cpuMs: Number.NaN, peakRssMb: Number.NaN, babelLoaded: false, errors: [started.message], counts: null }
        : started.initial;
    babelLoaded[variant] = initial.babelLoaded;
    record(initial, variant, outcome(variant, initial, expected), flags);
    if (!(started instanceof Error)) sessions[variant] = started;
  }
  for (let revision = 1; revision <= rebuilds; revision += 1) {
    for (const variant of rotated(revision)) {
      const rebuild = await rebuildOrCrash(sessions, variant, revision);
      // A rebuild's manifests are read once, when watching stops; here only its errors count.
      const rebuilt = rebuild.errors.length > 0 ? outcome(variant, { ...rebuild, counts: null }, expected) : 'complete';
      results[variant].push(record(rebuild, variant, rebuilt, flags));
    }
    if (revision % 10 === 0) options.log(`  watch: ${revision} of ${rebuilds} rebuilds`);
  }
  const peakRssMb = {} as Record<Variant, number>;
  for (const variant of VARIANTS) {
    if (!sessions[variant]) continue; // it crashed
    const stopped = await sessions[variant].stop();
    peakRssMb[variant] = stopped.peakRssMb;
    if (!flags.failed.has(variant)) flag(variant, outcome(variant, { errors: [], counts: stopped.counts }, expected), flags);
  }
  return { rebuilds: results, peakRssMb, babelLoaded, ...flags };
}

/**
 * Which variants loaded Babel in any build of a round. With swc-loader, the floor must not: it would
 * hide the fixed cost of loading Babel that this package's loader pays.
 */
function babelLoadedBy(jsx: JsxLoader, rounds: Record<Variant, boolean>[]): Record<Variant, boolean> {
  const loaded = Object.fromEntries(VARIANTS.map((variant) => [variant, rounds.some((round) => round[variant])])) as Record<Variant, boolean>;
  if (jsx === 'swc' && loaded.floor) throw new Error('With swc-loader, the floor build loaded Babel: its figures would include what they should leave out.');
  return loaded;
}

const babelOf = (results: Record<Variant, BuildResult[]>) =>
  Object.fromEntries(VARIANTS.map((variant) => [variant, results[variant].some((result) => result.babelLoaded)])) as Record<Variant, boolean>;

async function benchmarkLoader(size: number, jsx: JsxLoader, app: { root: string; expected: OutputCounts }, options: BuildBenchmarkOptions): Promise<SizeResults> {
  const jobs = {} as Record<Variant, BuildJob>;
  for (const variant of VARIANTS) {
    const cacheDirectory = path.join(app.root, `cache-${jsx}-${variant}`);
    jobs[variant] = { variant, jsx, appDir: path.join(app.root, variant), phase: 'cold', cacheDirectory, devtool: options.devtool, quietMs: 300 };
  }
  const started = Date.now();
  options.log(`${size} modules, ${jsx}-loader`);
  const full = size <= LARGEST_FULL_SIZE;
  const cold = await buildRounds('cold', jobs, options.runs(size), options, app.expected);
  let warm: SizeResults['warm'] = null;
  if (full) {
    for (const variant of VARIANTS) await runBuild({ ...jobs[variant], phase: 'prime' });
    warm = await buildRounds('warm', jobs, options.runs(size), options, app.expected);
  }
  const productionRuns = full ? options.productionRuns(size) : 0;
  const production = productionRuns > 0 ? await buildRounds('production', jobs, productionRuns, options, app.expected) : null;
  const rebuilds = size === options.memorySize ? Math.max(options.memoryRebuilds, options.rebuilds) : options.rebuilds;
  const watch = await watchRounds(jobs, rebuilds, options, app.expected);
  const babelLoaded = babelLoadedBy(jsx, [babelOf(cold.results), watch.babelLoaded, ...(production ? [babelOf(production.results)] : [])]);
  options.log(`  ${size} modules with ${jsx}-loader took ${((Date.now() - started) / 60_000).toFixed(1)} min`);
  return { size, jsx, cold, warm, production, watch, babelLoaded };
}

async function benchmarkSize(size: number, options: BuildBenchmarkOptions): Promise<SizeResults[]> {
  const app = generateSyntheticApp(size);
  const root = path.join(options.workDir, `app-${size}`);
  rmSync(root, { recursive: true, force: true });
  for (const variant of VARIANTS) writeAppToDisk(app, path.join(root, variant));
  const expected = { serverFunctions: app.expected.serverFunctions, clientComponents: app.clientBoundary.length };
  options.log(`${size} modules (${app.expected.serverFunctions} server functions, ${app.expected.clientFiles} client components)`);
  const results: SizeResults[] = [];
  for (const jsx of options.jsxLoaders) results.push(await benchmarkLoader(size, jsx, { root, expected }, options));
  rmSync(root, { recursive: true, force: true });
  return results;
}

export async function runBuildBenchmark(options: BuildBenchmarkOptions): Promise<BenchSection> {
  mkdirSync(options.workDir, { recursive: true });
  const results: SizeResults[] = [];
  for (const size of options.sizes) results.push(...(await benchmarkSize(size, options)));
  return buildSection(results, options);
}
