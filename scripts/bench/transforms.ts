/**
 * Micro-benchmark of the loader (issue 7, part 2), on the compiled code in dist/:
 * - on a module without a directive, the loader must be a string check: its cost per call is set
 *   against a Babel parse of the same text (what it avoids) and a bare `includes('use server')` (the
 *   floor of any string check), and split into the scans it runs;
 * - transforming a "use server" file must cost at most 1.5 × a bare parse and print of the same file by
 *   the parser and printer the loader uses (@babel/parser, and @babel/generator as @babel/core runs it).
 * Variants alternate in batches (timing.ts); the ratios are medians of ratios within a round.
 *
 * Run alone: `npx tsx scripts/bench/transforms.ts [--quick]` (after `npx tsc -p tsconfig.json`).
 */
import generate from '@babel/generator';
import { createHash } from 'node:crypto';
import type { LoaderContext } from 'webpack';
import serverActionsLoader from '../../dist/loader/index';
import { mayHaveDirective, mayHaveNearMiss, mayNeedTransform } from '../../dist/loader/directive-scan';
import type { LoaderOptions } from '../../dist/loader/options';
import { parseModule } from '../../dist/loader/parse';
import { transformModule, type TransformOptions } from '../../dist/loader/transform';
import { getModuleRecord, setLoaderHandshake, type Layer } from '../../dist/shared/module-record';
import { formatRatio, type BenchSection, type TargetCheck } from './section';
import { compareAlternating, type AlternatingOptions } from './timing';
import { directiveFreeSamples, inlineSample, useServerFileSamples, type SampleModule } from './transform-samples';

const ROOT = '/app';
const SALT = '';
const SCAN_TARGET = 0.02;
const TRANSFORM_TARGET = 1.5;

function timingOptions(quick: boolean): AlternatingOptions {
  return quick ? { batches: 2, minBatchMs: 1, warmupMs: 1 } : { batches: 15, minBatchMs: 50, warmupMs: 50 };
}

/** "850 ns", "12.3 µs", "64.1 ms": one unit per figure, three significant digits. */
function formatTime(ns: number): string {
  const [value, unit] = ns >= 1e6 ? [ns / 1e6, 'ms'] : ns >= 1e3 ? [ns / 1e3, 'µs'] : [ns, 'ns'];
  return `${value >= 100 ? Math.round(value) : value.toPrecision(3)} ${unit}`;
}

function formatPercent(ratio: number): string {
  return `${(ratio * 100).toPrecision(2)} %`;
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, index) => (index === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

/**
 * What webpack and the plugin give a loader run: options, the module, the callback, and the handshake
 * the plugin sets in NormalModule's `loader` hook (same shape and fingerprint as plugin/loader-handshake.ts).
 */
function fakeLoaderContext(sample: SampleModule, layer: Layer) {
  const options: LoaderOptions = { layer };
  const context = {
    resourcePath: sample.resourcePath,
    sourceMap: false,
    _module: { buildInfo: {} },
    output: undefined as unknown,
    getOptions: () => options,
    callback(error: Error | null, code?: string) {
      context.output = error ?? code;
    },
    emitWarning(warning: Error) {
      throw warning;
    },
    emitError(error: Error) {
      throw error;
    },
  };
  const fingerprint = createHash('sha256').update(JSON.stringify([ROOT, SALT])).digest('hex').slice(0, 16);
  setLoaderHandshake(context, { root: ROOT, salt: SALT, fingerprint });
  return context;
}

function loaderRunner(sample: SampleModule): () => unknown {
  const context = fakeLoaderContext(sample, 'server');
  const loaderThis = context as unknown as LoaderContext<LoaderOptions>;
  const run = () => serverActionsLoader.call(loaderThis, sample.source);
  run();
  // Timing a loader that failed, or that did more than pass the module on, would prove nothing.
  if (context.output !== sample.source || getModuleRecord(context._module as never)?.layer !== 'server') {
    throw new Error(`The loader did not pass ${sample.label} on untouched: ${String(context.output).slice(0, 200)}`);
  }
  return run;
}

interface ScanRow {
  sample: SampleModule;
  ns: Record<'loader' | 'parse' | 'includes' | 'scan' | 'directives' | 'nearMiss', number>;
  loaderOverParse: number;
  loaderOverIncludes: number;
}

async function measureDirectiveFree(sample: SampleModule, quick: boolean): Promise<ScanRow> {
  const { source, resourcePath } = sample;
  if (mayNeedTransform(source)) throw new Error(`${sample.label} is meant to have no directive`);
  const timing = await compareAlternating(
    {
      loader: loaderRunner(sample),
      parse: () => parseModule(source, resourcePath),
      includes: () => source.includes('use server'),
      scan: () => mayNeedTransform(source),
      directives: () => mayHaveDirective(source),
      nearMiss: () => mayHaveNearMiss(source),
    },
    timingOptions(quick),
  );
  return {
    sample,
    ns: timing.nsPerOp,
    loaderOverParse: timing.ratio('loader', 'parse'),
    loaderOverIncludes: timing.ratio('loader', 'includes'),
  };
}

function directiveFreeMarkdown(rows: ScanRow[]): string {
  const main = table(
    ['module', 'loader per call', "`includes('use server')`", 'loader / includes', 'Babel parse', 'loader / parse'],
    rows.map(({ sample, ns, loaderOverParse, loaderOverIncludes }) => [
      sample.label,
      formatTime(ns.loader),
      formatTime(ns.includes),
      formatRatio(loaderOverIncludes),
      formatTime(ns.parse),
      formatPercent(loaderOverParse),
    ]),
  );
  const parts = table(
    ['module', 'whole scan', '"use server" and "use client" pass', 'near-miss pass', "`includes('use server')`"],
    rows.map(({ sample, ns }) => [sample.label, formatTime(ns.scan), formatTime(ns.directives), formatTime(ns.nearMiss), formatTime(ns.includes)]),
  );
  return [
    'The loader on modules without a directive (server layer, a fake loader context with the plugin\'s handshake), ' +
      'against a parse of the same text by the parser it would otherwise use, and against `includes(\'use server\')` alone:',
    '',
    main,
    '',
    'The scan (`mayNeedTransform`) and its two passes over the text: one over the mentions of "use " (for "use server" ' +
      'anywhere and "use client" as a statement), one for misspelled directives ("use sever").',
    '',
    parts,
  ].join('\n');
}

type TransformVariant = 'server' | 'server+map' | 'browser' | 'browser+map' | 'parse+print' | 'parse+print+map';

interface TransformRow {
  sample: SampleModule;
  ns: Partial<Record<TransformVariant, number>>;
  /** CPU nanoseconds per call (process.cpuUsage), beside the wall-clock `ns`. */
  cpuNs: Partial<Record<TransformVariant, number>>;
  /** Transform over parse+print with the same source-map setting, per layer and setting, in wall and CPU time. */
  ratios: { layer: Layer; sourceMaps: boolean; ratio: number; cpuRatio: number }[];
}

function transformRunner(sample: SampleModule, layer: Layer, sourceMaps: boolean): () => unknown {
  const options: TransformOptions = {
    resourcePath: sample.resourcePath,
    relativePath: sample.resourcePath.slice(ROOT.length + 1),
    layer,
    salt: SALT,
    callServerModule: 'webpack-server-actions/client',
    sourceMaps,
  };
  const run = () => transformModule(sample.source, options);
  const result = run();
  const found = (result.serverFunctions ?? result.inlineServerFunctions ?? []).length;
  if (result.problems.length > 0 || result.code === null || found === 0) {
    throw new Error(`${sample.label} did not transform on the ${layer} layer: ${JSON.stringify(result.problems)}`);
  }
  return run;
}

/** The baseline: the loader's parse, then @babel/generator with the options @babel/core gives it. */
function parsePrintRunner(sample: SampleModule, sourceMaps: boolean): () => unknown {
  return () => {
    const ast = parseModule(sample.source, sample.resourcePath);
    const output = generate(ast, { sourceMaps, sourceFileName: sample.resourcePath }, sample.source);
    // @babel/core reads the map, which makes the generator encode it; the baseline pays for that too.
    return sourceMaps ? output.map : output.code;
  };
}

async function measureTransform(sample: SampleModule, layers: Layer[], quick: boolean): Promise<TransformRow> {
  const variants: Partial<Record<TransformVariant, () => unknown>> = {
    'parse+print': parsePrintRunner(sample, false),
    'parse+print+map': parsePrintRunner(sample, true),
  };
  for (const layer of layers) {
    variants[layer as 'server' | 'browser'] = transformRunner(sample, layer, false);
    variants[`${layer}+map` as 'server+map' | 'browser+map'] = transformRunner(sample, layer, true);
  }
  const timing = await compareAlternating(variants as Record<TransformVariant, () => unknown>, timingOptions(quick));
  const ratios = layers.flatMap((layer) =>
    [false, true].map((sourceMaps) => {
      const variant = `${layer}${sourceMaps ? '+map' : ''}` as TransformVariant;
      const baseline = sourceMaps ? 'parse+print+map' : 'parse+print';
      return { layer, sourceMaps, ratio: timing.ratio(variant, baseline), cpuRatio: timing.cpuRatio(variant, baseline) };
    }),
  );
  return { sample, ns: timing.nsPerOp, cpuNs: timing.cpuNsPerOp, ratios };
}

function transformMarkdown(rows: TransformRow[]): string {
  const lines = rows.flatMap(({ sample, ns, cpuNs, ratios }) =>
    ratios.map(({ layer, sourceMaps, ratio, cpuRatio }) => {
      const suffix = sourceMaps ? '+map' : '';
      return [
        sample.label,
        layer,
        sourceMaps ? 'yes' : 'no',
        formatTime(ns[`${layer}${suffix}` as TransformVariant]!),
        formatTime(ns[`parse+print${suffix}` as TransformVariant]!),
        formatRatio(ratio),
        formatTime(cpuNs[`${layer}${suffix}` as TransformVariant]!),
        formatTime(cpuNs[`parse+print${suffix}` as TransformVariant]!),
        formatRatio(cpuRatio),
      ];
    }),
  );
  return [
    '`transformModule` on "use server" code, against a bare parse and print of the same file: `@babel/parser` with ' +
      'the loader\'s options, then `@babel/generator` (the printer @babel/core runs) with the same source-map setting. ' +
      'A "use server" file is not printed: on the server layer it is edited as text (its lines stay, so the input map ' +
      'holds), on the browser layer it becomes proxies; so a source map costs it nothing, and the ratios without one ' +
      'are those to read. A component with inline server functions is rewritten and printed by @babel/generator, after ' +
      'one walk over its nodes that finds the functions and what each captures (Babel\'s paths and scope analysis only ' +
      'for modules that walk leaves to them); its output is larger than its input, and so is the print. CPU time (`process.cpuUsage`) beside wall time: what other processes take from a busy machine ' +
      'does not count in it; the targets are judged on it.',
    '',
    table(['file', 'layer', 'source map', 'transform', 'parse + print', 'ratio', 'transform CPU', 'parse + print CPU', 'ratio, CPU'], lines),
  ].join('\n');
}

function worstOf<T>(items: T[], ratioOf: (item: T) => number): T {
  return items.reduce((worst, item) => (ratioOf(item) > ratioOf(worst) ? item : worst));
}

function targetsOf(scanRows: ScanRow[], fileRows: TransformRow[], inlineRow: TransformRow): TargetCheck[] {
  const scanWorst = worstOf(scanRows, (row) => row.loaderOverParse);
  const floor = formatPercent(scanWorst.ns.includes / scanWorst.ns.parse);
  const targets: TargetCheck[] = [
    {
      target: `the loader on a module without a directive is a string check, not a parse (≤ ${formatPercent(SCAN_TARGET)} of a parse)`,
      measured: `${formatPercent(scanWorst.loaderOverParse)} (worst: ${scanWorst.sample.label}; one \`includes('use server')\` is ${floor})`,
      met: scanWorst.loaderOverParse <= SCAN_TARGET,
    },
  ];
  for (const layer of ['server', 'browser'] as const) {
    const ratios = fileRows.flatMap((row) => row.ratios.filter((r) => r.layer === layer).map((r) => ({ ...r, row })));
    const worst = worstOf(ratios, (r) => r.cpuRatio);
    targets.push({
      target: `transforming a "use server" file ≤ ${TRANSFORM_TARGET} × a bare parse and print (${layer} layer, CPU time)`,
      measured: `${formatRatio(worst.cpuRatio)} (wall ${formatRatio(worst.ratio)}; worst: ${worst.row.sample.label}${worst.sourceMaps ? ', with source map' : ''})`,
      met: worst.cpuRatio <= TRANSFORM_TARGET,
    });
  }
  const inlineWorst = worstOf(inlineRow.ratios, (r) => r.cpuRatio);
  targets.push({
    target: `transforming inline "use server" functions ≤ ${TRANSFORM_TARGET} × a bare parse and print (server layer, CPU time)`,
    measured: `${formatRatio(inlineWorst.cpuRatio)} (wall ${formatRatio(inlineWorst.ratio)}; worst: ${inlineWorst.sourceMaps ? 'with' : 'without'} source map)`,
    met: inlineWorst.cpuRatio <= TRANSFORM_TARGET,
  });
  return targets;
}

export async function runTransformBenchmark(options: { quick: boolean }): Promise<BenchSection> {
  const scanRows: ScanRow[] = [];
  for (const sample of directiveFreeSamples(options.quick)) scanRows.push(await measureDirectiveFree(sample, options.quick));
  const fileRows: TransformRow[] = [];
  for (const sample of useServerFileSamples()) fileRows.push(await measureTransform(sample, ['server', 'browser'], options.quick));
  // On the client layers an inline server function is a build error, so only the server layer is timed.
  const inlineRow = await measureTransform(inlineSample(), ['server'], options.quick);
  return {
    title: 'Transforms',
    markdown: [directiveFreeMarkdown(scanRows), '', transformMarkdown([...fileRows, inlineRow])].join('\n'),
    targets: targetsOf(scanRows, fileRows, inlineRow),
  };
}

if (require.main === module) {
  runTransformBenchmark({ quick: process.argv.includes('--quick') }).then(
    (section) => {
      console.log(`## ${section.title}\n\n${section.markdown}\n`);
      for (const { target, measured, met } of section.targets) console.log(`${met ? 'met ' : 'MISSED'}  ${target}: ${measured}`);
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
