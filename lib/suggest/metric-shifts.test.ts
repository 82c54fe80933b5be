import { describe, expect, it } from 'vitest';
import type { Series } from '../context/types';
import { largestShift, MAX_POINTS_EXAMINED, MAX_SERIES_EXAMINED, metricShifts } from './metric-shifts';

const NOISE = [1.5, -1, 2, -2, -0.5];

function step(name: string, length: number, at: number, from: number, to: number): Series {
  const values = Array.from({ length }, (_unused, index) => (index < at ? from : to) + NOISE[index % 5]!);
  return { name, labels: values.map((_value, index) => `t${index}`), values };
}

describe('largestShift', () => {
  it('finds the exact point of a step in a short series', () => {
    expect(largestShift(step('a', 60, 37, 10, 50))).toMatchObject({ index: 37, at: 't37' });
  });

  it('finds a step in a long series to within one bucket', () => {
    const length = 5000;
    const bucket = Math.ceil(length / MAX_POINTS_EXAMINED);
    const shift = largestShift(step('a', length, 3120, 10, 50))!;
    expect(Math.abs(shift.index - 3120)).toBeLessThan(bucket);
    expect(shift.at).toBe(`t${shift.index}`);
    expect(shift.before).toBeCloseTo(10, 0);
    expect(shift.after).toBeCloseTo(50, 0);
  });

  it('returns nothing for a flat or empty series', () => {
    expect(largestShift(step('flat', 200, 0, 5, 5))).toBeUndefined();
    expect(largestShift({ name: 'empty', labels: [], values: [] })).toBeUndefined();
  });
});

describe('metricShifts', () => {
  it('sorts by strength and examines only the first series', () => {
    const series = [step('small', 60, 30, 10, 20), step('big', 60, 30, 10, 90)];
    expect(metricShifts(series).map((shift) => shift.series)).toEqual(['big', 'small']);
    const flats = Array.from({ length: MAX_SERIES_EXAMINED }, (_unused, index) => step(`flat ${index}`, 60, 0, 5, 5));
    expect(metricShifts([...flats, step('late', 60, 30, 10, 90)])).toEqual([]);
  });
});
