/**
 * The package as npm publishes it, installed into an app without the network: the tarball of
 * `npm pack` extracted into the app's node_modules, and every other package (React, webpack, the
 * package's own dependencies) linked from this repository's node_modules, so that nothing links back
 * to the repository itself and the app resolves the package to the packed copy.
 */
import { expect } from 'chai';
import { existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { run } from './http';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const REPO_NODE_MODULES = path.join(REPO_ROOT, 'node_modules');
export const PACKAGE_NAME = 'webpack-server-actions';

/** Builds dist/ if it is missing (the package's files are made from it). */
export async function ensureBuilt(): Promise<void> {
  if (existsSync(path.join(REPO_ROOT, 'dist/plugin/index.js'))) return;
  const build = await run('npm', ['run', 'build'], REPO_ROOT);
  expect(build.code, build.output).to.equal(0);
}

/**
 * Packs the package as it is built now (`--ignore-scripts`: dist/ is not rebuilt under other tests
 * that load it) and resolves with the tarball's path in `destination`.
 */
export async function packBuilt(destination: string): Promise<string> {
  await ensureBuilt();
  const packed = await run('npm', ['pack', '--ignore-scripts', '--pack-destination', destination], REPO_ROOT);
  expect(packed.code, packed.output).to.equal(0);
  return onlyTarball(destination);
}

/** The one .tgz in `directory`. */
export function onlyTarball(directory: string): string {
  const tarballs = readdirSync(directory).filter((file) => file.endsWith('.tgz'));
  expect(tarballs).to.have.length(1);
  return path.join(directory, tarballs[0]);
}

/**
 * Installs `tarball` into `app`/node_modules, and links there every other package of this repository's
 * node_modules. Resolves with the directory of the installed package.
 */
export async function installPacked(tarball: string, app: string): Promise<string> {
  const installed = path.join(app, 'node_modules', PACKAGE_NAME);
  mkdirSync(installed, { recursive: true });
  const extracted = await run('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1'], app);
  expect(extracted.code, extracted.output).to.equal(0);
  for (const name of readdirSync(REPO_NODE_MODULES)) {
    if (name === PACKAGE_NAME || name === '.package-lock.json') continue;
    symlinkSync(path.join(REPO_NODE_MODULES, name), path.join(app, 'node_modules', name), 'dir');
  }
  return installed;
}
