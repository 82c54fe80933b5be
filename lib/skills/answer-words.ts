// Small wording helpers shared by the pull-request answers, so every list and count reads the same way.

/** A name as inline code. */
export function code(name: string): string {
  return `\`${name}\``;
}

/** "a", "a and b", "a, b, c and 2 more". */
export function listWords(items: readonly string[], limit = 3): string {
  const shown = items.slice(0, limit);
  const more = items.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** "1 branch", "3 branches", "2 files". */
export function plural(count: number, word: string): string {
  if (count === 1) return `1 ${word}`;
  return `${count} ${/(ch|sh|s|x)$/.test(word) ? `${word}es` : `${word}s`}`;
}
