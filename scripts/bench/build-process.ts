/**
 * Runs scripts/bench/build-child.mjs: one build per process, or one watching process that rebuilds
 * on request. The child runs under plain Node (no tsx hooks) with `--expose-gc`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

export type Variant = 'floor' | 'ours' | 'mfng';
/** The loader that compiles the apps' JSX, the same for every variant of a round. */
export type JsxLoader = 'babel' | 'swc';
/** What builds the app: webpack 5, or Rspack 2 through its webpack-compatible JS API. */
export type Bundler = 'webpack' | 'rspack';

export interface BuildJob {
  variant: Variant;
  jsx: JsxLoader;
  bundler: Bundler;
  appDir: string;
  phase: 'cold' | 'production' | 'prime' | 'warm' | 'watch';
  cacheDirectory: string;
  devtool: string | false;
  /** How long the compilers must stay quiet after a `done` for a watch rebuild to count as over. */
  quietMs: number;
}

export interface OutputCounts {
  serverFunctions: number;
  clientComponents: number;
}

export interface BuildResult {
  ms: number;
  /** The CPU time of the build's process over the same span as `ms` (user and system, every thread). */
  cpuMs: number;
  peakRssMb: number;
  /** Whether the process had loaded any of Babel's packages when the build was over. */
  babelLoaded: boolean;
  errors: string[];
  counts: OutputCounts | null;
}

export interface Rebuild {
  ms: number;
  cpuMs: number;
  heapMb: number;
  errors: string[];
}

const CHILD = path.join(__dirname, 'build-child.mjs');

function start(job: BuildJob): ChildProcess {
  return fork(CHILD, [JSON.stringify(job)], {
    execArgv: ['--expose-gc', '--max-old-space-size=8192'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** The child's next message of the given type; rejects if it exits first. */
function nextMessage<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type: string }) => {
      if (message.type !== type) return;
      child.off('exit', onExit);
      child.off('message', onMessage);
      resolve(message as T);
    };
    const onExit = (code: number | null) => {
      child.off('message', onMessage);
      reject(new Error(`the build child (${CHILD}) exited with ${code} before it answered`));
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** One build; a process that dies without answering (webpack can throw outside its callbacks) failed. */
export async function runBuild(job: BuildJob): Promise<BuildResult> {
  const child = start(job);
  try {
    const result = await nextMessage<BuildResult>(child, 'built');
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(undefined)));
    return result;
  } catch (error) {
    return { ms: Number.NaN, cpuMs: Number.NaN, peakRssMb: Number.NaN, babelLoaded: false, errors: [(error as Error).message], counts: null };
  }
}

/** A child that watches one variant's copy of the app and rebuilds after each edit it is asked for. */
export class WatchProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly initial: BuildResult,
  ) {}

  static async start(job: BuildJob): Promise<WatchProcess> {
    const child = start(job);
    const ready = await nextMessage<Omit<BuildResult, 'peakRssMb'>>(child, 'ready');
    return new WatchProcess(child, { ...ready, peakRssMb: 0 });
  }

  async edit(revision: number): Promise<Rebuild> {
    const answer = nextMessage<Rebuild>(this.child, 'rebuilt');
    this.child.send({ type: 'edit', revision });
    return answer;
  }

  /** Stops watching; the peak memory of the whole session and what the last rebuild emitted. */
  async stop(): Promise<{ peakRssMb: number; counts: OutputCounts | null }> {
    const answer = nextMessage<{ peakRssMb: number; counts: OutputCounts | null }>(this.child, 'stopped');
    this.child.send({ type: 'stop' });
    return answer;
  }
}
