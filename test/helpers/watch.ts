/**
 * Drives a fixture app built in watch mode, through webpack's Node API or `webpack --watch` in a child
 * process, and tells when the rebuild that follows an edit is done: no compiler has a change to build or
 * is building, and every emitted file equals what a clean build of the same sources emits.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import webpack, { type Compiler, type Configuration, type MultiCompiler } from 'webpack';
import { bundlerApi, compileOk } from './build';
import type { Bundler } from './example';
import { createFixtureApp, REPO_NODE_MODULES } from './fixture-app';
import { describeDifferences, emittedFiles, type EmittedFiles } from './outputs';

/** Emitted files by path relative to `dist` (`server/server.js`), in sorted order. */
export type Outputs = EmittedFiles;

export interface WatchedBuild {
  /** True when no compiler has noticed a change that it has not built yet, and none is building. */
  idle(): boolean;
  /** How many compiler runs have started so far. */
  runs(): number;
  /** The errors of each compiler's last finished run. */
  errors(): string[];
  /** What the build reported, for failure messages. */
  log(): string;
  close(): Promise<void>;
}

const TAP = 'watch-test';

/** How long outputs must stay equal, with no run started, before a rebuild counts as done. */
const SETTLE_MS = 300;

function sourceFiles(src: string): Array<[string, string]> {
  return readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry): [string, string] => {
      const absolute = path.join(entry.parentPath, entry.name);
      return [path.relative(src, absolute), readFileSync(absolute, 'utf8')];
    })
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

const cleanBuilds = new Map<string, Promise<Outputs>>();

/**
 * The outputs of a clean build of `dir`'s sources, built in a fresh copy of the fixture app (a sibling
 * of `dir`, so paths relative to the app are the same). Memoised by the sources' content, so that every
 * walk through the same steps builds each state once.
 */
export function cleanBuildOutputs(
  dir: string,
  configs: (dir: string) => Configuration[],
  bundler: Bundler = 'webpack',
): Promise<Outputs> {
  const src = path.join(dir, 'src');
  const hash = createHash('sha256');
  hash.update(`${bundler}\0`);
  for (const [file, text] of sourceFiles(src)) hash.update(`${file}\0${text}\0`);
  const key = hash.digest('hex');
  let outputs = cleanBuilds.get(key);
  if (!outputs) {
    const clean = createFixtureApp('app', path.dirname(dir));
    rmSync(path.join(clean, 'src'), { recursive: true });
    cpSync(src, path.join(clean, 'src'), { recursive: true });
    outputs = compileOk(configs(clean), bundler).then(() => emittedFiles(clean));
    cleanBuilds.set(key, outputs);
  }
  return outputs;
}

/**
 * Resolves once a run has started since the edit, the build is idle, and `dir`'s outputs equal
 * `expected` and stay so for SETTLE_MS without a run starting: a rebuild may take several passes (the
 * plugin invalidates a compiler that another one found stale), and only the last one counts. No fixed
 * sleep: the caller makes sure that the edit changes the outputs, so equal outputs mean a rebuild saw
 * it. Rejects after `timeoutMs`, showing what still differs.
 */
export async function waitForOutputs(
  build: WatchedBuild,
  dir: string,
  expected: Outputs,
  options: { step: string; runsBefore: number; timeoutMs?: number },
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  let equalSince: { at: number; runs: number } | undefined;
  for (;;) {
    const runs = build.runs();
    if (runs > options.runsBefore && build.idle() && describeDifferences(emittedFiles(dir), expected).length === 0) {
      if (equalSince?.runs !== runs) equalSince = { at: Date.now(), runs };
      else if (Date.now() - equalSince.at >= SETTLE_MS) return;
    } else {
      equalSince = undefined;
    }
    if (Date.now() > deadline) {
      const actual = emittedFiles(dir);
      const differences = describeDifferences(actual, expected);
      const manifests = Object.keys(expected)
        .filter((file) => file.endsWith('manifest.json') && actual[file] !== expected[file])
        .map((file) => `${file}\n  clean build: ${expected[file]}\n  watch build: ${actual[file] ?? '(missing)'}`);
      throw new Error(
        `step "${options.step}": the watch build did not settle on the clean build's outputs ` +
          `(runs ${runs - options.runsBefore} after the edit, idle: ${build.idle()}, errors: ${build.errors().join('\n') || 'none'})\n` +
          `${differences.join('\n') || '(outputs equal, but the build is not idle)'}\n\n${manifests.join('\n\n')}\n\n` +
          `build log:\n${build.log()}`,
      );
    }
    await delay(50);
  }
}

/** Tracks changes noticed, runs and their errors through each compiler's hooks. */
class RunTracker {
  readonly pending = new Set<string>();
  readonly running = new Set<string>();
  readonly lastErrors = new Map<string, string[]>();
  readonly events: string[] = [];
  runs = 0;

  apply(compiler: Compiler): void {
    const name = compiler.name ?? '';
    compiler.hooks.invalid.tap(TAP, (file) => {
      this.pending.add(name);
      this.note(`invalid ${name} ${file ?? '(invalidate())'}`);
    });
    compiler.hooks.watchRun.tap(TAP, () => {
      this.pending.delete(name);
      this.running.add(name);
      this.runs += 1;
      this.note(`run ${name}`);
    });
    compiler.hooks.done.tap(TAP, (stats) => {
      this.running.delete(name);
      this.lastErrors.set(name, (stats.toJson({ all: false, errors: true }).errors ?? []).map((e) => `${name}: ${e.message}`));
      this.note(`done ${name}`);
    });
    compiler.hooks.failed.tap(TAP, (error) => {
      this.running.delete(name);
      this.lastErrors.set(name, [`${name}: ${error.message}`]);
    });
  }

  private note(event: string): void {
    this.events.push(event);
  }
}

export async function watchWithNodeApi(configs: Configuration[], bundler: Bundler = 'webpack'): Promise<WatchedBuild> {
  const compiler = bundlerApi(bundler)(configs) as MultiCompiler;
  const tracker = new RunTracker();
  for (const child of compiler.compilers) tracker.apply(child);
  let fatal: Error | undefined;
  const watching = compiler.watch(
    configs.map((config) => config.watchOptions ?? {}),
    (error) => {
      if (error) fatal = error;
    },
  );
  if (!watching) throw new Error('webpack did not start watching');
  let closing: Promise<void> | undefined;
  return {
    idle: () => tracker.pending.size === 0 && tracker.running.size === 0,
    runs: () => tracker.runs,
    errors: () => [...(fatal ? [fatal.message] : []), ...[...tracker.lastErrors.values()].flat()],
    log: () => tracker.events.slice(-60).join('\n'),
    close: () => (closing ??= new Promise<void>((resolve, reject) => watching.close((error) => (error ? reject(error) : resolve())))),
  };
}

const REPORTER = `class WatchReporter {
  apply(compiler) {
    const say = (event) => process.stdout.write('[watch-test] ' + event + ' ' + compiler.name + '\\n');
    compiler.hooks.invalid.tap('watch-test', () => say('invalid'));
    compiler.hooks.watchRun.tap('watch-test', () => say('run'));
    compiler.hooks.done.tap('watch-test', (stats) => say('done errors=' + stats.compilation.errors.length));
    compiler.hooks.failed.tap('watch-test', () => say('done errors=1'));
  }
}`;

/**
 * Writes `configs` as a webpack config file in `dir`: the ServerActionsPlugin instance they share becomes
 * one `new ServerActionsPlugin(pluginOptions)` from the app's node_modules, and each config also gets a
 * reporter that prints a line when its compiler notices a change, starts and finishes a run. webpack-cli
 * prints its own summary only once every compiler of a run is done, and nothing when a compiler notices
 * a change; the reporter lines say when the build is idle. They only log: the outputs are unchanged.
 */
export function writeCliConfig(dir: string, configs: Configuration[], pluginOptions: object): string {
  const plugin = configs[0].plugins![0];
  const reporter = {};
  const withReporter = configs.map((config) => ({ ...config, plugins: [...config.plugins!, reporter] }));
  const source =
    `// Written by test/helpers/watch.ts for \`webpack --watch\`.\n` +
    `const { ServerActionsPlugin } = require('webpack-server-actions');\n\n` +
    `${REPORTER}\n\n` +
    `const plugin = new ServerActionsPlugin(${JSON.stringify(pluginOptions)});\n` +
    `const reporter = new WatchReporter();\n\n` +
    `module.exports = ${toSource(withReporter, new Map<unknown, string>([[plugin, 'plugin'], [reporter, 'reporter']]))};\n`;
  const file = path.join(dir, 'webpack.config.js');
  writeFileSync(file, source);
  return file;
}

function toSource(value: unknown, named: Map<unknown, string>, indent = ''): string {
  if (named.has(value)) return named.get(value)!;
  if (value instanceof RegExp) return String(value);
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((item) => `${inner}${toSource(item, named, inner)},\n`).join('')}${indent}]`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const fields = Object.entries(value as object)
      .filter(([, field]) => field !== undefined)
      .map(([key, field]) => `${inner}${JSON.stringify(key)}: ${toSource(field, named, inner)},\n`);
    return `{\n${fields.join('')}${indent}}`;
  }
  throw new Error(`writeCliConfig: cannot write ${String(value)} into a config file`);
}

/** Runs `webpack --watch --config <configFile>` in `dir`, in its own process group. */
export async function watchWithCli(dir: string, configFile: string): Promise<WatchedBuild> {
  const child = spawn(process.execPath, [path.join(REPO_NODE_MODULES, 'webpack/bin/webpack.js'), '--watch', '--config', configFile], {
    cwd: dir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // The group is gone already.
    }
  };
  // Should the test process end without closing the build (a test timing out), webpack goes too.
  const onExit = () => killGroup('SIGKILL');
  process.once('exit', onExit);
  const pending = new Set<string>();
  const running = new Set<string>();
  const failing = new Set<string>();
  let runs = 0;
  let output = '';
  let buffered = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let exitCode: number | null | undefined;
  child.once('exit', (code) => (exitCode = code));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      const event = /^\[watch-test\] (invalid|run|done errors=(\d+)) (\S+)$/.exec(line);
      if (!event) continue;
      const name = event[3];
      if (event[1] === 'invalid') pending.add(name);
      else if (event[1] === 'run') {
        pending.delete(name);
        running.add(name);
        runs += 1;
      } else {
        running.delete(name);
        if (event[2] === '0') failing.delete(name);
        else failing.add(name);
      }
    }
  });
  return {
    idle: () => exitCode === undefined && pending.size === 0 && running.size === 0,
    runs: () => runs,
    errors: () => [
      ...(exitCode !== undefined ? [`webpack --watch exited with code ${exitCode}`] : []),
      ...[...failing].map((name) => `${name}: the last run reported errors (see the build log)`),
    ],
    log: () => output.slice(-6000),
    close: async () => {
      process.removeListener('exit', onExit);
      if (exitCode !== undefined) return;
      killGroup('SIGTERM');
      const ended = await Promise.race([exited.then(() => true), delay(5_000).then(() => false)]);
      if (!ended) {
        killGroup('SIGKILL');
        await exited;
      }
    },
  };
}
