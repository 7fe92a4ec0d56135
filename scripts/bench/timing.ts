/**
 * Timing for the micro-benchmarks: variants run side by side in alternating batches, so that what
 * drifts during a run (other processes on the machine, CPU clocks, the JIT, the heap) weighs on every
 * variant alike and cancels out of their ratios.
 *
 *   const timing = await compareAlternating({ parse: () => parse(text), scan: () => scan(text) }, { batches: 15, minBatchMs: 50 });
 *   timing.nsPerOp.scan;              // median nanoseconds per call over the batches
 *   timing.ratio('scan', 'parse');    // median over rounds of scan's time per call / parse's, same round
 *
 * A variant may return a promise: it is then awaited call by call (decided on its first call).
 */
import { median } from './section';

export interface AlternatingOptions {
  /** Rounds; each round runs one batch of every variant, starting with a different one each round. */
  batches: number;
  /** Each batch repeats its variant until at least this long (calibrated once, during the warm-up). */
  minBatchMs: number;
  /** Warm-up per variant before the calibration, so that the JIT has compiled the code. Default 20. */
  warmupMs?: number;
}

export interface AlternatingResult<Name extends string> {
  /** Median nanoseconds per call of each variant. */
  nsPerOp: Record<Name, number>;
  /**
   * Median CPU nanoseconds (process.cpuUsage: user and system, this process's threads) per call: what
   * the other processes of a busy machine take away from wall time does not count here.
   */
  cpuNsPerOp: Record<Name, number>;
  /** Median over the rounds of a's time per call divided by b's in the same round. */
  ratio(a: Name, b: Name): number;
  /** The same, of CPU time. */
  cpuRatio(a: Name, b: Name): number;
}

type Variant = () => unknown;

interface Runner {
  /** Runs the variant `calls` times; returns the nanoseconds it took. */
  run(calls: number): Promise<number>;
}

/** Runs a batch, timing wall clock and CPU. */
async function timed(runner: Runner, calls: number): Promise<{ wall: number; cpu: number }> {
  const cpuBefore = process.cpuUsage();
  const wall = await runner.run(calls);
  const cpu = process.cpuUsage(cpuBefore);
  return { wall, cpu: (cpu.user + cpu.system) * 1000 };
}

async function runnerOf(variant: Variant): Promise<Runner> {
  const first = variant();
  if (first instanceof Promise) {
    await first;
    return {
      async run(calls) {
        const start = process.hrtime.bigint();
        for (let i = 0; i < calls; i += 1) await variant();
        return Number(process.hrtime.bigint() - start);
      },
    };
  }
  return {
    async run(calls) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < calls; i += 1) variant();
      return Number(process.hrtime.bigint() - start);
    },
  };
}

/** Warms a variant up, then finds how many calls fill a batch. */
async function calibrate(runner: Runner, warmupMs: number, minBatchMs: number): Promise<number> {
  const warmupUntil = process.hrtime.bigint() + BigInt(Math.round(warmupMs * 1e6));
  while (process.hrtime.bigint() < warmupUntil) await runner.run(1);
  let calls = 1;
  for (;;) {
    const ns = await runner.run(calls);
    if (ns >= minBatchMs * 1e6) return calls;
    // Aim a little past the target from what was just measured, at most 100 times more calls per step.
    const perCall = Math.max(ns / calls, 1);
    calls = Math.max(calls + 1, Math.min(calls * 100, Math.ceil((minBatchMs * 1e6 * 1.2) / perCall)));
  }
}

/** Times the variants in alternating batches; see the top of this file. */
export async function compareAlternating<Name extends string>(
  variants: Record<Name, Variant>,
  options: AlternatingOptions,
): Promise<AlternatingResult<Name>> {
  const names = Object.keys(variants) as Name[];
  if (names.length === 0 || options.batches < 1) throw new Error('compareAlternating needs variants and at least one batch');
  const runners = new Map<Name, Runner>();
  const calls = new Map<Name, number>();
  for (const name of names) {
    const runner = await runnerOf(variants[name]);
    runners.set(name, runner);
    calls.set(name, await calibrate(runner, options.warmupMs ?? 20, options.minBatchMs));
  }
  const samples = new Map<Name, number[]>(names.map((name) => [name, []]));
  const cpuSamples = new Map<Name, number[]>(names.map((name) => [name, []]));
  for (let round = 0; round < options.batches; round += 1) {
    for (let step = 0; step < names.length; step += 1) {
      const name = names[(round + step) % names.length];
      const { wall, cpu } = await timed(runners.get(name)!, calls.get(name)!);
      samples.get(name)!.push(wall / calls.get(name)!);
      cpuSamples.get(name)!.push(cpu / calls.get(name)!);
    }
  }
  const medians = (of: Map<Name, number[]>) => Object.fromEntries(names.map((name) => [name, median(of.get(name)!)])) as Record<Name, number>;
  const ratioIn = (of: Map<Name, number[]>, a: Name, b: Name) => {
    const over = of.get(b)!;
    return median(of.get(a)!.map((ns, round) => ns / over[round]));
  };
  return {
    nsPerOp: medians(samples),
    cpuNsPerOp: medians(cpuSamples),
    ratio: (a, b) => ratioIn(samples, a, b),
    cpuRatio: (a, b) => ratioIn(cpuSamples, a, b),
  };
}
