// @ts-check
/**
 * One build of the build benchmark, in a process of its own so that its time and peak memory are its
 * own: `node --expose-gc build-child.mjs '<job JSON>'`, forked by scripts/bench/builds.ts, which it
 * answers over IPC. A job is { variant, jsx, bundler, appDir, phase, cacheDirectory, devtool, quietMs }
 * (bundler: webpack or Rspack, whose JS API is webpack's in what is used here):
 *   cold       – no cache: the whole build, from creating the compiler to closing it;
 *   production – the same in mode 'production' (webpack's minimizer on);
 *   prime      – a cold build that fills the filesystem cache (not reported);
 *   warm       – the same, with the filesystem cache that prime filled (Rspack's persistent cache);
 *   watch      – compiler.watch(); then, on each { type: 'edit', revision } message, rewrite the edited
 *                "use server" file and report the rebuild it causes: from the first compiler's watchRun
 *                to the last `done` before the compilers fall quiet, and the heap after a full GC.
 * Beside each wall time, the CPU time of the process over the same span (user and system, every
 * thread: the JSX loader's and the minimizer's worker threads too), and whether Babel was loaded.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { VARIANTS, readOutputCounts } from './variant-configs.mjs';

const require = createRequire(import.meta.url);
const job = JSON.parse(process.argv[2]);
// Only the bundler of the job is loaded, so that the other's start-up is in no figure.
const webpack = job.bundler === 'rspack' ? require('@rspack/core').rspack : require('webpack');
const description = JSON.parse(readFileSync(path.join(job.appDir, 'bench-app.json'), 'utf8'));

const send = (message) => new Promise((resolve) => process.send(message, resolve));
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
const cpuMsSince = (start) => {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
};
// Any of Babel's packages, loaded by the JSX loader or by the variant's own code.
const babelLoaded = () => Object.keys(require.cache).some((file) => file.includes(`${path.sep}node_modules${path.sep}@babel${path.sep}`));

/** The first errors of a build, with what says where they came from (webpack's own errors carry it apart). */
function problems(stats) {
  if (!stats.hasErrors()) return [];
  const { errors } = stats.toJson({ all: false, errors: true, errorStack: true, errorDetails: true });
  return errors.slice(0, 3).map((error) =>
    [
      String(error.stack ?? error.message).slice(0, 1500),
      error.moduleName ? `in ${error.moduleName}` : '',
      error.details ? String(error.details).slice(0, 1500) : '',
    ]
      .filter(Boolean)
      .join('\n'),
  );
}

async function configs(cache) {
  const mode = job.phase === 'production' ? 'production' : 'development';
  return VARIANTS[job.variant](job.appDir, description, { cache, cacheDirectory: job.cacheDirectory, devtool: job.devtool, mode, jsx: job.jsx, bundler: job.bundler });
}

async function buildOnce() {
  const options = await configs(job.phase === 'cold' || job.phase === 'production' ? 'none' : 'filesystem');
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const compiler = webpack(options);
  const stats = await new Promise((resolve, reject) => compiler.run((error, result) => (error ? reject(error) : resolve(result))));
  await new Promise((resolve, reject) => compiler.close((error) => (error ? reject(error) : resolve(undefined))));
  const ms = performance.now() - started;
  const cpuMs = cpuMsSince(cpuStart);
  const errors = problems(stats);
  const counts = errors.length ? null : readOutputCounts(job.variant, job.appDir, fs);
  await send({ type: 'built', ms, cpuMs, peakRssMb: peakRssMb(), babelLoaded: babelLoaded(), errors, counts });
}

/** Watches; resolves each wave of rebuilds once the compilers have been quiet for quietMs. */
function watchWaves(compiler) {
  let wave = null;
  const waiting = [];
  const startWave = () => {
    wave ??= { start: performance.now(), cpuStart: process.cpuUsage(), end: 0, cpuMs: 0, stats: null, timer: undefined };
    clearTimeout(wave.timer);
  };
  for (const child of compiler.compilers) child.hooks.watchRun.tap('bench', startWave);
  compiler.hooks.done.tap('bench', (stats) => {
    if (!wave) return;
    Object.assign(wave, { end: performance.now(), cpuMs: cpuMsSince(wave.cpuStart), stats });
    clearTimeout(wave.timer);
    wave.timer = setTimeout(() => {
      const finished = wave;
      wave = null;
      waiting.shift()?.(finished);
    }, job.quietMs);
  });
  startWave();
  compiler.watch({}, (error) => {
    if (error) throw error;
  });
  return () => new Promise((resolve) => waiting.push(resolve));
}

async function watch() {
  const compiler = webpack(await configs('memory'));
  const nextWave = watchWaves(compiler);
  const initial = await nextWave();
  const errors = problems(initial.stats);
  await send({
    type: 'ready',
    ms: initial.end - initial.start,
    cpuMs: initial.cpuMs,
    babelLoaded: babelLoaded(),
    errors,
    counts: errors.length ? null : readOutputCounts(job.variant, job.appDir, fs),
  });
  process.on('message', async (message) => {
    if (message.type === 'edit') {
      const source = readFileSync(description.editedFile, 'utf8');
      const rebuilt = nextWave();
      writeFileSync(description.editedFile, source.replace(/const revision = \d+;/, `const revision = ${message.revision};`));
      const wave = await rebuilt;
      global.gc?.();
      await send({ type: 'rebuilt', ms: wave.end - wave.start, cpuMs: wave.cpuMs, heapMb: process.memoryUsage().heapUsed / 2 ** 20, errors: problems(wave.stats) });
    } else if (message.type === 'stop') {
      const counts = readOutputCounts(job.variant, job.appDir, fs);
      await new Promise((resolve) => compiler.close(resolve));
      await send({ type: 'stopped', peakRssMb: peakRssMb(), counts });
      process.exit(0);
    }
  });
}

await (job.phase === 'watch' ? watch() : buildOnce());
if (job.phase !== 'watch') process.exit(0);
