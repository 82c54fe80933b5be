// Field schemas that many shapes share, each wording its own refusal by the field's name.
import * as z from 'zod/mini';

const nonEmptyMessage = (key: string) => `\`${key}\` must be a non-empty string.`;

/** A string with something other than white space in it. */
export function nonEmptyString(key: string) {
  return z.string({ error: nonEmptyMessage(key) }).check(z.refine((value) => value.trim() !== '', { error: nonEmptyMessage(key), abort: true }));
}
