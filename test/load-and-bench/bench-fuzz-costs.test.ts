/**
 * Smoke test of the fuzz-corpus cost benchmark (scripts/bench/fuzz-costs.ts) in its quick mode: it
 * times the loader on the fuzzer's larger modules and hands back a table and a target. Timings are not
 * judged here (a busy machine stretches any of them); `npm run bench` judges the target.
 */
import { expect } from 'chai';
import { runFuzzCostBenchmark } from '../../scripts/bench/fuzz-costs';

describe('fuzz-corpus cost benchmark (quick mode)', function () {
  this.timeout(120_000);

  it('times the larger fuzzed modules against a parse of each, and judges one target', () => {
    const section = runFuzzCostBenchmark({ quick: true });
    expect(section.title).to.equal('Loader on the fuzz corpus');
    const rows = section.markdown.split('\n').filter((line) => /^\| \d/.test(line));
    expect(rows.length, 'the costliest runs and the largest module').to.be.within(2, 6);
    for (const row of rows) {
      const [index, layer, characters, loader, parse, ratio] = row.slice(1, -1).split('|').map((cell) => cell.trim());
      expect(Number(index)).to.be.a('number').and.not.NaN;
      expect(layer).to.be.oneOf(['server', 'ssr', 'browser']);
      expect(Number(characters.replace(/,/g, ''))).to.be.at.least(1000);
      for (const figure of [loader, parse]) expect(figure).to.match(/^\d+\.\d\d ms$/);
      expect(ratio).to.match(/^\d+\.\d\d ×$/);
    }
    expect(section.targets).to.have.length(1);
    expect(section.targets[0].measured).to.match(/^\d+\.\d\d × \(case \d+, (server|ssr|browser) layer, \d+ characters\)$/);
    expect(section.targets[0].met).to.be.a('boolean');
  });
});
