// Host-side check of the views a script produced. The prelude builds them well-formed, but a script can
// tamper with the built-ins the prelude relies on, and views end up rendered in the panel.
import type { Cell, View } from '../context/types';

type ChartSeries = Extract<View, { type: 'chart' }>['series'][number];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCell(value: unknown): value is Cell {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isNumberArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'number' && Number.isFinite(item));
}

function titleOf(raw: Record<string, unknown>): { title?: string } {
  return typeof raw.title === 'string' ? { title: raw.title } : {};
}

function tableView(raw: Record<string, unknown>): View | undefined {
  const { columns, rows } = raw;
  if (!isStringArray(columns) || !Array.isArray(rows)) return undefined;
  const wellFormed = rows.every((row) => Array.isArray(row) && row.length === columns.length && row.every(isCell));
  return wellFormed ? { type: 'table', ...titleOf(raw), columns, rows: rows as Cell[][] } : undefined;
}

function chartSeries(raw: unknown): ChartSeries | undefined {
  if (!isRecord(raw) || typeof raw.name !== 'string' || !isNumberArray(raw.values)) return undefined;
  if (raw.labels === undefined) return { name: raw.name, values: raw.values };
  return isStringArray(raw.labels) ? { name: raw.name, values: raw.values, labels: raw.labels } : undefined;
}

function chartView(raw: Record<string, unknown>): View | undefined {
  if (!Array.isArray(raw.series)) return undefined;
  const series = raw.series.map(chartSeries);
  if (series.length === 0 || series.some((entry) => entry === undefined)) return undefined;
  if (raw.marks !== undefined && !isNumberArray(raw.marks)) return undefined;
  const marks = raw.marks === undefined ? {} : { marks: raw.marks };
  return { type: 'chart', ...titleOf(raw), series: series as ChartSeries[], ...marks };
}

function viewOf(raw: unknown): View | undefined {
  if (!isRecord(raw)) return undefined;
  if (raw.type === 'table') return tableView(raw);
  if (raw.type === 'markdown') return typeof raw.text === 'string' ? { type: 'markdown', text: raw.text } : undefined;
  if (raw.type === 'chart') return chartView(raw);
  return undefined;
}

/** The well-formed views, and how many malformed ones were dropped. */
export function sanitiseViews(raw: unknown): { views: View[]; dropped: number } {
  if (!Array.isArray(raw)) return { views: [], dropped: 0 };
  const views = raw.map(viewOf).filter((view): view is View => view !== undefined);
  return { views, dropped: raw.length - views.length };
}
