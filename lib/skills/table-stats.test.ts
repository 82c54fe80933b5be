import { describe, expect, it } from 'vitest';
import { numericColumnStats, parseNumericCell } from './table-stats';

describe('table statistics', () => {
  it('parses numbers with separators, units and signs', () => {
    expect(parseNumericCell('1,234.5')).toBe(1234.5);
    expect(parseNumericCell(' -3 ms')).toBe(-3);
    expect(parseNumericCell('42%')).toBe(42);
    expect(parseNumericCell('$7')).toBe(7);
    expect(parseNumericCell('v1.2.3')).toBeNull();
    expect(parseNumericCell('abc')).toBeNull();
    expect(parseNumericCell('')).toBeNull();
  });

  it('summarises numeric columns only', () => {
    const stats = numericColumnStats(['host', 'load', 'mixed'], [
      ['a', '1', 'x'],
      ['b', '2', '1'],
      ['c', '6', 'y'],
      ['d', '3', '2'],
    ]);
    expect(stats).toEqual([{ column: 'load', count: 4, min: 1, max: 6, mean: 3, median: 2.5 }]);
  });
});
