import type { Skill } from './types';
import * as tableStats from './table-stats';

// Helpers reach the sandbox through `uses`; referenced as free names so no import rewriting touches them.
declare const numericColumnStats: typeof tableStats.numericColumnStats;

export const tableSummary: Skill = {
  id: 'table-summary',
  title: 'Summarise tables',
  description: 'Count, minimum, maximum, mean and median of every numeric column of the tables on the page.',
  kinds: ['dashboard', 'generic'],
  views: ['table'],
  uses: tableStats.tableStatsFunctions,
  main: (page) => {
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
  },
};
