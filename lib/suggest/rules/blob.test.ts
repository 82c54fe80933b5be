import { describe, expect, it } from 'vitest';
import type { BlobData } from '../../context/types';
import { contextOf } from '../../../test/fixtures/suggest/contexts';
import { blobOutline } from './blob';

function blob(code: string, overrides: Partial<BlobData> = {}): BlobData {
  return { type: 'blob', path: 'src/cache.py', language: 'Python', lineCount: 120, code, codeStartLine: 1, truncated: false, ...overrides };
}

const python = ['class Cache:', '    def get(self, key):', '        return self.store[key]', '    def put(self, key, value):', '        self.store[key] = value', '# TODO: expire entries', 'def main():', '    pass'].join('\n');

describe('blob-outline', () => {
  it('offers an outline with what it found in the lines read', () => {
    const [card] = blobOutline.suggest(contextOf('github.blob', blob(python)));
    expect(card).toMatchObject({ title: 'Outline this file', run: { skill: 'file-outline' } });
    expect(card?.why).toBe('src/cache.py (Python, 120 lines): 4 declarations and 1 TODO marker in lines 1–8.');
  });

  it('asks what a selected range is part of, naming the declaration', () => {
    const [card] = blobOutline.suggest(contextOf('github.blob', blob(python, { selection: { start: 3, end: 3 } })));
    expect(card?.title).toBe('What is line 3 part of?');
    expect(card?.why).toBe('src/cache.py (Python, 120 lines): line 3 selected, inside function get.');
  });

  it('stays quiet on a short file with nothing to outline', () => {
    expect(blobOutline.suggest(contextOf('github.blob', blob('x = 1\ny = 2', { lineCount: 2 })))).toEqual([]);
  });
});
