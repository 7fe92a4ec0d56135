/**
 * The floor comparison, after the load: updateName calls through the request helper against the same
 * store write and page render on a plain route without server functions (load/floor-server.cjs, in the
 * server's own process), in alternating rounds of the same size and concurrency (real, floor, floor,
 * real, ...: a drift of the machine's speed over the run weighs on both alike). Each side's figures are
 * its rounds pooled: requests per second of wall time, latency percentiles, and the server process's
 * CPU time per request. A last round of calls, not counted, runs under the CPU profiler: the helper's
 * share of the server's CPU (load/cpu-share.ts).
 */
import { Agent } from 'node:http';
import { Browser, type Answer, type RequestSpec } from './browser';
import { cpuShare, type CpuShare } from './cpu-share';
import { callProblem, callSpec } from './mix';
import type { NotesServer } from './server-process';

export interface SideFigures {
  requests: number;
  failures: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number };
  /** The server process's CPU time (user + system) per request, and its wall time per request, in ms. */
  cpuMsPerRequest: number;
  wallMsPerRequest: number;
}

export interface FloorFigures {
  rounds: number;
  requestsPerRound: number;
  serverFunctions: SideFigures;
  floor: SideFigures;
  /** Server functions against the floor: time per request (the floor's requests/s over theirs), p50, p99 and CPU per request. */
  ratio: { throughput: number; p50: number; p99: number; cpu: number };
  cpuShare: CpuShare;
  /** The first failures, described. */
  firstFailures: string[];
}

interface Side {
  latencies: number[];
  failures: number;
  milliseconds: number;
  cpuMicroseconds: number;
}

type MakeRequest = (index: number, browser: Browser) => Promise<RequestSpec>;

const round1 = (value: number) => Math.round(value * 10) / 10;
const round2 = (value: number) => Math.round(value * 100) / 100;

function percentile(sorted: Float64Array, rank: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((rank / 100) * sorted.length) - 1)];
}

function figuresOfSide(side: Side): SideFigures {
  const requests = side.latencies.length + side.failures;
  const sorted = Float64Array.from(side.latencies).sort();
  return {
    requests,
    failures: side.failures,
    seconds: round2(side.milliseconds / 1000),
    requestsPerSecond: Math.round(requests / (side.milliseconds / 1000)),
    latencyMs: { p50: round2(percentile(sorted, 50)), p95: round2(percentile(sorted, 95)), p99: round2(percentile(sorted, 99)) },
    cpuMsPerRequest: Math.round((side.cpuMicroseconds / 1000 / requests) * 1000) / 1000,
    wallMsPerRequest: Math.round((side.milliseconds / requests) * 1000) / 1000,
  };
}

export async function compareWithFloor(server: NotesServer, { concurrency, requestsPerRound, pairs, updateNameId }: { concurrency: number; requestsPerRound: number; pairs: number; updateNameId: string }): Promise<FloorFigures> {
  const firstFailures: string[] = [];
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const browsersOf = (origin: string) => Array.from({ length: concurrency }, () => new Browser(origin, agent));
  const real = { browsers: browsersOf(server.url), make: ((index, browser) => callSpec(browser, updateNameId, [`compared name ${index}`])) as MakeRequest };
  const floor = {
    browsers: browsersOf(server.floorUrl),
    make: (async (index) => ({ method: 'POST', path: '/', headers: { 'content-type': 'text/plain;charset=UTF-8' }, body: Buffer.from(`floor name ${index}`) })) as MakeRequest,
  };
  let nextIndex = 0;

  async function round(target: typeof real, side: Side | undefined): Promise<void> {
    const end = nextIndex + requestsPerRound;
    const cpuBefore = await server.cpuUsage();
    const started = performance.now();
    await Promise.all(
      target.browsers.map(async (browser) => {
        while (nextIndex < end) {
          const index = nextIndex++;
          let answer: Answer | undefined;
          let problem: string | undefined;
          try {
            answer = await browser.send(await target.make(index, browser));
            problem = callProblem(answer);
          } catch (error) {
            problem = `request failed: ${(error as Error).message}`;
          }
          if (problem === undefined) side?.latencies.push(answer!.latency);
          else {
            if (side) side.failures++;
            if (firstFailures.length < 10) firstFailures.push(`${target === real ? 'server-function call' : 'floor request'}: ${problem}`);
          }
        }
      }),
    );
    const milliseconds = performance.now() - started;
    const cpuAfter = await server.cpuUsage();
    if (!side) return;
    side.milliseconds += milliseconds;
    side.cpuMicroseconds += cpuAfter.user - cpuBefore.user + (cpuAfter.system - cpuBefore.system);
  }

  const newSide = (): Side => ({ latencies: [], failures: 0, milliseconds: 0, cpuMicroseconds: 0 });
  const realSide = newSide();
  const floorSide = newSide();
  // A round of each, not counted, warms both paths up (V8 compiles what runs often).
  await round(real, undefined);
  await round(floor, undefined);
  for (let pair = 0; pair < pairs; pair++) {
    const [first, second] = pair % 2 === 0 ? [real, floor] : [floor, real];
    await round(first, first === real ? realSide : floorSide);
    await round(second, second === real ? realSide : floorSide);
  }
  // The profiler slows what it samples: its round is not counted.
  await server.startProfile();
  await round(real, undefined);
  const profile = await server.stopProfile();
  agent.destroy();

  const serverFunctions = figuresOfSide(realSide);
  const floorFigures = figuresOfSide(floorSide);
  return {
    rounds: pairs,
    requestsPerRound,
    serverFunctions,
    floor: floorFigures,
    ratio: {
      throughput: round2(floorFigures.requestsPerSecond / serverFunctions.requestsPerSecond),
      p50: round2(serverFunctions.latencyMs.p50 / floorFigures.latencyMs.p50),
      p99: round2(serverFunctions.latencyMs.p99 / floorFigures.latencyMs.p99),
      cpu: round2(serverFunctions.cpuMsPerRequest / floorFigures.cpuMsPerRequest),
    },
    cpuShare: cpuShare(profile),
    firstFailures,
  };
}

const percent = (share: number) => `${round1(share * 100)}%`;

export function floorLines(figures: FloorFigures): string[] {
  const side = ({ requestsPerSecond, latencyMs, cpuMsPerRequest, wallMsPerRequest }: SideFigures) =>
    `${requestsPerSecond} requests/s, p50 ${latencyMs.p50} ms, p95 ${latencyMs.p95} ms, p99 ${latencyMs.p99} ms; server CPU ${cpuMsPerRequest} ms/request (wall ${wallMsPerRequest} ms/request)`;
  const { cpuShare: share, ratio } = figures;
  const files = share.runtimeFiles.slice(0, 4).map(({ file, share }) => `${file} ${percent(share)}`).join(', ');
  const origins = Object.entries(share.byOrigin)
    .sort((a, b) => b[1] - a[1])
    .map(([origin, value]) => `${origin} ${percent(value)}`)
    .join(', ');
  return [
    `  floor comparison     ${figures.rounds} round${figures.rounds === 1 ? '' : 's'} each of ${figures.requestsPerRound} updateName calls and of ${figures.requestsPerRound} floor requests (same store write and page, no server functions), alternating`,
    `  server functions     ${side(figures.serverFunctions)}`,
    `  floor                ${side(figures.floor)}`,
    `  against the floor    ${ratio.throughput} × the time per request, p50 ${ratio.p50} ×, p99 ${ratio.p99} ×, server CPU per request ${ratio.cpu} ×`,
    `  helper's CPU share   ${percent(share.runtime)} of ${share.samples} CPU samples of a profiled round of calls are in the package's runtime files (${files || 'none'})`,
    `  CPU by origin        ${origins}`,
  ];
}
