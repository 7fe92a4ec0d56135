/**
 * Smoke test of the runtime benchmark (scripts/bench/runtime.ts) in quick mode: it builds its app,
 * measures in its child process and hands back a section with both tables filled. Timings are not
 * checked: a benchmark's figures are read in its output, never asserted in a test.
 */
import { expect } from 'chai';
import { runRuntimeBenchmark } from '../../scripts/bench/runtime';

/** The data rows of the markdown table that follows `heading`, as cells. */
function tableAfter(markdown: string, heading: string): string[][] {
  const start = markdown.indexOf(heading);
  expect(start, `a "${heading}" heading`).to.be.greaterThan(-1);
  const lines = markdown.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const table = lines.slice(first);
  const end = table.findIndex((line) => !line.startsWith('|'));
  return (end === -1 ? table : table.slice(0, end)).slice(2).map((row) => row.split('|').slice(1, -1).map((cell) => cell.trim()));
}

/** The numbers in a row's cells after the first (ratios are printed as "1.23 ×"). */
function figuresOf(row: string[]): number[] {
  return row.slice(1).map((cell) => Number(cell.replace(/ ×$/, '')));
}

describe('runtime benchmark (quick)', function () {
  this.timeout(60_000);

  it('builds its app, measures both comparisons and reports finite, positive figures', async () => {
    const section = await runRuntimeBenchmark({ quick: true });
    expect(section.title).to.equal('Runtime');

    const lookups = tableAfter(section.markdown, '#### `loadServerAction` on a warm manifest');
    expect(lookups).to.have.length(6);
    const requests = tableAfter(section.markdown, '#### The request helper');
    expect(requests.map((row) => row[0])).to.have.length(3);
    for (const row of [...lookups, ...requests]) {
      const figures = figuresOf(row);
      expect(figures.length, row[0]).to.be.greaterThan(1);
      for (const figure of figures) expect(Number.isFinite(figure) && figure > 0, `${row[0]}: ${row.join(' | ')}`).to.equal(true);
    }

    expect(section.targets.length).to.be.greaterThan(0);
    for (const check of section.targets) expect(check.measured).to.be.a('string').and.not.empty;
  });
});
