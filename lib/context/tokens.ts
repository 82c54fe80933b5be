// Token counts in the o200k_base encoding (GPT-4o family), the unit of every prompt budget.

import { countTokens as countO200k, isWithinTokenLimit } from 'gpt-tokenizer/encoding/o200k_base';

// Page text may contain "<|endoftext|>" and the like; the tokenizer throws on them by default.
// They are counted as ordinary text, which is how the API receives them in a message.
const PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

export function countTokens(text: string): number {
  if (text.length === 0) return 0;
  return countO200k(text, PLAIN_TEXT);
}

/** True when `text` fits in `limit` tokens; stops encoding as soon as the limit is passed. */
export function fitsInTokens(text: string, limit: number): boolean {
  if (text.length === 0) return true;
  return isWithinTokenLimit(text, limit, PLAIN_TEXT) !== false;
}
