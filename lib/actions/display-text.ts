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

/** `text` in runs, each hidden character on its own with its code point, so a card can show where they are. */
export function hiddenCharacterRuns(text: string): { text: string; codePoint?: string }[] {
  const runs: { text: string; codePoint?: string }[] = [];
  let last = 0;
  for (const match of text.matchAll(hiddenCharacters)) {
    if (match.index > last) runs.push({ text: text.slice(last, match.index) });
    const codePoint = match[0].codePointAt(0) ?? 0;
    runs.push({ text: match[0], codePoint: `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}` });
    last = match.index + match[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last) });
  return runs;
}

/** `text` with each invisible character written as its code point, for a terminal. */
export function showHiddenCharacters(text: string): string {
  return hiddenCharacterRuns(text).map((run) => (run.codePoint === undefined ? run.text : `⟨${run.codePoint}⟩`)).join('');
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Characters as a reader counts them: an emoji or a tag character is one, not two UTF-16 units. */
export function characterCount(text: string): number {
  return [...text].length;
}
