// A script's chart: bars when each value has a label (files, checks, people: things to compare), a line
// when the values run along an axis (time, position). Colours follow the series, in the legend too.
import type { View } from '../lib/context/types';
import { formatCell } from './format-cell';

type Chart = Extract<View, { type: 'chart' }>;

const COLORS = ['var(--accent)', 'var(--danger)', 'var(--success)', '#8250df', '#bf8700'];
/** More labelled values than this read better as a line. */
const MAX_BARS = 30;

const colorOf = (index: number) => COLORS[index % COLORS.length];

function Legend({ chart, range }: { chart: Chart; range?: string }) {
  if (chart.series.length < 2 && range === undefined) return null;
  return (
    <figcaption class="result-chart__legend">
      {chart.series.map((series, index) => (
        <span key={series.name}><i style={{ background: colorOf(index) }} />{series.name}</span>
      ))}
      {range !== undefined && <span class="result-chart__range">{range}</span>}
    </figcaption>
  );
}

/** One row per label, one bar per series, scaled to the largest magnitude; a negative value's bar is hatched. */
function BarChart({ chart, labels }: { chart: Chart; labels: string[] }) {
  const largest = Math.max(...chart.series.flatMap((series) => series.values.map(Math.abs)), 0);
  return (
    <figure class="result-chart" data-testid="result-chart" data-kind="bars">
      {chart.title && <figcaption>{chart.title}</figcaption>}
      <div class="bar-chart">
        {labels.map((label, row) => (
          <div class="bar-chart__row" key={`${row}:${label}`}>
            {/* Cut from the left, so a long path keeps its file name; bdi keeps the path's own order. */}
            <span class="bar-chart__label" title={label}><bdi dir="ltr">{label}</bdi></span>
            <span class="bar-chart__bars">
              {chart.series.map((series, index) => {
                const value = series.values[row];
                if (value === undefined) return null;
                const width = largest === 0 ? 0 : (Math.abs(value) / largest) * 100;
                return (
                  <span class="bar-chart__line" key={series.name}>
                    <span class={`bar-chart__bar${value < 0 ? ' bar-chart__bar--negative' : ''}`} style={{ width: `${width}%`, background: colorOf(index) }} />
                    <span class="bar-chart__value">{formatCell(value)}</span>
                  </span>
                );
              })}
            </span>
          </div>
        ))}
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
  const labels = chart.series[0]?.labels ?? [];
  return (
    <figure class="result-chart" data-testid="result-chart" data-kind="line">
      {chart.title && <figcaption>{chart.title}</figcaption>}
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${chart.title ?? 'Chart'}: ${chart.series.map((series) => series.name).join(', ')}, from ${formatCell(low)} to ${formatCell(high)}`}>
        {(chart.marks ?? []).map((mark) => <line key={mark} x1={x(mark)} x2={x(mark)} y1={0} y2={height} class="result-chart__mark" />)}
        {chart.series.map((series, index) => (
          <polyline
            key={series.name}
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
  const labels = view.series[0]?.labels;
  if (labels !== undefined && labels.length > 0 && labels.length <= MAX_BARS) return <BarChart chart={view} labels={labels} />;
  return <LineChart chart={view} />;
}
