/**
 * Turns the build benchmark's measurements into its Markdown tables and judges its targets, for each
 * JSX loader, on wall time (the medians of round-by-round ratios; the CPU ratio is printed beside):
 *   issue 7, at 2 000 modules: cold ≤ 1.05 × the floor, warm ≤ 1.02 ×, a watch rebuild ≤ 1.10 ×;
 *     faster than @mfng/webpack-rsc wherever both run; the heap flat across 50 watch rebuilds;
 *   issue 20, at 8 000 modules and more: cold ≤ 1.03 ×, warm ≤ 1.03 ×, watch ≤ 1.05 ×; at 500
 *     modules watch ≤ 1.10 ×; the peak RSS ≤ 1.05 × the floor's at every size and phase.
 */
import type { JsxLoader, Variant } from './build-process';
import {
  byVariant,
  formatMaybeRatio,
  formatTime,
  LOADER_NAMES,
  medianOf,
  pairedRatio,
  PHASES,
  VARIANTS,
  type Flags,
  type Measured,
  type Phase,
  type PhaseName,
  type SizeResults,
} from './build-figures';
import { bundlerComparisonTables } from './bundler-comparison';
import { formatRatio, median, type BenchSection, type TargetCheck } from './section';

const JSX_DESCRIPTIONS: Record<JsxLoader, string> = { babel: 'babel-loader with `@babel/preset-react`', swc: 'swc-loader with `@swc/core`' };

/** Wall-time limits over the floor, by size. Production builds have none: only their memory is judged. */
const TIME_LIMITS: { at(size: number): boolean; limits: Partial<Record<PhaseName, number>> }[] = [
  { at: (size) => size === 500, limits: { watch: 1.1 } },
  { at: (size) => size === 2000, limits: { cold: 1.05, warm: 1.02, watch: 1.1 } },
  { at: (size) => size >= 8000, limits: { cold: 1.03, warm: 1.03, watch: 1.05 } },
];
const PEAK_RSS_LIMIT = 1.05;
// The heap after a full GC, early rebuilds against the last ones: windows of ten take out the noise.
const MEMORY_WINDOW = 10;
const MEMORY_GROWTH_LIMIT_MB = 1;

const threeWay = (values: Record<Variant, number>, format: (value: number) => string) =>
  VARIANTS.map((variant) => (Number.isFinite(values[variant]) ? format(values[variant]) : '—')).join(' / ');

function timeLimit(phase: PhaseName, size: number): number | undefined {
  return TIME_LIMITS.find((entry) => entry.at(size))?.limits[phase];
}

function phaseRow(phase: Phase, size: SizeResults, measured: Measured, targets: TargetCheck[]): string {
  const { incomplete, failed } = measured;
  const mark = (variant: Variant) => `${incomplete.has(variant) ? ' †' : ''}${failed.has(variant) ? ' ‡' : ''}`;
  const cell = (variant: Variant) => `${formatTime(medianOf(measured.ms[variant]), phase.name)}${mark(variant)}`;
  const overFloor = pairedRatio(measured.ms.ours, measured.ms.floor);
  const cpuOverFloor = pairedRatio(measured.cpuMs.ours, measured.cpuMs.floor);
  const overMfng = pairedRatio(measured.ms.ours, measured.ms.mfng);
  const cpuOverMfng = pairedRatio(measured.cpuMs.ours, measured.cpuMs.mfng);
  const rssOverFloor = pairedRatio(measured.peakRssMb.ours, measured.peakRssMb.floor);
  const where = `${phase.name === 'watch' ? 'watch rebuild' : `${phase.name} build`} at ${size.size} modules, ${LOADER_NAMES[size.jsx]}`;
  const limit = timeLimit(phase.name, size.size);
  if (limit !== undefined) {
    targets.push({
      target: `${where}: ≤ ${formatRatio(limit)} the floor (wall time)`,
      measured: `${formatRatio(overFloor)} (CPU ${formatRatio(cpuOverFloor)})`,
      met: overFloor <= limit,
    });
  }
  if (!Number.isNaN(overMfng)) {
    targets.push({
      target: `${where}: faster than @mfng/webpack-rsc (wall time)`,
      measured: `${formatRatio(overMfng)} (CPU ${formatMaybeRatio(cpuOverMfng)})`,
      met: overMfng < 1,
    });
  }
  targets.push({ target: `${where}: peak RSS ≤ ${formatRatio(PEAK_RSS_LIMIT)} the floor's`, measured: formatRatio(rssOverFloor), met: rssOverFloor <= PEAK_RSS_LIMIT });
  const cpu = threeWay(byVariant((variant) => medianOf(measured.cpuMs[variant])), (ms) => formatTime(ms, phase.name).replace(/ m?s$/, ''));
  const peaks = threeWay(byVariant((variant) => medianOf(measured.peakRssMb[variant])), (mb) => String(Math.round(mb)));
  return (
    `| ${size.size} | ${size.jsx} | ${cell('floor')} | ${cell('ours')} | ${cell('mfng')} | ${formatRatio(overFloor)} | ${formatMaybeRatio(cpuOverFloor)} | ` +
    `${formatMaybeRatio(overMfng)} | ${cpu} ${phase.name === 'watch' ? 'ms' : 's'} | ${peaks} MB | ${formatMaybeRatio(rssOverFloor)} |`
  );
}

function phaseTable(phase: Phase, sizes: SizeResults[], targets: TargetCheck[]): string | null {
  const rows = sizes.flatMap((size) => {
    const measured = phase.measured(size);
    return measured ? [phaseRow(phase, size, measured, targets)] : [];
  });
  if (rows.length === 0) return null;
  return [
    `**${phase.title}**`,
    '',
    '| modules | JSX | floor | this package | @mfng/webpack-rsc | this ÷ floor | CPU: this ÷ floor | this ÷ @mfng | CPU (floor / this / @mfng) | peak RSS (floor / this / @mfng) | peak RSS: this ÷ floor |',
    '|--------:|-----|------:|-------------:|------------------:|-------------:|------------------:|-------------:|---------------------------:|--------------------------------:|-----------------------:|',
    ...rows,
  ].join('\n');
}

function memoryTable(size: SizeResults, targets: TargetCheck[]): string {
  const rows = VARIANTS.map((variant) => {
    const heaps = size.watch.rebuilds[variant].map((rebuild) => rebuild.heapMb);
    const early = median(heaps.slice(MEMORY_WINDOW / 2, MEMORY_WINDOW * 1.5));
    const late = median(heaps.slice(-MEMORY_WINDOW));
    if (variant === 'ours') {
      targets.push({
        target: `heap flat across ${heaps.length} watch rebuilds at ${size.size} modules, ${LOADER_NAMES[size.jsx]} (≤ ${MEMORY_GROWTH_LIMIT_MB} MB growth)`,
        measured: `${(late - early).toFixed(2)} MB`,
        met: late - early <= MEMORY_GROWTH_LIMIT_MB,
      });
    }
    const label = { floor: 'floor', ours: 'this package', mfng: '@mfng/webpack-rsc' }[variant];
    return `| ${label} | ${early.toFixed(1)} MB | ${late.toFixed(1)} MB | ${(late - early).toFixed(2)} MB |`;
  });
  const count = size.watch.rebuilds.ours.length;
  return [
    `**Heap after a full GC across ${count} watch rebuilds at ${size.size} modules, ${LOADER_NAMES[size.jsx]}** ` +
      `(medians of rebuilds ${MEMORY_WINDOW / 2 + 1}–${MEMORY_WINDOW * 1.5} and ${count - MEMORY_WINDOW + 1}–${count})`,
    '',
    '| variant | early | late | growth |',
    '|---------|------:|-----:|-------:|',
    ...rows,
  ].join('\n');
}

/** Who loaded Babel with swc-loader, where nothing but the variant's own code can have loaded it. */
function babelSentence(sizes: SizeResults[]): string[] {
  const withSwc = sizes.filter((size) => size.jsx === 'swc');
  if (withSwc.length === 0) return [];
  const label = { floor: 'the floor', ours: 'this package', mfng: '@mfng/webpack-rsc' };
  const loaders = VARIANTS.filter((variant) => withSwc.some((size) => size.babelLoaded[variant])).map((variant) => label[variant]);
  return [
    `With swc-loader, Babel's packages were loaded by ${loaders.length > 0 ? loaders.join(' and ') : 'no variant'} ` +
      '(their own code: the floor loads none, or the benchmark stops), so that fixed cost is in these figures.',
    '',
  ];
}

interface ReportOptions {
  runs(size: number): number;
  productionRuns(size: number): number;
  devtool: string | false;
  memorySize: number;
}

function countsSentence(sizes: SizeResults[], options: ReportOptions): string {
  const seen = [...new Set(sizes.map((size) => size.size))];
  const at = seen.map((size) => {
    const full = sizes.find((result) => result.size === size && result.warm);
    const production = sizes.find((result) => result.size === size && result.production);
    const builds = full ? 'cold and warm builds' : 'cold builds (no warm builds at this size)';
    return `${options.runs(size)} ${builds}${production ? ` and ${options.productionRuns(size)} production builds` : ''} per variant at ${size} modules`;
  });
  return `Medians of ${at.join('; ')} (watch: of every rebuild but the first), each build in a fresh process; ratios are medians of round-by-round ratios.`;
}

/** What the Rspack tables hold, when Rspack was measured. */
function rspackSentence(sizes: SizeResults[]): string[] {
  if (!sizes.some((size) => size.bundler === 'rspack')) return [];
  return [
    'On Rspack, the floor and this package (the same configurations, loaders and entries; @mfng/webpack-rsc is not run) build cold, warm ' +
      "(Rspack's persistent cache) and in watch mode, never in production mode; the tables below the webpack ones show each bundler against its own floor. " +
      "The heap is followed on webpack only: Rspack keeps most of its state outside Node's heap.",
    '',
  ];
}

export function buildSection(sizes: SizeResults[], options: ReportOptions): BenchSection {
  const targets: TargetCheck[] = [];
  const onWebpack = sizes.filter((size) => size.bundler === 'webpack');
  const tables = PHASES.flatMap((phase) => phaseTable(phase, onWebpack, targets) ?? []);
  for (const size of onWebpack) {
    if (size.size === options.memorySize && size.watch.rebuilds.ours.length >= MEMORY_WINDOW * 2) tables.push(memoryTable(size, targets));
  }
  tables.push(...bundlerComparisonTables(sizes, targets));
  const flagged = (flag: keyof Flags) => sizes.some((size) => PHASES.some((phase) => (phase.measured(size)?.[flag].size ?? 0) > 0));
  const loaders = [...new Set(sizes.map((size) => size.jsx))].map((jsx) => JSX_DESCRIPTIONS[jsx]);
  const markdown = [
    countsSentence(sizes, options),
    `Mode \`development\` (production builds: \`production\`), \`devtool: ${JSON.stringify(options.devtool)}\`; the JSX of every app module is compiled by ` +
      `${loaders.length > 1 ? `${loaders.join(' in one pass and by ')} in another` : loaders[0]} (JSX only), the same for every variant of a round. ` +
      "CPU time is the user and system time of the build's process (all its threads) over the span of the wall time; peak RSS is that process's (a watch session's: over the whole session). " +
      'Targets on time are judged on wall time, what a developer waits for; the CPU ratio is printed beside it because it is steadier on a busy machine.',
    '',
    ...babelSentence(sizes),
    ...rspackSentence(sizes),
    ...tables.flatMap((table) => [table, '']),
    ...(flagged('incomplete') ? ['† the build finished without errors, but its manifests leave out server functions or client components.', ''] : []),
    ...(flagged('failed') ? ['‡ some builds failed with errors; the figures are those of the others (none: "build error").', ''] : []),
  ].join('\n');
  return { title: 'Builds', markdown, targets };
}
