/**
 * The notes example for the load test: built with webpack-cli into a directory of the test's own, and
 * served by examples/notes/server.js in a child process (scripts/load-server.cjs, with --expose-gc and an
 * IPC channel to measure its memory). What the server prints is counted, not kept: its access log has a
 * line per request.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { MemorySample } from './memory';

export const REPO_ROOT = path.resolve(__dirname, '../..');

function runToEnd(command: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** Builds the example into `buildDir` as the README says (webpack-cli and its config). */
export async function buildExample(buildDir: string, mode: 'production' | 'development'): Promise<void> {
  const cli = require.resolve('webpack-cli/bin/cli.js');
  const result = await runToEnd(process.execPath, [cli, '--config', 'webpack.config.example.js'], { NOTES_BUILD_DIR: buildDir, NODE_ENV: mode });
  if (result.code !== 0) throw new Error(`Building the example failed (exit ${result.code}):\n${result.output}`);
}

/** The example's action IDs by function name, from the build's manifest. */
export function readActionIds(buildDir: string): Record<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(buildDir, 'server/server-actions-manifest.json'), 'utf8'));
  const ids: Record<string, string> = {};
  for (const [id, entry] of Object.entries<{ name: string; function?: string }>(manifest)) ids[entry.function ?? entry.name] = id;
  return ids;
}

export interface ServerOutput {
  /** Lines printed to stdout (the access log and the start-up line). */
  stdoutLines: number;
  /** The access log's lines by their outcome (`200 ran updateName`, `303 ran renameNote`, ...). */
  accessLog: Map<string, number>;
  /** What the server printed to stderr (errors it reported), the first 20 000 characters. */
  stderr: string;
}

export interface NotesServer {
  url: string;
  /** The floor route in the same process (load/floor-server.cjs): the same store write and page, no server functions. */
  floorUrl: string;
  output: ServerOutput;
  measure(requests: number): Promise<MemorySample>;
  /** The server process's CPU time so far (process.cpuUsage: user and system, µs). */
  cpuUsage(): Promise<NodeJS.CpuUsage>;
  /** Starts the server's in-process CPU profiler. */
  startProfile(): Promise<void>;
  /** Stops it, and resolves with its profile. */
  stopProfile(): Promise<CpuProfile>;
  stop(): Promise<void>;
}

/** What load-server.cjs answers: memory, and the connections still open (0 unless one failed to close). */
type Measured = NodeJS.MemoryUsage & { connections: number };

/** The inspector's Profiler.Profile, the parts load/cpu-share.ts reads. */
export interface CpuProfile {
  nodes: Array<{ id: number; hitCount?: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }>;
  startTime: number;
  endTime: number;
}

/** An answer of load-server.cjs to a question with an id (`memory`, `cpu`, `profile`). */
interface Reply {
  type: string;
  id: number;
  memory?: Measured;
  cpu?: NodeJS.CpuUsage;
  profile?: CpuProfile | null;
  error?: string;
}

// `[notes] POST "/" 200 ran updateName`: the outcome is what follows the path.
const ACCESS_LOG_LINE = /^\[notes\] POST "(?:[^"\\]|\\.)*" (.*)$/;

function collectOutput(child: ChildProcess): ServerOutput {
  const output: ServerOutput = { stdoutLines: 0, accessLog: new Map(), stderr: '' };
  let partial = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      output.stdoutLines++;
      const outcome = ACCESS_LOG_LINE.exec(line)?.[1];
      if (outcome !== undefined) output.accessLog.set(outcome, (output.accessLog.get(outcome) ?? 0) + 1);
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    if (output.stderr.length < 20_000) output.stderr += chunk;
  });
  return output;
}

export interface ServerOptions {
  buildDir: string;
  dataDir: string;
  nodeEnv: string | undefined;
  /** Where to write a CPU profile of the server (node --cpu-prof), if anywhere. */
  cpuProfileDir?: string;
}

export function startNotesServer({ buildDir, dataDir, nodeEnv, cpuProfileDir }: ServerOptions): Promise<NotesServer> {
  const script = path.join(REPO_ROOT, 'scripts/load-server.cjs');
  const env = { ...process.env, NOTES_BUILD_DIR: buildDir, NOTES_DATA_DIR: dataDir, NODE_ENV: nodeEnv };
  const profile = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [];
  // V8 drops the bytecode of functions it has not run for a while, and compiles it again when they
  // run: about a megabyte that comes and goes between samples. Kept, samples compare what the app retains.
  const child = spawn(process.execPath, ['--expose-gc', '--no-flush-bytecode', ...profile, script], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const output = collectOutput(child);
  // The process ended and its output has been read to the end. (Not the 'close' event: it never comes
  // once the parent has disconnected the IPC channel, nodejs/node#19433.)
  const ended = (emitter: NodeJS.EventEmitter, event: string) => new Promise<void>((resolve) => emitter.once(event, () => resolve()));
  const closed = Promise.all([ended(child, 'exit'), ended(child.stdout!, 'close'), ended(child.stderr!, 'close')]);
  let nextQuestion = 0;
  const pending = new Map<number, { done: (reply: Reply) => void; fail: (error: Error) => void }>();
  const ask = (question: Record<string, unknown>): Promise<Reply> => {
    const id = nextQuestion++;
    return new Promise((resolve, reject) => {
      if (child.exitCode !== null || child.signalCode !== null) return reject(new Error(`The server exited:\n${output.stderr}`));
      const settle = () => pending.delete(id);
      pending.set(id, { done: (reply) => (settle(), reply.error ? reject(new Error(reply.error)) : resolve(reply)), fail: (error) => (settle(), reject(error)) });
      child.send({ ...question, id });
    });
  };
  child.once('exit', (code, signal) => {
    for (const { fail } of pending.values()) fail(new Error(`The server exited (${code ?? signal}) while measuring:\n${output.stderr}`));
  });
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`The server exited (${code}) before it listened:\n${output.stderr}`));
    child.once('exit', onExit);
    child.on('message', (message: Reply & { url?: string; floorUrl?: string }) => {
      if (message.type !== 'listening') return pending.get(message.id)?.done(message);
      child.off('exit', onExit);
      resolve({
        url: message.url!,
        floorUrl: message.floorUrl!,
        output,
        async measure(requests) {
          const { heapUsed, external, rss, connections } = (await ask({ type: 'measure' })).memory!;
          return { requests, heapUsed, external, rss, connections };
        },
        async cpuUsage() {
          return (await ask({ type: 'cpu' })).cpu!;
        },
        async startProfile() {
          await ask({ type: 'profile', command: 'start' });
        },
        async stopProfile() {
          return (await ask({ type: 'profile', command: 'stop' })).profile!;
        },
        async stop() {
          // The server exits when asked (so that --cpu-prof writes its profile); one that does not is killed.
          if (child.connected) child.send({ type: 'stop' });
          const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
          await closed;
          clearTimeout(killer);
        },
      });
    });
  });
}
