/**
 * The notes example's development command (`examples/notes/dev.js`) on a temporary copy of the example,
 * so that the tests can edit its sources: the copy has the example, webpack.config.example.js beside it
 * as in the repository, and a node_modules of links to this repository's packages, with
 * `webpack-server-actions` a copy of this repository's package.json and dist/ as they are when the copy
 * is made (so that an `npm run build` in the repository meanwhile, which empties dist/ first, does not
 * pull the package from under the running dev server).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './example';

export interface DevExample {
  /** The copy's root: examples/notes/ and webpack.config.example.js are in it. */
  root: string;
  /** A source file of the copy's example, by its path under examples/notes/src. */
  source(file: string): string;
  /** Replaces `from` (which must be there) with `to` in a source file of the copy. */
  edit(file: string, from: string, to: string): void;
  write(file: string, text: string): void;
  remove(): void;
}

export function copyNotesExample(): DevExample {
  const root = mkdtempSync(path.join(tmpdir(), 'wsa-notes-dev-'));
  cpSync(path.join(REPO_ROOT, 'examples/notes'), path.join(root, 'examples/notes'), {
    recursive: true,
    filter: (from) => !/[\\/]examples[\\/]notes[\\/](build|data|node_modules)$/.test(from),
  });
  cpSync(path.join(REPO_ROOT, 'webpack.config.example.js'), path.join(root, 'webpack.config.example.js'));
  mkdirSync(path.join(root, 'node_modules'));
  for (const name of readdirSync(path.join(REPO_ROOT, 'node_modules'))) {
    symlinkSync(path.join(REPO_ROOT, 'node_modules', name), path.join(root, 'node_modules', name), 'dir');
  }
  copyBuiltPackage(path.join(root, 'node_modules/webpack-server-actions'));
  const source = (file: string) => path.join(root, 'examples/notes/src', file);
  return {
    root,
    source,
    edit(file, from, to) {
      const text = readFileSync(source(file), 'utf8');
      if (!text.includes(from)) throw new Error(`${file} has no ${JSON.stringify(from)} to replace`);
      writeFileSync(source(file), text.replace(from, to));
    },
    write: (file, text) => writeFileSync(source(file), text),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/**
 * The package as built, copied to `target`. dist/ is checked for the files the dev loop needs first:
 * a build under way in the repository has emptied it for a few seconds.
 */
function copyBuiltPackage(target: string): void {
  const needed = ['dist/plugin/index.js', 'dist/dev/index.js', 'dist/runtime/dev-client/index.js', 'dist/runtime/browser/index.js'];
  const built = () => needed.every((file) => existsSync(path.join(REPO_ROOT, file)));
  for (const deadline = Date.now() + 60_000; !built(); ) {
    if (Date.now() > deadline) throw new Error(`No built package in ${REPO_ROOT}/dist: run npm run build.`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
  }
  mkdirSync(target);
  cpSync(path.join(REPO_ROOT, 'package.json'), path.join(target, 'package.json'));
  cpSync(path.join(REPO_ROOT, 'dist'), path.join(target, 'dist'), { recursive: true });
}

export interface DevProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Resolves with the output after `mark` once `pattern` is in it (bounded by `timeout`). */
  waitForOutput(pattern: RegExp, since: number, timeout?: number): Promise<string>;
  stop(): Promise<void>;
}

/** Starts `node examples/notes/dev.js` in the copy, on a free port, once its first build is served. */
export function startDev(copy: DevExample, env: Record<string, string>, nodeArgs: string[] = []): Promise<DevProcess> {
  const child = spawn(process.execPath, [...nodeArgs, 'examples/notes/dev.js'], {
    cwd: copy.root,
    env: { ...process.env, PORT: '0', NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk;
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const waitForOutput = (pattern: RegExp, since: number, timeout = 60_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(output.slice(since));
        if (!match) return;
        done();
        resolve(output.slice(since));
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`dev.js did not print ${pattern} within ${timeout} ms. Output:\n${output}`));
      }, timeout);
      const onExit = () => {
        done();
        reject(new Error(`dev.js exited (${child.exitCode ?? child.signalCode}). Output:\n${output}`));
      };
      const done = () => {
        clearTimeout(timer);
        listeners.delete(check);
        child.off('exit', onExit);
      };
      listeners.add(check);
      child.on('exit', onExit);
      check();
    });
  return waitForOutput(/listening on (http:\/\/\S+:\d+)/, 0, 120_000).then((text) => ({
    url: /listening on (http:\/\/\S+:\d+)/.exec(text)![1],
    child,
    output: () => output,
    waitForOutput,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  }));
}
