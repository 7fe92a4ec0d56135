/** What the load test counts while it runs: requests by kind, failures with their first reasons, latencies. */
export class Tally {
  /** HTTP requests sent, by what they were (a kind of server-function request, or a page load). */
  readonly requests = new Map<string, number>();
  readonly failures = new Map<string, number>();
  /** The first failures, described, to print. */
  readonly firstFailures: string[] = [];
  private readonly latencies: number[] = [];

  request(label: string, latency: number | undefined): void {
    this.requests.set(label, (this.requests.get(label) ?? 0) + 1);
    if (latency !== undefined) this.latencies.push(latency);
  }

  fail(label: string, reason: string): void {
    this.failures.set(label, (this.failures.get(label) ?? 0) + 1);
    if (this.firstFailures.length < 10) this.firstFailures.push(`${label}: ${reason}`);
  }

  total(counts: Map<string, number>): number {
    return [...counts.values()].reduce((sum, count) => sum + count, 0);
  }

  /** Latency percentiles in milliseconds (nearest rank) of every answered request. */
  percentiles(...ranks: number[]): number[] {
    const sorted = Float64Array.from(this.latencies).sort();
    return ranks.map((rank) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((rank / 100) * sorted.length) - 1)]));
  }
}
