/**
 * The build benchmark's Rspack figures, beside webpack's: for each phase Rspack runs (cold, warm with
 * its persistent cache, watch), one table whose rows put a size and JSX loader's webpack figures and
 * Rspack figures side by side, each bundler's package against that bundler's own floor measured in
 * the same run. Only the floor and this package run on Rspack. Its targets, at every size measured
 * (the issue names 2 000 and 8 000): cold ≤ 1.05 × the Rspack floor, warm ≤ 1.02 ×, watch ≤ 1.10 ×,
 * on wall time, and missed by a build whose manifests leave something out.
 */
import type { Variant } from './build-process';
import { formatMaybeRatio, formatTime, LOADER_NAMES, medianOf, pairedRatio, PHASES, type Measured, type Phase, type PhaseName, type SizeResults } from './build-figures';
import { formatRatio, type TargetCheck } from './section';

const RSPACK_LIMITS: Partial<Record<PhaseName, number>> = { cold: 1.05, warm: 1.02, watch: 1.1 };
const RSPACK_PHASES = PHASES.filter((phase) => phase.name in RSPACK_LIMITS);

const mark = (measured: Measured, variant: Variant) => `${measured.incomplete.has(variant) ? ' †' : ''}${measured.failed.has(variant) ? ' ‡' : ''}`;

/** A bundler's cells: floor, this package, wall and CPU ratios over the floor; dashes where it did not run. */
function bundlerCells(phase: Phase, measured: Measured | null): string[] {
  if (!measured) return ['—', '—', '—', '—'];
  const time = (variant: Variant) => `${formatTime(medianOf(measured.ms[variant]), phase.name)}${mark(measured, variant)}`;
  return [
    time('floor'),
    time('ours'),
    formatMaybeRatio(pairedRatio(measured.ms.ours, measured.ms.floor)),
    formatMaybeRatio(pairedRatio(measured.cpuMs.ours, measured.cpuMs.floor)),
  ];
}

function judge(phase: Phase, rspack: SizeResults, measured: Measured, targets: TargetCheck[]): void {
  const limit = RSPACK_LIMITS[phase.name]!;
  const overFloor = pairedRatio(measured.ms.ours, measured.ms.floor);
  const cpuOverFloor = pairedRatio(measured.cpuMs.ours, measured.cpuMs.floor);
  const incomplete = measured.incomplete.has('ours');
  targets.push({
    target: `Rspack: ${phase.name === 'watch' ? 'watch rebuild' : `${phase.name} build`} at ${rspack.size} modules, ${LOADER_NAMES[rspack.jsx]}: ≤ ${formatRatio(limit)} the Rspack floor (wall time)`,
    measured: `${formatMaybeRatio(overFloor)} (CPU ${formatMaybeRatio(cpuOverFloor)})${incomplete ? ', manifests incomplete †' : ''}`,
    met: overFloor <= limit && !incomplete,
  });
}

function comparisonTable(phase: Phase, sizes: SizeResults[], targets: TargetCheck[]): string | null {
  const rows = sizes.flatMap((rspack) => {
    if (rspack.bundler !== 'rspack') return [];
    const measured = phase.measured(rspack);
    if (!measured) return [];
    judge(phase, rspack, measured, targets);
    const webpack = sizes.find((size) => size.bundler === 'webpack' && size.size === rspack.size && size.jsx === rspack.jsx);
    const peaks = (variant: Variant) => medianOf(measured.peakRssMb[variant]);
    const cells = [
      String(rspack.size),
      rspack.jsx,
      ...bundlerCells(phase, webpack ? phase.measured(webpack) : null),
      ...bundlerCells(phase, measured),
      `${Math.round(peaks('floor'))} / ${Math.round(peaks('ours'))} MB`,
      formatMaybeRatio(pairedRatio(measured.peakRssMb.ours, measured.peakRssMb.floor)),
    ];
    return [`| ${cells.join(' | ')} |`];
  });
  if (rows.length === 0) return null;
  const title = phase.name === 'warm' ? 'Warm build (webpack: `type: "filesystem"`; Rspack: `type: "persistent"`, filesystem storage)' : phase.title;
  return [
    `**${title}: webpack and Rspack, each against its own floor**`,
    '',
    '| modules | JSX | webpack floor | webpack, this package | this ÷ floor | CPU: this ÷ floor | Rspack floor | Rspack, this package | this ÷ floor | CPU: this ÷ floor | Rspack peak RSS (floor / this) | peak RSS: this ÷ floor |',
    '|--------:|-----|--------------:|----------------------:|-------------:|------------------:|-------------:|---------------------:|-------------:|------------------:|------------------------------:|-----------------------:|',
    ...rows,
  ].join('\n');
}

/** The tables, in phase order; none when Rspack was not measured. */
export function bundlerComparisonTables(sizes: SizeResults[], targets: TargetCheck[]): string[] {
  return RSPACK_PHASES.flatMap((phase) => comparisonTable(phase, sizes, targets) ?? []);
}
