import { describe, expect, it } from 'vitest';
import { coverSingle, f1Measure, partitionFromChangePoints, segmentationCovering, truePositives } from './changepoint-metrics';

describe('changepoint metrics (TCPDBench definitions)', () => {
  it('matches each annotation at most once, within the margin', () => {
    expect(truePositives([10, 12], [11], 5)).toEqual([10]);
    expect(truePositives([10, 30], [16, 31], 5)).toEqual([30]);
  });

  it('computes F1 with the start point in every set', () => {
    // Annotators {0,50} and {0,52,80}; prediction {0,51}. Union {0,50,52,80}: 0 and 50 matched → P = 2/2.
    // Recall: annotator 1 → 2/2, annotator 2 → {0,52} matched 2/3. R = (1 + 2/3)/2 = 5/6. F1 = 2·1·(5/6)/(1+5/6) = 10/11.
    const result = f1Measure({ first: [50], second: [52, 80] }, [51]);
    expect(result.precision).toBeCloseTo(1);
    expect(result.recall).toBeCloseTo(5 / 6);
    expect(result.f1).toBeCloseTo(10 / 11);
  });

  it('gives F1 of 1 to no prediction when nobody annotated a change', () => {
    expect(f1Measure({ a: [], b: [] }, []).f1).toBe(1);
    // A false alarm halves precision: P = 1/2, R = 1 → F1 = 2/3.
    expect(f1Measure({ a: [] }, [40]).f1).toBeCloseTo(2 / 3);
  });

  it('builds partitions and covering', () => {
    expect(partitionFromChangePoints([5], 10)).toEqual([[0, 5], [5, 10]]);
    // Reference [0,5),[5,10); prediction [0,10): each reference segment overlaps 5/10 → cover 0.5.
    expect(coverSingle([[0, 10]], [[0, 5], [5, 10]])).toBeCloseTo(0.5);
    // Reference [0,10); prediction [0,4),[4,10): best overlap 6/10 → cover 0.6.
    expect(segmentationCovering({ a: [] }, [4], 10)).toBeCloseTo(0.6);
    expect(segmentationCovering({ a: [4], b: [] }, [4], 10)).toBeCloseTo((1 + 0.6) / 2);
  });
});
