// Offline change-point detection for dashboard series. Pure functions, bundled into the metric-change
// skill's sandbox script (scripts/metric-change.ts).
//
// Model: piecewise-linear segments with their own noise variance (normal likelihood), segmented
// optimally by PELT under a BIC-style penalty. Real metrics are autocorrelated, which inflates the
// likelihood gain of every extra cut, so the penalty is multiplied by the AR(1) long-run variance
// factor (1 + ρ) / (1 − ρ), with ρ estimated from the lag-1 autocorrelation of the differences
// (robust to level shifts and trends, which only touch a few differences). The scale comes from the
// MAD of the differences. Isolated spikes are replaced by their neighbourhood median before
// segmenting. None of these are tuned per series.

export interface ChangePointOptions {
  /** Penalty per change point, in units of log(n), before the autocorrelation factor. */
  penaltyFactor?: number;
  /** Shortest allowed segment, in points. */
  minSegment?: number;
  /** Largest noise autocorrelation the penalty accounts for (caps the inflation at (1+ρ)/(1−ρ)). */
  maxAutocorrelation?: number;
  /**
   * A point further than this many robust standard deviations from the median of its 7-point
   * neighbourhood is a spike and is replaced by that median before segmenting (Infinity keeps all).
   */
  spikeThreshold?: number;
}

/** Missing values (null, NaN, ±Infinity) take the previous valid value (or the first valid one). */
export function fillMissing(values: readonly (number | null | undefined)[]): number[] {
  const filled: number[] = [];
  let last = Number.NaN;
  for (const value of values) {
    if (typeof value === 'number' && Number.isFinite(value)) last = value;
    filled.push(last);
  }
  const firstValid = filled.find((value) => Number.isFinite(value));
  return filled.map((value) => (Number.isFinite(value) ? value : (firstValid ?? 0)));
}

/** Noise scale from the median absolute deviation of the differences, with fallbacks for flat data. */
export function differenceScale(values: readonly number[]): number {
  const differences: number[] = [];
  for (let index = 1; index < values.length; index++) differences.push(values[index]! - values[index - 1]!);
  if (differences.length === 0) return 1;
  const middle = (sorted: number[]) => {
    const half = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
  };
  const center = middle([...differences].sort((left, right) => left - right));
  const deviations = differences.map((value) => Math.abs(value - center)).sort((left, right) => left - right);
  const robust = (middle(deviations) * 1.4826) / Math.SQRT2;
  if (robust > 0) return robust;
  const rootMeanSquare = Math.sqrt(differences.reduce((total, value) => total + value * value, 0) / differences.length);
  return rootMeanSquare > 0 ? rootMeanSquare : 1;
}

/**
 * Lag-1 autocorrelation of the noise, estimated through the differences: for AR(1) noise with
 * parameter ρ the differences have lag-1 autocorrelation −(1 − ρ)/2, so ρ = 1 + 2·r(differences).
 */
export function noiseAutocorrelation(values: readonly number[]): number {
  const differences: number[] = [];
  for (let index = 1; index < values.length; index++) differences.push(values[index]! - values[index - 1]!);
  if (differences.length < 3) return 0;
  const average = differences.reduce((total, value) => total + value, 0) / differences.length;
  let lagged = 0;
  let squared = 0;
  for (let index = 0; index < differences.length; index++) {
    const centered = differences[index]! - average;
    squared += centered * centered;
    if (index > 0) lagged += centered * (differences[index - 1]! - average);
  }
  if (squared === 0) return 0;
  return Math.min(Math.max(1 + (2 * lagged) / squared, 0), 1);
}

/**
 * Optimal segmentation by PELT: `cost(start, end)` scores the half-open segment [start, end).
 * Returns the first index of every segment after the first.
 */
export function peltSegmentation(
  length: number,
  cost: (start: number, end: number) => number,
  penalty: number,
  minSegment: number,
): number[] {
  // Plain arrays and in-place compaction: this loop dominates the skill's time inside QuickJS.
  const best = new Array<number>(length + 1).fill(Number.POSITIVE_INFINITY);
  const previous = new Array<number>(length + 1).fill(0);
  best[0] = -penalty;
  const candidates: number[] = [0];
  const totals: number[] = [0];
  for (let end = minSegment; end <= length; end++) {
    let bestTotal = Number.POSITIVE_INFINITY;
    let bestStart = 0;
    const candidateCount = candidates.length;
    for (let position = 0; position < candidateCount; position++) {
      const start = candidates[position]!;
      const total = end - start >= minSegment ? best[start]! + cost(start, end) + penalty : Number.NaN;
      totals[position] = total;
      if (total < bestTotal) {
        bestTotal = total;
        bestStart = start;
      }
    }
    best[end] = bestTotal;
    previous[end] = bestStart;
    // PELT pruning: a start already worse than the optimum by more than the penalty never wins later.
    let kept = 0;
    for (let position = 0; position < candidateCount; position++) {
      if (!(totals[position]! - penalty > bestTotal)) candidates[kept++] = candidates[position]!;
    }
    candidates.length = kept;
    const nextStart = end - minSegment + 1;
    if (nextStart >= minSegment) candidates.push(nextStart);
  }
  const cuts: number[] = [];
  for (let end = length; end > 0; end = previous[end]!) {
    if (previous[end]! > 0) cuts.push(previous[end]!);
  }
  return cuts.reverse();
}

/**
 * Hampel filter: each point further than `threshold` robust standard deviations from the median of
 * the `halfWindow` points either side of it (and itself) becomes that median.
 *
 * Why: the segment model has a normal likelihood, so one wild value (a logging glitch, a one-day
 * surge) is cheapest to explain by fencing it into a short segment of its own, which reports two
 * change points for what a reader sees as no change at all. A running median ignores spikes up to
 * `halfWindow` points wide yet follows a level shift as soon as the new level fills half the window,
 * so real changes survive. The spread is the local MAD, so a noisier stretch is not clipped harder
 * than a quiet one, but never below `minimumScale`: in a constant stretch the local MAD is zero and
 * any ordinary wiggle would otherwise count as a spike.
 */
export function removeSpikes(values: readonly number[], halfWindow: number, threshold: number, minimumScale: number): number[] {
  const middle = (sorted: number[]) => {
    const half = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
  };
  const cleaned = [...values];
  if (!(threshold < Number.POSITIVE_INFINITY)) return cleaned;
  for (let index = 0; index < values.length; index++) {
    const window = values.slice(Math.max(0, index - halfWindow), index + halfWindow + 1);
    const center = middle([...window].sort((left, right) => left - right));
    const spread = 1.4826 * middle(window.map((value) => Math.abs(value - center)).sort((left, right) => left - right));
    if (Math.abs(values[index]! - center) > threshold * Math.max(spread, minimumScale)) cleaned[index] = center;
  }
  return cleaned;
}

/**
 * Cost of the half-open segment [start, end) of `values` under a linear fit with the segment's own
 * noise variance: size · log(residual variance), i.e. −2 · log-likelihood up to a constant. O(1) per
 * call from prefix sums. `values` should be in units of the noise scale: the variance floor (which
 * keeps a perfectly flat stretch from scoring −∞) is in those units.
 */
export function linearSegmentCost(values: readonly number[]): (start: number, end: number) => number {
  const length = values.length;
  const sumTime = [0];
  const sumTimeSquared = [0];
  const sumValue = [0];
  const sumValueSquared = [0];
  const sumCross = [0];
  for (let index = 0; index < length; index++) {
    const time = index / length;
    const value = values[index]!;
    sumTime.push(sumTime[index]! + time);
    sumTimeSquared.push(sumTimeSquared[index]! + time * time);
    sumValue.push(sumValue[index]! + value);
    sumValueSquared.push(sumValueSquared[index]! + value * value);
    sumCross.push(sumCross[index]! + time * value);
  }
  const varianceFloor = 0.1;
  return (start: number, end: number) => {
    const size = end - start;
    const time = sumTime[end]! - sumTime[start]!;
    const value = sumValue[end]! - sumValue[start]!;
    const timeSpread = sumTimeSquared[end]! - sumTimeSquared[start]! - (time * time) / size;
    const valueSpread = sumValueSquared[end]! - sumValueSquared[start]! - (value * value) / size;
    const covariance = sumCross[end]! - sumCross[start]! - (time * value) / size;
    const residual = timeSpread > 1e-15 ? valueSpread - (covariance * covariance) / timeSpread : valueSpread;
    return size * Math.log(Math.max(residual / size, varianceFloor));
  };
}

/** Change points of one series: indices where a new segment starts (never 0). */
export function detectChangePoints(
  rawValues: readonly (number | null | undefined)[],
  options: ChangePointOptions = {},
): number[] {
  const penaltyFactor = options.penaltyFactor ?? 3;
  const minSegment = Math.max(2, options.minSegment ?? 5);
  const maxAutocorrelation = options.maxAutocorrelation ?? 0.8;
  // 4 robust standard deviations: ordinary noise rarely gets there (a normal point would with
  // probability 6e-5 if the spread were known exactly), while a point that on its own would be worth
  // a segment is well past it. A normal point pulled in by mistake barely moves any segment's fit.
  const spikeThreshold = options.spikeThreshold ?? 4;
  const filled = fillMissing(rawValues);
  const length = filled.length;
  if (length < 2 * minSegment) return [];
  const scale = differenceScale(filled);
  // A 7-point window: for a spike up to 3 points wide, most of the window is still clean, so its
  // median and MAD describe the surroundings rather than the spike.
  const values = removeSpikes(
    filled.map((value) => (value - filled[0]!) / scale),
    3,
    spikeThreshold,
    1,
  );
  const rho = Math.min(noiseAutocorrelation(filled), maxAutocorrelation);
  const penalty = penaltyFactor * Math.log(length) * ((1 + rho) / (1 - rho));
  return peltSegmentation(length, linearSegmentCost(values), penalty, minSegment);
}

/** Merges change points of several dimensions: points closer than `window` collapse into the first. */
export function mergeChangePoints(sets: readonly (readonly number[])[], window: number): number[] {
  const merged: number[] = [];
  const all = [...new Set(sets.flat())].sort((left, right) => left - right);
  for (const point of all) {
    if (merged.length === 0 || point - merged[merged.length - 1]! > window) merged.push(point);
  }
  return merged;
}

/** Mean of the finite values in [start, end). */
export function rangeMean(values: readonly (number | null | undefined)[], start: number, end: number): number {
  let total = 0;
  let count = 0;
  for (let index = Math.max(0, start); index < Math.min(values.length, end); index++) {
    const value = values[index];
    if (typeof value === 'number' && Number.isFinite(value)) {
      total += value;
      count++;
    }
  }
  return count === 0 ? Number.NaN : total / count;
}
