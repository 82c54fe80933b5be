// Per-column statistics of captured tables, for the table-summary skill's script (pure, bundled into it).

/** The number in a cell like "1,234", "-5.2 ms", "42%" or "$3.5"; null when the cell is not numeric. */
export function parseNumericCell(cell: string): number | null {
  const match = /^\s*[$€£]?\s*([-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[-+]?\d+)?)\s*[%a-zA-Zµ/]*\s*$/i.exec(cell);
  if (!match || !match[1] || !/\d/.test(match[1])) return null;
  const value = Number(match[1].replace(/,/g, '').replace('−', '-'));
  return Number.isFinite(value) ? value : null;
}

export interface ColumnStats {
  column: string;
  count: number;
  min: number;
  max: number;
  mean: number;
  median: number;
}

/** Statistics of every column whose non-empty cells are at least 80 % numeric. */
export function numericColumnStats(headers: readonly string[], rows: readonly (readonly string[])[]): ColumnStats[] {
  const width = Math.max(headers.length, ...rows.map((row) => row.length));
  const stats: ColumnStats[] = [];
  for (let column = 0; column < width; column++) {
    const cells = rows.map((row) => row[column] ?? '').filter((cell) => cell.trim() !== '');
    const numbers = cells.map(parseNumericCell).filter((value): value is number => value !== null);
    if (numbers.length === 0 || numbers.length < 0.8 * cells.length) continue;
    const sorted = [...numbers].sort((left, right) => left - right);
    const half = sorted.length >> 1;
    stats.push({
      column: headers[column] || `Column ${column + 1}`,
      count: numbers.length,
      min: sorted[0]!,
      max: sorted[sorted.length - 1]!,
      mean: numbers.reduce((total, value) => total + value, 0) / numbers.length,
      median: sorted.length % 2 === 1 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2,
    });
  }
  return stats;
}
