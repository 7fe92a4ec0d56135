/**
 * Smoke test of the build benchmark (scripts/bench/builds.ts) on a small synthetic app: every variant
 * builds cold, warm and in watch mode, this package's output lists every server function and client
 * component (the benchmark refuses to time an incomplete build), and the tables are filled. Timings
 * are not checked: a benchmark's figures are read in its output, never asserted in a test.
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runBuildBenchmark } from '../../scripts/bench/builds';
import { generateSyntheticApp } from '../../scripts/bench/synthetic-app';

function tableRows(markdown: string, heading: string): string[][] {
  const lines = markdown.slice(markdown.indexOf(heading)).split('\n');
  const table = lines.slice(lines.findIndex((line) => line.startsWith('|')));
  const end = table.findIndex((line) => !line.startsWith('|'));
  return table.slice(2, end).map((row) => row.split('|').slice(1, -1).map((cell) => cell.trim()));
}

describe('build benchmark (quick)', function () {
  this.timeout(180_000);
  let workDir: string;
  before(() => (workDir = mkdtempSync(path.join(tmpdir(), 'wsa-bench-test-'))));
  after(() => rmSync(workDir, { recursive: true, force: true }));

  it('generates the app it describes: its shares of "use server" and "use client" files, every module reachable', () => {
    const app = generateSyntheticApp(2000);
    const files = [...app.files.keys()];
    expect(files).to.have.length(2000);
    expect(files.filter((file) => app.files.get(file)!.startsWith("'use server'"))).to.have.length(100);
    expect(files.filter((file) => app.files.get(file)!.startsWith("'use client'"))).to.have.length(200);
    const reached = new Set([app.rootComponent]);
    const pending = [app.rootComponent];
    while (pending.length > 0) {
      const file = pending.pop()!;
      for (const [, specifier] of app.files.get(file)!.matchAll(/from '(\.[^']+)'/g)) {
        const target = path.posix.join(path.posix.dirname(file), specifier);
        if (!reached.has(target)) reached.add(target), pending.push(target);
      }
    }
    expect(reached.size).to.equal(2000);
    expect(generateSyntheticApp(2000).files).to.deep.equal(app.files);
  });

  it('builds every variant cold, warm and in watch mode and fills the tables', async () => {
    const section = await runBuildBenchmark({
      sizes: [120],
      runs: () => 1,
      rebuilds: 2,
      memoryRebuilds: 0,
      memorySize: 2000,
      devtool: false,
      workDir,
      log: () => {},
    });
    for (const phase of ['Cold build', 'Warm build', 'Watch rebuild']) {
      const [row] = tableRows(section.markdown, phase);
      expect(row[0], phase).to.equal('120');
      // The floor and this package always build (the benchmark throws otherwise); @mfng/webpack-rsc may fail.
      for (const cell of row.slice(1, 3)) expect(cell, `${phase}: ${row.join(' | ')}`).to.match(/^\d+(\.\d+)? m?s$/);
      expect(row[4], phase).to.match(/^\d+\.\d\d ×$/);
    }
    expect(section.targets.every((target) => typeof target.met === 'boolean')).to.equal(true);
  });
});
