// What the metric-change skill runs in the sandbox (its card: ../metric-change.ts), built into script text by
// scripts/build-sandbox-scripts.ts. It sees the prelude's globals (../../sandbox/prelude-globals.d.ts).
//
// Answers "why did it move" in words: each moment something changed, led by the series that moved
// most (in units of its own noise), with how much and when, the other series that moved within a few
// points of it, ranked the same way, and the series that did not.
import type { PageData } from '../../context/types';
import { detectChangePoints, differenceScale, fillMissing, rangeMean } from '../change-points';

// Changes within this many points of each other count as simultaneous: dashboards sample series
// at slightly different moments, and a cause shows in its effects a sample or two later.
const SIMULTANEOUS_WITHIN = 3;
// Before and after are measured over at most this many points either side of a change, so a trend
// elsewhere in a long segment does not blur the size of the step.
const LOCAL_POINTS = 20;
// Points segmented in all, over every series (see maxBlocks below).
const BLOCK_BUDGET = 3000;
// Past this many, further moments are listed without their sentences.
const MAX_MOMENTS_TOLD = 3;
// Charts carry their points in the script's output, which the sandbox caps at 64 KiB: at most this
// many charts (of the series the answer names first), each of at most CHART_POINTS points (block
// means of a longer series, its change points moved to the block that holds them).
const MAX_CHARTS = 4;
const CHART_POINTS = 400;

interface Change {
  series: string;
  index: number;
  at: string;
  before: number;
  after: number;
  unit: string | null;
  /** |after − before| in units of the series' point-to-point noise. */
  strength: number;
  alsoChanged: string[];
}

function format(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const magnitude = Math.abs(value);
  return magnitude >= 1000 || magnitude === 0 ? String(Math.round(value)) : String(Number(value.toPrecision(3)));
}

/** "rose 38%", "fell by 12 ms" (when a percentage means nothing: from zero, or across zero). */
function movement(change: Change): string {
  const verb = change.after >= change.before ? 'rose' : 'fell';
  const unit = change.unit ? ` ${change.unit}` : '';
  if (change.before !== 0 && Math.sign(change.before) === Math.sign(change.after)) {
    const percent = Math.abs((change.after - change.before) / change.before) * 100;
    return `${verb} ${percent >= 10 ? Math.round(percent) : Number(percent.toPrecision(2))}%`;
  }
  return `${verb} by ${format(Math.abs(change.after - change.before))}${unit}`;
}

function fromTo(change: Change): string {
  const unit = change.unit ? ` ${change.unit}` : '';
  return `${format(change.before)}${unit} → ${format(change.after)}${unit}`;
}

function listWords(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function metricChange(page: PageData) {
  if (page.type !== 'dashboard') throw new Error('metric-change needs a dashboard page');
  // PELT's time grows with the square of the points it segments when little can be pruned (random
  // walks), and QuickJS is tens of times slower than V8: a dashboard of many long series shares
  // BLOCK_BUDGET block means out between its series, so it stays well inside the 5 s skill limit.
  const maxBlocks = Math.max(100, Math.min(400, Math.floor(BLOCK_BUDGET / Math.max(1, page.series.length))));
  const perSeries = page.series.map((series) => ({ series, cuts: detectChangePoints(series.values, { maxBlocks }) }));
  const changes: Change[] = perSeries.flatMap(({ series, cuts }) => {
    const noise = differenceScale(fillMissing(series.values));
    return cuts.map((index, position) => {
      const before = rangeMean(series.values, Math.max(position === 0 ? 0 : cuts[position - 1]!, index - LOCAL_POINTS), index);
      const after = rangeMean(series.values, index, Math.min(cuts[position + 1] ?? series.values.length, index + LOCAL_POINTS));
      return {
        series: series.name,
        index,
        at: series.labels[index] ?? `point ${index + 1}`,
        before,
        after,
        unit: series.unit ?? null,
        strength: Math.abs(after - before) / noise,
        alsoChanged: [] as string[],
      };
    });
  });
  for (const change of changes) {
    change.alsoChanged = [
      ...new Set(
        changes
          .filter((other) => other.series !== change.series && Math.abs(other.index - change.index) <= SIMULTANEOUS_WITHIN)
          .sort((left, right) => right.strength - left.strength)
          .map((other) => other.series),
      ),
    ];
  }

  // Moments: the strongest change not yet told leads, and takes every other series' change within
  // SIMULTANEOUS_WITHIN points of it (the nearest one, when a series has two).
  const moments: { lead: Change; together: Change[]; still: string[] }[] = [];
  const told = new Set<Change>();
  for (const lead of [...changes].sort((left, right) => right.strength - left.strength)) {
    if (told.has(lead)) continue;
    told.add(lead);
    const together: Change[] = [];
    for (const { series } of perSeries) {
      if (series.name === lead.series) continue;
      const nearest = changes
        .filter((other) => other.series === series.name && !told.has(other) && Math.abs(other.index - lead.index) <= SIMULTANEOUS_WITHIN)
        .sort((left, right) => Math.abs(left.index - lead.index) - Math.abs(right.index - lead.index))[0];
      if (nearest) together.push(nearest);
    }
    together.sort((left, right) => right.strength - left.strength);
    for (const change of together) told.add(change);
    const moved = new Set([lead.series, ...together.map((change) => change.series)]);
    moments.push({ lead, together, still: perSeries.map(({ series }) => series.name).filter((name) => !moved.has(name)) });
  }

  const sentences = moments.slice(0, MAX_MOMENTS_TOLD).map(({ lead, together, still }, position) => {
    const parts = [`**${lead.series}** ${movement(lead)} at ${lead.at} (${fromTo(lead)})`];
    for (const change of together) {
      const offset = change.index - lead.index;
      const points = `${Math.abs(offset)} point${Math.abs(offset) === 1 ? '' : 's'}`;
      const when = offset === 0 ? 'at the same point' : `at ${change.at}, ${points} ${offset < 0 ? 'earlier' : 'later'}`;
      parts.push(`${change.series} ${movement(change)} ${when} (${fromTo(change)})`);
    }
    // Said once, for the largest change: repeated for every smaller one it is only noise.
    if (position === 0 && still.length > 0) parts.push(`${listWords(still.slice(0, 4))}${still.length > 4 ? ` and ${still.length - 4} more` : ''} did not move`);
    return `${position === 0 ? '' : '- '}${parts.join('; ')}.`;
  });
  const rest = moments.slice(MAX_MOMENTS_TOLD).sort((left, right) => left.lead.index - right.lead.index);
  const lines: string[] = [];
  if (page.series.length === 0) lines.push('No time series were captured on this dashboard.');
  else if (moments.length === 0) lines.push(`No significant change in ${page.series.length} series.`);
  else {
    lines.push(sentences[0]!);
    if (sentences.length > 1) lines.push('', 'Other changes, largest first:', ...sentences.slice(1));
    if (rest.length > 0) {
      const named = rest.slice(0, 12).map(({ lead }) => `${lead.series} at ${lead.at}`);
      lines.push('', `Smaller changes: ${named.join(', ')}${rest.length > 12 ? ` and ${rest.length - 12} more` : ''}.`);
    }
  }
  view.markdown(lines.join('\n'));
  // Charts in the order the answer tells them, each with its change points marked.
  const order = [...new Set(moments.flatMap(({ lead, together }) => [lead.series, ...together.map((change) => change.series)]))];
  for (const name of order.slice(0, MAX_CHARTS)) {
    const entry = perSeries.find(({ series }) => series.name === name);
    if (!entry) continue;
    const { values, labels } = entry.series;
    const step = Math.ceil(values.length / CHART_POINTS);
    if (step <= 1) {
      view.chart({ name, values, labels }, { title: name, marks: entry.cuts });
      continue;
    }
    const blocks = Array.from({ length: Math.ceil(values.length / step) }, (_unused, block) => block * step);
    view.chart(
      { name, values: blocks.map((start) => rangeMean(values, start, start + step)), labels: blocks.map((start) => labels[start] ?? String(start)) },
      { title: `${name} (means of ${step} points)`, marks: [...new Set(entry.cuts.map((cut) => Math.floor(cut / step)))] },
    );
  }
  changes.sort((left, right) => left.index - right.index || (left.series < right.series ? -1 : 1));
  return {
    changes,
    moments: moments.map(({ lead, together, still }) => ({ series: lead.series, at: lead.at, movedWith: together.map((change) => change.series), unmoved: still })),
    seriesCount: page.series.length,
  };
}
