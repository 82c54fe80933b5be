// Masks secrets (tokens, keys, passwords, JWTs, private keys) before captured text leaves the page.
import { keyTextOf, type KeyText } from './key-literal';

export interface RedactedText {
  text: string;
  count: number;
}

export interface RedactedValue<T> {
  value: T;
  count: number;
}

interface SecretRule {
  name: string;
  pattern: RegExp;
  /** Builds the replacement; by default the whole match becomes the marker. */
  replace?: (marker: string, ...groups: string[]) => string;
}

const marker = (name: string): string => `[redacted:${name}]`;

// A value already replaced by an earlier rule must not be counted twice.
const notAlreadyRedacted = '(?!\\[redacted:)';

// Query and fragment parameters whose value is a credential (matched case-insensitively).
const URL_SECRET_PARAMS = [
  'token', 'access_token', 'refresh_token', 'id_token', 'api_token', 'private_token', 'auth_token', 'auth',
  'apikey', 'api_key', 'key', 'secret', 'client_secret', 'password', 'passwd', 'sig', 'signature',
  'x-amz-signature', 'x-amz-security-token', 'x-amz-credential', 'x-goog-signature', 'x-goog-credential',
].join('|');

// Order matters: whole blocks and URLs first, so later token rules do not split them.
const SECRET_RULES: SecretRule[] = [
  {
    name: 'private-key',
    // An unterminated block (cut by a length limit) is masked to the end of the text.
    pattern: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)/g,
  },
  {
    name: 'slack-webhook',
    pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]{10,}/g,
  },
  {
    name: 'password',
    // The user may be empty (https://:password@host).
    // The scheme starts where no scheme character precedes it (a \b start re-scanned "a.a.a…" quadratically).
    pattern: /(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/)([^\s:@/?#]*):(?!\[redacted:)([^\s@/?#]+)@/gi,
    replace: (name, scheme = '', user = '') => `${scheme}${user}:${name}@`,
  },
  { name: 'github-token', pattern: /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/g },
  { name: 'github-token', pattern: /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g },
  {
    name: 'openai-key',
    // Real keys mix digits and capitals; requiring both keeps kebab-case slugs like "sk-foo-bar" safe.
    pattern: /\bsk-(?:proj-|svcacct-|admin-)?(?=[A-Za-z0-9_-]*[0-9])(?=[A-Za-z0-9_-]*[A-Z])[A-Za-z0-9_-]{32,}/g,
  },
  { name: 'aws-access-key', pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g },
  {
    name: 'aws-secret-key',
    pattern: /\b(aws_secret_access_key|aws_secret_key|secret_access_key|secretAccessKey)(["']?\s*[:=]\s*["']?)([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi,
    replace: (name, key = '', separator = '') => `${key}${separator}${name}`,
  },
  { name: 'stripe-key', pattern: /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}/g },
  { name: 'gitlab-token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}/g },
  { name: 'npm-token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/g },
  // Real keys mix in digits; "SG.configuration_value.another_setting" in prose does not.
  { name: 'sendgrid-key', pattern: /\bSG\.(?=[A-Za-z0-9_.-]*\d)[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/g },
  { name: 'slack-token', pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/g },
  { name: 'google-api-key', pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
  { name: 'jwt', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{10,}/g },
  {
    name: 'authorization',
    // An HTTP Authorization header or a bare bearer token, as logs and curl examples print them; a value
    // without a digit is a word ("Bearer authentication-scheme").
    pattern: /\b((?:Authorization\s*:\s*(?:Bearer|Basic|token|Token)|Bearer)\s+)(?!\[redacted:)(?=[A-Za-z0-9._~+/-]*\d)([A-Za-z0-9._~+/-]{16,}=*)/g,
    replace: (name, prefix = '') => `${prefix}${name}`,
  },
  {
    name: 'secret',
    // `password=hunter2`, `api_key = "abc"`: keep the name so the reader knows what was there.
    pattern: new RegExp(
      `\\b(password|passwd|pwd|secret|client_secret|api[_-]?key|apikey|access[_-]?token|auth[_-]?token)(\\s*=\\s*)(["']?)${notAlreadyRedacted}([^\\s"'&,;<>]{3,})(?:\\3|$)`,
      'gi',
    ),
    replace: (name, key = '', separator = '', quote = '') => `${key}${separator}${quote}${name}${quote}`,
  },
  {
    name: 'secret',
    // JSON or YAML with a quoted value: `"password": "hunter2"`. Unquoted `Password: Reset` prose is left alone.
    pattern: new RegExp(
      `(["']?)\\b(password|passwd|secret|client_secret|api[_-]?key|apikey|access[_-]?token|auth[_-]?token)\\1(\\s*:\\s*)(["'])${notAlreadyRedacted}([^"'\\n]{3,})(?:\\4|$)`,
      'gi',
    ),
    replace: (name, keyQuote = '', key = '', separator = '', quote = '') =>
      `${keyQuote}${key}${keyQuote}${separator}${quote}${name}${quote}`,
  },
  {
    name: 'url-secret',
    // Credentials carried in a link's query or fragment: OAuth tokens, API keys, signed-URL signatures.
    // Last: a known token keeps its own name, and `password=` / `secret=` their `secret` one.
    pattern: new RegExp(
      `([?&#](?:${URL_SECRET_PARAMS})=)${notAlreadyRedacted}([^&#\\s"'<>;(){}$\`]{8,})`,
      'gi',
    ),
    replace: (name, parameter = '') => `${parameter}${name}`,
  },
];

// Every rule above needs one of these fragments in the text (case ignored, so this matches a superset).
// Most captured strings (diff lines, titles, cells) contain none, and one scan rejects them instead of
// thirteen: on a 10,000-line pull request that is most of redaction's cost.
const MIGHT_HOLD_SECRET =
  /PRIVATE KEY|hooks\.slack\.com|:\/\/[^\s:@/?#]*:|gh[pousr]_|github_pat_|sk-|AKIA|ASIA|xox[abprs]-|AIza|eyJ|passw|pwd|secret|api|token|[?&#](?:key|auth|sig|signature|x-amz-[a-z-]+|x-goog-[a-z-]+)=|bearer|authorization|[sr]k_(?:live|test)_|glpat-|npm_|SG\.[A-Za-z0-9_-]{16}/i;

export function redactText(text: string): RedactedText {
  const ruled = applyRules(text);
  // Whole blocks are gone by now; an END left over may close a key whose start is not in this text (a
  // window of a file or a log that opens inside the key). Only the key lines are looked at again.
  if (!KEY_END.test(ruled.text)) return ruled;
  const tails = redactLines(ruled.text.split('\n'), false);
  return { text: tails.value.join('\n'), count: ruled.count + tails.count };
}

function applyRules(text: string): RedactedText {
  if (!MIGHT_HOLD_SECRET.test(text)) return { text, count: 0 };
  let count = 0;
  let result = text;
  for (const rule of SECRET_RULES) {
    rule.pattern.lastIndex = 0;
    if (!rule.pattern.test(result)) continue;
    rule.pattern.lastIndex = 0;
    const replacement = marker(rule.name);
    result = result.replace(rule.pattern, (...args: unknown[]) => {
      count += 1;
      if (!rule.replace) return replacement;
      // args: match, ...groups, offset, whole string (no named groups are used).
      const groups = args.slice(1, -2).map((group) => (typeof group === 'string' ? group : ''));
      return rule.replace(replacement, ...groups);
    });
  }
  return { text: result, count };
}

const NO_NEWLINE = '\\ No newline at end of file';
const KEY_BEGIN = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/;
const KEY_END = /-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/;
// What may stand before a key's text on a line: a diff marker (added, removed, context), a log's timestamp.
const LINE_PREFIX = /^(?:[+\- ])?(?:\d{4}-\d\d-\d\dT[\d:.]+Z )?/;
// The lines of a PEM block: base64, a header ("Proc-Type: 4,ENCRYPTED") or nothing. Tested on the trimmed
// line: optional spaces around an optional body backtracked quadratically on a long run of spaces.
const KEY_BODY = /^(?:[A-Za-z0-9+/=]*|[A-Za-z-]+: .*)$/;
// Above a lone END, only full key lines (base64 of some length) are taken for the key's.
const KEY_BASE64_LINE = /^[A-Za-z0-9+/=]{16,}$/;
// An END that closes a key fills its line (after a diff marker or a timestamp, maybe inside a string
// literal); one inside code or prose ("const FOOTER = '-----END PRIVATE KEY-----'") closes nothing.
const KEY_END_ALONE = /^-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----$/;
// The last line of a key may be short; the ones before it are full.
const KEY_LAST_LINE = /^[A-Za-z0-9+/=]{4,}$/;

/** The line's key text: without its prefix, its spaces and any string-literal wrapping. */
function keyTextAfter(line: string, prefix: string): KeyText {
  return keyTextOf(line.slice(prefix.length).trim());
}

function keyTextOfLine(line: string): string {
  return keyTextAfter(line, LINE_PREFIX.exec(line)?.[0] ?? '').text;
}

/**
 * Whether the END marker at `index` is the whole of its line's text: as it is ('plain'), or as a string
 * literal ('quoted'), which closes a key only below a line of key text (a constant holding the marker
 * is code, not a key).
 */
function endsKeyAlone(line: string, index: number): 'plain' | 'quoted' | undefined {
  // The prefix is looked for before the marker only: its first dash is no diff marker.
  const key = keyTextAfter(line, LINE_PREFIX.exec(line.slice(0, index))?.[0] ?? '');
  if (!KEY_END_ALONE.test(key.text)) return undefined;
  return key.quoted ? 'quoted' : 'plain';
}

/** The line's prefix (kept, so a diff still reads as one) and whether the rest could go on a key. */
function keyLine(line: string): { prefix: string; body: boolean } {
  const prefix = LINE_PREFIX.exec(line)?.[0] ?? '';
  const key = keyTextAfter(line, prefix);
  // A literal goes on a key when it ends a line of the key (`\n`) or is a full line of it, so that code
  // after a BEGIN in a condition ('pkcs8', null) is not taken for key text.
  const body = KEY_BODY.test(key.text) && (!key.quoted || key.newline || key.text.length >= 16);
  return { prefix, body };
}

/**
 * The lines of one text (a diff hunk, a log excerpt, a window of a file), each redacted, with a private
 * key spread over several of them masked whole. Line by line, only its BEGIN line would match, and the
 * key itself would pass; a window that opens inside a key has its END line and the key lines above it.
 * Masking stops at the first line that cannot be part of a key, so a key cut short (a one-line JSON
 * key clipped by a length limit) does not swallow the code after it.
 */
export function redactLines(lines: string[], applyingRules = true): RedactedValue<string[]> {
  // Lines of a text the rules have already been through are only looked at for keys.
  const rules = (text: string): RedactedText => (applyingRules ? applyRules(text) : { text, count: 0 });
  let count = 0;
  let insideKey = false;
  const masked = (line: string) => `${keyLine(line).prefix}${marker('private-key')}`;
  const result: string[] = [];
  for (const line of lines) {
    // A diff's "\ No newline at end of file" annotates the line before it: inside a key, the key goes on after it.
    if (insideKey && line.startsWith(NO_NEWLINE)) {
      result.push(line);
      continue;
    }
    const end = KEY_END.exec(line);
    if (insideKey && !end && keyLine(line).body) {
      result.push(masked(line));
      continue;
    }
    const alone = end === null || insideKey ? undefined : endsKeyAlone(line, end.index);
    const closesKey =
      end !== null &&
      !KEY_BEGIN.test(line.slice(0, end.index)) &&
      (insideKey || alone === 'plain' || (alone === 'quoted' && KEY_LAST_LINE.test(keyTextOfLine(lines[result.length - 1] ?? ''))));
    if (end && closesKey) {
      // A key's last line: masked up to its END, with the key lines above it when this text does not
      // hold its BEGIN line (whose masking already covered them otherwise).
      if (!insideKey) {
        count += 1;
        for (let row = result.length - 1; row >= 0; row--) {
          const previous = lines[row] ?? '';
          const body = keyTextAfter(previous, keyLine(previous).prefix).text;
          const looksLikeKey = row === result.length - 1 ? KEY_LAST_LINE.test(body) : KEY_BASE64_LINE.test(body);
          if (!looksLikeKey || result[row]?.includes('[redacted:')) break;
          result[row] = masked(previous);
        }
      }
      insideKey = false;
      const after = rules(line.slice(end.index + end[0].length));
      count += after.count;
      // What stood before END is kept when it is only the line's prefix and a literal's opening (`+  "`):
      // with letters or digits, it may be the key's last text.
      const before = line.slice(0, end.index);
      const prefix = LINE_PREFIX.exec(before)?.[0] ?? '';
      const kept = /[A-Za-z0-9]/.test(before.slice(prefix.length)) ? prefix : before;
      result.push(`${kept}${marker('private-key')}${after.text}`);
      continue;
    }
    insideKey = false;
    const redacted = rules(line);
    count += redacted.count;
    // A key that begins here and does not end on this line goes on over the next ones.
    const begin = line.includes('PRIVATE KEY') ? KEY_BEGIN.exec(line) : null;
    if (begin && !KEY_END.test(line.slice(begin.index + begin[0].length))) insideKey = true;
    result.push(redacted.text);
  }
  return { value: result, count };
}

/**
 * A line that names paths (a diff's `diff --git a/x b/y`, `--- a/x`, `rename from x`, `Binary files a/x
 * and b/y differ`), already redacted whole, with each space- or tab-separated piece redacted on its own: a
 * parser cuts the paths out of the line, and a quoted value that ends a path (`a/password='hunter2.txt b/…`)
 * is a secret only once the path ends there.
 */
export function redactPathPieces(line: string): RedactedText {
  let count = 0;
  const text = line
    .split(/([ \t])/)
    .map((piece) => {
      if (piece === ' ' || piece === '\t' || piece === '') return piece;
      const redacted = redactText(piece);
      count += redacted.count;
      return redacted.text;
    })
    .join('');
  return { text, count };
}

const isTable = (value: unknown): value is string[][] =>
  Array.isArray(value) && value.length > 1 && value.every((row) => Array.isArray(row) && row.every((cell) => typeof cell === 'string'));

function redactTable(rows: string[][]): RedactedValue<string[][]> {
  let count = 0;
  const result = rows.map((row) => [...row]);
  const width = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  for (let column = 0; column < width; column++) {
    const present = rows.flatMap((row, index) => (column < row.length ? [index] : []));
    const redacted = redactLines(present.map((index) => rows[index]![column]!));
    count += redacted.count;
    present.forEach((index, at) => {
      result[index]![column] = redacted.value[at]!;
    });
  }
  return { value: result, count };
}

/** Redacts every string inside a JSON-like value (objects, arrays); keys are left as they are. */
export function redactDeep<T>(value: T): RedactedValue<T> {
  let count = 0;
  const visit = (current: unknown): unknown => {
    if (typeof current === 'string') {
      const redacted = redactText(current);
      count += redacted.count;
      return redacted.text;
    }
    if (isTable(current)) {
      // A table's rows hold cells, not lines; each column is read as the lines of one text (a code
      // viewer's table shows a key one row at a time).
      const redacted = redactTable(current);
      count += redacted.count;
      return redacted.value;
    }
    if (Array.isArray(current) && current.length > 1 && current.every((entry) => typeof entry === 'string')) {
      // Arrays of strings are read as lines of one text (hunks, logs), so a key over several lines is caught.
      const redacted = redactLines(current as string[]);
      count += redacted.count;
      return redacted.value;
    }
    if (Array.isArray(current)) return current.map(visit);
    if (current !== null && typeof current === 'object') {
      const copy: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(current)) copy[key] = visit(child);
      return copy;
    }
    return current;
  };
  const result = visit(value) as T;
  return { value: result, count };
}
