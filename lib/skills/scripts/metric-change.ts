// What the metric-change skill runs in the sandbox (its card: ../metric-change.ts), built into script text by
// scripts/build-sandbox-scripts.ts. It sees the prelude's globals (../../sandbox/prelude-globals.d.ts).
import type { PageData } from '../../context/types';
import { detectChangePoints, rangeMean } from '../change-points';

export function metricChange(page: PageData) {
  if (page.type !== 'dashboard') throw new Error('metric-change needs a dashboard page');
  // Changes within this many points of each other count as simultaneous.
  const window = 2;
  const format = (value: number) => {
    if (!Number.isFinite(value)) return 'n/a';
    const magnitude = Math.abs(value);
    return magnitude >= 1000 || magnitude === 0 ? String(Math.round(value)) : String(Number(value.toPrecision(3)));
  };
  // Detection is quadratic in the worst case; long series are averaged into at most 300 blocks so
  // the skill stays inside the sandbox's time limit, and the cuts are mapped back to real indices.
  const detect = (values: number[]) => {
    const step = Math.ceil(values.length / 300);
    if (step <= 1) return detectChangePoints(values);
    const blocks: number[] = [];
    for (let start = 0; start < values.length; start += step) blocks.push(rangeMean(values, start, start + step));
    return detectChangePoints(blocks).map((index) => index * step);
  };
  const perSeries = page.series.map((series) => ({ series, cuts: detect(series.values) }));
  const changes = perSeries.flatMap(({ series, cuts }) =>
    cuts.map((index, position) => ({
      series: series.name,
      index,
      at: series.labels[index] ?? String(index),
      before: rangeMean(series.values, position === 0 ? 0 : cuts[position - 1]!, index),
      after: rangeMean(series.values, index, cuts[position + 1] ?? series.values.length),
      unit: series.unit ?? null,
      alsoChanged: [] as string[],
    })),
  );
  for (const change of changes) {
    change.alsoChanged = [
      ...new Set(changes.filter((other) => other.series !== change.series && Math.abs(other.index - change.index) <= window).map((other) => other.series)),
    ];
  }
  changes.sort((left, right) => left.index - right.index || (left.series < right.series ? -1 : 1));
  const sentences = changes.map((change) => {
    const unit = change.unit ? ` ${change.unit}` : '';
    const together = change.alsoChanged.length > 0 ? ` (together with ${change.alsoChanged.join(', ')})` : '';
    return `- **${change.series}** moved from ${format(change.before)}${unit} to ${format(change.after)}${unit} at ${change.at}${together}`;
  });
  view.markdown(
    page.series.length === 0
      ? 'No time series were captured on this dashboard.'
      : changes.length === 0
        ? `No significant change in ${page.series.length} series.`
        : sentences.join('\n'),
  );
  for (const { series, cuts } of perSeries) {
    if (cuts.length === 0) continue;
    view.chart({ name: series.name, values: series.values, labels: series.labels }, { title: series.name, marks: cuts });
  }
  return { changes, seriesCount: page.series.length };
}
