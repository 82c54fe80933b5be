import { describe, expect, it } from 'vitest';
import { contextOf, dashboard, generic } from '../../../test/fixtures/suggest/contexts';
import { tablesSummary } from './tables';

const runs = {
  caption: 'Runs',
  headers: ['Run', 'Branch', 'Duration', 'Tests'],
  rows: [
    ['#1', 'main', '12.5 s', '1,204'],
    ['#2', 'main', '13.1 s', '1,210'],
    ['#3', 'dev', '9.8 s', '1,190'],
    ['#4', 'dev', '11 s', '1,215'],
  ],
};

describe('tables-summary', () => {
  it('names the numeric columns and counts the rows', () => {
    const [card] = tablesSummary.suggest(contextOf('generic', generic({ tables: [runs] })));
    expect(card?.title).toBe('Summarise the table');
    expect(card?.why).toBe('1 table with 4 rows and numeric columns Duration and Tests.');
    expect(card?.run).toEqual({ skill: 'table-summary' });
  });

  it('covers every numeric table on a dashboard and skips tiny or text-only ones', () => {
    const people = { headers: ['Name', 'Team'], rows: [['Ana', 'A'], ['Ben', 'B'], ['Cy', 'C']] };
    const tiny = { headers: ['k', 'v'], rows: [['a', '1']] };
    const errors = { headers: ['Service', 'Errors'], rows: [['api', '3'], ['web', '0'], ['db', '12']] };
    const [card] = tablesSummary.suggest(contextOf('dashboard', dashboard({ tables: [runs, people, tiny, errors] })));
    expect(card?.title).toBe('Summarise the tables');
    expect(card?.why).toBe('2 tables with 7 rows and numeric columns Duration, Tests and Errors.');
  });

  it('stays quiet without numeric tables', () => {
    const people = { headers: ['Name', 'Team'], rows: [['Ana', 'A'], ['Ben', 'B'], ['Cy', 'C']] };
    expect(tablesSummary.suggest(contextOf('generic', generic({ tables: [people] })))).toEqual([]);
    expect(tablesSummary.suggest(contextOf('generic', generic()))).toEqual([]);
  });
});
