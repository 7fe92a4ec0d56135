/**
 * The benchmarks: `npm run bench` (which builds dist/ first) or `npx tsx scripts/bench.ts [options]`.
 *   --sizes 500,2000,8000   app sizes for the build benchmark, in modules; above 8 000 only cold builds
 *                           and watch rebuilds run
 *   --large                 add 20 000 modules to the sizes (about half an hour more on 2 cores)
 *   --loaders LIST          the JSX loaders the apps are built with, babel and/or swc, each size
 *                           once with each (default babel; every variant of a round uses the same
 *                           one). `--loaders babel,swc` is what issue 20's targets are judged on; it
 *                           takes about 15 minutes more than babel alone, over the half hour a
 *                           default run should stay within on 2 cores.
 *   --bundlers LIST         the bundlers the apps are built with, webpack and/or rspack, each size
 *                           and loader by each (default webpack). Rspack 2 builds the floor and this
 *                           package, cold, warm and watch, printed beside webpack, each against its
 *                           own floor: `--only builds --bundlers webpack,rspack --sizes 2000,8000`
 *   --runs N                cold and warm builds per variant and size (default 5; 3 above 4 000 modules)
 *   --production-runs N     production builds (minimizer on) per variant at 2 000 to 8 000 modules
 *                           (default 3; 2 above 4 000 modules; never more than --runs)
 *   --rebuilds N            watch rebuilds per variant and size (default 10)
 *   --memory-rebuilds N     watch rebuilds at 2 000 modules, where the heap is followed (default 50)
 *   --only LIST             builds, transforms, fuzz, runtime (default: all four)
 *   --devtool VALUE         the apps' devtool (default cheap-module-source-map; "false" for none)
 *   --quick                 a few seconds of everything, to see that it runs (the figures mean little)
 *   --out FILE              where the Markdown goes (default benchmarks/results.md)
 *   --readme                also put it into docs/benchmarks.md, between <!-- bench:start --> and
 *                           <!-- bench:end --> (the flag is named after the page the figures were on)
 *
 * Every figure is a ratio to a baseline measured in the same run, variants alternated; the targets of
 * issues 7 and 20 are judged on them and printed at the end. Builds are timed in wall time and CPU
 * time (user and system, the build's process) and their peak RSS is read; the targets on time are
 * judged on wall time, with the CPU ratio printed beside. Nothing here is a test: the exit code says
 * only whether the benchmark ran.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { Bundler, JsxLoader } from './bench/build-process';
import { runBuildBenchmark } from './bench/builds';
import { runRuntimeBenchmark } from './bench/runtime';
import type { BenchSection } from './bench/section';
import { runTransformBenchmark } from './bench/transforms';
import { runFuzzCostBenchmark } from './bench/fuzz-costs';

const REPO_ROOT = path.resolve(__dirname, '..');
const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '500,2000,8000' },
    large: { type: 'boolean', default: false },
    loaders: { type: 'string', default: 'babel' },
    bundlers: { type: 'string', default: 'webpack' },
    runs: { type: 'string' },
    'production-runs': { type: 'string' },
    rebuilds: { type: 'string', default: '10' },
    'memory-rebuilds': { type: 'string', default: '50' },
    only: { type: 'string', default: 'builds,transforms,fuzz,runtime' },
    devtool: { type: 'string', default: 'cheap-module-source-map' },
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(REPO_ROOT, 'benchmarks/results.md') },
    readme: { type: 'boolean', default: false },
  },
});

function whole(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${name} takes a whole number, not ${JSON.stringify(text)}`);
  return value;
}

function jsxLoaders(text: string): JsxLoader[] {
  const list = text.split(',');
  const unknown = list.filter((name) => name !== 'babel' && name !== 'swc');
  if (unknown.length > 0 || list.length === 0) throw new Error(`--loaders takes babel, swc or both, not ${JSON.stringify(text)}`);
  return [...new Set(list as JsxLoader[])];
}

function bundlers(text: string): Bundler[] {
  const list = text.split(',');
  const unknown = list.filter((name) => name !== 'webpack' && name !== 'rspack');
  if (unknown.length > 0 || list.length === 0) throw new Error(`--bundlers takes webpack, rspack or both, not ${JSON.stringify(text)}`);
  return [...new Set(list as Bundler[])];
}

function version(name: string): string {
  const file = name === 'webpack-server-actions' ? 'package.json' : `node_modules/${name}/package.json`;
  return JSON.parse(readFileSync(path.join(REPO_ROOT, file), 'utf8')).version;
}

function machine(): string {
  const [cpu] = cpus();
  const rspack = options.bundlers.includes('rspack') ? `, @rspack/core ${version('@rspack/core')}` : '';
  return [
    `Machine: ${cpus().length} × ${cpu?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${process.platform}, Node ${process.versions.node}.`,
    `Versions: webpack ${version('webpack')}, webpack-server-actions ${version('webpack-server-actions')}, @mfng/webpack-rsc ${version('@mfng/webpack-rsc')}, ` +
      `react-server-dom-webpack ${version('react-server-dom-webpack')}, babel-loader ${version('babel-loader')}, @babel/core ${version('@babel/core')}, ` +
      `swc-loader ${version('swc-loader')}, @swc/core ${version('@swc/core')}${rspack}.`,
  ].join('\n');
}

async function sections(): Promise<BenchSection[]> {
  const only = new Set(options.only.split(','));
  const quick = options.quick;
  const sizes = quick ? [120] : [...options.sizes.split(',').map((size) => whole('sizes', size)), ...(options.large ? [20_000] : [])];
  const workDir = mkdtempSync(path.join(tmpdir(), 'wsa-bench-'));
  const result: BenchSection[] = [];
  try {
    if (only.has('builds')) {
      const runs = options.runs !== undefined ? whole('runs', options.runs) : undefined;
      const productionRuns = options['production-runs'] !== undefined ? whole('production-runs', options['production-runs']) : undefined;
      const runsAt = (size: number) => (quick ? 1 : (runs ?? (size > 4000 ? 3 : 5)));
      result.push(
        await runBuildBenchmark({
          sizes,
          jsxLoaders: jsxLoaders(options.loaders),
          bundlers: bundlers(options.bundlers),
          runs: runsAt,
          // A production build minimizes the vendors too (about 12 s of CPU at any size): only at the
          // sizes issue 20 names, and fewer of them, to keep a run within its half hour.
          productionRuns: (size) => (quick ? 1 : size < 2000 || size > 8000 ? 0 : Math.min(runsAt(size), productionRuns ?? (size > 4000 ? 2 : 3))),
          rebuilds: quick ? 2 : whole('rebuilds', options.rebuilds),
          memoryRebuilds: quick ? 0 : whole('memory-rebuilds', options['memory-rebuilds']),
          memorySize: 2000,
          devtool: options.devtool === 'false' ? false : options.devtool,
          workDir,
          log: (line) => console.log(line),
        }),
      );
    }
    if (only.has('transforms')) result.push(await runTransformBenchmark({ quick }));
    if (only.has('fuzz')) result.push(runFuzzCostBenchmark({ quick }));
    if (only.has('runtime')) result.push(await runRuntimeBenchmark({ quick }));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  return result;
}

function targetsTable(list: BenchSection[]): string {
  const rows = list.flatMap((section) => section.targets.map((target) => `| ${target.met ? '✓' : '✗ missed'} | ${target.target} | ${target.measured} |`));
  return ['| | target | measured |', '|-|--------|---------:|', ...rows].join('\n');
}

async function main(): Promise<void> {
  const list = await sections();
  const markdown = [
    machine(),
    '',
    ...list.flatMap((section) => [`### ${section.title}`, '', section.markdown.trim(), '']),
    '### Targets',
    '',
    targetsTable(list),
    '',
  ].join('\n');
  console.log(`\n${markdown}`);
  mkdirSync(path.dirname(options.out), { recursive: true });
  writeFileSync(options.out, `<!-- Written by \`npm run bench\` (scripts/bench.ts); do not edit. -->\n\n${markdown}`);
  console.log(`Written to ${path.relative(process.cwd(), options.out)}`);
  if (options.readme) {
    const page = path.join(REPO_ROOT, 'docs', 'benchmarks.md');
    const text = readFileSync(page, 'utf8');
    const replaced = text.replace(/(<!-- bench:start -->\n)[\s\S]*?(<!-- bench:end -->)/, `$1${markdown}$2`);
    if (replaced === text) throw new Error('docs/benchmarks.md has no <!-- bench:start --> … <!-- bench:end --> block to fill.');
    writeFileSync(page, replaced);
    execFileSync('git', ['diff', '--stat', 'docs/benchmarks.md'], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
