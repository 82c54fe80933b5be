// A line of code as a piece of a private key: the key's text without what a programming language wraps
// around a string (Java's leading `+ "…\n"`, `'…',` in an array, Python's b"…", Objective-C's @"…", PHP's
// `"…" .`, a comment after it) or a shell's trailing `\`. Scanned by hand: patterns for the trailing part
// backtracked quadratically on long runs of operators or backslashes, and page text is hostile.

export interface KeyText {
  /** The text a key's line would be made of (base64, a PEM header, an END marker). */
  text: string;
  /** Whether it stood in a string literal. */
  quoted: boolean;
  /** Whether the literal ended with an escaped newline (`\n`, `\r\n`, `\\n`), as a key's lines do. */
  newline: boolean;
}

const QUOTES = `"'\``;
// Before the opening quote: concatenation or separators, then at most one string prefix letter or `@`.
const BEFORE_QUOTE = /^[+.,(\s]*(?:[bBrRuU@])?$/;
// After the closing quote: operators and separators, then perhaps a comment.
const AFTER_QUOTE = /^[\s+.,;)]*(?:(?:\/\/|#).*)?$/;

/** `trimmed`: the line without its diff marker or timestamp, trimmed. */
export function keyTextOf(trimmed: string): KeyText {
  let open = -1;
  for (let index = 0; index < trimmed.length; index++) {
    if (QUOTES.includes(trimmed.charAt(index))) {
      open = index;
      break;
    }
  }
  if (open === -1) {
    // A PEM line as it is, or continued in a shell.
    const text = trimmed.endsWith('\\') ? trimmed.slice(0, -1).trimEnd() : trimmed;
    return { text, quoted: false, newline: false };
  }
  const quote = trimmed.charAt(open);
  const close = trimmed.lastIndexOf(quote);
  // An unclosed literal is a line cut short: what follows the quote is all there is.
  const inner = close > open ? trimmed.slice(open + 1, close) : trimmed.slice(open + 1);
  const after = close > open ? trimmed.slice(close + 1) : '';
  if (!BEFORE_QUOTE.test(trimmed.slice(0, open)) || !AFTER_QUOTE.test(after)) return { text: trimmed, quoted: false, newline: false };
  const end = endWithoutEscapedNewlines(inner);
  return { text: inner.slice(0, end), quoted: true, newline: end < inner.length };
}

/** Where `text` ends once trailing escaped newlines (`\n`, `\r`, with one backslash or more) are off. */
function endWithoutEscapedNewlines(text: string): number {
  let end = text.length;
  for (;;) {
    const last = text.charAt(end - 1);
    if (last !== 'n' && last !== 'r') return end;
    let slash = end - 1;
    while (slash > 0 && text.charAt(slash - 1) === '\\') slash -= 1;
    if (slash === end - 1) return end;
    end = slash;
  }
}
