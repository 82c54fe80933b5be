// The configured API key, masked as an exact string wherever it appears in what goes to the model: page
// text, the user's question, earlier turns, tool and script output. Done here, at the one place requests
// leave, because the key must never be handed to a content script to look for.

export const API_KEY_MARKER = '[redacted:api-key]';

// A shorter "key" is a word as much as a secret: masking it would cut ordinary text apart.
const MIN_LENGTH = 8;

/** A copy of `value` with every occurrence of each secret replaced; `value` itself when none occurs. */
export function maskExact<T>(value: T, secrets: readonly string[] | undefined): T {
  const masked = (secrets ?? []).filter((secret) => secret.length >= MIN_LENGTH);
  if (masked.length === 0) return value;
  const visit = (current: unknown): unknown => {
    if (typeof current === 'string') {
      return masked.reduce((text, secret) => (text.includes(secret) ? text.split(secret).join(API_KEY_MARKER) : text), current);
    }
    if (Array.isArray(current)) return current.map(visit);
    if (current !== null && typeof current === 'object') {
      return Object.fromEntries(Object.entries(current).map(([key, child]) => [key, visit(child)]));
    }
    return current;
  };
  return visit(value) as T;
}
