/**
 * The notes example, built once per test run and bundler with the bundler's CLI as the README says:
 * webpack-cli (a development build, webpack's default) and @rspack/cli (a production build, Rspack's
 * default), from the same webpack.config.example.js.
 */
import { expect } from 'chai';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { run } from './http';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const EXAMPLE = path.join(REPO_ROOT, 'examples/notes');

export type Bundler = 'webpack' | 'rspack';
/** Every bundler the package supports: the test matrix's bundler dimension. */
export const BUNDLERS: readonly Bundler[] = ['webpack', 'rspack'];

/**
 * Where this test run builds the example with `bundler` (NOTES_BUILD_DIR for the build and for
 * server.js): a directory of its own, so that two runs, or a developer's `npm run example`, never
 * clean each other's output.
 */
export function exampleBuildDir(bundler: Bundler = 'webpack'): string {
  return path.join(tmpdir(), `wsa-notes-build-${process.pid}${bundler === 'webpack' ? '' : `-${bundler}`}`);
}
/** The webpack build's directory. */
export const EXAMPLE_BUILD = exampleBuildDir('webpack');
process.once('exit', () => {
  for (const bundler of BUNDLERS) rmSync(exampleBuildDir(bundler), { recursive: true, force: true });
});

/** The mode each bundler's CLI builds the example in when NODE_ENV is not set. */
export const EXAMPLE_MODE: Record<Bundler, 'development' | 'production'> = { webpack: 'development', rspack: 'production' };

/**
 * What the example shows of an error a server function throws: its message in development; in
 * production React sends no message to the browser (the page shows React's minified error #441), and
 * the example's no-JavaScript error page says only that the function failed.
 */
export function shownServerError(bundler: Bundler, message: string, where: 'browser' | 'form post'): string {
  if (EXAMPLE_MODE[bundler] === 'development') return message;
  return where === 'form post'
    ? 'the server function failed.'
    : 'Minified React error #441; visit https://react.dev/errors/441 for the full message or use the non-minified dev environment for full errors and additional helpful warnings.';
}

const CLI: Record<Bundler, string[]> = {
  webpack: ['webpack', '--config', 'webpack.config.example.js'],
  rspack: ['rspack', 'build', '--config', 'webpack.config.example.js'],
};

const built = new Map<Bundler, Promise<Record<string, string>>>();

/** Builds the example with `bundler` (once) and resolves with its action IDs by function name. */
export function buildExample(bundler: Bundler = 'webpack'): Promise<Record<string, string>> {
  let build = built.get(bundler);
  if (!build) built.set(bundler, (build = buildWith(bundler)));
  return build;
}

async function buildWith(bundler: Bundler): Promise<Record<string, string>> {
  if (!existsSync(path.join(REPO_ROOT, 'dist/plugin/index.js'))) {
    expect((await run('npm', ['run', 'build'], REPO_ROOT)).code).to.equal(0);
  }
  const buildDir = exampleBuildDir(bundler);
  const build = await run('npx', CLI[bundler], REPO_ROOT, { NOTES_BUILD_DIR: buildDir });
  expect(build.code, build.output).to.equal(0);
  const manifest = JSON.parse(readFileSync(path.join(buildDir, 'server/server-actions-manifest.json'), 'utf8'));
  const ids: Record<string, string> = {};
  for (const [id, entry] of Object.entries<{ name: string; function?: string }>(manifest)) {
    ids[entry.function ?? entry.name] = id;
  }
  return ids;
}
