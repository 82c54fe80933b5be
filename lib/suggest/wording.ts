// Small phrasing helpers so every card's `why` reads the same way.

/** `1 check`, `3 checks`; `plural` defaults to the singular plus "s". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}

/** A whole count with thousands separators: 10,000 reads faster than 10000. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** `a, b and c` or `a, b, c and 4 more`: names shown in full up to `max`. */
export function listNames(names: readonly string[], max = 3): string {
  if (names.length === 0) return '';
  if (names.length === 1) return names[0]!;
  if (names.length <= max) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/** Text cut to `maxChars` on a word boundary when one is near, with an ellipsis when cut. */
export function shorten(text: string, maxChars: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxChars) return flat;
  const cut = flat.slice(0, maxChars);
  const lastSpace = cut.lastIndexOf(' ');
  return `${lastSpace > maxChars * 0.6 ? cut.slice(0, lastSpace) : cut}…`;
}

/** A number as people read it on a dashboard: 3 significant digits, whole numbers from 1000 up. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const magnitude = Math.abs(value);
  if (magnitude >= 1000 || magnitude === 0) return Math.round(value).toLocaleString('en-US');
  return String(Number(value.toPrecision(3)));
}

/** Distinct values in first-seen order. */
export function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}
