/**
 * Smoke test of the build benchmark (scripts/bench/builds.ts) on a small synthetic app: with each JSX
 * loader, every variant builds cold, warm, in production mode and in watch mode, this package's output
 * lists every server function and client component (the benchmark refuses to time an incomplete
 * build on webpack), and the tables are filled with wall time, CPU time and peak RSS; on Rspack, the
 * floor and this package build cold, warm and in watch mode (one round), and their rows and targets
 * are printed beside webpack's; the generator scales to 20 000 modules. Timings are not checked: a benchmark's figures are read in its output, never
 * asserted in a test.
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runBuild } from '../../scripts/bench/build-process';
import { runBuildBenchmark } from '../../scripts/bench/builds';
import { writeAppToDisk } from '../../scripts/bench/app-on-disk';
import { generateSyntheticApp } from '../../scripts/bench/synthetic-app';

function tableRows(markdown: string, heading: string): string[][] {
  const lines = markdown.slice(markdown.indexOf(heading)).split('\n');
  const table = lines.slice(lines.findIndex((line) => line.startsWith('|')));
  const end = table.findIndex((line) => !line.startsWith('|'));
  return table.slice(2, end).map((row) => row.split('|').slice(1, -1).map((cell) => cell.trim()));
}

describe('build benchmark (quick)', function () {
  // Production builds minimize React's server and client code too: about 12 s of CPU each.
  this.timeout(600_000);
  let workDir: string;
  before(() => (workDir = mkdtempSync(path.join(tmpdir(), 'wsa-bench-test-'))));
  after(() => rmSync(workDir, { recursive: true, force: true }));

  for (const size of [2000, 20_000]) {
    it(`generates the app it describes at ${size} modules: its shares of "use server" and "use client" files, every module reachable`, () => {
      const app = generateSyntheticApp(size);
      const files = [...app.files.keys()];
      expect(files).to.have.length(size);
      expect(files.filter((file) => app.files.get(file)!.startsWith("'use server'"))).to.have.length(size * 0.05);
      expect(files.filter((file) => app.files.get(file)!.startsWith("'use client'"))).to.have.length(size * 0.1);
      const reached = new Set([app.rootComponent]);
      const pending = [app.rootComponent];
      while (pending.length > 0) {
        const file = pending.pop()!;
        for (const [, specifier] of app.files.get(file)!.matchAll(/from '(\.[^']+)'/g)) {
          const target = path.posix.join(path.posix.dirname(file), specifier);
          if (!reached.has(target)) reached.add(target), pending.push(target);
        }
      }
      expect(reached.size).to.equal(size);
      expect(generateSyntheticApp(size).files).to.deep.equal(app.files);
    });
  }

  it('sees Babel loaded by the floor with babel-loader and not with swc-loader, and times CPU beside wall', async () => {
    const appDir = path.join(workDir, 'babel-check');
    writeAppToDisk(generateSyntheticApp(60), appDir);
    const job = { variant: 'floor', bundler: 'webpack', appDir, phase: 'cold', cacheDirectory: path.join(workDir, 'babel-check-cache'), devtool: false, quietMs: 300 } as const;
    const withBabel = await runBuild({ ...job, jsx: 'babel' });
    const withSwc = await runBuild({ ...job, jsx: 'swc' });
    expect([withBabel.errors, withSwc.errors]).to.deep.equal([[], []]);
    expect([withBabel.babelLoaded, withSwc.babelLoaded]).to.deep.equal([true, false]);
    for (const result of [withBabel, withSwc]) expect(result.cpuMs).to.be.greaterThan(0);
  });

  it('builds every variant with both JSX loaders cold, warm, in production and in watch mode, on Rspack too, and fills the tables', async () => {
    const section = await runBuildBenchmark({
      sizes: [120],
      jsxLoaders: ['babel', 'swc'],
      bundlers: ['webpack', 'rspack'],
      runs: () => 1,
      productionRuns: () => 1,
      rebuilds: 2,
      memoryRebuilds: 0,
      memorySize: 2000,
      devtool: false,
      workDir,
      log: () => {},
    });
    for (const phase of ['Cold build', 'Warm build', 'Production build', 'Watch rebuild']) {
      const rows = tableRows(section.markdown, phase);
      expect(rows.map((row) => row.slice(0, 2)), phase).to.deep.equal([
        ['120', 'babel'],
        ['120', 'swc'],
      ]);
      for (const row of rows) {
        const where = `${phase}: ${row.join(' | ')}`;
        // The floor and this package always build (the benchmark throws otherwise); @mfng/webpack-rsc may fail.
        for (const cell of row.slice(2, 4)) expect(cell, where).to.match(/^\d+(\.\d+)? m?s$/);
        for (const ratio of [row[5], row[6], row[10]]) expect(ratio, where).to.match(/^\d+\.\d\d ×$/);
        expect(row[8], where).to.match(/^\d+(\.\d+)? \/ \d+(\.\d+)? \/ (\d+(\.\d+)?|—) m?s$/);
        expect(row[9], where).to.match(/^\d+ \/ \d+ \/ (\d+|—) MB$/);
      }
    }
    for (const phase of ['cold', 'warm', 'production', 'watch']) {
      for (const loader of ['babel-loader', 'swc-loader']) {
        const where = phase === 'watch' ? 'watch rebuild' : `${phase} build`;
        const memory = section.targets.filter((target) => target.target === `${where} at 120 modules, ${loader}: peak RSS ≤ 1.05 × the floor's`);
        expect(memory, `${phase}, ${loader}`).to.have.length(1);
        expect(memory[0].measured).to.match(/^\d+\.\d\d ×$/);
      }
    }
    const time = /^\d+(\.\d+)? m?s( †)?$/;
    const ratio = /^\d+\.\d\d ×$/;
    for (const phase of ['Cold build', 'Warm build (webpack', 'Watch rebuild']) {
      const heading = section.markdown.split('\n').find((line) => line.startsWith(`**${phase}`) && line.endsWith('webpack and Rspack, each against its own floor**'));
      expect(heading, phase).to.be.a('string');
      const rows = tableRows(section.markdown, heading!);
      expect(rows.map((row) => row.slice(0, 2)), phase).to.deep.equal([
        ['120', 'babel'],
        ['120', 'swc'],
      ]);
      for (const row of rows) {
        const where = `${phase} on both bundlers: ${row.join(' | ')}`;
        for (const cell of [row[2], row[3], row[6], row[7]]) expect(cell, where).to.match(time);
        for (const cell of [row[4], row[5], row[8], row[9], row[11]]) expect(cell, where).to.match(ratio);
        expect(row[10], where).to.match(/^\d+ \/ \d+ MB$/);
      }
    }
    const onRspack = section.targets.filter((target) => target.target.startsWith('Rspack: '));
    expect(onRspack.map((target) => target.target.replace(/: ≤ .*/, ''))).to.have.members(
      ['cold build', 'warm build', 'watch rebuild'].flatMap((where) => ['babel-loader', 'swc-loader'].map((loader) => `Rspack: ${where} at 120 modules, ${loader}`)),
    );
    for (const target of onRspack) expect(target.measured, target.target).to.match(/^\d+\.\d\d × \(CPU \d+\.\d\d ×\)/);
    expect(section.markdown).to.match(/With swc-loader, Babel's packages were loaded by /);
    expect(section.targets.every((target) => typeof target.met === 'boolean')).to.equal(true);
  });
});
