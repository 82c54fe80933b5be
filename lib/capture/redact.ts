// Masks secrets (tokens, keys, passwords, JWTs, private keys) before captured text leaves the page.

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
    pattern: /\b([a-z][a-z0-9+.-]*:\/\/)([^\s:@/?#]+):([^\s@/?#]+)@/gi,
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
  { name: 'slack-token', pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/g },
  { name: 'google-api-key', pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
  { name: 'jwt', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{10,}/g },
  {
    name: 'secret',
    // `password=hunter2`, `api_key = "abc"`: keep the name so the reader knows what was there.
    pattern: new RegExp(
      `\\b(password|passwd|pwd|secret|client_secret|api[_-]?key|apikey|access[_-]?token|auth[_-]?token)(\\s*=\\s*)(["']?)${notAlreadyRedacted}([^\\s"'&,;<>]{3,})\\3`,
      'gi',
    ),
    replace: (name, key = '', separator = '', quote = '') => `${key}${separator}${quote}${name}${quote}`,
  },
  {
    name: 'secret',
    // JSON or YAML with a quoted value: `"password": "hunter2"`. Unquoted `Password: Reset` prose is left alone.
    pattern: new RegExp(
      `(["']?)\\b(password|passwd|secret|client_secret|api[_-]?key|apikey|access[_-]?token|auth[_-]?token)\\1(\\s*:\\s*)(["'])${notAlreadyRedacted}([^"'\\n]{3,})\\4`,
      'gi',
    ),
    replace: (name, keyQuote = '', key = '', separator = '', quote = '') =>
      `${keyQuote}${key}${keyQuote}${separator}${quote}${name}${quote}`,
  },
];

// Every rule above needs one of these fragments in the text (case ignored, so this matches a superset).
// Most captured strings (diff lines, titles, cells) contain none, and one scan rejects them instead of
// thirteen: on a 10,000-line pull request that is most of redaction's cost.
const MIGHT_HOLD_SECRET =
  /PRIVATE KEY|hooks\.slack\.com|:\/\/[^\s:@/?#]+:|gh[pousr]_|github_pat_|sk-|AKIA|ASIA|xox[abprs]-|AIza|eyJ|passw|pwd|secret|api|token/i;

export function redactText(text: string): RedactedText {
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

const KEY_BEGIN = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/;
const KEY_END = /-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/;
// A diff line's first character says added, removed or context: kept, so the diff still reads as one.
const DIFF_MARKER = /^[+\- ]/;

/**
 * The lines of one text (a diff hunk, a log excerpt), each redacted, and a private key spread over
 * several of them masked whole: line by line, only its first line would hold the BEGIN marker, and the
 * key itself would pass.
 */
export function redactLines(lines: string[]): RedactedValue<string[]> {
  let count = 0;
  let insideKey = false;
  // Whether the key's lines carry a diff marker before the text (the BEGIN line showed one).
  let marked = false;
  const masked = (line: string) => `${marked ? DIFF_MARKER.exec(line)?.[0] ?? '' : ''}${marker('private-key')}`;
  const result = lines.map((line) => {
    if (insideKey) {
      const end = KEY_END.exec(line);
      if (!end) return masked(line);
      insideKey = false;
      const after = redactText(line.slice(end.index + end[0].length));
      count += after.count;
      return `${masked(line)}${after.text}`;
    }
    const redacted = redactText(line);
    count += redacted.count;
    // A key that begins here and does not end on this line goes on over the next ones.
    const begin = line.includes('PRIVATE KEY') ? KEY_BEGIN.exec(line) : null;
    if (begin && !KEY_END.test(line.slice(begin.index + begin[0].length))) {
      insideKey = true;
      marked = begin.index > 0 && DIFF_MARKER.test(line);
    }
    return redacted.text;
  });
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
