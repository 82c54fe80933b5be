// A table with a time column and numeric columns is a set of series (one per numeric column).

import type { Series, Table } from '../../context/types';
import { isTimeLike, parseNumber, shareMatching, TIME_HEADER } from './values';

export const MIN_SERIES_ROWS = 5;
const COLUMN_SHARE = 0.8;

function column(table: Table, index: number): string[] {
  return table.rows.map((row) => row[index] ?? '');
}

function columnCount(table: Table): number {
  return Math.max(table.headers.length, ...table.rows.map((row) => row.length));
}

function findTimeColumn(table: Table): number {
  const count = columnCount(table);
  for (let index = 0; index < count; index++) {
    const header = table.headers[index] ?? '';
    const values = column(table, index);
    if (shareMatching(values, isTimeLike) >= COLUMN_SHARE) return index;
    if (TIME_HEADER.test(header.trim()) && shareMatching(values, (value) => value.trim() !== '') >= COLUMN_SHARE) return index;
  }
  return -1;
}

function isNumericColumn(values: string[]): boolean {
  return shareMatching(values, (value) => parseNumber(value) !== null) >= COLUMN_SHARE;
}

function unitFromHeader(header: string): string | undefined {
  return /[([]\s*([^()[\]]{1,12}?)\s*[)\]]\s*$/.exec(header)?.[1];
}

function seriesOfColumn(table: Table, timeIndex: number, valueIndex: number): Series {
  const header = table.headers[valueIndex]?.trim() || `column ${valueIndex + 1}`;
  const labels: string[] = [];
  const values: number[] = [];
  const units = new Set<string>();
  for (const row of table.rows) {
    const parsed = parseNumber(row[valueIndex] ?? '');
    if (!parsed) continue;
    labels.push(row[timeIndex] ?? '');
    values.push(parsed.value);
    if (parsed.unit) units.add(parsed.unit);
  }
  const series: Series = { name: header, labels, values };
  const unit = unitFromHeader(header) ?? (units.size === 1 ? [...units][0] : undefined);
  if (unit) series.unit = unit;
  return series;
}

/** One series per numeric column, labelled by the time column; null when the table is not a time series. */
export function seriesFromTable(table: Table): Series[] | null {
  if (table.rows.length < MIN_SERIES_ROWS) return null;
  const timeIndex = findTimeColumn(table);
  if (timeIndex < 0) return null;
  const series: Series[] = [];
  const count = columnCount(table);
  for (let index = 0; index < count; index++) {
    if (index === timeIndex) continue;
    if (isNumericColumn(column(table, index))) series.push(seriesOfColumn(table, timeIndex, index));
  }
  return series.length > 0 ? series : null;
}
