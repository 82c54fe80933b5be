// What a schema refused, in words: each schema here words its own refusals (naming the field and what
// to do), so the messages are passed on as they are.
import type * as z from 'zod/mini';

/** The first thing wrong: enough for a person, who fixes one thing at a time. */
export function firstProblem(error: z.core.$ZodError): string {
  return error.issues[0]?.message ?? 'The value is not valid.';
}

/**
 * Everything wrong, so a model corrects all of it in one more call. Refusals that differ only in the
 * field they name ("`label` must be …", "`text` must be …") are said once for all those fields.
 */
export function allProblems(error: z.core.$ZodError): string {
  const fieldsByRefusal = new Map<string, string[]>();
  for (const { message } of error.issues) {
    const named = /^(`[^`]+`) (.+)$/s.exec(message);
    const [field, refusal] = named ? [named[1] ?? '', named[2] ?? ''] : ['', message];
    const fields = fieldsByRefusal.get(refusal) ?? [];
    if (!fields.includes(field)) fields.push(field);
    fieldsByRefusal.set(refusal, fields);
  }
  const sentences = [...fieldsByRefusal].map(([refusal, fields]) =>
    fields.length > 1 ? `${fields.join(', ')}: each ${refusal}` : `${fields[0] ?? ''} ${refusal}`.trim(),
  );
  return sentences.join(' ') || 'The value is not valid.';
}
