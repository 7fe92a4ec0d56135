/**
 * The development loop (webpack-server-actions/dev) adds itself to a copy of the browser configuration
 * in the dev server's process, and to nothing else: the notes example built by webpack-cli, in
 * production mode and in development mode, has no trace of it in any file it emits (bundles, source
 * maps, manifests). dev-loop.test.ts checks that the dev loop's own build has every one of these traces.
 */
import { expect } from 'chai';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { devLoopTracesIn } from '../helpers/dev-loop-traces';
import { REPO_ROOT } from '../helpers/example';
import { run } from '../helpers/http';

describe('no trace of the development loop in builds made without it (the notes example, webpack-cli)', function () {
  for (const mode of ['production', 'development']) {
    it(`${mode} mode`, async () => {
      const buildDir = mkdtempSync(path.join(tmpdir(), `wsa-notes-${mode}-`));
      try {
        const build = await run('npx', ['webpack', '--config', 'webpack.config.example.js'], REPO_ROOT, {
          NODE_ENV: mode,
          NOTES_BUILD_DIR: buildDir,
        });
        expect(build.code, build.output).to.equal(0);
        expect(readdirSync(path.join(buildDir, 'browser')), 'the browser output').to.include('main.js');
        expect(devLoopTracesIn(buildDir)).to.deep.equal([]);
      } finally {
        rmSync(buildDir, { recursive: true, force: true });
      }
    });
  }
});
