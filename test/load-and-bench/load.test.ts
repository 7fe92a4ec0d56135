/**
 * The load test (scripts/load.ts) at the size CI affords: it builds the notes example in production
 * mode, serves it from a child process and sends a few thousand calls and no-JavaScript form posts at
 * once. It passes when no request failed, no write was lost and the server's memory did not grow
 * between the two halves of the run; it prints its figures either way. `npm run load` runs the full size.
 */
import { expect } from 'chai';
import { REPO_ROOT } from '../helpers/example';
import { run } from '../helpers/http';

const CALLS = 2000;

describe('load test of the notes example (scripts/load.ts), CI size', () => {
  it(`answers ${CALLS} calls and form posts at concurrency 50: no failure, no lost write, no memory growth`, async () => {
    const result = await run(process.execPath, ['--import', 'tsx', 'scripts/load.ts', '--calls', String(CALLS), '--concurrency', '50'], REPO_ROOT);
    expect(result.code, result.output).to.equal(0);

    // The figures, for people reading CI's log: each on its line.
    expect(result.output).to.match(/^ {2}requests +\d+ \(\d+ server-function requests\) in [\d.]+ s: \d+ requests\/s$/m);
    expect(result.output).to.match(/^ {2}failures +0$/m);
    expect(result.output).to.match(/^ {2}latency +p50 [\d.]+ ms, p95 [\d.]+ ms, p99 [\d.]+ ms$/m);
    expect(result.output).to.match(/^ {2}memory, first half +heap\+external [\d.]+ MB, rss [\d.]+ MB/m);
    expect(result.output).to.match(/^ {2}memory, second half +heap\+external [\d.]+ MB, rss [\d.]+ MB/m);
    expect(result.output).to.match(/^ {2}memory growth +[+-][\d.]+ MB heap\+external \(tolerance [\d.]+ MB\)/m);
    expect(result.output).to.match(/^PASSED: /m);

    // And as JSON: every request sent was counted, and none failed.
    const figures = JSON.parse(/^LOAD-FIGURES (.*)$/m.exec(result.output)![1]);
    expect(figures).to.include({ serverFunctionRequests: CALLS, failures: 0 });
    expect(figures.problems).to.deep.equal([]);
    expect(figures.requestsPerSecond).to.be.above(0);
  });
});
