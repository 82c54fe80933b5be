// Chooses the change-point detector's method and defaults on the generated training set alone
// (test/fixtures/changepoints-synthetic): every candidate is scored with TCPDBench's F1 and covering,
// and the best mean of the two wins. The real TCPD series take no part; they validate the choice
// once, in change-points.test.ts. Run: nice npx tsx bench/change-point-tuning.ts [series count]
import { detectChangePoints, type ChangePointOptions } from '../lib/skills/change-points';
import { f1Measure, segmentationCovering } from '../lib/skills/changepoint-metrics';
import { generateTrainingSet, type GeneratedSeries } from '../test/fixtures/changepoints-synthetic/generate';
import { bestSingleSplit, binarySegmentation, noChange } from '../test/fixtures/changepoints-synthetic/baselines';

export interface SetScore {
  f1: number;
  cover: number;
}

export function scoreOnSet(set: readonly GeneratedSeries[], detect: (values: readonly (number | null)[]) => number[]): SetScore {
  let f1 = 0;
  let cover = 0;
  for (const series of set) {
    const predicted = detect(series.values);
    f1 += f1Measure(series.annotations, predicted).f1;
    cover += segmentationCovering(series.annotations, predicted, series.values.length);
  }
  return { f1: f1 / set.length, cover: cover / set.length };
}

/** Stage 1: the method (segment model, variance) and the penalty's shape over a broad grid. */
function broadGrid(): ChangePointOptions[] {
  const candidates: ChangePointOptions[] = [];
  for (const model of ['mean', 'linear'] as const)
    for (const ownVariance of [true, false])
      for (const penaltyFactor of [1, 2, 3, 4, 6, 8])
        for (const maxAutocorrelation of [0, 0.5, 0.8, 0.95])
          for (const seasonalThreshold of [Number.POSITIVE_INFINITY, 0.3])
            candidates.push({ model, ownVariance, penaltyFactor, maxAutocorrelation, seasonalThreshold });
  return candidates;
}

/** Stage 2: the remaining defaults around stage 1's winner. */
function localGrid(best: ChangePointOptions): ChangePointOptions[] {
  const candidates: ChangePointOptions[] = [];
  const penalty = best.penaltyFactor ?? 3;
  for (const penaltyFactor of [0.75 * penalty, penalty, 1.25 * penalty])
    for (const minSegment of [3, 5, 8])
      for (const spikeThreshold of [3, 4, 6])
        for (const seasonalThreshold of [0.2, 0.3, 0.4])
          candidates.push({ ...best, penaltyFactor, minSegment, spikeThreshold, seasonalThreshold });
  return candidates;
}

const sumOf = (score: SetScore) => score.f1 + score.cover;

function ranked(set: readonly GeneratedSeries[], candidates: readonly ChangePointOptions[]) {
  return candidates
    .map((options) => ({ options, score: scoreOnSet(set, (values) => detectChangePoints(values, options)) }))
    .sort((left, right) => sumOf(right.score) - sumOf(left.score));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 240);
  const set = generateTrainingSet(count);
  const line = (name: string, score: SetScore) => console.log(`${name.padEnd(100)} F1 ${score.f1.toFixed(3)} cover ${score.cover.toFixed(3)}`);
  line('no change', scoreOnSet(set, noChange));
  line('best single split', scoreOnSet(set, bestSingleSplit));
  line('binary segmentation (MBIC, ≤5)', scoreOnSet(set, (values) => binarySegmentation(values)));
  line('current defaults', scoreOnSet(set, (values) => detectChangePoints(values)));
  console.log('stage 1');
  const broad = ranked(set, broadGrid());
  for (const { options, score } of broad.slice(0, 10)) line(JSON.stringify(options), score);
  console.log('stage 2');
  const local = ranked(set, localGrid(broad[0]!.options));
  for (const { options, score } of local.slice(0, 10)) line(JSON.stringify(options), score);
}
