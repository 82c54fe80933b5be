// How a table cell or a chart value reads in the panel: numbers grouped, fractions to three places.
import type { Cell } from '../lib/context/types';

export function formatCell(cell: Cell): string {
  if (cell === null) return '—';
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toLocaleString('en-US') : cell.toLocaleString('en-US', { maximumFractionDigits: 3 });
  return String(cell);
}
