// Timing helpers for the bench: medians of repeated runs after a warm-up, in milliseconds.

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Wall time of one call, in milliseconds. */
export async function timeOnce(run: () => unknown): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

export interface RepeatOptions {
  runs: number;
  warmups?: number;
}

/** Median wall time of `runs` calls after `warmups` untimed ones. */
export async function medianTime(run: () => unknown, { runs, warmups = 1 }: RepeatOptions): Promise<number> {
  for (let warmup = 0; warmup < warmups; warmup++) await run();
  const times: number[] = [];
  for (let index = 0; index < runs; index++) times.push(await timeOnce(run));
  return median(times);
}

/**
 * Median time of calls that are too quick to time one by one: each sample is a batch sized to take
 * about `sampleMs`, divided by its size.
 */
export async function medianTimeOfQuick(run: () => unknown, { runs, sampleMs = 20 }: { runs: number; sampleMs?: number }): Promise<number> {
  let batch = 1;
  while ((await timeOnce(() => repeat(run, batch))) < sampleMs && batch < 1_000_000) batch *= 2;
  const times: number[] = [];
  for (let index = 0; index < runs; index++) times.push((await timeOnce(() => repeat(run, batch))) / batch);
  return median(times);
}

async function repeat(run: () => unknown, times: number): Promise<void> {
  for (let index = 0; index < times; index++) await run();
}
