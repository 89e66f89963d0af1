/**
 * Benchmark helpers. Every figure is a ratio against a baseline measured in the
 * same run on the same machine, so a noisy shared machine moves both alike.
 */
export interface BenchResult {
  /** What was measured, e.g. "LEVELGAP calls/s on raw level strings". */
  name: string;
  value: number;
  unit: string;
  /** The baseline measured in the same run, in the same unit. */
  baseline?: number;
  /** value / baseline, or baseline / value for times: always "how many times the baseline". */
  ratio?: number;
  /** The goal, in words, e.g. "ratio <= 3". */
  goal?: string;
  pass?: boolean;
}

/** Median wall time in ms of `fn` over `runs` runs after `warmup` runs. */
export async function timeMedian(fn: () => unknown | Promise<unknown>, runs = 5, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

/** The middle value of a list (the upper middle for an even count). */
export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Peak resident memory so far, in MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** A value kept alive so the optimiser cannot drop the work being measured. */
export let sink: unknown;
export function consume(v: unknown): void {
  sink = v;
}
