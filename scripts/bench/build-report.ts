/**
 * Turns the build benchmark's measurements into its Markdown tables and judges issue 7's targets:
 * at 2 000 modules, cold ≤ 1.05 × the floor, warm ≤ 1.02 ×, a watch rebuild ≤ 1.10 ×; faster than
 * @mfng/webpack-rsc wherever both run; the heap flat across 50 watch rebuilds.
 */
import type { BuildResult, Rebuild, Variant } from './build-process';
import { formatRatio, median, type BenchSection, type TargetCheck } from './section';

/** Variants whose build left server functions or client components out of its manifests, or failed. */
export interface Flags {
  incomplete: Set<Variant>;
  failed: Set<Variant>;
}

interface Rounds extends Flags {
  results: Record<Variant, BuildResult[]>;
}

export interface SizeResults {
  size: number;
  cold: Rounds;
  warm: Rounds;
  watch: Flags & { rebuilds: Record<Variant, Rebuild[]>; peakRssMb: Record<Variant, number> };
}

interface Phase {
  name: 'cold' | 'warm' | 'watch';
  title: string;
  limit: number;
  /** Paired times per variant (round by round, or edit by edit), and the peak memory. */
  times(size: SizeResults): Record<Variant, number[]>;
  peakRssMb(size: SizeResults, variant: Variant): number;
  flags(size: SizeResults): Flags;
}

const TARGET_SIZE = 2000;
// The heap after a full GC, early rebuilds against the last ones: windows of ten take out the noise.
const MEMORY_WINDOW = 10;
const MEMORY_GROWTH_LIMIT_MB = 1;

// The first rebuild of a session warms up the JIT and webpack's caches; it is not what an edit costs.
const steadyRebuilds = (rebuilds: Rebuild[]) => (rebuilds.length > 1 ? rebuilds.slice(1) : rebuilds);
const timesOf = (results: Record<Variant, { ms: number }[]>) =>
  Object.fromEntries(Object.entries(results).map(([variant, list]) => [variant, list.map((item) => item.ms)])) as Record<Variant, number[]>;
const peakOf = (results: BuildResult[]) => Math.max(...results.map((result) => result.peakRssMb).filter((peak) => !Number.isNaN(peak)));

const PHASES: Phase[] = [
  {
    name: 'cold',
    title: 'Cold build (no cache), from creating the compilers to closing them',
    limit: 1.05,
    times: (size) => timesOf(size.cold.results),
    peakRssMb: (size, variant) => peakOf(size.cold.results[variant]),
    flags: (size) => size.cold,
  },
  {
    name: 'warm',
    title: 'Warm build (`cache: { type: "filesystem" }`, filled by a previous build of the same sources)',
    limit: 1.02,
    times: (size) => timesOf(size.warm.results),
    peakRssMb: (size, variant) => peakOf(size.warm.results[variant]),
    flags: (size) => size.warm,
  },
  {
    name: 'watch',
    title: 'Watch rebuild after an edit of a `"use server"` file (memory cache), from `watchRun` to the last `done`',
    limit: 1.1,
    times: (size) =>
      timesOf(Object.fromEntries(Object.entries(size.watch.rebuilds).map(([variant, list]) => [variant, steadyRebuilds(list)])) as Record<Variant, Rebuild[]>),
    peakRssMb: (size, variant) => size.watch.peakRssMb[variant],
    flags: (size) => size.watch,
  },
];

/** The median of the times of builds that did not fail (NaN); NaN if all failed. */
function medianTime(times: number[]): number {
  const finished = times.filter((time) => !Number.isNaN(time));
  return finished.length > 0 ? median(finished) : Number.NaN;
}

/** The median of the round-by-round ratios a ÷ b: drift within a round cancels out. */
function pairedRatio(a: number[], b: number[]): number {
  return medianTime(a.map((value, i) => value / b[i]));
}

function formatTime(ms: number, phase: Phase['name']): string {
  if (Number.isNaN(ms)) return 'build error';
  return phase === 'watch' ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

const formatMaybeRatio = (ratio: number) => (Number.isNaN(ratio) ? '—' : formatRatio(ratio));

function phaseTable(phase: Phase, sizes: SizeResults[], targets: TargetCheck[]): string {
  const rows = sizes.map((size) => {
    const times = phase.times(size);
    const { incomplete, failed } = phase.flags(size);
    const mark = (variant: Variant) => `${incomplete.has(variant) ? ' †' : ''}${failed.has(variant) ? ' ‡' : ''}`;
    const cell = (variant: Variant) => `${formatTime(medianTime(times[variant]), phase.name)}${mark(variant)}`;
    const overFloor = pairedRatio(times.ours, times.floor);
    const overMfng = pairedRatio(times.ours, times.mfng);
    if (size.size === TARGET_SIZE) {
      targets.push({ target: `${phase.name} build at ${TARGET_SIZE} modules ≤ ${formatRatio(phase.limit)} the floor`, measured: formatRatio(overFloor), met: overFloor <= phase.limit });
    }
    if (!Number.isNaN(overMfng)) {
      targets.push({ target: `${phase.name} build at ${size.size} modules faster than @mfng/webpack-rsc`, measured: formatRatio(overMfng), met: overMfng < 1 });
    }
    const peaks = (['floor', 'ours', 'mfng'] as Variant[])
      .map((variant) => phase.peakRssMb(size, variant))
      .map((peak) => (Number.isFinite(peak) ? Math.round(peak) : '—'))
      .join(' / ');
    return `| ${size.size} | ${cell('floor')} | ${cell('ours')} | ${cell('mfng')} | ${formatRatio(overFloor)} | ${formatMaybeRatio(overMfng)} | ${peaks} MB |`;
  });
  return [
    `**${phase.title}**`,
    '',
    '| modules | floor | this package | @mfng/webpack-rsc | this package ÷ floor | this package ÷ @mfng | peak RSS (floor / this / @mfng) |',
    '|--------:|------:|-------------:|------------------:|---------------------:|---------------------:|--------------------------------:|',
    ...rows,
  ].join('\n');
}

function memoryTable(size: SizeResults, targets: TargetCheck[]): string {
  const rows = (['floor', 'ours', 'mfng'] as Variant[]).map((variant) => {
    const heaps = size.watch.rebuilds[variant].map((rebuild) => rebuild.heapMb);
    const early = median(heaps.slice(MEMORY_WINDOW / 2, MEMORY_WINDOW * 1.5));
    const late = median(heaps.slice(-MEMORY_WINDOW));
    if (variant === 'ours') {
      targets.push({
        target: `heap flat across ${heaps.length} watch rebuilds (≤ ${MEMORY_GROWTH_LIMIT_MB} MB growth)`,
        measured: `${(late - early).toFixed(2)} MB`,
        met: late - early <= MEMORY_GROWTH_LIMIT_MB,
      });
    }
    const label = { floor: 'floor', ours: 'this package', mfng: '@mfng/webpack-rsc' }[variant];
    return `| ${label} | ${early.toFixed(1)} MB | ${late.toFixed(1)} MB | ${(late - early).toFixed(2)} MB |`;
  });
  const count = size.watch.rebuilds.ours.length;
  return [
    `**Heap after a full GC across ${count} watch rebuilds at ${size.size} modules** (medians of rebuilds ${MEMORY_WINDOW / 2 + 1}–${MEMORY_WINDOW * 1.5} and ${count - MEMORY_WINDOW + 1}–${count})`,
    '',
    '| variant | early | late | growth |',
    '|---------|------:|-----:|-------:|',
    ...rows,
  ].join('\n');
}

export function buildSection(sizes: SizeResults[], options: { runs(size: number): number; devtool: string | false; memorySize: number }): BenchSection {
  const targets: TargetCheck[] = [];
  const tables = PHASES.map((phase) => phaseTable(phase, sizes, targets));
  const memorySize = sizes.find((size) => size.size === options.memorySize && size.watch.rebuilds.ours.length >= MEMORY_WINDOW * 2);
  if (memorySize) tables.push(memoryTable(memorySize, targets));
  const flagged = (flag: keyof Flags) => sizes.some((size) => PHASES.some((phase) => phase.flags(size)[flag].size > 0));
  const markdown = [
    `Medians of ${sizes.map((size) => `${options.runs(size.size)} builds per variant at ${size.size} modules`).join(', ')} ` +
      `(watch: of every rebuild but the first), each build in a fresh process; ratios are medians of round-by-round ratios. ` +
      `Mode \`development\`, \`devtool: ${JSON.stringify(options.devtool)}\`, babel-loader with \`@babel/preset-react\` on every app module.`,
    '',
    ...tables.flatMap((table) => [table, '']),
    ...(flagged('incomplete') ? ['† the build finished without errors, but its manifests leave out server functions or client components.', ''] : []),
    ...(flagged('failed') ? ['‡ some builds failed with errors; the figures are those of the others (none: "build error").', ''] : []),
  ].join('\n');
  return { title: 'Builds', markdown, targets };
}
