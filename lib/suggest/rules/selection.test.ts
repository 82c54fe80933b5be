import { describe, expect, it } from 'vitest';
import { contextOf, doc, pull } from '../../../test/fixtures/suggest/contexts';
import { selectionExplain } from './selection';

describe('selection-explain', () => {
  it('quotes the selection in the question, on any kind of page', () => {
    for (const context of [
      contextOf('docs', doc(), { selection: '  The quick brown fox  ' }),
      contextOf('github.pull', pull(), { selection: 'The quick brown fox' }),
    ]) {
      const [card] = selectionExplain.suggest(context);
      expect(card?.title).toBe('Explain the selection');
      expect(card?.why).toBe('You selected 4 words: “The quick brown fox”.');
      expect(card?.run).toEqual({ ask: 'Explain this selection: “The quick brown fox”' });
    }
  });

  it('truncates a long selection on a word boundary', () => {
    const selection = Array.from({ length: 300 }, (_unused, index) => `w${index}`).join(' ');
    const [card] = selectionExplain.suggest(contextOf('docs', doc(), { selection }));
    const run = card?.run as { ask: string };
    expect(run.ask.length).toBeLessThan(460);
    expect(run.ask.startsWith('Explain this selection: “w0 w1 w2')).toBe(true);
    expect(run.ask.endsWith('…”')).toBe(true);
    // Cut between words, never inside one.
    expect(run.ask).toMatch(/ w\d+…”$/);
    expect(card?.why).toContain('300 words');
  });

  it('stays quiet without a selection or with only whitespace', () => {
    expect(selectionExplain.suggest(contextOf('docs', doc()))).toEqual([]);
    expect(selectionExplain.suggest(contextOf('docs', doc(), { selection: ' \n ' }))).toEqual([]);
  });
});
