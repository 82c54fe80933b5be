import { describe, expect, it } from 'vitest';
import { redactText } from './redact';
import { clipText, dropPartialToken } from './clip';

// Assembled at run time, so the source holds nothing a secret scanner flags.
const token = `ghp_${'aB3dE5'.repeat(6)}`;

describe('clipText', () => {
  it('leaves short text alone and cuts at a word end as a plain slice would', () => {
    expect(clipText('short', 10)).toBe('short');
    expect(clipText('alpha beta gamma', 6)).toBe('alpha ');
  });

  it('drops a token the cut went through, so no prefix of it is left for redaction to miss', () => {
    const line = `const auth = "${token}";`;
    const cut = clipText(line, line.indexOf(token) + token.length - 1);
    expect(cut).toBe('const auth = "');
    // The prefix alone is no longer recognisable: this is what clipping prevents.
    expect(redactText(line.slice(0, line.indexOf(token) + token.length - 1)).count).toBe(0);
  });

  it('drops a password whose closing quote the cut removed', () => {
    expect(clipText('password="CorrectHorseBatteryStaple" next', 30)).toBe('password="');
  });

  it('keeps a token that ends exactly at the cut, which redaction still sees whole', () => {
    const text = `${token} and more`;
    expect(clipText(text, token.length)).toBe(token);
    expect(dropPartialToken('abc ', 'x')).toBe('abc ');
  });
});
