// How a table fits a 360–480 px panel: a column of short values stays on one line, and a column with
// long text wraps at a width that keeps its rows to about three lines; a table still wider than the
// panel scrolls sideways in its own box.

/** A column's fit: one line, or wrapping no narrower than `minCh` characters. */
export type ColumnFit = { wrap: false } | { wrap: true; minCh: number };

/** Longer than this, a cell reads better wrapped than as one line to scroll along. */
const LONG_CELL_CHARS = 24;
const WRAP_LINES = 3;
const MIN_WRAP_CH = 16;
/** Wider than this, a wrapping column would push every other column out of sight. */
const MAX_WRAP_CH = 40;

/** One fit per column, from the text of every row (the header row included). */
export function columnFits(rows: readonly (readonly string[])[]): ColumnFit[] {
  const columns = Math.max(0, ...rows.map((row) => row.length));
  return Array.from({ length: columns }, (_unused, column): ColumnFit => {
    const longest = Math.max(0, ...rows.map((row) => (row[column] ?? '').trim().length));
    if (longest <= LONG_CELL_CHARS) return { wrap: false };
    return { wrap: true, minCh: Math.min(MAX_WRAP_CH, Math.max(MIN_WRAP_CH, Math.ceil(longest / WRAP_LINES))) };
  });
}

/** The class and minimum width a cell of that column gets (set through the CSSOM: no inline style attribute). */
export function cellFit(fit: ColumnFit | undefined): { class: string; minWidth: string | undefined } {
  return fit?.wrap ? { class: 'table-cell--wrap', minWidth: `${fit.minCh}ch` } : { class: 'table-cell--line', minWidth: undefined };
}

/**
 * Markdown tables come as sanitised HTML: each gets its cells fitted and a scroll box of its own,
 * focusable so the keyboard can scroll it too.
 */
export function fitMarkdownTables(root: HTMLElement): void {
  for (const table of root.querySelectorAll('table')) {
    if (table.parentElement?.classList.contains('table-scroll')) continue;
    const rows = [...table.rows];
    const fits = columnFits(rows.map((row) => [...row.cells].map((cell) => cell.textContent ?? '')));
    for (const row of rows) {
      for (const [index, cell] of [...row.cells].entries()) {
        const fit = cellFit(fits[index]);
        cell.classList.add(fit.class);
        if (fit.minWidth) cell.style.minWidth = fit.minWidth;
      }
    }
    const box = document.createElement('div');
    box.className = 'table-scroll';
    box.tabIndex = 0;
    box.setAttribute('role', 'region');
    box.setAttribute('aria-label', 'Table');
    table.replaceWith(box);
    box.append(table);
  }
}
