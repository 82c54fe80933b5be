import { describe, expect, it } from 'vitest';
import { jsonSizeBound, shrinkToFit } from './limits';

describe('shrinkToFit', () => {
  it('leaves a value that fits untouched', () => {
    const value = { text: 'short', items: [1, 2, 3] };
    expect(shrinkToFit(value, 1000)).toEqual([]);
    expect(value).toEqual({ text: 'short', items: [1, 2, 3] });
  });

  it('cuts the largest string first and keeps the small fields', () => {
    const value = { title: 'Title', text: 'x'.repeat(10_000), outline: ['a', 'b'] };
    const cut = shrinkToFit(value, 2_000);
    expect(JSON.stringify(value).length).toBeLessThanOrEqual(2_000);
    expect(value.title).toBe('Title');
    expect(value.outline).toEqual(['a', 'b']);
    expect(value.text.endsWith('… [cut]')).toBe(true);
    expect(cut).toHaveLength(1);
    expect(cut[0]).toMatch(/^\d+ characters of page\.text \(size limit\)$/);
  });

  it('drops the tail of a long array of similar items', () => {
    const files = Array.from({ length: 1000 }, (_unused, index) => ({ path: `src/file-${index}.ts`, lines: ['+a', '-b'] }));
    const value = { files };
    const cut = shrinkToFit(value, 10_000);
    expect(JSON.stringify(value).length).toBeLessThanOrEqual(10_000);
    expect(value.files[0]?.path).toBe('src/file-0.ts');
    expect(value.files.length).toBeLessThan(1000);
    expect(value.files.length).toBeGreaterThan(100);
    expect(cut).toEqual([`${1000 - value.files.length} items of page.files (size limit)`]);
  });
});

describe('jsonSizeBound', () => {
  // Values whose JSON is as long as possible for their size: every kind of escape, nesting, numbers.
  const values: unknown[] = [
    '',
    'plain text',
    'line one\nline two\t"quoted" \\ back\u0001\u001f',
    '\u0000'.repeat(50),
    'é ✓ 漢字 😀',
    'lone \ud800 and \udfff surrogates, then a pair \ud83d\ude00',
    [-1.7976931348623157e308, 1.2345e-300, -0, 12, true, false, null],
    { nested: { deeper: [{ a: '"' }, { b: '\\\\' }] }, empty: {}, list: [] },
    { skipped: undefined, kept: 'x' },
    [-0.0000012345678901234567, -0.0000012345678901234567],
    [undefined, undefined, () => 1],
    new Array(100),
    -123456789.123456,
  ];
  it.each(values.map((value) => [JSON.stringify(value), value]))('is never below the JSON length of %s', (_label, value) => {
    expect(jsonSizeBound(value)).toBeGreaterThanOrEqual(JSON.stringify(value).length);
  });

  it('stays close for ordinary page data, so the exact count is rarely needed', () => {
    const page = { text: 'A paragraph of prose.\n\n'.repeat(1000), files: Array.from({ length: 50 }, (_unused, index) => ({ path: `src/f${index}.ts`, additions: index })) };
    expect(jsonSizeBound(page)).toBeLessThan(JSON.stringify(page).length * 1.5);
  });
});
