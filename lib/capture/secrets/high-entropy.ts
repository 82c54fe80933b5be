// Random-looking strings that no rule names, as detect-secrets finds them: base64 with enough entropy, and
// hex in quotes. Hashes that pages show for what they are (a commit's 40 hex digits, a SHA-256, a data URI,
// a subresource integrity, a path segment of a link, a public key) are left readable.
import { shannonEntropy } from './entropy';
import type { Masked } from './assignments';

// `=` only as padding: inside a run it is an assignment (`primaryKey=…`), whose value is looked at alone.
// Tried only where a run starts: from inside a word, a short one would be re-read from each letter.
const RUN = /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{24,}={0,2}/g;
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
  RUN.lastIndex = 0;
  if (!RUN.test(text)) return { text, count: 0 };
  let count = 0;
  const result = text.replace(RUN, (run: string, offset: number) => {
    const before = text.charAt(offset - 1);
    if (before === '/' || before === '#' || before === '?' || before === '@' || before === '.') return run;
    if (/^sha\d+-/.test(run) || text.endsWith('base64,', offset)) return run;
    const lineStart = text.lastIndexOf('\n', offset) + 1;
    const lead = text.slice(Math.max(lineStart, offset - 80), offset);
    // A link's query value: named secrets there are caught by their parameter's name.
    if (before === '=' && /:\/\/\S*$/.test(lead)) return run;
    if (PUBLIC_NAME.test(lead)) return run;
    const after = text.charAt(offset + run.length);
    const quoted = /["'`]/.test(before) && before === after;
    if (!isHighEntropy(run, quoted)) return run;
    count += 1;
    return '[redacted:high-entropy]';
  });
  return { text: result, count };
}
