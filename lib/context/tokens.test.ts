import { describe, expect, it } from 'vitest';
import { countTokens, fitsInTokens } from './tokens';

describe('countTokens (o200k_base)', () => {
  it('counts known strings', () => {
    expect(countTokens('')).toBe(0);
    // "hello world" is two tokens in every OpenAI BPE encoding.
    expect(countTokens('hello world')).toBe(2);
    expect(countTokens('a '.repeat(100).trim())).toBe(100);
  });

  it('counts special-token text from a page as plain text instead of throwing', () => {
    expect(countTokens('before <|endoftext|> after')).toBeGreaterThan(3);
  });

  it('fitsInTokens agrees with countTokens at the limit', () => {
    const text = 'one two three four five';
    const count = countTokens(text);
    expect(fitsInTokens(text, count)).toBe(true);
    expect(fitsInTokens(text, count - 1)).toBe(false);
  });
});
