// Rules for dashboards: metrics that moved.
import { metricShifts, type MetricShift } from '../metric-shifts';
import { dashboardData } from '../page-data';
import type { Rule } from '../types';
import { countOf, formatNumber, listNames } from '../wording';

/** Shifts whose change points lie this close (in points) count as moving together. */
const SIMULTANEOUS_WITHIN = 2;

function describeShift(shift: MetricShift): string {
  const unit = shift.unit ? ` ${shift.unit}` : '';
  const relative =
    shift.before !== 0 ? ` (${shift.after > shift.before ? '+' : ''}${Math.round(((shift.after - shift.before) / Math.abs(shift.before)) * 100)}%)` : '';
  return `${shift.series} went from ${formatNumber(shift.before)} to ${formatNumber(shift.after)}${unit}${relative} at ${shift.at}`;
}

export const dashboardMetricMoved: Rule = {
  id: 'dashboard-metric-moved',
  kinds: ['dashboard'],
  suggest(context) {
    const dashboard = dashboardData(context);
    if (!dashboard || dashboard.series.length === 0) return [];
    const shifts = metricShifts(dashboard.series);
    const top = shifts[0];
    if (!top) return [];
    const together = shifts
      .slice(1)
      .filter((shift) => Math.abs(shift.index - top.index) <= SIMULTANEOUS_WITHIN)
      .map((shift) => shift.series);
    const also = together.length > 0 ? `; ${listNames(together)} moved at the same time` : '';
    return [
      {
        title: `Why did ${top.series} move?`,
        why: `${describeShift(top)}${also} (${countOf(shifts.length, 'series', 'series')} with a change point).`,
        // A shift of a few noise units is worth a look; a cliff is urgent.
        score: Math.min(0.85, 0.55 + 0.05 * Math.log2(Math.max(1, top.strength))),
        run: { skill: 'metric-change' },
      },
    ];
  },
};

export const dashboardRules: Rule[] = [dashboardMetricMoved];
