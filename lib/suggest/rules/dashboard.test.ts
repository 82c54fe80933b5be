import { describe, expect, it } from 'vitest';
import type { Series } from '../../context/types';
import { contextOf, dashboard } from '../../../test/fixtures/suggest/contexts';
import { dashboardMetricMoved } from './dashboard';

// Noise with period 5 that sums to zero, so a 30-point segment's mean is exactly its level.
const NOISE = [1.5, -1, 2, -2, -0.5];

function stepSeries(name: string, levels: number[], pointsPerLevel = 30, unit?: string): Series {
  const values = levels.flatMap((level) => Array.from({ length: pointsPerLevel }, (_unused, index) => level + NOISE[index % 5]!));
  const labels = values.map((_value, index) => `t${index}`);
  return unit ? { name, unit, labels, values } : { name, labels, values };
}

describe('dashboard-metric-moved', () => {
  it('names the metric that shifted, from what to what and when', () => {
    const data = dashboard({ series: [stepSeries('cpu', [40, 40]), stepSeries('latency', [100, 300], 30, 'ms')] });
    const [card, ...rest] = dashboardMetricMoved.suggest(contextOf('dashboard', data));
    expect(rest).toEqual([]);
    expect(card?.title).toBe('Why did latency move?');
    expect(card?.why).toBe('latency went from 100 to 300 ms (+200%) at t30 (1 series with a change point).');
    expect(card?.run).toEqual({ skill: 'metric-change' });
  });

  it('picks the strongest shift and names the series that moved with it', () => {
    const data = dashboard({
      series: [stepSeries('errors', [10, 20]), stepSeries('latency', [100, 400]), stepSeries('queue', [50, 50, 80])],
    });
    const [card] = dashboardMetricMoved.suggest(contextOf('dashboard', data));
    expect(card?.title).toBe('Why did latency move?');
    expect(card?.why).toBe('latency went from 100 to 400 (+300%) at t30; errors moved at the same time (3 series with a change point).');
  });

  it('stays quiet when every series is flat noise', () => {
    const data = dashboard({ series: [stepSeries('cpu', [40, 40, 40]), stepSeries('memory', [70, 70])] });
    expect(dashboardMetricMoved.suggest(contextOf('dashboard', data))).toEqual([]);
  });

  it('ignores series too short to call a change', () => {
    const data = dashboard({ series: [{ name: 'x', labels: ['a', 'b', 'c'], values: [1, 100, 1] }] });
    expect(dashboardMetricMoved.suggest(contextOf('dashboard', data))).toEqual([]);
  });
});
