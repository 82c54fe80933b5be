// HTML tables → Table (headers + rows of cell text), shared by the generic and dashboard adapters.

import type { Table } from '../context/types';
import { inlineText } from './text';
import { clipText } from './clip';

export interface ReadTable {
  table: Table;
  /** Body rows in the page, before `maxRows` was applied. */
  totalRows: number;
}

const MAX_CELL_CHARS = 500;

function cellText(cell: Element): string {
  const text = inlineText(cell);
  return text.length > MAX_CELL_CHARS ? `${clipText(text, MAX_CELL_CHARS)}…` : text;
}

function rowCells(row: HTMLTableRowElement): Element[] {
  return Array.from(row.cells);
}

function isHeaderRow(row: HTMLTableRowElement): boolean {
  const cells = rowCells(row);
  return cells.length > 0 && cells.every((cell) => cell.tagName === 'TH');
}

export function readTable(element: HTMLTableElement, maxRows: number): ReadTable {
  const rows = Array.from(element.rows);
  const headerRows = rows.filter((row) => row.parentElement?.tagName === 'THEAD');
  let bodyRows = rows.filter((row) => row.parentElement?.tagName !== 'THEAD');
  let headerRow = headerRows.at(-1);
  if (!headerRow && bodyRows[0] && isHeaderRow(bodyRows[0])) {
    headerRow = bodyRows[0];
    bodyRows = bodyRows.slice(1);
  }
  const headers = headerRow ? rowCells(headerRow).map(cellText) : [];
  const kept = bodyRows.slice(0, maxRows).map((row) => rowCells(row).map(cellText));
  const table: Table = { headers, rows: kept.filter((cells) => cells.some((cell) => cell !== '')) };
  const caption = element.caption ? inlineText(element.caption) : '';
  if (caption) table.caption = caption;
  return { table, totalRows: bodyRows.length };
}

/** Tables of the document that hold data (not layout tables nested around other tables). */
export function dataTables(root: ParentNode): HTMLTableElement[] {
  return Array.from(root.querySelectorAll('table')).filter(
    (table) => table.querySelector('table') === null && table.rows.length > 0,
  );
}
