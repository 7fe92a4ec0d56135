/** The load test's figures: printed for people, and as one JSON line (`LOAD-FIGURES {...}`) for its test. */
import { floorLines, type FloorFigures } from './floor';
import { megabytes, retained, type MemoryFigures } from './memory';
import type { ServerOutput } from './server-process';
import type { Tally } from './tally';

export interface Figures {
  build: string;
  concurrency: number;
  /** Server-function requests (calls and form posts) and all HTTP requests (with page loads). */
  serverFunctionRequests: number;
  requests: number;
  failures: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number };
  memory: MemoryFigures;
  maxGrowthBytes: number;
  /** The floor comparison: updateName calls against the same work without server functions. */
  floor: FloorFigures;
  problems: string[];
}

export function figuresOf(tally: Tally, seconds: number, memory: MemoryFigures, rest: Pick<Figures, 'build' | 'concurrency' | 'maxGrowthBytes' | 'problems' | 'floor'>): Figures {
  const requests = tally.total(tally.requests);
  const [p50, p95, p99] = tally.percentiles(50, 95, 99).map((ms) => Math.round(ms * 10) / 10);
  return {
    ...rest,
    serverFunctionRequests: requests - (tally.requests.get('page load') ?? 0),
    requests,
    failures: tally.total(tally.failures),
    seconds: Math.round(seconds * 10) / 10,
    requestsPerSecond: Math.round(requests / seconds),
    latencyMs: { p50, p95, p99 },
    memory,
  };
}

function memoryLines({ memory, maxGrowthBytes }: Figures): string[] {
  const half = ({ retained, rss, samples }: MemoryFigures['first']) => `heap+external ${megabytes(retained)}, rss ${megabytes(rss)} (lower quartile of ${samples} samples)`;
  const sign = (bytes: number) => (bytes >= 0 ? '+' : '-') + megabytes(Math.abs(bytes));
  const series = memory.samples.map((sample) => (retained(sample) / 1024 / 1024).toFixed(1)).join(' ');
  return [
    `  memory samples       heap+external in MB, before the load then after each 1/${memory.samples.length - 1} of it: ${series}`,
    `  memory, first half   ${half(memory.first)}`,
    `  memory, second half  ${half(memory.second)}`,
    `  memory growth        ${sign(memory.growth)} heap+external (tolerance ${megabytes(maxGrowthBytes)}), ${sign(memory.rssGrowth)} rss; ` +
      `slope ${Math.round(memory.bytesPerRequest)} bytes/request`,
  ];
}

export function printFigures(figures: Figures, tally: Tally, server: ServerOutput): void {
  const byKind = [...tally.requests].map(([label, count]) => `${label} ${count}`).join(', ');
  const accessLog = [...server.accessLog].map(([outcome, count]) => `${outcome} ×${count}`).join(', ');
  const lines = [
    `load test of the notes example (${figures.build}), concurrency ${figures.concurrency}`,
    `  requests             ${figures.requests} (${figures.serverFunctionRequests} server-function requests) in ${figures.seconds} s: ${figures.requestsPerSecond} requests/s`,
    `  by kind              ${byKind}`,
    `  failures             ${figures.failures}`,
    `  latency              p50 ${figures.latencyMs.p50} ms, p95 ${figures.latencyMs.p95} ms, p99 ${figures.latencyMs.p99} ms`,
    ...memoryLines(figures),
    ...floorLines(figures.floor),
    `  server access log    ${accessLog || 'none printed'}`,
  ];
  console.log(lines.join('\n'));
  for (const failure of tally.firstFailures) console.log(`  failure: ${failure}`);
  if (figures.problems.length > 0) {
    console.log(`FAILED: ${figures.problems.length} problem(s):`);
    for (const problem of figures.problems.slice(0, 20)) console.log(`  - ${problem}`);
  } else {
    console.log('PASSED: no failure, no lost write, no memory growth beyond the tolerance.');
  }
  console.log(`LOAD-FIGURES ${JSON.stringify(figures)}`);
}
