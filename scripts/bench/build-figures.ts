/**
 * The build benchmark's measurements as the report reads them: what one size built with one JSX
 * loader and one bundler gave, the phases, and the paired figures (medians, round-by-round ratios)
 * that both the webpack tables (build-report.ts) and the webpack-beside-Rspack tables
 * (bundler-comparison.ts) are made from.
 */
import type { BuildResult, Bundler, JsxLoader, Rebuild, Variant } from './build-process';
import { formatRatio, median } from './section';

/** Variants whose build left server functions or client components out of its manifests, or failed. */
export interface Flags {
  incomplete: Set<Variant>;
  failed: Set<Variant>;
}

export interface Rounds extends Flags {
  results: Record<Variant, BuildResult[]>;
}

/**
 * One size built with one JSX loader by one bundler; warm and production builds are not run at every
 * size (production builds: never on Rspack). A variant the bundler does not run has no figures.
 */
export interface SizeResults {
  size: number;
  jsx: JsxLoader;
  bundler: Bundler;
  cold: Rounds;
  warm: Rounds | null;
  production: Rounds | null;
  watch: Flags & { rebuilds: Record<Variant, Rebuild[]>; peakRssMb: Record<Variant, number> };
  /** Which variants loaded any of Babel's packages. */
  babelLoaded: Record<Variant, boolean>;
}

export type PhaseName = 'cold' | 'warm' | 'production' | 'watch';

/** Paired figures per variant (round by round, or edit by edit); a watch session has one peak. */
export interface Measured extends Flags {
  ms: Record<Variant, number[]>;
  cpuMs: Record<Variant, number[]>;
  peakRssMb: Record<Variant, number[]>;
}

export interface Phase {
  name: PhaseName;
  title: string;
  /** Null where the phase did not run. */
  measured(size: SizeResults): Measured | null;
}

export const VARIANTS: Variant[] = ['floor', 'ours', 'mfng'];
export const LOADER_NAMES: Record<JsxLoader, string> = { babel: 'babel-loader', swc: 'swc-loader' };

export const byVariant = <T>(make: (variant: Variant) => T) => Object.fromEntries(VARIANTS.map((variant) => [variant, make(variant)])) as Record<Variant, T>;

function fromRounds(rounds: Rounds | null): Measured | null {
  if (!rounds) return null;
  const figure = (key: 'ms' | 'cpuMs' | 'peakRssMb') => byVariant((variant) => rounds.results[variant].map((result) => result[key]));
  return { ms: figure('ms'), cpuMs: figure('cpuMs'), peakRssMb: figure('peakRssMb'), incomplete: rounds.incomplete, failed: rounds.failed };
}

// The first rebuild of a session warms up the JIT and webpack's caches; it is not what an edit costs.
const steadyRebuilds = (rebuilds: Rebuild[]) => (rebuilds.length > 1 ? rebuilds.slice(1) : rebuilds);

function fromWatch(watch: SizeResults['watch']): Measured {
  const figure = (key: 'ms' | 'cpuMs') => byVariant((variant) => steadyRebuilds(watch.rebuilds[variant]).map((rebuild) => rebuild[key]));
  return { ms: figure('ms'), cpuMs: figure('cpuMs'), peakRssMb: byVariant((variant) => [watch.peakRssMb[variant] ?? Number.NaN]), incomplete: watch.incomplete, failed: watch.failed };
}

export const PHASES: Phase[] = [
  { name: 'cold', title: 'Cold build (no cache), from creating the compilers to closing them', measured: (size) => fromRounds(size.cold) },
  {
    name: 'warm',
    title: 'Warm build (`cache: { type: "filesystem" }`, filled by a previous build of the same sources)',
    measured: (size) => fromRounds(size.warm),
  },
  {
    name: 'production',
    title: "Production build (`mode: 'production'`, webpack's minimizer on, no cache)",
    measured: (size) => fromRounds(size.production),
  },
  {
    name: 'watch',
    title: 'Watch rebuild after an edit of a `"use server"` file (memory cache), from `watchRun` to the last `done`',
    measured: (size) => fromWatch(size.watch),
  },
];

/** The median of the figures of builds that did not fail (NaN); NaN if all failed or none ran. */
export function medianOf(values: number[]): number {
  const finished = values.filter((value) => !Number.isNaN(value));
  return finished.length > 0 ? median(finished) : Number.NaN;
}

/** The median of the round-by-round ratios a ÷ b: drift within a round cancels out. */
export function pairedRatio(a: number[], b: number[]): number {
  return medianOf(a.map((value, i) => value / b[i]));
}

export function formatTime(ms: number, phase: PhaseName): string {
  if (Number.isNaN(ms)) return 'build error';
  return phase === 'watch' ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export const formatMaybeRatio = (ratio: number) => (Number.isNaN(ratio) ? '—' : formatRatio(ratio));
