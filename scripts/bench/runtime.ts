/**
 * The runtime benchmark (issue 7, part 3): `loadServerAction` on a warm manifest, and the request
 * helper's cost per request, each against a baseline measured in the same run, in alternating batches.
 *
 * It builds a small app with the plugin (runtime-app.ts), then measures in a child process of its own
 * (runtime-child.ts), so that the figures come from a fresh heap and JIT, not one shared with the
 * other benchmarks' builds. Alone: `npx tsx scripts/bench/runtime.ts [--quick] [--cpu-prof DIR]`
 * (after `npx tsc -p tsconfig.json`: it measures the compiled runtime in dist/).
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { buildRuntimeBenchApp } from './runtime-app';
import type { RuntimeFigures } from './runtime-child';
import { formatRatio, type BenchSection, type TargetCheck } from './section';

const REPO_ROOT = path.resolve(__dirname, '../..');
const CHILD = path.join(__dirname, 'runtime-child.ts');

/** Runs the child on the bundle and reads the one line of JSON it prints. */
function measure(bundle: string, quick: boolean, nodeArgs: string[]): Promise<RuntimeFigures> {
  return new Promise((resolve, reject) => {
    const args = [...nodeArgs, '--import', 'tsx', CHILD, bundle, quick ? 'quick' : 'full'];
    // From the repository, so that `--import tsx` resolves.
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`The runtime benchmark's child exited with ${code}:\n${stderr}`));
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop()!) as RuntimeFigures);
      } catch {
        reject(new Error(`The runtime benchmark's child printed no figures:\n${stdout}\n${stderr}`));
      }
    });
  });
}

async function measureRuntime(quick: boolean, nodeArgs: string[] = []): Promise<RuntimeFigures> {
  const app = await buildRuntimeBenchApp();
  try {
    return await measure(app.bundle, quick, nodeArgs);
  } finally {
    rmSync(app.dir, { recursive: true, force: true });
  }
}

const ns = (value: number) => `${Math.round(value)}`;
const us = (value: number) => value.toFixed(1);

function lookupTable(figures: RuntimeFigures): string {
  const { lookups } = figures;
  const { cpu, cpuRatios } = lookups;
  const rows: Array<[string, number, number, string, string]> = [
    ['`loadServerAction(id)`, a known ID', lookups.known, cpu.known, formatRatio(lookups.ratios.known), formatRatio(cpuRatios.known)],
    [
      '`loadServerAction(id)`, an unknown ID (rejects with `ServerActionNotFoundError`)',
      lookups.unknown,
      cpu.unknown,
      formatRatio(lookups.ratios.unknown),
      formatRatio(cpuRatios.unknown),
    ],
    ['`loadServerAction(id)`, a malformed ID (the same rejection)', lookups.malformed, cpu.malformed, formatRatio(lookups.ratios.malformed), formatRatio(cpuRatios.malformed)],
    [
      'for comparison: an async function that throws a new `Error`, caught',
      lookups.thrownError,
      cpu.thrownError,
      formatRatio(lookups.ratios.thrownError),
      formatRatio(cpuRatios.thrownError),
    ],
    [
      'baseline: `Map.get(id)`, then `__webpack_require__(entry.id)[entry.name]`, in an async function',
      lookups.baselineAsync,
      cpu.baselineAsync,
      formatRatio(1),
      formatRatio(1),
    ],
    ['the same lookup, synchronous', lookups.baselineSync, cpu.baselineSync, formatRatio(lookups.ratios.baselineSync), formatRatio(cpuRatios.baselineSync)],
  ];
  return [
    '| lookup | ns per call | CPU ns per call | × baseline | × baseline, CPU |',
    '|---|---:|---:|---:|---:|',
    ...rows.map(([what, value, cpuValue, ratio, cpuRatio]) => `| ${what} | ${ns(value)} | ${ns(cpuValue)} | ${ratio} | ${cpuRatio} |`),
  ].join('\n');
}

function requestTable(figures: RuntimeFigures): string {
  return [
    '| request | body bytes | helper µs | baseline µs | in-memory exchange alone µs | helper / baseline | helper CPU µs | baseline CPU µs | helper / baseline, CPU |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...figures.requests.map(
      (r) =>
        `| ${r.description} | ${r.bodyBytes} | ${us(r.helper)} | ${us(r.baseline)} | ${us(r.harness)} | ${formatRatio(r.ratio)} | ` +
        `${us(r.helperCpu)} | ${us(r.baselineCpu)} | ${formatRatio(r.cpuRatio)} |`,
    ),
  ].join('\n');
}

function sectionOf(figures: RuntimeFigures): BenchSection {
  const { settings } = figures;
  const markdown = [
    '#### `loadServerAction` on a warm manifest',
    '',
    `The production server bundle of a small app built with the plugin (8 server functions in 2 "use server" modules), ` +
      `each call awaited, the known IDs taken in turn. The baseline is the lookup \`loadServerAction\` stands for, as ` +
      `React's own \`requireModule\` makes it: the manifest entry, then webpack's \`__webpack_require__\`, without the ` +
      `checks (ID format, own key, a server reference registered under that ID). Medians of ${settings.lookups.batches} ` +
      `alternating batches; ratios are medians of the per-round ratios. CPU time (\`process.cpuUsage\`) beside wall time: ` +
      `what other processes take from a busy machine does not count in it.`,
    '',
    lookupTable(figures),
    '',
    '#### The request helper against the least a server must do',
    '',
    `The same requests, served one at a time from memory (stand-ins for \`IncomingMessage\` and \`ServerResponse\`; ` +
      `their own cost, included in both, is the "exchange alone" column) by \`handleServerActionRequest\` with its ` +
      `default options, and by a baseline that reads the body, decodes it with React (\`decodeReply\`, ` +
      `\`decodeReplyFromBusboy\`; \`decodeAction\` then \`decodeFormState\` for the form), looks the function up as React ` +
      `does, calls it and renders \`{ returnValue }\` with \`renderToPipeableStream\` (a form's page is the app's to ` +
      `render in both). The baseline checks nothing: no Origin, no action ID, no body limits, no request scope. ` +
      `Medians of ${settings.requests.batches} alternating batches.`,
    '',
    requestTable(figures),
  ].join('\n');
  return { title: 'Runtime', markdown, targets: targetsOf(figures) };
}

/**
 * Issue 20's targets, on CPU time (steadier than wall time on a shared machine; both are in the
 * tables): the helper ≤ 1.05 × the bare path, a refusal ≤ 0.5 µs, a known ID ≤ 1.2 × the bare lookup.
 * Then issue 7's informational checks.
 */
function targetsOf(figures: RuntimeFigures): TargetCheck[] {
  const { lookups } = figures;
  return [
    ...figures.requests.map((r) => ({
      target: `the request helper ≤ 1.05 × the bare path (CPU time): ${r.kind}`,
      measured: `${formatRatio(r.cpuRatio)} (wall ${formatRatio(r.ratio)})`,
      met: r.cpuRatio <= 1.05,
    })),
    ...(['unknown', 'malformed'] as const).map((kind) => ({
      target: `\`loadServerAction\` refuses ${kind === 'unknown' ? 'an unknown' : 'a malformed'} ID in ≤ 0.5 µs (CPU time)`,
      measured: `${ns(lookups.cpu[kind])} ns (wall ${ns(lookups[kind])} ns)`,
      met: lookups.cpu[kind] <= 500,
    })),
    {
      target: '`loadServerAction` of a known ID ≤ 1.2 × the bare lookup (CPU time)',
      measured: `${formatRatio(lookups.cpuRatios.known)} (wall ${formatRatio(lookups.ratios.known)})`,
      met: lookups.cpuRatios.known <= 1.2,
    },
    {
      target: '`loadServerAction` of a known ID < 1 µs (informational)',
      measured: `${ns(lookups.known)} ns`,
      met: lookups.known < 1000,
    },
    {
      target: '`loadServerAction` of a known ID ≤ 2 × the bare lookup it stands for (informational)',
      measured: formatRatio(lookups.ratios.known),
      met: lookups.ratios.known <= 2,
    },
  ];
}

export async function runRuntimeBenchmark(options: { quick: boolean }): Promise<BenchSection> {
  return sectionOf(await measureRuntime(options.quick));
}

if (require.main === module) {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, 'cpu-prof': { type: 'string' } } });
  const profile = values['cpu-prof'];
  const nodeArgs = profile === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profile)}`];
  measureRuntime(values.quick, nodeArgs).then(
    (figures) => {
      const section = sectionOf(figures);
      console.log(`## ${section.title}\n\n${section.markdown}\n`);
      for (const check of section.targets) console.log(`- ${check.met ? 'met' : 'MISSED'}: ${check.target}: ${check.measured}`);
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
