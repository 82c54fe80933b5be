// Whether the value given to a secret-like name is a secret, or only looks like one: a placeholder
// (`<your-token>`, `xxxxxxxx`, `changeme`), a reference (`${API_KEY}`, `process.env.TOKEN`, `getPassword()`),
// an empty or a word-like value. Modelled on what secret scanners allow (detect-secrets' heuristics,
// gitleaks' allowlists), so the page stays readable where nothing is hidden.
import { shannonEntropy } from './entropy';
import type { SecretKind } from './secret-names';

const PLACEHOLDER_WORDS = new Set(['true', 'false', 'null', 'nil', 'none', 'undefined', 'empty', 'changeme', 'changeit', 'change_me',
  'password', 'passwd', 'secret', 'token', 'apikey', 'api_key', 'key', 'example', 'sample', 'placeholder', 'dummy', 'redacted', 'hidden',
  'masked', 'todo', 'tbd', 'fixme', 'string', 'str', 'required', 'optional', 'default', 'value', 'your_password', 'mypassword',
  'yourpassword', 'test', 'testing', 'foo', 'bar', 'baz', 'foobar', 'admin', 'root', 'user', 'username', 'guest', 'pass', 'secret123', 'password123']);

// Words that say a value is made up for documentation or tests (detect-secrets skips values with "fake").
const MADE_UP = /fake|dummy|example|placeholder|sample|your[_-]?(?:own|api|secret|token|key|pass)|replace[_-]?me|insert[_-]?|xxxx|\*\*\*|\.\.\.|•••|<[^>]*>|\[redacted:/i;

// References to a value held elsewhere: environment and template variables, even inside quotes.
const TEMPLATES = [
  /^\$\{[^}]*\}$/, // ${PASSWORD}, ${{ secrets.TOKEN }}
  /^\$\{\{.*\}\}$/,
  /^\$[A-Za-z_][\w.]*$/, // $PASSWORD, $input
  /^\$\(/, // $(cat /run/secrets/x)
  /^%[\w.()-]+%$/, // %PASSWORD%
  /^%\([\w.]+\)s$/, // %(password)s
  /^\{\{[\s\w.|'"()-]*\}\}$/, // {{ password }}
  /^\{[\w.-]*\}$/, // {password}
  /^#\{[^}]*\}$/, // #{password}
  /^<%=?[^%]*%>$/,
];
// Code that computes the value, outside quotes: a member (`cfg.db.password`, `process.env.TOKEN`), a call
// (`getPassword()`, `fs.readFileSync('x'`), an index (`request.json['x']`).
const CODE = [
  /^(?:process\.env|os\.environ|os\.getenv|System\.getenv|ENV\[|env\(|getenv\(|import\.meta\.env|Deno\.env|secrets\.|vars\.)/,
  /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/,
  /^[A-Za-z_$][\w$.]*\s*\(|[\w\]]\[[^\]]*\]|\w\s*\([^)]*\)/,
  /^[A-Za-z_$][\w$.]*[[(]$/, // cut at a quote: request.json['x'] read as request.json[
];
// Runs a scanner's allowlist treats as no secret: a counting sequence or an alphabet.
const SEQUENCE = /0123456789|123456789|abcdefghij|ABCDEFGHIJ|qwerty/i;

/** Whether the value is a word or a few (a plain setting, an identifier), not a secret. */
function isWordLike(value: string): boolean {
  if (/^[a-z]+(?:[-_. ][a-z]+)*$/.test(value)) return true; // lower-case words: created_at, my-secret-name
  if (/^[A-Z][a-z]+(?:[-_. ]?[A-Z]?[a-z]+)*$/.test(value)) return true; // Reset, SomeValue, Hello world
  if (/^[A-Z]+(?:_[A-Z]+)*$/.test(value)) return true; // CONSTANT_NAME
  if (/^[a-z]+(?:[A-Z][a-z]+)+$/.test(value)) return true; // camelCase
  return false;
}

/** `quoted`: a literal, where what reads like code is text. */
export function isPlaceholder(value: string, quoted = false): boolean {
  const lower = value.toLowerCase();
  if (PLACEHOLDER_WORDS.has(lower)) return true;
  if (/^(.)\1+$/.test(value)) return true; // xxxxxxxx, ********, 00000000
  if (MADE_UP.test(value) || SEQUENCE.test(value)) return true;
  if (TEMPLATES.some((pattern) => pattern.test(value))) return true;
  return !quoted && CODE.some((pattern) => pattern.test(value));
}

/**
 * `quoted`: the value stood in quotes, so it is a literal and not code. A password is a secret even when
 * weak; a token or a key must look random (letters and digits, some entropy), since `key: created_at`
 * and `token_type: bearer` are settings.
 */
export function isSecretValue(value: string, kind: SecretKind, quoted: boolean): boolean {
  if (value.length < 3 || value.length > 1000 || /\s/.test(value)) return false;
  if (isPlaceholder(value, quoted)) return false;
  // A path or a link names where the secret is, not the secret (key_file = /etc/ssl/key.pem).
  if (/^(?:~|\.{1,2})?\/[\w./-]*$|^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return false;
  if (kind === 'password' || kind === 'secret') {
    if (quoted) return value.length >= 4 || /\d/.test(value);
    return value.length >= 4 && !isWordLike(value) && !/^\d{1,5}$/.test(value);
  }
  // A version (`rc0.13.0_2023`, `jackson-0.11.2`) is no token.
  if (/\d+\.\d+\.\d+/.test(value)) return false;
  // A cookie or session value is long; a short one is a name or a setting.
  if (value.length < (kind === 'session' ? 16 : 8) || isWordLike(value) || /^[\w./-]+\.(?:pem|key|crt|cer|p12|pfx|jks|json|ya?ml|txt|env|ini|conf|keytab|gpg|asc)$/i.test(value)) return false;
  const digits = /\d/.test(value);
  const letters = /[A-Za-z]/.test(value);
  const mixedCase = /[a-z]/.test(value) && /[A-Z]/.test(value);
  // Sixteen digits and more: a numeric token, not a count or a date.
  if (!letters) return value.length >= 16 && /^\d+$/.test(value);
  // Symbols scattered among letters (`{h}o)p$e]n`) make a value random without digits.
  const symbols = new Set(value.replace(/[\w./-]/g, '')).size;
  if (!digits && !(mixedCase && value.length >= 12) && symbols < 3) return false;
  return shannonEntropy(value) >= (value.length < 16 ? 2.5 : 3);
}
