// A script's chart: bars when each value has a label (files, checks, people: things to compare), a line
// when the values run along an axis (time, position). Colours follow the series, named in a legend.
import type { View } from '../lib/context/types';
import { formatCell } from './format-cell';

type Chart = Extract<View, { type: 'chart' }>;

const COLORS = ['var(--accent)', 'var(--danger)', 'var(--success)', '#8250df', '#bf8700'];
/** More labelled values than this read better as a line. */
const MAX_BARS = 30;

const colorOf = (index: number) => COLORS[index % COLORS.length];

function Legend({ chart, range }: { chart: Chart; range?: string }) {
  return (
    <div class="result-chart__legend">
      {chart.series.map((series, index) => (
        <span key={index}><i style={{ background: colorOf(index) }} />{series.name}</span>
      ))}
      {range !== undefined && <span class="result-chart__range">{range}</span>}
    </div>
  );
}

/**
 * The labels every series' values line up with, when they do: the first series' labels, matched in
 * length by every series, and by any labels the others carry. Anything else is drawn as lines.
 */
function sharedLabels(chart: Chart): string[] | undefined {
  const labels = chart.series[0]?.labels;
  if (labels === undefined || labels.length === 0 || labels.length > MAX_BARS) return undefined;
  const lineUp = chart.series.every(
    (series) => series.values.length === labels.length && (series.labels === undefined || series.labels.every((label, index) => label === labels[index])),
  );
  return lineUp ? labels : undefined;
}

/**
 * One grid for the whole chart (label, bar, value), so every bar is scaled against the same track and a
 * long value never pushes its bar out. Each value is read out with its series' name.
 */
function BarChart({ chart, labels }: { chart: Chart; labels: string[] }) {
  const largest = Math.max(...chart.series.flatMap((series) => series.values.map(Math.abs)), 0);
  return (
    <figure class="result-chart" data-testid="result-chart" data-kind="bars">
      {chart.title && <figcaption>{chart.title}</figcaption>}
      <div class="bar-chart">
        {labels.flatMap((label, row) =>
          chart.series.map((series, index) => {
            const value = series.values[row] ?? 0;
            const width = largest === 0 ? 0 : (Math.abs(value) / largest) * 100;
            return (
              <div class="bar-chart__row" key={`${row}:${index}`}>
                {/* Cut from the left, so a long path keeps its file name; bdi keeps the path's own order. */}
                <span class="bar-chart__label" title={label}>{index === 0 && <bdi dir="ltr">{label}</bdi>}</span>
                <span class="bar-chart__track">
                  <span class={`bar-chart__bar${value < 0 ? ' bar-chart__bar--negative' : ''}`} style={{ width: `${width}%`, background: colorOf(index) }} />
                </span>
                <span class="bar-chart__value">
                  <span class="visually-hidden">{series.name}: </span>
                  {formatCell(value)}
                </span>
              </div>
            );
          }),
        )}
      </div>
      <Legend chart={chart} />
    </figure>
  );
}

function LineChart({ chart }: { chart: Chart }) {
  const width = 360;
  const height = 120;
  const all = chart.series.flatMap((series) => series.values.filter(Number.isFinite));
  if (all.length === 0) return null;
  const low = Math.min(...all);
  const high = Math.max(...all);
  const length = Math.max(...chart.series.map((series) => series.values.length));
  const x = (index: number) => (length <= 1 ? 0 : (index / (length - 1)) * width);
  const y = (value: number) => (high === low ? height / 2 : height - ((value - low) / (high - low)) * (height - 8) - 4);
  // The axis is named only by labels that match the values one to one.
  const labels = chart.series[0]?.labels?.length === length ? (chart.series[0]?.labels ?? []) : [];
  return (
    <figure class="result-chart" data-testid="result-chart" data-kind="line">
      {chart.title && <figcaption>{chart.title}</figcaption>}
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${chart.title ?? 'Chart'}: ${chart.series.map((series) => series.name).join(', ')}, from ${formatCell(low)} to ${formatCell(high)}`}>
        {(chart.marks ?? []).map((mark) => <line key={mark} x1={x(mark)} x2={x(mark)} y1={0} y2={height} class="result-chart__mark" />)}
        {chart.series.map((series, index) => (
          <polyline
            key={index}
            fill="none"
            stroke={colorOf(index)}
            stroke-width={1.5}
            points={series.values.map((value, position) => (Number.isFinite(value) ? `${x(position).toFixed(1)},${y(value).toFixed(1)}` : '')).join(' ')}
          />
        ))}
      </svg>
      {labels.length > 1 && (
        <div class="result-chart__axis">
          <span>{labels[0]}</span>
          <span>{labels.at(-1)}</span>
        </div>
      )}
      <Legend chart={chart} range={`${formatCell(low)} – ${formatCell(high)}`} />
    </figure>
  );
}

export function ChartView({ view }: { view: Chart }) {
  const labels = sharedLabels(view);
  return labels === undefined ? <LineChart chart={view} /> : <BarChart chart={view} labels={labels} />;
}
