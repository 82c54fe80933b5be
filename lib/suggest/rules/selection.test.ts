import { describe, expect, it } from 'vitest';
import { contextOf, doc, pull } from '../../../test/fixtures/suggest/contexts';
import { selectionExplain } from './selection';

describe('selection-explain', () => {
  it('asks Tandem’s own question with the selection as a quote, on any kind of page', () => {
    for (const context of [
      contextOf('docs', doc(), { selection: '  The quick brown fox  ' }),
      contextOf('github.pull', pull(), { selection: 'The quick brown fox' }),
    ]) {
      const [card] = selectionExplain.suggest(context);
      expect(card?.title).toBe('Explain the selection');
      expect(card?.why).toBe('You selected 4 words: “The quick brown fox”.');
      expect(card?.run).toEqual({ ask: 'Explain the selected text.', quote: { of: 'selection', text: 'The quick brown fox' } });
    }
  });

  it('truncates a long selection on a word boundary', () => {
    const selection = Array.from({ length: 300 }, (_unused, index) => `w${index}`).join(' ');
    const [card] = selectionExplain.suggest(contextOf('docs', doc(), { selection }));
    const quote = (card?.run as { quote: { text: string } }).quote.text;
    expect(quote.length).toBeLessThan(420);
    expect(quote.startsWith('w0 w1 w2')).toBe(true);
    // Cut between words, never inside one.
    expect(quote).toMatch(/ w\d+…$/);
    expect(card?.why).toContain('300 words');
  });

  it('stays quiet without a selection or with only whitespace', () => {
    expect(selectionExplain.suggest(contextOf('docs', doc()))).toEqual([]);
    expect(selectionExplain.suggest(contextOf('docs', doc(), { selection: ' \n ' }))).toEqual([]);
  });
});
