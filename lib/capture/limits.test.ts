import { describe, expect, it } from 'vitest';
import { shrinkToFit } from './limits';

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
