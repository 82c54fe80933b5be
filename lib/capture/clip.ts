// Cutting text at a length limit can leave the first part of a secret behind, where no redaction rule
// recognises it any more: a token missing its last characters, a password missing its closing quote.
// Every cut made before redaction goes through here.

/** Characters a token, key or password value is made of (base64, base64url, hex, URL-encoding). */
function isTokenChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) ||
    code === 95 /* _ */ || code === 45 /* - */ || code === 43 /* + */ || code === 47 /* / */ ||
    code === 61 /* = */ || code === 46 /* . */ || code === 126 /* ~ */ || code === 37 /* % */
  );
}

/** `head`, the start of a longer text, without the run of token characters the cut went through. */
export function dropPartialToken(head: string, next: string): string {
  if (next === '' || !isTokenChar(next.charCodeAt(0))) return head;
  let end = head.length;
  while (end > 0 && isTokenChar(head.charCodeAt(end - 1))) end -= 1;
  return head.slice(0, end);
}

/** `text` cut to at most `max` characters, never through the middle of a token. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  return dropPartialToken(text.slice(0, max), text.charAt(max));
}
