// Makes model- or page-supplied strings safe to show on a card: what the user reads must be what runs.

// Bidirectional overrides and isolates reorder what the eye sees; zero-width characters and Unicode
// tag characters hide text (tags are the "ASCII smuggling" carrier for instructions to other models).
const hiddenCharacters = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\u061C\uFEFF]|\uDB40[\uDC00-\uDC7F]/g;
// eslint-disable-next-line no-control-regex -- control characters are exactly what this strips
const controlCharacters = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

/** One line, no hidden characters, at most `length` characters: for labels and addresses in a sentence. */
export function displayLine(text: string, length = 80): string {
  const flat = text.replace(hiddenCharacters, '').replace(controlCharacters, ' ').replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1)}…`;
}

/** How many characters in `text` the user cannot see. */
export function countHiddenCharacters(text: string): number {
  return (text.match(hiddenCharacters) ?? []).length;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Characters as a reader counts them: an emoji or a tag character is one, not two UTF-16 units. */
export function characterCount(text: string): number {
  return [...text].length;
}
