/**
 * The loader on the fuzzer's corpus (test/helpers/fuzz/), timed: what the fuzz test no longer judges.
 * A test that fails when a run is slow fails on a busy machine or during a garbage collection too (the
 * fuzz test did, at 3.7 s for a 1 KB module, in CI); a scan that is quadratic in some shape of input
 * shows here instead, as a module that costs far more than a parse of its own text.
 *
 * Each case runs on every layer; its CPU time (process.cpuUsage) is set against a Babel parse of the
 * same text, run right after it (the parse the loader does at most once). Left out: modules under 1,000
 * characters (a few microseconds, where a timer tick weighs more than the code) and modules that do not
 * parse (the parser stops at the first error, so its time says nothing of the module's size), and runs
 * that end in a build error (their code frames cost more than a parse, once, on a failing build). Each
 * variant runs three times and the middle time counts: one pause for the heap does not make a case slow.
 *
 * Run alone: `npx tsx scripts/bench/fuzz-costs.ts [--quick]` (the loader runs from its TypeScript source).
 */
import { parseModule } from '../../loader/parse';
import { FUZZ_ROOT, fuzzCase } from '../../test/helpers/fuzz/fuzz-case';
import { LAYERS, runLoader } from '../../test/helpers/fuzz/run-loader';
import { formatRatio, median, type BenchSection, type TargetCheck } from './section';

const SEED = 1;
const JUDGED_FROM_CHARACTERS = 1000;
/** A module may cost this many parses of its own text: an inline transform costs up to about 30, a quadratic scan thousands. */
const TARGET = 50;

function cpuMilliseconds(run: () => unknown): number {
  const before = process.cpuUsage();
  run();
  const cpu = process.cpuUsage(before);
  return (cpu.user + cpu.system) / 1000;
}

function parses(source: string, resourcePath: string): boolean {
  try {
    parseModule(source, resourcePath);
    return true;
  } catch {
    return false;
  }
}

/** The middle of three runs: one stretched by a collection or a preemption does not count. */
function middleOfThree(measure: () => number): number {
  return [measure(), measure(), measure()].sort((a, b) => a - b)[1];
}

interface CaseCost {
  index: number;
  characters: number;
  layer: string;
  loaderMs: number;
  parseMs: number;
}

export function runFuzzCostBenchmark(options: { quick: boolean }): BenchSection {
  const cases = options.quick ? 300 : 3000;
  const judged = Array.from({ length: cases }, (_, index) => fuzzCase(SEED, index)).filter(
    (fuzz) => fuzz.source.length >= JUDGED_FROM_CHARACTERS && parses(fuzz.source, fuzz.resourcePath),
  );
  const inputs = judged.flatMap((fuzz) =>
    LAYERS.map((layer) => ({ fuzz, input: { source: fuzz.source, resourcePath: fuzz.resourcePath, layer, root: FUZZ_ROOT, sourceMap: fuzz.sourceMap, inputMap: fuzz.inputMap } })),
  );
  // A first pass for the JIT (a code path compiled on first use would charge its compiler's threads to
  // its case), which also leaves out the runs with build errors: a code frame costs more than a parse, on
  // a path that ends the build.
  const clean = inputs.filter(({ input }) => runLoader(input).errors.length === 0);
  const costs: CaseCost[] = clean.map(({ fuzz, input }) => ({
    index: fuzz.index,
    characters: fuzz.source.length,
    layer: input.layer,
    loaderMs: middleOfThree(() => runLoader(input).cpuMilliseconds),
    parseMs: middleOfThree(() => cpuMilliseconds(() => parseModule(fuzz.source, fuzz.resourcePath))),
  }));
  const ratioOf = (cost: CaseCost) => cost.loaderMs / cost.parseMs;
  const sorted = [...costs].sort((a, b) => ratioOf(b) - ratioOf(a));
  const worst = sorted[0];
  const largest = costs.reduce((big, cost) => (cost.characters > big.characters ? cost : big));
  const row = (cost: CaseCost) =>
    `| ${cost.index} | ${cost.layer} | ${cost.characters.toLocaleString('en')} | ${cost.loaderMs.toFixed(2)} ms | ${cost.parseMs.toFixed(2)} ms | ${formatRatio(ratioOf(cost))} |`;
  const markdown = [
    `The loader on the fuzzer's modules that parse and have ${JUDGED_FROM_CHARACTERS.toLocaleString('en')} characters or more ` +
      `without build errors (seed ${SEED}, cases 0 to ${cases - 1}: ${costs.length} runs of ${judged.length} modules on ${LAYERS.length} layers), ` +
      'CPU time against a Babel parse of the same text, the middle of three runs each. ' +
      `Median ratio ${formatRatio(median(costs.map(ratioOf)))}; the five costliest for their size, and the largest module:`,
    '',
    '| case | layer | characters | loader CPU | parse CPU | ratio |',
    '| ---: | --- | ---: | ---: | ---: | ---: |',
    ...sorted.slice(0, 5).map(row),
    row(largest),
  ].join('\n');
  const targets: TargetCheck[] = [
    {
      target: `no fuzzed module costs the loader more than ${TARGET} × a parse of its text (CPU time; nothing superlinear)`,
      measured: `${formatRatio(ratioOf(worst))} (case ${worst.index}, ${worst.layer} layer, ${worst.characters} characters)`,
      met: ratioOf(worst) <= TARGET,
    },
  ];
  return { title: 'Loader on the fuzz corpus', markdown, targets };
}

if (require.main === module) {
  const section = runFuzzCostBenchmark({ quick: process.argv.includes('--quick') });
  console.log(`## ${section.title}\n\n${section.markdown}\n`);
  for (const { target, measured, met } of section.targets) console.log(`${met ? 'met ' : 'MISSED'}  ${target}: ${measured}`);
}
