import { expect, it } from 'vitest';
import { sanitiseViews } from './sanitise-views';

it('keeps well-formed views and drops malformed ones', () => {
  const raw = [
    { type: 'table', columns: ['a'], rows: [[1], [null]] },
    { type: 'table', columns: ['a'], rows: [[1, 2]] },
    { type: 'table', columns: ['a'], rows: [[{ nested: true }]] },
    { type: 'markdown', text: 'ok' },
    { type: 'markdown', text: 5 },
    { type: 'chart', series: [{ name: 's', values: [1, 2] }], marks: [1] },
    { type: 'chart', series: [{ name: 's', values: ['1'] }] },
    { type: 'script', code: 'alert(1)' },
    'text',
  ];
  expect(sanitiseViews(raw)).toEqual({
    views: [
      { type: 'table', columns: ['a'], rows: [[1], [null]] },
      { type: 'markdown', text: 'ok' },
      { type: 'chart', series: [{ name: 's', values: [1, 2] }], marks: [1] },
    ],
    dropped: 6,
  });
});

it('treats anything but an array as no views', () => {
  expect(sanitiseViews({ type: 'markdown', text: 'x' })).toEqual({ views: [], dropped: 0 });
});
