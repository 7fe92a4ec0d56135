/**
 * The build benchmark: for each app size, each JSX loader (babel-loader, swc-loader) and each bundler
 * (webpack; Rspack if asked), cold builds, warm builds (filesystem cache), production builds (cold,
 * minimizer on; webpack only) and watch rebuilds after an edit of a "use server" file, of the variants
 * the bundler runs (scripts/bench/variant-configs.mjs; on Rspack, the floor and this package), alternated
 * round by round, each round in a rotated order, so that drift of the machine falls on every variant
 * alike; every variant of a round uses the same JSX loader. Every build runs in a fresh process
 * (scripts/bench/build-child.mjs); the three watch sessions of a size run side by side, and each edit
 * round rebuilds them one after the other. Above LARGEST_FULL_SIZE modules only cold builds and watch
 * rebuilds run, to keep such a run to a bearable length.
 */
import { mkdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { writeAppToDisk } from './app-on-disk';
import { runBuild, WatchProcess, type BuildJob, type BuildResult, type Bundler, type JsxLoader, type OutputCounts, type Rebuild, type Variant } from './build-process';
import type { Flags, SizeResults } from './build-figures';
import { buildSection } from './build-report';
import type { BenchSection } from './section';
import { generateSyntheticApp } from './synthetic-app';

export const VARIANTS: Variant[] = ['floor', 'ours', 'mfng'];
/** @mfng/webpack-rsc is a webpack integration; on Rspack only the floor and this package run. */
export const VARIANTS_ON: Record<Bundler, Variant[]> = { webpack: VARIANTS, rspack: ['floor', 'ours'] };
export const LARGEST_FULL_SIZE = 8000;

export interface BuildBenchmarkOptions {
  sizes: number[];
  /** Every size is built with each of them in turn. */
  jsxLoaders: JsxLoader[];
  /** Every size and JSX loader is built by each of them in turn (default: webpack only). */
  bundlers?: Bundler[];
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
function rotated(round: number, variants: Variant[]): Variant[] {
  return variants.map((_, i) => variants[(i + round) % variants.length]);
}

type Outcome = 'complete' | 'incomplete' | 'failed';

/**
 * Whether a build did the whole job. The floor and this package must build without errors, and this
 * package's manifests must list everything on webpack, or the figures would measure nothing;
 * @mfng/webpack-rsc's failures are recorded as such (its include of client components is not awaited,
 * and in some graphs webpack seals before those modules are built). On Rspack, whose support is new,
 * an incomplete build of this package is recorded too (†, its targets missed), so that a run says
 * which phase falls short rather than stopping.
 */
function outcome(variant: Variant, result: { errors: string[]; counts: OutputCounts | null }, expected: OutputCounts, bundler: Bundler): Outcome {
  if (result.errors.length > 0) {
    if (variant === 'mfng') return 'failed';
    throw new Error(`The ${variant} build failed:\n${result.errors.join('\n')}`);
  }
  if (variant === 'floor') return 'complete';
  const complete = result.counts?.serverFunctions === expected.serverFunctions && result.counts.clientComponents === expected.clientComponents;
  if (!complete && variant === 'ours' && bundler === 'webpack') throw new Error(`This package's build is incomplete: ${JSON.stringify(result.counts)}, expected ${JSON.stringify(expected)}`);
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

async function buildRounds(phase: 'cold' | 'warm' | 'production', jobs: Partial<Record<Variant, BuildJob>>, runs: number, options: BuildBenchmarkOptions, expected: OutputCounts) {
  const variants = Object.keys(jobs) as Variant[];
  const results = { floor: [], ours: [], mfng: [] } as Record<Variant, BuildResult[]>;
  const flags: Flags = { incomplete: new Set(), failed: new Set() };
  for (let round = 0; round < runs; round += 1) {
    for (const variant of rotated(round, variants)) {
      const job = jobs[variant]!;
      const result = await runBuild({ ...job, phase });
      results[variant].push(record(result, variant, outcome(variant, result, expected, job.bundler), flags));
      options.log(
        `  ${phase} ${job.bundler === 'webpack' ? '' : `${job.bundler} `}${variant} ${(result.ms / 1000).toFixed(2)} s (CPU ${(result.cpuMs / 1000).toFixed(2)} s), ${Math.round(result.peakRssMb)} MB${result.errors.length ? ' (failed)' : ''}`,
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

async function watchRounds(jobs: Partial<Record<Variant, BuildJob>>, rebuilds: number, options: BuildBenchmarkOptions, expected: OutputCounts) {
  const variants = Object.keys(jobs) as Variant[];
  const bundler = Object.values(jobs)[0]!.bundler;
  const sessions: Partial<Record<Variant, WatchProcess>> = {};
  const results = { floor: [], ours: [], mfng: [] } as SizeResults['watch']['rebuilds'];
  const flags: Flags = { incomplete: new Set(), failed: new Set() };
  const babelLoaded = {} as Record<Variant, boolean>;
  // One at a time, so that the initial builds do not compete.
  for (const variant of variants) {
    const started = await WatchProcess.start({ ...jobs[variant]!, phase: 'watch' }).catch((error: Error) => error);
    const initial: BuildResult =
      started instanceof Error
        ? { ms: Number.NaN, cpuMs: Number.NaN, peakRssMb: Number.NaN, babelLoaded: false, errors: [started.message], counts: null }
        : started.initial;
    babelLoaded[variant] = initial.babelLoaded;
    record(initial, variant, outcome(variant, initial, expected, bundler), flags);
    if (!(started instanceof Error)) sessions[variant] = started;
  }
  for (let revision = 1; revision <= rebuilds; revision += 1) {
    for (const variant of rotated(revision, variants)) {
      const rebuild = await rebuildOrCrash(sessions, variant, revision);
      // A rebuild's manifests are read once, when watching stops; here only its errors count.
      const rebuilt = rebuild.errors.length > 0 ? outcome(variant, { ...rebuild, counts: null }, expected, bundler) : 'complete';
      results[variant].push(record(rebuild, variant, rebuilt, flags));
    }
    if (revision % 10 === 0) options.log(`  watch: ${revision} of ${rebuilds} rebuilds`);
  }
  const peakRssMb = {} as Record<Variant, number>;
  for (const variant of variants) {
    if (!sessions[variant]) continue; // it crashed
    const stopped = await sessions[variant].stop();
    peakRssMb[variant] = stopped.peakRssMb;
    if (!flags.failed.has(variant)) flag(variant, outcome(variant, { errors: [], counts: stopped.counts }, expected, bundler), flags);
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

interface Run {
  size: number;
  jsx: JsxLoader;
  bundler: Bundler;
}

async function benchmarkRun({ size, jsx, bundler }: Run, app: { root: string; expected: OutputCounts }, options: BuildBenchmarkOptions): Promise<SizeResults> {
  const jobs: Partial<Record<Variant, BuildJob>> = {};
  for (const variant of VARIANTS_ON[bundler]) {
    const cacheDirectory = path.join(app.root, `cache-${bundler === 'webpack' ? '' : `${bundler}-`}${jsx}-${variant}`);
    jobs[variant] = { variant, jsx, bundler, appDir: path.join(app.root, variant), phase: 'cold', cacheDirectory, devtool: options.devtool, quietMs: 300 };
  }
  const started = Date.now();
  const label = `${size} modules, ${jsx}-loader${bundler === 'webpack' ? '' : `, ${bundler}`}`;
  options.log(label);
  const full = size <= LARGEST_FULL_SIZE;
  const cold = await buildRounds('cold', jobs, options.runs(size), options, app.expected);
  let warm: SizeResults['warm'] = null;
  if (full) {
    for (const job of Object.values(jobs)) await runBuild({ ...job, phase: 'prime' });
    warm = await buildRounds('warm', jobs, options.runs(size), options, app.expected);
  }
  // Issue 20's production builds and heap follow-up are webpack's; on Rspack, cold, warm and watch.
  const productionRuns = full && bundler === 'webpack' ? options.productionRuns(size) : 0;
  const production = productionRuns > 0 ? await buildRounds('production', jobs, productionRuns, options, app.expected) : null;
  const rebuilds = size === options.memorySize && bundler === 'webpack' ? Math.max(options.memoryRebuilds, options.rebuilds) : options.rebuilds;
  const watch = await watchRounds(jobs, rebuilds, options, app.expected);
  const babelLoaded = babelLoadedBy(jsx, [babelOf(cold.results), watch.babelLoaded, ...(production ? [babelOf(production.results)] : [])]);
  options.log(`  ${label} took ${((Date.now() - started) / 60_000).toFixed(1)} min`);
  return { size, jsx, bundler, cold, warm, production, watch, babelLoaded };
}

async function benchmarkSize(size: number, options: BuildBenchmarkOptions): Promise<SizeResults[]> {
  const app = generateSyntheticApp(size);
  const root = path.join(options.workDir, `app-${size}`);
  rmSync(root, { recursive: true, force: true });
  for (const variant of VARIANTS) writeAppToDisk(app, path.join(root, variant));
  const expected = { serverFunctions: app.expected.serverFunctions, clientComponents: app.clientBoundary.length };
  options.log(`${size} modules (${app.expected.serverFunctions} server functions, ${app.expected.clientFiles} client components)`);
  const results: SizeResults[] = [];
  // A size and loader's bundlers one after the other, so that the tables' side-by-side rows are close in time.
  for (const jsx of options.jsxLoaders) {
    for (const bundler of options.bundlers ?? ['webpack']) results.push(await benchmarkRun({ size, jsx, bundler }, { root, expected }, options));
  }
  rmSync(root, { recursive: true, force: true });
  return results;
}

export async function runBuildBenchmark(options: BuildBenchmarkOptions): Promise<BenchSection> {
  mkdirSync(options.workDir, { recursive: true });
  const results: SizeResults[] = [];
  for (const size of options.sizes) results.push(...(await benchmarkSize(size, options)));
  return buildSection(results, options);
}
