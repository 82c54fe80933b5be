import type { ScriptResult, View } from '../lib/context/types';
import { ChartView } from './chart-view';
import { formatCell } from './format-cell';
import { Markdown } from './markdown';
import { cellFit, columnFits } from './table-fit';

export interface ResultViewProps {
  result: ScriptResult;
  /** Show the raw value even when views exist (the trail's details). */
  showValue?: boolean;
}

function TableView({ view }: { view: Extract<View, { type: 'table' }> }) {
  const texts = view.rows.map((row) => row.map(formatCell));
  const fits = columnFits([view.columns, ...texts]);
  const cellProps = (column: number, numeric: boolean) => {
    const fit = cellFit(fits[column]);
    return { class: numeric ? `${fit.class} numeric` : fit.class, style: fit.minWidth ? { minWidth: fit.minWidth } : undefined };
  };
  return (
    <figure class="result-table" data-testid="result-table">
      {view.title && <figcaption>{view.title}</figcaption>}
      {/* Focusable: a table wider than the panel scrolls sideways here, by keyboard too. */}
      <div class="result-table__scroll table-scroll" tabIndex={0} role="region" aria-label={view.title ?? 'Table'}>
        <table>
          <thead>
            <tr>{view.columns.map((column, index) => <th scope="col" key={column} {...cellProps(index, false)}>{column}</th>)}</tr>
          </thead>
          <tbody>
            {view.rows.map((row, index) => (
              <tr key={index}>{row.map((cell, column) => <td key={column} {...cellProps(column, typeof cell === 'number')}>{texts[index]?.[column]}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </div>
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
