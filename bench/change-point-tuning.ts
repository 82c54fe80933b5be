// Chooses the change-point detector's method and defaults on generated series alone: the TCPD-like
// training set (bench/change-point-series.ts, seeds 1–300) and the earlier generator's training set
// (test/fixtures/changepoints-synthetic/generate.ts, seeds 1–240), weighed equally. Every candidate is scored with
// TCPDBench's F1 and covering (margin 5, the start counted as a change) and the best sum of the two
// wins: first a seeded random search over the whole option space, then coordinate passes from the
// winner, one option at a time over all its values, until no change helps. The winner is then read
// once on both generators' hold-out sets (seeds from 100,001), which took no part. The real TCPD series take no part at
// all; they validate the choice in change-points.test.ts.
// Run: nice npx tsx bench/change-point-tuning.ts [random candidates] [training series]
import { DEFAULT_CHANGE_POINT_OPTIONS, detectChangePoints, type ChangePointOptions } from '../lib/skills/change-points';
import { f1Measure, segmentationCovering } from '../lib/skills/changepoint-metrics';
import { generateTrainingSet, seededUniform, type GeneratedSeries } from '../test/fixtures/changepoints-synthetic/generate';
import { bestSingleSplit, binarySegmentation, noChange } from '../test/fixtures/changepoints-synthetic/baselines';
import { generateTcpdLikeSet, HOLD_OUT_SEEDS, TRAINING_SEEDS } from './change-point-series';

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

type OptionSpace = { [Key in keyof ChangePointOptions]-?: readonly NonNullable<ChangePointOptions[Key]>[] };

/** The earlier generator's sets (test/fixtures/changepoints-synthetic/generate.ts). */
export const EARLIER_SEEDS = { training: { count: 240, first: 1 }, holdOut: { count: 240, first: 100_001 } };

const never = Number.POSITIVE_INFINITY;
export const OPTION_SPACE: OptionSpace = {
  model: ['linear', 'mean'],
  ownVariance: [true, false],
  penaltyFactor: [1, 1.5, 2, 3, 4, 6, 8],
  maxAutocorrelation: [0, 0.3, 0.5, 0.7, 0.8, 0.9],
  minSegment: [3, 5, 8, 12],
  minSegmentShare: [0, 0.02, 0.03, 0.05, 0.08],
  spikeThreshold: [3, 4, 6],
  seasonalThreshold: [0.2, 0.3, 0.4, never],
  maxBlocks: [400],
  logScaleRatio: [never, 2, 3, 5],
  minProminence: [0, 0.05, 0.08, 0.1, 0.12, 0.15, 0.2, 0.3],
  keepVarianceRatio: [never, 2.5, 4],
  minContrast: [0, 1, 2, 3, 4, 5],
  walkAutocorrelation: [2, 0.8, 0.85, 0.9, 0.95],
  jumpThreshold: [3, 4, 5, 6, 8],
  walkDrift: [true, false],
  walkDriftModel: ['mean', 'linear'],
  walkStepAutocorrelation: [false, true],
  maxResidualAutocorrelation: [0, 0.5, 0.7, 0.9],
};

/**
 * What this harness chose on the generated training sets (tuning log: bench/change-point-tuning-log.txt):
 * the detector's defaults plus a random-walk route, a log scale for wide positive series and a
 * second pass under the residuals' autocorrelation. It scores higher on both generated hold-out sets
 * but lower on the 16 TCPD validation series (0.744 / 0.682 against 0.780 / 0.744), so it is not the
 * default; change-points.test.ts keeps its hold-out figures.
 */
export const GENERATED_WINNER: ChangePointOptions = {
  minSegment: 5,
  minSegmentShare: 0.05,
  maxAutocorrelation: 0.3,
  maxResidualAutocorrelation: 0.5,
  seasonalThreshold: 0.4,
  logScaleRatio: 5,
  walkAutocorrelation: 0.8,
  jumpThreshold: 4,
  walkDrift: true,
  walkDriftModel: 'linear',
};

const objective = (score: SetScore) => score.f1 + score.cover;

function describe(options: ChangePointOptions): string {
  return Object.entries(options)
    .filter(([key, value]) => value !== (DEFAULT_CHANGE_POINT_OPTIONS as Record<string, unknown>)[key])
    .map(([key, value]) => `${key}=${value === never ? '∞' : String(value)}`)
    .join(' ');
}

function main() {
  const randomCount = Number(process.argv[2] ?? 40);
  // Two families of generated series, weighed equally: their annotators differ (the earlier ones mark
  // changes of one or two noise units, the TCPD-like ones only what stands out of the plot), and
  // defaults that hold under both assumptions are more likely to hold under TCPD's real annotators.
  const trainingSets = [
    generateTcpdLikeSet(Number(process.argv[3] ?? TRAINING_SEEDS.count), TRAINING_SEEDS.first),
    generateTrainingSet(EARLIER_SEEDS.training.count, EARLIER_SEEDS.training.first),
  ];
  const cache = new Map<string, SetScore>();
  const evaluate = (options: Required<ChangePointOptions>) => {
    const key = JSON.stringify(options, (_key, value: unknown) => (value === never ? 'never' : value));
    let score = cache.get(key);
    if (!score) {
      const scores = trainingSets.map((set) => scoreOnSet(set, (values) => detectChangePoints(values, options)));
      score = { f1: (scores[0]!.f1 + scores[1]!.f1) / 2, cover: (scores[0]!.cover + scores[1]!.cover) / 2 };
      cache.set(key, score);
    }
    return score;
  };
  const line = (name: string, score: SetScore) => console.log(`F1 ${score.f1.toFixed(3)} cover ${score.cover.toFixed(3)}  ${name}`);

  // Stage 1: seeded random search.
  const uniform = seededUniform(20_261_208);
  const keys = Object.keys(OPTION_SPACE) as (keyof OptionSpace)[];
  let best: Required<ChangePointOptions> = { ...DEFAULT_CHANGE_POINT_OPTIONS };
  let bestScore = evaluate(best);
  line(`starting point: ${describe(best) || 'the defaults'}`, bestScore);
  for (let round = 0; round < randomCount; round++) {
    const candidate = { ...best } as Record<string, unknown>;
    for (const key of keys) candidate[key] = OPTION_SPACE[key][Math.floor(uniform() * OPTION_SPACE[key].length)];
    const options = candidate as Required<ChangePointOptions>;
    const score = evaluate(options);
    if (objective(score) > objective(bestScore)) {
      best = options;
      bestScore = score;
      line(`random ${round}: ${describe(best)}`, bestScore);
    }
  }
  // Stage 2: one option at a time, over all its values, until a whole pass changes nothing.
  for (let pass = 1, improved = true; improved && pass <= 3; pass++) {
    improved = false;
    for (const key of keys) {
      for (const value of OPTION_SPACE[key]) {
        const options = { ...best, [key]: value } as Required<ChangePointOptions>;
        const score = evaluate(options);
        if (objective(score) > objective(bestScore) + 1e-9) {
          best = options;
          bestScore = score;
          improved = true;
          line(`pass ${pass}, ${key}: ${describe(best)}`, bestScore);
        }
      }
    }
  }
  console.log(`\n${cache.size} candidates scored. Winner: ${describe(best)}`);
  console.log(JSON.stringify(best, (_key, value: unknown) => (value === never ? 'Infinity' : value)));

  const holdOut = generateTcpdLikeSet(HOLD_OUT_SEEDS.count, HOLD_OUT_SEEDS.first);
  const earlierHoldOut = generateTrainingSet(EARLIER_SEEDS.holdOut.count, EARLIER_SEEDS.holdOut.first);
  const detectors: [string, (values: readonly (number | null)[]) => number[]][] = [
    ['winner', (values) => detectChangePoints(values, best)],
    ['defaults now in change-points.ts', (values) => detectChangePoints(values)],
    ['no change', noChange],
    ['best single split', bestSingleSplit],
    ['binary segmentation', (values) => binarySegmentation(values)],
  ];
  const sets = [
    ['TCPD-like training', trainingSets[0]!],
    ['earlier training', trainingSets[1]!],
    ['TCPD-like hold-out', holdOut],
    ['earlier hold-out', earlierHoldOut],
  ] as const;
  for (const [setName, set] of sets) {
    for (const [name, detect] of detectors) line(`${setName.padEnd(20)} ${name}`, scoreOnSet(set, detect));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
