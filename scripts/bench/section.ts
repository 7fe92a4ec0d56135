/**
 * What each part of `npm run bench` (builds, transforms, runtime) hands back to scripts/bench.ts, which
 * prints the sections and writes them to benchmarks/results.md.
 */

/** One of issue 7's targets, judged on the figures just measured. */
export interface TargetCheck {
  /** What is promised, e.g. "transforming a \"use server\" file ≤ 1.5 × a bare parse and print". */
  target: string;
  /** The figure measured, e.g. "1.31 ×". */
  measured: string;
  met: boolean;
}

export interface BenchSection {
  /** A heading, e.g. "Transforms". */
  title: string;
  /** Markdown: one or more tables and the sentences a reader needs to read them. */
  markdown: string;
  targets: TargetCheck[];
}

/** The median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A ratio as the tables print it: "1.03 ×". */
export function formatRatio(ratio: number): string {
  return `${ratio.toFixed(2)} ×`;
}
