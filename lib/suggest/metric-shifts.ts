// The biggest level shift of each dashboard series, found with the same change-point detector the
// metric-change skill runs in the sandbox, so the card and the skill's answer agree on what moved.
//
// suggest() runs on every capture and must stay far below 50 ms, while PELT costs up to O(n²) per
// series on noisy data. Long series are therefore averaged into at most MAX_POINTS_EXAMINED buckets
// (a level shift survives averaging; point noise shrinks), and only the first MAX_SERIES_EXAMINED
// series are examined. Series at or under the bucket limit are examined point by point, like the skill.
import type { Series } from '../context/types';
import { blockMeans, detectChangePoints, differenceScale, fillMissing, rangeMean } from '../skills/change-points';

export const MAX_POINTS_EXAMINED = 200;
export const MAX_SERIES_EXAMINED = 12;

export interface MetricShift {
  series: string;
  unit?: string;
  /** Index in the full series where the new level starts. */
  index: number;
  at: string;
  before: number;
  after: number;
  /** |after − before| in units of the series' point-to-point noise (measured on what was examined). */
  strength: number;
}

export function largestShift(series: Series): MetricShift | undefined {
  const values = series.values;
  if (values.filter((value) => Number.isFinite(value)).length < 2) return undefined;
  const bucketSize = Math.max(1, Math.ceil(values.length / MAX_POINTS_EXAMINED));
  const examined = bucketSize === 1 ? values : blockMeans(fillMissing(values), bucketSize);
  const cuts = detectChangePoints(examined);
  if (cuts.length === 0) return undefined;
  const noise = differenceScale(fillMissing(examined));
  let best: MetricShift | undefined;
  cuts.forEach((cut, position) => {
    const before = rangeMean(examined, position === 0 ? 0 : cuts[position - 1]!, cut);
    const after = rangeMean(examined, cut, cuts[position + 1] ?? examined.length);
    const strength = Math.abs(after - before) / noise;
    if (!Number.isFinite(strength) || (best && strength <= best.strength)) return;
    const index = cut * bucketSize;
    best = { series: series.name, index, at: series.labels[index] ?? `point ${index + 1}`, before, after, strength };
    if (series.unit) best.unit = series.unit;
  });
  return best;
}

/** The biggest shift of each examined series, strongest first. */
export function metricShifts(series: readonly Series[]): MetricShift[] {
  return series
    .slice(0, MAX_SERIES_EXAMINED)
    .map(largestShift)
    .filter((shift): shift is MetricShift => shift !== undefined)
    .sort((left, right) => right.strength - left.strength);
}
