// Rules for pages whose content is mostly tables of numbers (dashboards and generic pages).
import { numericColumnStats } from '../../skills/table-stats';
import { tablePageData } from '../page-data';
import type { Rule } from '../types';
import { countOf, distinct, listNames } from '../wording';

/** Fewer rows than this are read at a glance. */
const MIN_ROWS = 3;
/** Statistics over the first rows are enough to tell whether a column is numeric. */
const ROWS_SAMPLED = 200;

export const tablesSummary: Rule = {
  id: 'tables-summary',
  kinds: ['dashboard', 'generic'],
  suggest(context) {
    const tables = tablePageData(context)?.tables ?? [];
    let rows = 0;
    const columns: string[] = [];
    let numericTables = 0;
    for (const table of tables) {
      if (table.rows.length < MIN_ROWS) continue;
      const numeric = numericColumnStats(table.headers, table.rows.slice(0, ROWS_SAMPLED));
      if (numeric.length === 0) continue;
      numericTables++;
      rows += table.rows.length;
      columns.push(...numeric.map((stats) => stats.column));
    }
    if (numericTables === 0) return [];
    const names = distinct(columns);
    return [
      {
        title: numericTables === 1 ? 'Summarise the table' : 'Summarise the tables',
        why: `${countOf(numericTables, 'table')} with ${countOf(rows, 'row')} and numeric ${names.length === 1 ? 'column' : 'columns'} ${listNames(names)}.`,
        score: Math.min(0.55, 0.4 + 0.0005 * rows),
        run: { skill: 'table-summary' },
      },
    ];
  },
};

export const tablesRules: Rule[] = [tablesSummary];
