/**
 * Copies a fixture app into a fresh temporary directory, where webpack builds it as a user's app:
 * `webpack-server-actions` resolves through a symlink to this repository (its built `dist`), and
 * React and the other packages from this repository's node_modules.
 */
import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const REPO_NODE_MODULES = path.join(REPO_ROOT, 'node_modules');
const FIXTURES = path.join(REPO_ROOT, 'test/fixtures');

const created: string[] = [];

export function createFixtureApp(name: string, parent?: string): string {
  const base = parent ?? tmpdir();
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(path.join(base, `wsa-${name}-`));
  created.push(dir);
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  symlinkSync(REPO_ROOT, path.join(dir, 'node_modules/webpack-server-actions'), 'dir');
  return dir;
}

export function writeSource(dir: string, relativePath: string, source: string): void {
  const file = path.join(dir, relativePath);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, source);
}

export function removeFixtureApps(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * A copy of a fixture that lives until the process exits, for a build that several test files share:
 * it is out of the reach of `removeFixtureApps`, which each file that makes its own apps calls in its
 * `after`, so that one file's cleanup cannot delete a build that a later file still reads.
 */
export function createSharedFixtureApp(name: string): string {
  const home = mkdtempSync(path.join(tmpdir(), `wsa-${name}-shared-`));
  process.once('exit', () => rmSync(home, { recursive: true, force: true }));
  const dir = path.join(home, name);
  renameSync(createFixtureApp(name), dir);
  return dir;
}
