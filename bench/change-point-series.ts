// A seeded generator of TCPD-like series for choosing the change-point detector's method and
// defaults without the real annotated series that validate it (bench/change-point-tuning.ts).
//
// The Turing Change Point Dataset holds real-world series (economic, climate, traffic, finance,
// well logs, quality control), mostly tens to a few hundred points, annotated by five people each
// who were shown the whole plot and marked the few changes they found obvious. So the generator:
// - draws the background a real series has: independent noise around a level, strongly
//   autocorrelated noise, random walks with drift, smooth curved growth (exponential, logistic,
//   quadratic) with small noise, seasonal cycles on a trend, heavy-tailed noise; a quarter of the
//   series are multiplicative (built on a log scale, so changes are percentages), some are counts
//   (rounded), some carry outliers and missing values;
// - adds zero to four changes: level shifts (some gradual over a few points), trend breaks,
//   variance changes, from invisible to glaring;
// - annotates them the way a person looking at the plot would: a change is seen when it is large
//   against both the wiggle around it and the height of the whole plot (a shift of three noise
//   units is invisible under a trend that spans a hundred). Five annotators, each with their own
//   threshold; some mark nothing at all; their marks are jittered by a point or two.
// The curvature, walks and seasons carry no change: a detector that cuts them up is wrong here, as
// it would be against TCPD's annotators.
import type { AnnotationSets } from '../lib/skills/changepoint-metrics';
import { seededUniform, type GeneratedSeries } from '../test/fixtures/changepoints-synthetic/generate';

interface Draw {
  uniform: () => number;
  normal: () => number;
  between: (low: number, high: number) => number;
  logBetween: (low: number, high: number) => number;
  integer: (low: number, high: number) => number;
  chance: (probability: number) => boolean;
  weighted: <T>(choices: readonly (readonly [T, number])[]) => T;
}

function draws(seed: number): Draw {
  const uniform = seededUniform(seed);
  const normal = () => Math.sqrt(-2 * Math.log(uniform() + 1e-12)) * Math.cos(2 * Math.PI * uniform());
  const between = (low: number, high: number) => low + (high - low) * uniform();
  return {
    uniform,
    normal,
    between,
    logBetween: (low, high) => Math.exp(between(Math.log(low), Math.log(high))),
    integer: (low, high) => Math.floor(between(low, high + 1)),
    chance: (probability) => uniform() < probability,
    weighted: (choices) => {
      const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
      let mark = uniform() * total;
      for (const [choice, weight] of choices) {
        mark -= weight;
        if (mark <= 0) return choice;
      }
      return choices[choices.length - 1]![0];
    },
  };
}

type Background = 'independent' | 'autocorrelated' | 'walk' | 'smooth' | 'seasonal' | 'heavy-tailed';
type ChangeKind = 'level' | 'gradual' | 'trend' | 'variance';

function drawLength(draw: Draw): number {
  return draw.weighted<() => number>([
    [() => draw.integer(25, 80), 0.3],
    [() => Math.round(draw.logBetween(80, 500)), 0.45],
    [() => Math.round(draw.logBetween(500, 1500)), 0.2],
    [() => Math.round(draw.logBetween(1500, 5000)), 0.05],
  ])();
}

/** Change positions at least `spacing` apart and from either end. */
function drawPositions(draw: Draw, count: number, length: number, spacing: number): number[] {
  const points: number[] = [];
  for (let attempt = 0; attempt < 300 && points.length < count; attempt++) {
    const point = draw.integer(spacing, length - spacing);
    if (points.every((other) => Math.abs(other - point) >= spacing)) points.push(point);
  }
  return points.sort((left, right) => left - right);
}

/** Standard deviation of values[start, end) around their own least-squares line. */
function wiggle(values: readonly number[], start: number, end: number): number {
  const size = end - start;
  if (size < 4) return Number.NaN;
  let sumTime = 0;
  let sumValue = 0;
  for (let index = start; index < end; index++) {
    sumTime += index;
    sumValue += values[index]!;
  }
  const meanTime = sumTime / size;
  const meanValue = sumValue / size;
  let covariance = 0;
  let timeSpread = 0;
  for (let index = start; index < end; index++) {
    covariance += (index - meanTime) * (values[index]! - meanValue);
    timeSpread += (index - meanTime) ** 2;
  }
  const slope = covariance / timeSpread;
  let squared = 0;
  for (let index = start; index < end; index++) squared += (values[index]! - meanValue - slope * (index - meanTime)) ** 2;
  return Math.sqrt(squared / (size - 2));
}

function quantile(values: readonly number[], share: number): number {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(share * (sorted.length - 1))))]!;
}

export function generateTcpdLike(seed: number): GeneratedSeries {
  const draw = draws(seed);
  const length = drawLength(draw);
  const background = draw.weighted<Background>([
    ['independent', 0.15],
    ['autocorrelated', 0.2],
    ['walk', 0.2],
    ['smooth', 0.2],
    ['seasonal', 0.15],
    ['heavy-tailed', 0.1],
  ]);
  const multiplicative = draw.chance(0.25);
  // Changes are a tenth to a thirtieth of the series apart, or closer: an excursion (a strike, a
  // crisis year, an outage) shifts the level and brings it back a few points later.
  const spacing = Math.max(5, Math.floor(length / draw.between(10, 30)));
  const changeCount = Math.min(draw.weighted([[0, 0.08], [1, 0.3], [2, 0.27], [3, 0.18], [4, 0.1], [5, 0.07]]), Math.floor(length / Math.max(spacing, 8)));
  const truth = drawPositions(draw, changeCount, length, spacing);
  const kinds = truth.map(() => draw.weighted<ChangeKind>([['level', 0.45], ['gradual', 0.1], ['trend', 0.3], ['variance', 0.15]]));
  const sizes = truth.map(() => (draw.chance(0.5) ? 1 : -1) * draw.logBetween(1, 20));
  if (length >= 40 && draw.chance(0.15)) {
    const width = draw.integer(3, Math.max(4, Math.floor(length / 8)));
    const start = draw.integer(5, Math.max(5, length - width - 5));
    if (start + width < length - 3 && truth.every((point) => point < start - 5 || point > start + width + 5)) {
      const size = (draw.chance(0.5) ? 1 : -1) * draw.logBetween(2, 20);
      truth.push(start, start + width);
      kinds.push('level', 'level');
      sizes.push(size, -size);
      const order = truth.map((_point, position) => position).sort((left, right) => truth[left]! - truth[right]!);
      const sorted = order.map((position) => [truth[position]!, kinds[position]!, sizes[position]!] as const);
      sorted.forEach(([point, kind, size], position) => {
        truth[position] = point;
        kinds[position] = kind;
        sizes[position] = size;
      });
    }
  }

  // Noise: unit innovations scaled by the variance regime, shaped by the background.
  const rho = background === 'autocorrelated' ? draw.between(0.4, 0.95) : background === 'smooth' ? draw.between(0, 0.8) : 0;
  const varianceSteps = truth.map((_point, position) => (kinds[position] === 'variance' ? (draw.chance(0.5) ? 1 : -1) * Math.log(draw.logBetween(1.5, 6)) : 0));
  const noise: number[] = [];
  let state = 0;
  for (let index = 0, next = 0, logScale = 0; index < length; index++) {
    while (next < truth.length && truth[next]! <= index) logScale += varianceSteps[next++]!;
    const scale = Math.exp(logScale);
    let innovation = draw.normal();
    if (background === 'heavy-tailed') innovation /= Math.sqrt((draw.normal() ** 2 + draw.normal() ** 2 + draw.normal() ** 2) / 3) * Math.sqrt(3);
    innovation *= scale;
    if (background === 'walk') state += innovation;
    else state = rho * state + Math.sqrt(1 - rho * rho) * innovation;
    noise.push(state);
  }
  const smoothNoise = background === 'smooth' ? draw.logBetween(0.05, 0.5) : 1;

  // The background's own shape, in noise units: flat, a drift, a curve, a season.
  const shape: number[] = new Array<number>(length).fill(0);
  const curveSize = draw.logBetween(5, 60);
  const drift = draw.chance(0.4) ? draw.normal() * draw.logBetween(1, 20) : 0;
  const curve = draw.weighted<'exponential' | 'logistic' | 'quadratic' | 'none'>([['exponential', 0.35], ['logistic', 0.25], ['quadratic', 0.25], ['none', 0.15]]);
  const period = background === 'seasonal' ? draw.weighted([[12, 0.5], [4, 0.15], [7, 0.2], [24, 0.1], [52, 0.05]]) : 0;
  const seasonShape = Array.from({ length: Math.max(1, period) }, (_value, phase) => Math.sin((2 * Math.PI * phase) / Math.max(1, period)) + 0.4 * draw.normal());
  const seasonSize = draw.logBetween(1, 8);
  const seasonalTrend = draw.chance(0.6);
  const sign = draw.chance(0.7) ? 1 : -1;
  for (let index = 0; index < length; index++) {
    const time = index / Math.max(1, length - 1);
    let value = drift * time;
    if (background === 'smooth' || (background === 'seasonal' && seasonalTrend)) {
      if (curve === 'exponential') value += (sign * curveSize * (Math.exp(2.5 * time) - 1)) / (Math.exp(2.5) - 1);
      else if (curve === 'logistic') value += (sign * curveSize) / (1 + Math.exp(-10 * (time - 0.5)));
      else if (curve === 'quadratic') value += sign * curveSize * (time - 0.5) ** 2 * 4;
    }
    if (period > 0) value += seasonSize * seasonShape[index % period]!;
    shape[index] = value;
  }

  // The changes, in noise units of the series around them.
  const signal = [...shape];
  const gradualWidths: number[] = [];
  truth.forEach((point, position) => {
    const kind = kinds[position]!;
    const size = sizes[position]!;
    const width = kind === 'gradual' ? draw.integer(2, Math.max(2, Math.min(8, Math.floor(spacing / 2)))) : 0;
    gradualWidths.push(width);
    for (let index = point; index < length; index++) {
      if (kind === 'level') signal[index]! += size;
      else if (kind === 'gradual') signal[index]! += size * Math.min(1, (index - point + 1) / width);
      // A trend break: the slope changes so that the line departs `size` over a tenth of the series.
      else if (kind === 'trend') signal[index]! += (size * (index - point)) / Math.max(5, length / 10);
    }
  });

  const noiseShare = background === 'smooth' ? smoothNoise : 1;
  let clean = signal.map((value, index) => value + noiseShare * noise[index]!);
  // Multiplicative series: the same shape on a log scale, so a change is a percentage of the level.
  const base = draw.logBetween(5, 5000);
  if (multiplicative) {
    const spread = Math.max(...clean) - Math.min(...clean);
    const logRange = draw.between(0.3, 3);
    clean = clean.map((value) => base * Math.exp((value / Math.max(spread, 1e-9)) * logRange));
  } else {
    const unit = draw.logBetween(0.01, 100);
    clean = clean.map((value) => base + unit * value);
  }
  if (draw.chance(0.12)) {
    // Counts or coarse readings: rounded to about a noise unit.
    const step = Math.max(1e-9, draw.between(0.3, 1.5) * wiggle(clean, 0, Math.min(length, 40)));
    clean = clean.map((value) => Math.round(value / step) * step);
  }

  // What a person sees: each change against the wiggle around it and the height of the whole plot.
  // A sustained shift stands out of the wiggle more the longer it lasts (the eye averages), up to
  // about thirty points.
  const window = Math.max(8, Math.floor(length / 15));
  const height = Math.max(quantile(clean, 0.98) - quantile(clean, 0.02), 1e-9);
  const series = { localThreshold: draw.logBetween(1.5, 4), heightThreshold: draw.logBetween(0.02, 0.08) };
  const visibility = truth.map((point, position) => {
    const before = Math.max(0, point - window);
    const after = Math.min(length, point + window);
    const wiggleBefore = wiggle(clean, before, point);
    const wiggleAfter = wiggle(clean, point, after);
    const localWiggle = Math.max(Math.min(wiggleBefore || Infinity, wiggleAfter || Infinity), 1e-9 * height);
    if (kinds[position] === 'variance') {
      const ratio = Math.abs(Math.log((wiggleAfter || 1) / (wiggleBefore || 1)));
      return Math.min((ratio * 3) / series.localThreshold, (ratio * 0.3) / series.heightThreshold);
    }
    const reach = Math.min(window, length - point);
    const departure = Math.abs(departureAfter(clean, point, reach));
    const local = (departure / localWiggle) * Math.sqrt(Math.min(reach, 30) / 2);
    return Math.min(local / series.localThreshold, departure / height / series.heightThreshold);
  });

  // Outliers and gaps, after annotation: a glitch is not a change to an annotator.
  const values: (number | null)[] = [...clean];
  if (draw.chance(0.15)) {
    for (let count = draw.integer(1, 4); count > 0; count--) {
      const index = draw.integer(0, length - 1);
      values[index] = clean[index]! + (draw.chance(0.5) ? 1 : -1) * draw.between(0.15, 0.5) * height;
    }
  }
  if (draw.chance(0.08)) {
    for (let count = draw.integer(1, 3); count > 0; count--) {
      const start = draw.integer(0, length - 1);
      for (let index = start; index < Math.min(length, start + draw.integer(1, 5)); index++) values[index] = null;
    }
  }

  const annotations: AnnotationSets = {};
  for (let annotator = 0; annotator < 5; annotator++) {
    const marked: number[] = [];
    // One in ten annotators marks nothing on this series; the rest differ in what they call obvious.
    if (!draw.chance(0.1)) {
      const strictness = draw.logBetween(0.6, 1.8);
      truth.forEach((point, position) => {
        const seen = visibility[position]! / strictness;
        if (!draw.chance(1 / (1 + Math.exp(-6 * (seen - 1))))) return;
        const width = gradualWidths[position]!;
        const offset = width > 0 ? draw.integer(0, width) : 0;
        const jitter = Math.max(-3, Math.min(3, Math.round(draw.normal() * 1.2)));
        marked.push(Math.max(1, Math.min(length - 1, point + offset + jitter)));
      });
    }
    annotations[String(annotator)] = [...new Set(marked)].sort((left, right) => left - right);
  }
  return { name: `tcpd-like-${seed}`, values, truth, annotations, background };
}

/**
 * How far the clean series stands from where its left side was heading, just after `point`: the
 * mean of the `reach` points after it minus the left side's least-squares line carried over them.
 */
function departureAfter(clean: readonly number[], point: number, reach: number): number {
  const start = Math.max(0, point - Math.max(reach, 4));
  const size = point - start;
  if (size < 3 || reach < 1) return 0;
  let sumTime = 0;
  let sumValue = 0;
  for (let index = start; index < point; index++) {
    sumTime += index;
    sumValue += clean[index]!;
  }
  const meanTime = sumTime / size;
  const meanValue = sumValue / size;
  let covariance = 0;
  let timeSpread = 0;
  for (let index = start; index < point; index++) {
    covariance += (index - meanTime) * (clean[index]! - meanValue);
    timeSpread += (index - meanTime) ** 2;
  }
  // A short left side's slope is mostly noise: it is shrunk towards flat.
  const slope = (covariance / timeSpread) * (size / (size + 10));
  let departure = 0;
  for (let index = point; index < point + reach; index++) departure += clean[index]! - (meanValue + slope * (index - meanTime));
  return departure / reach;
}

/** The sets: training (the only one any choice is made on) and hold-out, each from consecutive seeds. */
export const TRAINING_SEEDS = { count: 300, first: 1 };
export const HOLD_OUT_SEEDS = { count: 300, first: 100_001 };

/** `count` series from consecutive seeds. */
export function generateTcpdLikeSet(count: number, firstSeed = 1): GeneratedSeries[] {
  return Array.from({ length: count }, (_value, index) => generateTcpdLike(firstSeed + index));
}
