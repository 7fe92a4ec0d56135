/**
 * Smoke test of the transform micro-benchmark (scripts/bench/transforms.ts) in its quick mode: it runs
 * on the compiled loader in dist/ and hands back tables and targets of the expected shape. Timings are
 * not checked here: the benchmark judges its targets on a full run (`npm run bench`).
 */
import { expect } from 'chai';
import { runTransformBenchmark } from '../../scripts/bench/transforms';

/** The data rows of each Markdown table in the text, split into trimmed cells. */
function tables(markdown: string): string[][][] {
  const found: string[][][] = [];
  let current: string[][] | null = null;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      current = null;
      continue;
    }
    const cells = line.slice(1, -1).split('|').map((cell) => cell.trim());
    if (!current) found.push((current = []));
    current.push(cells);
  }
  // Each table's header and separator rows go; its data rows stay.
  return found.map((rows) => rows.slice(2));
}

function expectPositiveFigure(cell: string): void {
  const match = /^([\d.]+) (ns|µs|ms|%|×)$/.exec(cell);
  expect(match, `a figure with its unit: ${JSON.stringify(cell)}`).to.not.equal(null);
  const value = Number(match![1]);
  expect(Number.isFinite(value) && value > 0, cell).to.equal(true);
}

describe('transform benchmark (quick mode)', function () {
  this.timeout(60000);

  it('measures every module and file, and judges every target', async () => {
    const section = await runTransformBenchmark({ quick: true });
    expect(section.title).to.equal('Transforms');
    const [loader, scan, transform] = tables(section.markdown);
    expect(tables(section.markdown)).to.have.length(3);
    expect(loader).to.have.length(3);
    expect(scan).to.have.length(3);
    // Three "use server" files on two layers with and without a source map, and the inline component.
    expect(transform).to.have.length(14);
    for (const row of [...loader, ...scan]) row.slice(1).forEach(expectPositiveFigure);
    for (const row of transform) {
      expect(row[1]).to.be.oneOf(['server', 'browser']);
      expect(row[2]).to.be.oneOf(['yes', 'no']);
      row.slice(3).forEach(expectPositiveFigure);
    }
    expect(section.targets.length).to.be.at.least(3);
    for (const { target, measured, met } of section.targets) {
      expect(target).to.be.a('string').and.not.equal('');
      expectPositiveFigure(measured.split(' (')[0]);
      expect(met).to.be.a('boolean');
    }
  });
});
