/**
 * The server's memory over the run. Samples are taken with no request in flight and no connection
 * open, after full garbage collections (scripts/load-server.cjs), so they show what the server
 * retains. What it retains is the V8 heap in use plus `external` (Buffers and other memory outside the
 * heap that JS objects hold): a leak of request bodies or answers shows in the second, not the first.
 * RSS is printed, not judged: V8 and the allocator keep pages they freed, so RSS follows the peak of
 * the load, not what is retained.
 *
 * The run's first tenth is warm-up (code compiled and optimised, caches filled). After it, the samples of
 * the first half of the run are compared with those of the second, by their lower quartiles. Samples
 * are only ever high, never low: now and then one is 1 to 3 MB above its neighbours, completed renders
 * that React 19.3 keeps for a while (the abort reason of a render's cacheSignal is an Error whose stack
 * holds the Immediate it ran in, which holds the AsyncLocalStorage context of another render:
 * react/react#37288), gone by the next sample. The lower quartile follows what stays, which a leak
 * raises: a server that keeps L bytes per request grows between the halves by about 0.45 × requests × L.
 *
 * The default tolerance, 2 MB, is four times the largest growth measured between the halves of runs
 * that keep nothing (-0.4 to +0.5 MB, runs of 2 000 to 30 000 requests). It catches a leak of about
 * 150 bytes per request in a run of 30 000, and of about 2.3 KB per request (an IncomingMessage, a
 * rendered answer) in CI's run of 2 000.
 */
export interface MemorySample {
  /** Requests completed when the sample was taken. */
  requests: number;
  heapUsed: number;
  external: number;
  rss: number;
  /** Connections the server still had open (the load closes its own before each sample). */
  connections: number;
}

export interface MemoryFigures {
  /** Lower quartile of retained (heapUsed + external) and of RSS, samples after warm-up in each half, bytes. */
  first: { retained: number; rss: number; samples: number };
  second: { retained: number; rss: number; samples: number };
  growth: number;
  rssGrowth: number;
  /** Least-squares slope of retained memory over the samples after warm-up, bytes per request. */
  bytesPerRequest: number;
  samples: MemorySample[];
}

export const retained = (sample: MemorySample) => sample.heapUsed + sample.external;

/** The lower quartile, interpolated between the nearest ranks. */
function lowerQuartile(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) / 4;
  const below = Math.floor(position);
  return sorted[below] + (sorted[Math.min(below + 1, sorted.length - 1)] - sorted[below]) * (position - below);
}

function slope(points: Array<[number, number]>): number {
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / points.length;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
  const covariance = points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const variance = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  return variance === 0 ? 0 : covariance / variance;
}

export function compareHalves(samples: MemorySample[], totalRequests: number): MemoryFigures {
  const warmedUp = samples.filter((sample) => sample.requests > totalRequests / 10);
  const firstHalf = warmedUp.filter((sample) => sample.requests <= totalRequests / 2);
  const secondHalf = warmedUp.filter((sample) => sample.requests > totalRequests / 2);
  if (firstHalf.length === 0 || secondHalf.length === 0) throw new Error('Too few memory samples: each half of the run needs one after warm-up.');
  const figures = (half: MemorySample[]) => ({
    retained: lowerQuartile(half.map(retained)),
    rss: lowerQuartile(half.map((sample) => sample.rss)),
    samples: half.length,
  });
  const first = figures(firstHalf);
  const second = figures(secondHalf);
  return {
    first,
    second,
    growth: second.retained - first.retained,
    rssGrowth: second.rss - first.rss,
    bytesPerRequest: slope(warmedUp.map((sample) => [sample.requests, retained(sample)])),
    samples,
  };
}

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
