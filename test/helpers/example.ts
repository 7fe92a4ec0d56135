/** The notes example, built once per test run with webpack-cli as the README says. */
import { expect } from 'chai';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { run } from './http';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const EXAMPLE = path.join(REPO_ROOT, 'examples/notes');
/**
 * Where this test run builds the example (NOTES_BUILD_DIR for the build and for server.js): a directory
 * of its own, so that two runs, or a developer's `npm run example`, never clean each other's output.
 */
export const EXAMPLE_BUILD = path.join(tmpdir(), `wsa-notes-build-${process.pid}`);
process.once('exit', () => rmSync(EXAMPLE_BUILD, { recursive: true, force: true }));

let built: Promise<Record<string, string>> | undefined;

/** Builds the example (once) and resolves with its action IDs by function name. */
export function buildExample(): Promise<Record<string, string>> {
  built ??= (async () => {
    if (!existsSync(path.join(REPO_ROOT, 'dist/plugin/index.js'))) {
      expect((await run('npm', ['run', 'build'], REPO_ROOT)).code).to.equal(0);
    }
    const build = await run('npx', ['webpack', '--config', 'webpack.config.example.js'], REPO_ROOT, { NOTES_BUILD_DIR: EXAMPLE_BUILD });
    expect(build.code, build.output).to.equal(0);
    const manifestFile = path.join(EXAMPLE_BUILD, 'server/server-actions-manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    const ids: Record<string, string> = {};
    for (const [id, entry] of Object.entries<{ name: string; function?: string }>(manifest)) {
      ids[entry.function ?? entry.name] = id;
    }
    return ids;
  })();
  return built;
}
