import { describe, expect, it } from 'vitest';
import { columnFits } from './table-fit';

describe('columnFits', () => {
  it('keeps short columns on one line and wraps a column of long text at about three lines', () => {
    const rows = [
      ['path', 'added', 'note'],
      ['src/sync/retry.ts', '38', 'Needs a test for the backoff ceiling before merging'],
      ['README.md', '6', 'Docs only'],
    ];
    expect(columnFits(rows)).toEqual([{ wrap: false }, { wrap: false }, { wrap: true, minCh: 17 }]);
  });

  it('never makes a wrapping column wider than a panel can show beside another', () => {
    expect(columnFits([['x'.repeat(400)]])).toEqual([{ wrap: true, minCh: 40 }]);
  });

  it('wraps a column whose header alone is long, and copes with ragged rows', () => {
    expect(columnFits([['Share of the change in this file, in percent', 'x'], ['12%']])).toEqual([{ wrap: true, minCh: 16 }, { wrap: false }]);
    expect(columnFits([])).toEqual([]);
  });
});
