import type { Cell, ScriptResult, View } from '../lib/context/types';
import { Markdown } from './markdown';

export interface ResultViewProps {
  result: ScriptResult;
  /** Show the raw value even when views exist (the trail's details). */
  showValue?: boolean;
}

function formatCell(cell: Cell): string {
  if (cell === null) return '—';
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toLocaleString('en-US') : cell.toLocaleString('en-US', { maximumFractionDigits: 3 });
  return String(cell);
}

function TableView({ view }: { view: Extract<View, { type: 'table' }> }) {
  return (
    <figure class="result-table" data-testid="result-table">
      {view.title && <figcaption>{view.title}</figcaption>}
      <div class="result-table__scroll">
        <table>
          <thead>
            <tr>{view.columns.map((column) => <th scope="col" key={column}>{column}</th>)}</tr>
          </thead>
          <tbody>
            {view.rows.map((row, index) => (
              <tr key={index}>{row.map((cell, column) => <td key={column} class={typeof cell === 'number' ? 'numeric' : undefined}>{formatCell(cell)}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

const CHART_COLORS = ['var(--accent)', 'var(--danger)', 'var(--success)', '#8250df', '#bf8700'];

function ChartView({ view }: { view: Extract<View, { type: 'chart' }> }) {
  const width = 360;
  const height = 120;
  const all = view.series.flatMap((series) => series.values.filter(Number.isFinite));
  if (all.length === 0) return null;
  const low = Math.min(...all);
  const high = Math.max(...all);
  const length = Math.max(...view.series.map((series) => series.values.length));
  const x = (index: number) => (length <= 1 ? 0 : (index / (length - 1)) * width);
  const y = (value: number) => (high === low ? height / 2 : height - ((value - low) / (high - low)) * (height - 8) - 4);
  return (
    <figure class="result-chart" data-testid="result-chart">
      {view.title && <figcaption>{view.title}</figcaption>}
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${view.title ?? 'Chart'}: ${view.series.map((series) => series.name).join(', ')}`}>
        {(view.marks ?? []).map((mark) => <line key={mark} x1={x(mark)} x2={x(mark)} y1={0} y2={height} class="result-chart__mark" />)}
        {view.series.map((series, index) => (
          <polyline
            key={series.name}
            fill="none"
            stroke={CHART_COLORS[index % CHART_COLORS.length]}
            stroke-width={1.5}
            points={series.values.map((value, position) => (Number.isFinite(value) ? `${x(position).toFixed(1)},${y(value).toFixed(1)}` : '')).join(' ')}
          />
        ))}
      </svg>
      <figcaption class="result-chart__legend">
        {view.series.map((series, index) => (
          <span key={series.name}><i style={{ background: CHART_COLORS[index % CHART_COLORS.length] }} />{series.name}</span>
        ))}
        <span class="result-chart__range">{formatCell(low)} – {formatCell(high)}</span>
      </figcaption>
    </figure>
  );
}

export function ViewBlock({ view }: { view: View }) {
  if (view.type === 'table') return <TableView view={view} />;
  if (view.type === 'chart') return <ChartView view={view} />;
  return <Markdown text={view.text} class="result-markdown" />;
}

export function ResultView({ result, showValue = false }: ResultViewProps) {
  const views = result.views ?? [];
  return (
    <div class="result-view">
      {!result.ok && <p class="result-view__error" role="alert">{result.error}</p>}
      {views.map((view, index) => <ViewBlock key={index} view={view} />)}
      {result.ok && result.value !== undefined && (showValue || views.length === 0) && (
        <pre class="code-block result-view__value" data-testid="script-value">{JSON.stringify(result.value, null, 2)}</pre>
      )}
      {result.logs.length > 0 && (
        <pre class="code-block result-view__logs" aria-label="Console output">{result.logs.join('\n')}</pre>
      )}
    </div>
  );
}
