// Values given to secret-like names, in the syntaxes pages show them in: `DB_PASSWORD=…`, `password: …`
// (YAML, also as a block), `"token": "…"` (JSON, escaped JSON too), `api_key = '…'`, `const apiKey = "…"`,
// `var token string = "…"`, `$password = '…'`, `dict["secret"] = …`, `<password>…</password>`,
// `--password …`, `TOKEN := "…"` and the other make operators, `"key" => "…"`, `setToken("…")`, `token,…,`.
// The name is kept and only the value masked, labelled with the name's kind (and provider, when named).
//
// Scanned by hand from each place a secret word occurs: a pattern for "identifier containing a word, then
// an operator" re-scans long words quadratically, and page text is hostile.
import { secretLabel, secretName } from './secret-names';
import { isPlaceholder, isSecretValue } from './secret-values';

export interface Masked {
  text: string;
  count: number;
}

// Where a secret-like name may be: each hit is widened to the whole name around it.
export const NAME_HINTS = 'pass|pwd|pw|secret|token|key|cred|auth|cookie|session|sid|sig|salt|bearer|jwt|pat|mdp|contras';
const HINT = new RegExp(NAME_HINTS, 'gi');
const NAME_CHAR = /[A-Za-z0-9_.$-]/;
const MAX_NAME = 100;

// After a name: a closing quote (escaped in escaped JSON), `]` of an index, `[]`, a type annotation
// (`: string =`, Go's `token string =`), then the operator, an Objective-C `@`, a YAML block indicator, and
// the value's opening quote.
const AFTER_REST = String.raw`(\])?(?:\[\])?(?:(?:[ \t]*:[ \t]*|[ \t]+)[A-Za-z][\w.<>[\]?|]{0,30}(?=[ \t]*[:?+.]?=))?[ \t]*(=>|:{1,3}=|[?+.|]?=(?![=>])|->|:(?![:\\/])|,|\(|>)?[ \t]*@?(?:([|>][-+]?)[ \t]*\r?\n[ \t]*)?`;
const AFTER_QUOTED_NAME = new RegExp(`(\\\\*["'\`])?${AFTER_REST}`, 'y');
// A name that no quote opened is not closed by one either: in `apikey"…";` the quote opens the value.
const AFTER_NAME = new RegExp(`()${AFTER_REST}`, 'y');
const OPENING_QUOTE = /(\\*)(["'`])/y;
// Capped: a value longer than any secret is no assignment, and an uncapped scan from every name in a long
// run ("password=password=…") would read the rest of the text each time.
const MAX_VALUE = 1000;
const UNQUOTED = /[^\s"'`,;<]{1,1001}/y;

interface Value {
  start: number;
  end: number;
  quoted: boolean;
}

function nameAround(text: string, hit: number): { start: number; end: number } {
  let start = hit;
  while (start > 0 && hit - start < MAX_NAME && NAME_CHAR.test(text.charAt(start - 1))) start -= 1;
  let end = hit;
  while (end < text.length && end - hit < MAX_NAME && NAME_CHAR.test(text.charAt(end))) end += 1;
  // A name does not end in a sentence's full stop or a dash.
  while (end > start && /[.-]/.test(text.charAt(end - 1))) end -= 1;
  return { start, end };
}

function quotedValue(text: string, at: number): Value | undefined {
  OPENING_QUOTE.lastIndex = at;
  const open = OPENING_QUOTE.exec(text);
  if (!open) return undefined;
  const closing = `${open[1]}${open[2]}`;
  const start = at + open[0].length;
  const window = text.slice(start, start + MAX_VALUE + closing.length);
  let end = window.indexOf(closing);
  // An unescaped quote preceded by a backslash is part of the value.
  while (end > 0 && open[1] === '' && window.charAt(end - 1) === '\\') end = window.indexOf(closing, end + 1);
  const newline = window.indexOf('\n');
  if (end === -1 || (newline !== -1 && newline < end)) {
    // Unclosed on its line (cut short, or a quote inside a path): the value is its first word.
    UNQUOTED.lastIndex = start;
    const word = UNQUOTED.exec(text);
    return { start, end: start + (word?.[0].length ?? 0), quoted: true };
  }
  return { start, end: start + end, quoted: true };
}

function unquotedValue(text: string, at: number): Value | undefined {
  UNQUOTED.lastIndex = at;
  const match = UNQUOTED.exec(text);
  if (!match) return undefined;
  let value = match[0];
  // A call's closing bracket (`login(password=password)`) is not part of the value.
  for (const [open, close] of [['(', ')'], ['[', ']'], ['{', '}']] as const) {
    while (value.endsWith(close) && value.split(close).length > value.split(open).length) value = value.slice(0, -1);
  }
  return { start: at, end: at + value.length, quoted: false };
}

/** An element's text up to its closing tag, without the spaces and line breaks around it. */
function xmlValue(text: string, at: number): Value | undefined {
  const offset = text.slice(at, at + MAX_VALUE).indexOf('<');
  const close = at + offset;
  if (offset === -1 || !text.startsWith('</', close)) return undefined;
  const inner = text.slice(at, close);
  const start = at + (inner.length - inner.trimStart().length);
  const end = close - (inner.length - inner.trimEnd().length);
  return end > start ? { start, end, quoted: true } : undefined;
}

/** The value a name at [start, end) is given, if the text goes on as an assignment. */
function valueAfter(text: string, start: number, end: number): Value | undefined {
  const pattern = /["'`]/.test(text.charAt(start - 1)) ? AFTER_QUOTED_NAME : AFTER_NAME;
  pattern.lastIndex = end;
  const after = pattern.exec(text);
  if (!after) return undefined;
  const [whole, closeQuote, , operator, block] = after;
  const at = end + whole.length;
  if (operator === '>') return text.charAt(start - 1) === '<' && !closeQuote ? xmlValue(text, at) : undefined;
  if (block) return unquotedValue(text, at);
  // A list (`"secrets", "…"`) or a call's arguments (`getCookie('…')`) is no assignment; CSV's `name,value,`
  // is, unquoted; a setter call is, for a password (`setPassword("…")`).
  const quoted = operator === ',' ? undefined : quotedValue(text, at);
  if (quoted) return operator === '(' && !/pass|pwd|secret/i.test(text.slice(start, end)) ? undefined : quoted;
  const flag = text.startsWith('--', start) || (start > 0 && /\s-$/.test(text.slice(Math.max(0, start - 2), start)));
  // Without an operator only a quoted value or a command-line flag's argument is an assignment.
  if (!operator) return flag && whole.length > 0 ? unquotedValue(text, at) : undefined;
  if (operator === '(') return undefined;
  const value = unquotedValue(text, at);
  // CSV: `name,value,`: the value must end its field.
  if (operator === ',' && value && !/^(?:,|[ \t]*(?:\r?\n|$))/.test(text.slice(value.end, value.end + 3))) return undefined;
  return value;
}

export function maskAssignments(text: string): Masked {
  HINT.lastIndex = 0;
  if (!HINT.test(text)) return { text, count: 0 };
  HINT.lastIndex = 0;
  const pieces: string[] = [];
  let kept = 0;
  let count = 0;
  let hit: RegExpExecArray | null;
  while ((hit = HINT.exec(text)) !== null) {
    const name = nameAround(text, hit.index);
    HINT.lastIndex = Math.max(name.end, hit.index + 1);
    // The label of a value masked before (`[redacted:api-key]`) is no name.
    if (text.endsWith('[redacted:', name.start)) continue;
    // A link's query parameter is the URL rule's, which knows where the value ends (`&`, `#`).
    if (/[?&#]/.test(text.charAt(name.start - 1))) continue;
    // The value first: most words that hold a hint ("path", "signal") are followed by no assignment.
    const value = valueAfter(text, name.start, name.end);
    if (!value || value.start < kept) continue;
    const secret = secretName(text.slice(name.start, name.end).replace(/^[$@-]+/, ''));
    if (!secret) continue;
    const literal = text.slice(value.start, value.end).replace(/\\+$/, '');
    if (literal.includes('[redacted:') || !isSecretValue(literal, secret.kind, value.quoted)) continue;
    pieces.push(text.slice(kept, value.start), `[redacted:${secretLabel(secret)}]`);
    kept = value.start + literal.length;
    count += 1;
    HINT.lastIndex = Math.max(HINT.lastIndex, kept);
  }
  if (count === 0) return { text, count };
  pieces.push(text.slice(kept));
  return { text: pieces.join(''), count };
}

// A Kubernetes Secret's data: every value under `data:` or `stringData:` is a secret, whatever its key.
const KUBERNETES_SECRET = /^\s*kind:\s*["']?Secret["']?\s*$/m;
const DATA_BLOCK = /^([ \t]*)(?:data|stringData):[ \t]*$/;
const DATA_ENTRY = /^([ \t]+)([\w.-]+:[ \t]*)(\S.*)$/;

export function maskKubernetesSecret(text: string): Masked {
  // The word first: a line-anchored pattern is tried at every line of a long text.
  if (!text.includes('Secret') || !KUBERNETES_SECRET.test(text)) return { text, count: 0 };
  let count = 0;
  let blockIndent: number | undefined;
  const lines = text.split('\n').map((line) => {
    const block = DATA_BLOCK.exec(line);
    if (block) {
      blockIndent = block[1]!.length;
      return line;
    }
    const entry = blockIndent === undefined ? null : DATA_ENTRY.exec(line);
    if (!entry || entry[1]!.length <= blockIndent!) {
      if (line.trim() !== '' && !/^[ \t]/.test(line)) blockIndent = undefined;
      return line;
    }
    const value = entry[3]!.replace(/^["']|["']$/g, '');
    if (value === '' || value.includes('[redacted:') || /^[|>][-+]?$/.test(value) || isPlaceholder(value, true)) return line;
    count += 1;
    return `${entry[1]}${entry[2]}[redacted:kubernetes-secret]`;
  });
  return { text: count === 0 ? text : lines.join('\n'), count };
}
