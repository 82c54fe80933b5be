// Masks secrets (tokens, keys, passwords, JWTs, private keys) before captured text leaves the page.
import { keyTextOf, type KeyText } from './key-literal';
import { maskAssignments, maskKubernetesSecret, NAME_HINTS } from './secrets/assignments';
import { maskHighEntropy } from './secrets/high-entropy';
import { combineTokenRules, TOKEN_RULES } from './secrets/provider-tokens';
import { secretLabel, secretName } from './secrets/secret-names';
import { isPlaceholder, isSecretValue } from './secrets/secret-values';

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
  /** Whether a match is a secret (counted); by default every match is. */
  counts?: (match: string, ...groups: string[]) => boolean;
  /** What the lower-cased text must hold for the rule to be tried: one look instead of a pattern's scan. */
  needle?: string | RegExp;
}

const marker = (name: string): string => `[redacted:${name}]`;

// Query and fragment parameters whose value is a credential (matched case-insensitively), besides those
// whose name says so (secretName).
const URL_SECRET_PARAM_SET = new Set([
  'token', 'access_token', 'refresh_token', 'id_token', 'api_token', 'private_token', 'auth_token', 'auth',
  'apikey', 'api_key', 'key', 'secret', 'client_secret', 'password', 'passwd', 'sig', 'signature',
  'x-amz-signature', 'x-amz-security-token', 'x-amz-credential', 'x-goog-signature', 'x-goog-credential',
]);

const isEmptyKey = (body: string, end: string): boolean => end !== '' && body.replace(/\s|\\[nr]/g, '').length < 32;

// A cookie's value is session state when it looks random; `theme=dark` is a preference.
const isCookieSecret = (value: string): boolean => !value.startsWith('[redacted:') && isSecretValue(value.trim(), 'token', true);

// A link's password that stands for one given elsewhere: a variable, a template, a mask.
const URL_PASSWORD_PLACEHOLDER = /^(?:\$\{?\w+\}?|%\w+%|\{\{.*\}\}|<[^>]*>|<%.*%>|\*+|x+|\.\.\.)$/i;

// Order matters: whole blocks and URLs first, so later token rules do not split them.
const URL_RULES: SecretRule[] = [
  {
    name: 'private-key',
    needle: 'private key',
    // An unterminated block (cut by a length limit) is masked to the end of the text.
    pattern: /(-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----)([\s\S]*?)(-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)/g,
    // A closed block with next to nothing inside is a format's example or a test of a parser, not a key.
    counts: (_match, _begin = '', body = '', end = '') => !isEmptyKey(body, end),
    replace: (name, begin = '', body = '', end = '') => (isEmptyKey(body, end) ? `${begin}${body}${end}` : name),
  },
  {
    name: 'slack-webhook',
    needle: 'hooks.slack',
    // From the host on: an optional scheme in front would be tried at every position of every text.
    pattern: /hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/+-]{10,}/g,
  },
  { name: 'teams-webhook', needle: 'webhook.office', pattern: /https:\/\/[a-z0-9-]+\.webhook\.office\.com\/webhookb2\/[A-Za-z0-9@/-]{40,}/g },
  { name: 'discord-webhook', needle: 'discord', pattern: /https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d+\/[A-Za-z0-9_-]{20,}/g },
  {
    name: 'basic-auth',
    needle: '://',
    // The user may be empty (https://:password@host). A web URL's credentials are HTTP basic auth; any
    // other scheme's are a connection string's (postgres://, redis://, amqp://…).
    // The scheme starts where no scheme character precedes it (a \b start re-scanned "a.a.a…" quadratically).
    // The match starts at `://` and looks back for the scheme: tried from every word, the scheme was most
    // of the cost of a page full of links. The scheme stays out of the match, so it is kept as it is.
    pattern: /:\/\/(?<=(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*):\/\/)([^\s:@/?#'"]*):(?!\[redacted:)([^\s@/?#'"]+)@/gi,
    counts: (_match, _scheme = '', _user = '', password = '') => !URL_PASSWORD_PLACEHOLDER.test(password),
    replace: (_name, scheme = '', user = '', password = '') =>
      URL_PASSWORD_PLACEHOLDER.test(password)
        ? `://${user}:${password}@`
        : `://${user}:${marker(/^https?$/i.test(scheme) ? 'basic-auth' : 'connection-string')}@`,
  },
];

const HEADER_RULES: SecretRule[] = [
  {
    name: 'aws-secret-key',
    needle: 'secret',
    pattern: /\b(aws_secret_access_key|aws_secret_key|secret_access_key|secretAccessKey)(["']?\s*[:=]\s*["']?)([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi,
    // AWS's documentation key (…EXAMPLEKEY) is shown for what it is.
    counts: (_match, _key = '', _separator = '', value = '') => !isPlaceholder(value, true),
    replace: (name, key = '', separator = '', value = '') => `${key}${separator}${isPlaceholder(value, true) ? value : name}`,
  },
  {
    name: 'authorization',
    needle: 'basic',
    // HTTP Basic credentials: base64 of user:password, which need not hold a digit.
    pattern: /\b((?:Proxy-)?Authorization\\?["']?\s*[:=]\s*\\?["']?Basic\s+)(?!\[redacted:)([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])/gi,
    replace: (name, prefix = '') => `${prefix}${name}`,
  },
  {
    name: 'authorization',
    // Either word: `Authorization: Token …` or a bare `Bearer …`.
    needle: /authorization|bearer/,
    // An HTTP Authorization header (any scheme, or none) or a bare bearer token, as logs and curl examples
    // print them; a value without a digit is a word ("Bearer authentication-scheme").
    pattern: /\b((?:(?:Proxy-)?Authorization\\?["']?\s*[:=]\s*\\?["']?(?:(?:Bearer|Token|token|Api-Token|Digest|ApiKey|Api-Key|Key|SSWS|OAuth|GenieKey|Klaviyo-API-Key|Splunk)\s+)?)|Bearer\s+)(?!\[redacted:)(?=[A-Za-z0-9._~+/-]{0,200}\d)([A-Za-z0-9._~+/-]{16,}=*)/g,
    replace: (name, prefix = '') => `${prefix}${name}`,
  },
  {
    name: 'cookie',
    needle: 'cookie:',
    // A request's cookies are all session state: every value goes, the names stay.
    // A response's Set-Cookie sets one cookie, whose attributes (Path, Expires) are no secrets.
    pattern: /(\b(Set-)?Cookie:[ \t]*)([^\r\n]+)/gi,
    replace: (name, prefix = '', set = '', cookies = '') => {
      const pairs = set ? /^()([^=;\s]+=)([^;]+)/ : /(^|;\s*)([^=;\s]+=)([^;]+)/g;
      const masked = cookies.replace(pairs, (whole, separator: string, cookie: string, value: string) =>
        isCookieSecret(value) ? `${separator}${cookie}${name}` : whole);
      return `${prefix}${masked}`;
    },
    counts: (_match, _prefix = '', set = '', cookies = '') =>
      (set ? [/^[^=;\s]+=([^;]+)/.exec(cookies)?.[1] ?? ''] : [...cookies.matchAll(/(?:^|;\s*)[^=;\s]+=([^;]+)/g)].map((pair) => pair[1] ?? '')).some(isCookieSecret),
  },
  {
    name: 'curl-user',
    needle: 'curl',
    // `curl -u user:password` (or --user): the password goes, the user stays.
    pattern: /(\bcurl\b[^\n]{0,300}?\s(?:-u|--user)(?:\s+|=)["']?[^\s:"']*:)(?!\[redacted:)([^\s"']{3,})/g,
    counts: (_match, _prefix = '', password = '') => !isPlaceholder(password),
    replace: (name, prefix = '', password = '') => `${prefix}${isPlaceholder(password) ? password : name}`,
  },
  {
    name: 'secret',
    needle: 'value=',
    // A setting written as attributes: `<add key="ClearTextPassword" value="…" />` (NuGet), `<entry
    // name="api_token" value="…"/>`, `<param name="password" value="…">`.
    pattern: /(<[A-Za-z][\w:.-]*\s+(?:key|name)=["']([^"'<>]{1,80})["']\s+value=["'])([^"'<>]{1,1000})(?=["'])/gi,
    replace: (name, prefix = '', key = '', value = '') => {
      const secret = secretName(key);
      return secret && isSecretValue(value, secret.kind, true) ? `${prefix}${marker(secretLabel(secret))}` : `${prefix}${value}`;
    },
    counts: (_match, _prefix = '', key = '', value = '') => {
      const secret = secretName(key);
      return secret !== undefined && isSecretValue(value, secret.kind, true);
    },
  },
  {
    name: 'sidekiq-secret',
    needle: 'contribsys',
    pattern: /(\bBUNDLE_(?:ENTERPRISE|GEMS)__CONTRIBSYS__COM["']?\s*[:=]\s*["']?)([a-f0-9]{8}:[a-f0-9]{8})/gi,
    replace: (name, prefix = '') => `${prefix}${name}`,
  },
];

const URL_PARAMETER_RULE: SecretRule = {
  name: 'url-secret',
  needle: '=',
  // Credentials carried in a link's query or fragment: OAuth tokens, API keys, signed-URL signatures, and
  // any parameter whose name says it holds a secret. After the tokens: a known token keeps its own name.
  pattern: /([?&#]([A-Za-z0-9_.-]{1,60})=)(?!\[redacted:)([^&#\s"'<>;(){}$`]{8,})/g,
  replace: (name, parameter = '', key = '', value = '') =>
    (URL_SECRET_PARAM_SET.has(key.toLowerCase()) || secretName(key)) && !isPlaceholder(value) ? `${parameter}${name}` : `${parameter}${value}`,
  counts: (_match, _parameter = '', key = '', value = '') => (URL_SECRET_PARAM_SET.has(key.toLowerCase()) || secretName(key) !== undefined) && !isPlaceholder(value),
};

const TOKENS = combineTokenRules(TOKEN_RULES);

// Every regex rule above needs one of these fragments in the text (case ignored, so this matches a
// superset). Most captured strings (diff lines, titles, cells) contain none, and one scan rejects them.
const MIGHT_HOLD_RULED_SECRET = /PRIVATE KEY|hooks\.slack|webhook|:\/\/[^\s:@/?#]*:|secret|bearer|authorization|cookie|curl|password|contribsys|value=|[?&#][\w.-]*=/i;
// The fragments above and the words a secret's name holds (NAME_HINTS, which `kind: Secret` holds
// too), in one scan: most lines of a diff or a page hold none, and are spared the three scans behind it.
// Masks add no such word that the rules would take up (a marker's label is no name), so the text as it
// came in decides.
const MIGHT_HOLD_NAMED_SECRET = new RegExp(`${NAME_HINTS}|hooks\\.slack|webhook|:\\/\\/[^\\s:@/?#]*:|curl|contribsys|value=|[?&#][\\w.-]*=`, 'i');

function applyRule(rule: SecretRule, state: RedactedText, lower: string): RedactedText {
  const { needle } = rule;
  if (needle !== undefined && !(typeof needle === 'string' ? lower.includes(needle) : needle.test(lower))) return state;
  rule.pattern.lastIndex = 0;
  if (!rule.pattern.test(state.text)) return state;
  rule.pattern.lastIndex = 0;
  let count = state.count;
  const replacement = marker(rule.name);
  const text = state.text.replace(rule.pattern, (...args: unknown[]) => {
    // args: match, ...groups, offset, whole string (no named groups are used).
    const groups = args.slice(1, -2).map((group) => (typeof group === 'string' ? group : ''));
    if (!rule.counts || rule.counts(String(args[0]), ...groups)) count += 1;
    return rule.replace ? rule.replace(replacement, ...groups) : replacement;
  });
  return { text, count };
}

// A token's shape filled with a placeholder (`AKIAXXXXXXXXXXXXXXXX`, `sk_live_xxxxxxxx…`, …EXAMPLE): documentation.
const MADE_UP_TOKEN = /[xX]{8,}|0{12,}|\*{4,}|EXAMPLE|example/;

function applyTokens(state: RedactedText): RedactedText {
  let count = state.count;
  const pieces: string[] = [];
  let kept = 0;
  for (const { index, end, rule } of TOKENS.find(state.text)) {
    const match = state.text.slice(index, end);
    if (match.includes('[redacted:') || MADE_UP_TOKEN.test(match)) continue;
    pieces.push(state.text.slice(kept, index), marker(rule.name));
    kept = end;
    count += 1;
  }
  let text = kept === 0 ? state.text : `${pieces.join('')}${state.text.slice(kept)}`;
  if (!TOKENS.anyNeedle.test(text)) return { text, count };
  for (const { rule, pattern } of TOKENS.needled) {
    const { needle } = rule;
    if (!(typeof needle === 'string' ? text.includes(needle) : needle!.test(text))) continue;
    pattern.lastIndex = 0;
    text = text.replace(pattern, (match: string) => {
      if (match.includes('[redacted:')) return match;
      count += 1;
      return marker(rule.name);
    });
  }
  return { text, count };
}

const withMasked = (state: RedactedText, mask: (text: string) => RedactedText): RedactedText => {
  const masked = mask(state.text);
  return { text: masked.text, count: state.count + masked.count };
};

export function redactText(text: string): RedactedText {
  const ruled = applyRules(text);
  // Whole blocks are gone by now; an END left over may close a key whose start is not in this text (a
  // window of a file or a log that opens inside the key). Only the key lines are looked at again.
  // A block kept whole (an empty example) has its BEGIN still there: its END closes nothing unseen.
  if (!KEY_END.test(ruled.text) || KEY_BEGIN.test(ruled.text)) return ruled;
  const tails = redactLines(ruled.text.split('\n'), false);
  return { text: tails.value.join('\n'), count: ruled.count + tails.count };
}

// Every provider token and every random-looking string holds a digit, an underscore or (an AWS key id of
// base32 letters) a long run of capitals; most prose holds none, and is spared the two widest scans.
// Two scans: one class alone is read faster than an alternation, and most lines stop at their first digit.
const MIGHT_HOLD_TOKEN = /[\d_]/;
const MIGHT_HOLD_CAPITALS = /[A-Z]{16}/;

function applyRules(text: string): RedactedText {
  let state: RedactedText = { text, count: 0 };
  const named = MIGHT_HOLD_NAMED_SECRET.test(text);
  const ruled = named && MIGHT_HOLD_RULED_SECRET.test(text);
  const tokens = MIGHT_HOLD_TOKEN.test(text) || MIGHT_HOLD_CAPITALS.test(text);
  // Masks only shorten the text and keep its words, so the needles of later rules are still found here.
  const lower = ruled ? text.toLowerCase() : '';
  if (ruled) for (const rule of URL_RULES) state = applyRule(rule, state, lower);
  if (tokens) state = applyTokens(state);
  if (ruled) for (const rule of HEADER_RULES) state = applyRule(rule, state, lower);
  if (named) state = withMasked(withMasked(state, maskKubernetesSecret), maskAssignments);
  if (ruled) state = applyRule(URL_PARAMETER_RULE, state, lower);
  return tokens ? withMasked(state, maskHighEntropy) : state;
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
