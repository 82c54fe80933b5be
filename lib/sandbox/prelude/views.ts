// The views helper group: the `view` object, collecting tables, markdown and charts for the panel.
import type { HelperGroupGlobals, PreludeShared } from './helper-groups';

type Cell = string | number | boolean | null;

interface ChartSeries {
  name: string;
  values: number[];
  labels?: string[];
}

export function viewsHelpers(shared: PreludeShared): HelperGroupGlobals<'views'> {
  const listOf = shared.listOf;
  const describeType = shared.describeType;
  const stringify = shared.stringify;
  const objectKeys = shared.objectKeys;
  const isArray = shared.isArray;
  const views = shared.views;

  function cellOf(value: unknown): Cell {
    if (value === null || value === undefined) return null;
    if (typeof value === 'number') return isFinite(value) ? value : String(value);
    if (typeof value === 'string' || typeof value === 'boolean') return value;
    if (value instanceof Date) return isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
    if (typeof value === 'object') {
      try {
        const text = stringify(value) as string | undefined;
        return text === undefined ? String(value) : text;
      } catch {
        // Cyclic or BigInt-holding objects still get a readable cell.
        return String(value);
      }
    }
    return String(value);
  }

  function columnsOf(list: readonly unknown[]): string[] {
    const columns: string[] = [];
    const seen = Object.create(null) as Record<string, true | undefined>;
    let width = 0;
    for (let index = 0; index < list.length; index++) {
      const row = list[index];
      if (isArray(row)) width = Math.max(width, row.length);
      else if (row !== null && typeof row === 'object') {
        const keys = objectKeys(row);
        for (let keyIndex = 0; keyIndex < keys.length; keyIndex++) {
          const key = keys[keyIndex]!;
          if (seen[key] === true) continue;
          seen[key] = true;
          columns.push(key);
        }
      } else width = Math.max(width, 1);
    }
    if (columns.length === 0) for (let column = 1; column <= width; column++) columns.push('column ' + column);
    return columns;
  }

  function table(rows: unknown, options?: { title?: unknown; columns?: unknown } | null): void {
    const list = listOf(rows, 'view.table');
    const settings = options || {};
    const columns =
      settings.columns === undefined || settings.columns === null
        ? columnsOf(list)
        : listOf(settings.columns, 'view.table (options.columns)').map(String);
    const tableRows = list.map((row) => {
      if (isArray(row)) return columns.map((_, index) => cellOf(row[index]));
      if (row !== null && typeof row === 'object') return columns.map((column) => cellOf((row as Record<string, unknown>)[column]));
      return columns.map((_, index) => (index === 0 ? cellOf(row) : null));
    });
    const result: { type: 'table'; columns: string[]; rows: Cell[][]; title?: string } = { type: 'table', columns, rows: tableRows };
    if (settings.title !== undefined && settings.title !== null) result.title = String(settings.title);
    views.push(result);
  }

  function markdown(text: unknown): void {
    if (text === undefined || text === null) throw new TypeError('view.markdown expects a string, got ' + describeType(text));
    views.push({ type: 'markdown', text: String(text) });
  }

  function chartSeries(entry: unknown, index: number): ChartSeries {
    if (entry === null || typeof entry !== 'object' || isArray(entry)) {
      throw new TypeError('view.chart: series ' + (index + 1) + ' must be an object like { name, values }');
    }
    const { name: rawName, values: rawValues, labels } = entry as { name?: unknown; values?: unknown; labels?: unknown };
    const name = rawName === undefined || rawName === null ? 'series ' + (index + 1) : String(rawName);
    const values = listOf(rawValues, 'view.chart (values of "' + name + '")').map((value, position) => {
      const number = typeof value === 'number' ? value : value === null || value === undefined || value === '' ? NaN : Number(value);
      if (!isFinite(number)) {
        throw new TypeError('view.chart: series "' + name + '" has a value that is not a finite number at index ' + position + ' (' + String(value) + ')');
      }
      return number;
    });
    const series: ChartSeries = { name, values };
    if (labels !== undefined && labels !== null) series.labels = listOf(labels, 'view.chart (labels)').map(String);
    return series;
  }

  function chart(series: unknown, options?: { title?: unknown; marks?: unknown } | null): void {
    const list: readonly unknown[] = isArray(series) ? series : [series];
    if (list.length === 0) throw new TypeError('view.chart expects at least one series');
    const settings = options || {};
    const result: { type: 'chart'; series: ChartSeries[]; title?: string; marks?: number[] } = { type: 'chart', series: list.map(chartSeries) };
    if (settings.title !== undefined && settings.title !== null) result.title = String(settings.title);
    if (settings.marks !== undefined && settings.marks !== null) {
      result.marks = listOf(settings.marks, 'view.chart (options.marks)').map(Number).filter((mark) => isFinite(mark));
    }
    views.push(result);
  }

  return { view: { table, markdown, chart } };
}
