// What the table-summary skill runs in the sandbox (its card: ../table-summary.ts), built into script text by
// scripts/build-sandbox-scripts.ts. It sees the prelude's globals (../../sandbox/prelude-globals.d.ts).
import type { PageData } from '../../context/types';
import { numericColumnStats } from '../table-stats';

export function tableSummary(page: PageData) {
  if (page.type !== 'dashboard' && page.type !== 'generic') throw new Error('table-summary needs a dashboard or a page with tables');
  const round = (value: number) => Math.round(value * 1000) / 1000;
  const tables = page.tables
    .map((table, index) => ({
      table: table.caption || `Table ${index + 1}`,
      columns: numericColumnStats(table.headers, table.rows).map((stats) => ({
        ...stats,
        mean: round(stats.mean),
        median: round(stats.median),
      })),
    }))
    .filter((table) => table.columns.length > 0);
  for (const table of tables) view.table(table.columns, { title: table.table });
  if (tables.length === 0) view.markdown('No numeric columns found in the tables on this page.');
  return { tables };
}
