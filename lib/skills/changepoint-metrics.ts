// The TCPDBench evaluation metrics (van den Burg & Williams, 2020), used to score change-point
// detection against human annotations. Node-side only: these never run in the sandbox.

/** Annotations of one series: annotator id → change-point indices (0-based, first index of a new segment). */
export type AnnotationSets = Record<string, readonly number[]>;

function withStart(points: readonly number[]): number[] {
  return [...new Set([0, ...points])].sort((left, right) => left - right);
}

/**
 * The annotated points that a prediction lies within `margin` of, each prediction used at most once
 * (the closest free prediction is taken, annotations visited in ascending order).
 */
export function truePositives(annotated: readonly number[], predicted: readonly number[], margin: number): number[] {
  const free = new Set(predicted);
  const matched: number[] = [];
  for (const point of [...new Set(annotated)].sort((left, right) => left - right)) {
    let best: number | undefined;
    for (const candidate of free) {
      const distance = Math.abs(point - candidate);
      if (distance > margin) continue;
      if (best === undefined || distance < Math.abs(point - best) || (distance === Math.abs(point - best) && candidate < best)) {
        best = candidate;
      }
    }
    if (best === undefined) continue;
    matched.push(point);
    free.delete(best);
  }
  return matched;
}

export interface F1Result {
  f1: number;
  precision: number;
  recall: number;
}

/** F1 with a margin: precision against the union of all annotations, recall averaged over annotators. */
export function f1Measure(annotations: AnnotationSets, predicted: readonly number[], margin = 5): F1Result {
  const annotators = Object.values(annotations).map(withStart);
  if (annotators.length === 0) throw new RangeError('f1Measure needs at least one annotator');
  const predictions = withStart(predicted);
  const union = withStart(annotators.flat());
  const precision = truePositives(union, predictions, margin).length / predictions.length;
  const recall =
    annotators.reduce((total, points) => total + truePositives(points, predictions, margin).length / points.length, 0) /
    annotators.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { f1, precision, recall };
}

/** Segments as [start, end) ranges of 0..length, cut at the given points. */
export function partitionFromChangePoints(points: readonly number[], length: number): [number, number][] {
  const cuts = withStart(points).filter((point) => point < length);
  return cuts.map((start, index) => [start, cuts[index + 1] ?? length]);
}

function jaccard(left: [number, number], right: [number, number]): number {
  const intersection = Math.max(0, Math.min(left[1], right[1]) - Math.max(left[0], right[0]));
  const union = left[1] - left[0] + (right[1] - right[0]) - intersection;
  return union === 0 ? 0 : intersection / union;
}

/** How well the predicted segmentation covers one reference segmentation (weighted best Jaccard overlap). */
export function coverSingle(predicted: [number, number][], reference: [number, number][]): number {
  let total = 0;
  let covered = 0;
  for (const segment of reference) {
    const size = segment[1] - segment[0];
    total += size;
    covered += size * Math.max(...predicted.map((candidate) => jaccard(segment, candidate)));
  }
  return total === 0 ? 0 : covered / total;
}

/** Segmentation covering, averaged over annotators. */
export function segmentationCovering(annotations: AnnotationSets, predicted: readonly number[], length: number): number {
  const references = Object.values(annotations).map((points) => partitionFromChangePoints(points, length));
  if (references.length === 0) throw new RangeError('segmentationCovering needs at least one annotator');
  const prediction = partitionFromChangePoints(predicted, length);
  return references.reduce((total, reference) => total + coverSingle(prediction, reference), 0) / references.length;
}
