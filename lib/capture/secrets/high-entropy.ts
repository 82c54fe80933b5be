// Random-looking strings that no rule names, as detect-secrets finds them: base64 with enough entropy, and
// hex in quotes. Hashes that pages show for what they are (a commit's 40 hex digits, a SHA-256, a data URI,
// a subresource integrity, a path segment of a link, a public key) are left readable.
import { shannonEntropy } from './entropy';
import type { Masked } from './assignments';

// A run is 24 or more of these, then up to two `=`: `=` only as padding, since inside a run it is an
// assignment (`primaryKey=…`), whose value is looked at alone. Found by a loop over character codes: a
// pattern for runs cost a quarter of redacting a long page, most of it on words far shorter than a run.
const RUN_CHAR = new Uint8Array(128);
for (const character of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-') RUN_CHAR[character.charCodeAt(0)] = 1;
const MIN_RUN = 24;
const EQUALS = 61;

const isRunChar = (code: number): boolean => code < 128 && RUN_CHAR[code] === 1;

/** Each run's start and end (its padding included), left to right. */
function runsIn(text: string): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let at = 0;
  while (at < text.length) {
    if (!isRunChar(text.charCodeAt(at))) {
      at += 1;
      continue;
    }
    let end = at + 1;
    while (end < text.length && isRunChar(text.charCodeAt(end))) end += 1;
    if (end - at >= MIN_RUN) {
      const start = at;
      for (let padding = 0; padding < 2 && text.charCodeAt(end) === EQUALS; padding++) end += 1;
      runs.push([start, end]);
    }
    at = end;
  }
  return runs;
}
// Names whose value is random by design but no secret.
const PUBLIC_NAME = /(?:public|pub|csrf|xsrf|nonce|integrity|checksum|hash|digest|etag|sha\d*|md5|fingerprint|id|uuid|guid|commit|revision|rev)[\w-]*\\?["']?\s*[:=]{1,2}\s*\\?["']?$/i;

function isHighEntropy(run: string, quoted: boolean): boolean {
  const value = run.replace(/=+$/, '');
  if (/^[a-f0-9]+$/.test(value) || /^[A-F0-9]+$/.test(value)) {
    // A commit (40) or a SHA-256 (64) is shown for what it is; other hex in quotes is a key.
    return quoted && value.length >= 32 && value.length !== 40 && value.length !== 64 && shannonEntropy(value) >= 3;
  }
  // Unquoted, a shorter run may be anything base64 (a hash, an id); a key's length is beyond doubt.
  if (!quoted && value.length < 50) return false;
  if (!/[a-z]/.test(value) || !/[A-Z]/.test(value) || !/\d/.test(value)) return false;
  return shannonEntropy(value) >= 4.5;
}

export function maskHighEntropy(text: string): Masked {
  const runs = runsIn(text);
  let count = 0;
  const pieces: string[] = [];
  let kept = 0;
  for (const [offset, end] of runs) {
    const run = text.slice(offset, end);
    const before = text.charAt(offset - 1);
    if (before === '/' || before === '#' || before === '?' || before === '@' || before === '.') continue;
    const after = text.charAt(end);
    const quoted = /["'`]/.test(before) && before === after;
    // The run itself first: most runs (rules of dashes, words joined by underscores) fail it at once,
    // and the look at the line before the run costs the most.
    if (!isHighEntropy(run, quoted)) continue;
    if (/^sha\d+-/.test(run) || text.endsWith('base64,', offset)) continue;
    const lineStart = text.lastIndexOf('\n', offset) + 1;
    const lead = text.slice(Math.max(lineStart, offset - 80), offset);
    // A link's query value: named secrets there are caught by their parameter's name.
    if (before === '=' && /:\/\/\S*$/.test(lead)) continue;
    if (PUBLIC_NAME.test(lead)) continue;
    count += 1;
    pieces.push(text.slice(kept, offset), '[redacted:high-entropy]');
    kept = end;
  }
  return { text: count === 0 ? text : `${pieces.join('')}${text.slice(kept)}`, count };
}
