/**
 * The load test (scripts/load.ts) at the size CI affords: it builds the notes example in production
 * mode, serves it from a child process and sends a few thousand calls and no-JavaScript form posts at
 * once. It passes when no request failed, no write was lost and the server's memory did not grow
 * between the two halves of the run; it prints its figures either way. Then the floor comparison, at a
 * size that takes a few seconds: updateName calls against the same store write and page render without
 * server functions, and the helper's share of the server's CPU from a profile. `npm run load` runs the
 * full size.
 */
import { expect } from 'chai';
import { REPO_ROOT } from '../helpers/example';
import { run } from '../helpers/http';

const CALLS = 2000;
const FLOOR_ROUNDS = 2;
const FLOOR_CALLS = 100;

describe('load test of the notes example (scripts/load.ts), CI size', () => {
  it(`answers ${CALLS} calls and form posts at concurrency 50: no failure, no lost write, no memory growth; then against a floor, with the helper's CPU share`, async () => {
    const result = await run(process.execPath, ['--import', 'tsx', 'scripts/load.ts', '--calls', String(CALLS), '--concurrency', '50', '--floor-rounds', String(FLOOR_ROUNDS), '--floor-calls', String(FLOOR_CALLS)], REPO_ROOT);
    expect(result.code, result.output).to.equal(0);

    // The figures, for people reading CI's log: each on its line.
    expect(result.output).to.match(/^ {2}requests +\d+ \(\d+ server-function requests\) in [\d.]+ s: \d+ requests\/s$/m);
    expect(result.output).to.match(/^ {2}failures +0$/m);
    expect(result.output).to.match(/^ {2}latency +p50 [\d.]+ ms, p95 [\d.]+ ms, p99 [\d.]+ ms$/m);
    expect(result.output).to.match(/^ {2}memory, first half +heap\+external [\d.]+ MB, rss [\d.]+ MB/m);
    expect(result.output).to.match(/^ {2}memory, second half +heap\+external [\d.]+ MB, rss [\d.]+ MB/m);
    expect(result.output).to.match(/^ {2}memory growth +[+-][\d.]+ MB heap\+external \(tolerance [\d.]+ MB\)/m);
    const side = String.raw`\d+ requests\/s, p50 [\d.]+ ms, p95 [\d.]+ ms, p99 [\d.]+ ms; server CPU [\d.]+ ms\/request \(wall [\d.]+ ms\/request\)`;
    expect(result.output).to.match(new RegExp(String.raw`^ {2}server functions +${side}$`, 'm'));
    expect(result.output).to.match(new RegExp(String.raw`^ {2}floor +${side}$`, 'm'));
    expect(result.output).to.match(/^ {2}against the floor +[\d.]+ × the time per request, p50 [\d.]+ ×, p99 [\d.]+ ×, server CPU per request [\d.]+ ×$/m);
    expect(result.output).to.match(/^ {2}helper's CPU share +[\d.]+% of \d+ CPU samples of a profiled round of calls are in the package's runtime files \(.*server\/.*\)$/m);
    expect(result.output).to.match(/^PASSED: /m);

    // And as JSON: every request sent was counted, and none failed.
    const figures = JSON.parse(/^LOAD-FIGURES (.*)$/m.exec(result.output)![1]);
    expect(figures).to.include({ serverFunctionRequests: CALLS, failures: 0 });
    expect(figures.problems).to.deep.equal([]);
    expect(figures.requestsPerSecond).to.be.above(0);

    // The floor comparison: every round's requests counted on both sides, none failed, and the profile
    // found the helper's own files in the server bundle (through its source map), a share of the
    // whole strictly between nothing and everything.
    const { floor } = figures;
    for (const measured of [floor.serverFunctions, floor.floor]) {
      expect(measured).to.include({ requests: FLOOR_ROUNDS * FLOOR_CALLS, failures: 0 });
      expect(measured.requestsPerSecond).to.be.above(0);
      expect(measured.cpuMsPerRequest).to.be.above(0);
    }
    expect(floor.ratio.throughput).to.be.above(0);
    expect(floor.cpuShare.samples).to.be.above(100);
    expect(floor.cpuShare.runtime).to.be.above(0).and.below(1);
    expect(floor.cpuShare.runtimeFiles.map((entry: { file: string }) => entry.file)).to.satisfy((files: string[]) => files.some((file) => file.startsWith('server/')));
    expect(floor.cpuShare.byOrigin.React).to.be.above(0);
  });
});
