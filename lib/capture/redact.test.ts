import { describe, expect, it } from 'vitest';
import { redactDeep, redactLines, redactText } from './redact';

// Fake secrets assembled at run time so the source never holds a string that scanners flag.
const repeat = (unit: string, length: number): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
const githubToken = `ghp_${repeat('aB3dE5', 36)}`;
const fineGrainedToken = `github_pat_${repeat('11AbCdE', 22)}_${repeat('xY9z', 59)}`;
const openaiKey = `sk-proj-${repeat('Ab1Cd2Ef3', 64)}`;
const legacyOpenaiKey = `sk-${repeat('T3BlbkFJ9x', 48)}`;
const awsAccessKey = `AKIA${repeat('Z7Q2', 16)}`;
const awsSecret = repeat('wJalrXUtnFEMI/K7MDENG+bPxRfiCY', 40);
const slackToken = `xoxb-${repeat('1234567890', 12)}-${repeat('AbCd', 24)}`;
const slackWebhook = `https://hooks.slack.com/services/T${repeat('0A1B', 8)}/B${repeat('9Z8Y', 10)}/${repeat('q1W2e3', 24)}`;
const googleKey = `AIza${repeat('Sy_9-kL2', 35)}`;
const jwt = `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.${repeat('dozjgNryP4J3jVmNHl0w5N', 43)}`;
const stripeKey = `sk_live_${repeat('4eC39HqLyjWDarjtT1zdp7dc', 24)}`;
const gitlabToken = `glpat-${repeat('xYz12AbC', 20)}`;
const npmToken = `npm_${repeat('a1B2c3D4', 36)}`;
const sendgridKey = `SG.${repeat('ngeVfQFYQlKU0uf', 22)}.${repeat('0O9n8M7l6K5j4', 43)}`;
const opaqueToken = repeat('Zq81mX0pLw', 32);
const pemKey = ['-----BEGIN RSA PRIVATE KEY-----', repeat('MIIEowIBAAKCAQEA', 64), repeat('q83Nf0', 64), '-----END RSA PRIVATE KEY-----'].join('\n');

describe('redactText', () => {
  it.each([
    ['github-token', `token: ${githubToken} ok`],
    ['github-token', `export GH=${fineGrainedToken}`],
    ['openai-key', `OPENAI_API_KEY ${openaiKey}`],
    ['openai-key', `key ${legacyOpenaiKey}.`],
    ['aws-access-key', `id ${awsAccessKey} here`],
    ['slack-token', `slack ${slackToken}`],
    ['slack-webhook', `post to ${slackWebhook} now`],
    ['google-api-key', `maps?key=${googleKey}&x=1`],
    ['jwt', `Authorization: Bearer ${jwt}`],
    ['private-key', `before\n${pemKey}\nafter`],
    ['stripe-key', `STRIPE_KEY ${stripeKey}`],
    ['gitlab-token', `export GITLAB_TOKEN=${gitlabToken}`],
    ['npm-token', `//registry.npmjs.org/:_authToken ${npmToken}`],
    ['sendgrid-key', `mail with ${sendgridKey}`],
    ['authorization', `curl -H "Authorization: Bearer ${opaqueToken}" https://api.example.com`],
    ['url-secret', `https://raw.example.com/file.txt?token=${opaqueToken}&raw=1`],
    ['url-secret', `https://bucket.s3.amazonaws.com/a.zip?X-Amz-Signature=${opaqueToken}`],
  ])('masks a %s', (name, text) => {
    const result = redactText(text);
    expect(result.count).toBe(1);
    expect(result.text).toContain(`[redacted:${name}]`);
    for (const secret of [githubToken, fineGrainedToken, openaiKey, legacyOpenaiKey, awsAccessKey, slackToken, slackWebhook, googleKey, jwt]) {
      expect(result.text).not.toContain(secret);
    }
    expect(result.text).not.toContain('MIIEowIBAAKCAQEA');
  });

  it('keeps the text around a private key and masks an unterminated block to the end', () => {
    expect(redactText(`before\n${pemKey}\nafter`).text).toBe('before\n[redacted:private-key]\nafter');
    const cut = redactText(`x\n-----BEGIN PRIVATE KEY-----\n${repeat('MIIEvQ', 80)}`);
    expect(cut.text).toBe('x\n[redacted:private-key]');
  });

  it('masks an AWS secret key only where the context names it', () => {
    const result = redactText(`aws_secret_access_key = ${awsSecret}\n`);
    expect(result.text).toBe('aws_secret_access_key = [redacted:aws-secret-key]\n');
    // The same 40 characters alone could be anything (a hash, base64): left alone.
    expect(redactText(`value ${awsSecret}`).count).toBe(0);
  });

  it('keeps the user and masks the password of a URL', () => {
    const result = redactText('clone https://alice:s3cr3t-pass@git.example.com/repo.git');
    expect(result.text).toBe('clone https://alice:[redacted:basic-auth]@git.example.com/repo.git');
    expect(result.count).toBe(1);
    expect(redactText('postgres://admin:hunter2@db:5432/app').text).toBe('postgres://admin:[redacted:connection-string]@db:5432/app');
  });

  it('keeps the name of a URL parameter or header and masks only its value, an empty user name included', () => {
    expect(redactText(`see https://x.example/p?id=7&access_token=${opaqueToken}&page=2`).text).toBe('see https://x.example/p?id=7&access_token=[redacted:url-secret]&page=2');
    expect(redactText(`https://x.example/cb#refresh_token=${opaqueToken}`).text).toBe('https://x.example/cb#refresh_token=[redacted:url-secret]');
    expect(redactText(`Authorization: Basic ${opaqueToken}`).text).toBe('Authorization: Basic [redacted:authorization]');
    expect(redactText('https://:hunter22@db.example:5432/app').text).toBe('https://:[redacted:basic-auth]@db.example:5432/app');
    // Words after "Bearer" in prose, and short or placeholder values, are not tokens.
    expect(redactText('Bearer authentication uses ?key=abc and Bearer <token>').count).toBe(0);
  });

  it('masks generic assignments but keeps the name', () => {
    expect(redactText('password=hunter22 next').text).toBe('password=[redacted:password] next');
    expect(redactText('API_KEY = "abc123def"').text).toBe('API_KEY = "[redacted:api-key]"');
    expect(redactText('{"client_secret": "xyz-789"}').text).toBe('{"client_secret": "[redacted:secret]"}');
    expect(redactText('?user=bob&secret=topsecret&x=1').text).toBe('?user=bob&secret=[redacted:url-secret]&x=1');
  });

  it('counts every secret once', () => {
    const text = `a ${githubToken} b ${awsAccessKey} c password=${openaiKey}`;
    const result = redactText(text);
    expect(result.count).toBe(3);
    expect(result.text).toBe('a [redacted:github-token] b [redacted:aws-access-key] c password=[redacted:openai-key]');
  });

  it.each([
    ['prose', 'The password policy requires a secret question. Password: Reset your password below.'],
    ['a git SHA', 'commit 3f786850e387550fdab836ed7e6dc881de23001b merged'],
    ['a UUID', 'request 123e4567-e89b-12d3-a456-426614174000 failed'],
    ['a kebab-case slug', 'see sk-learn-based-classifier-for-the-analysis-pipeline'],
    ['a base64 image', `<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==">`],
    ['a URL without a password', 'https://user@example.com/path?x=1 and https://example.com:8080/a'],
    ['a short ghp prefix', 'ghp_short and github_pat_ alone'],
    ['a placeholder', 'password=${PASSWORD}'.replace('${PASSWORD}', '')],
  ])('leaves %s alone', (_name, text) => {
    const result = redactText(text);
    expect(result.count).toBe(0);
    expect(result.text).toBe(text);
  });
});

describe('redactDeep', () => {
  it('redacts strings at any depth and leaves other values and keys alone', () => {
    const input = {
      title: `key ${githubToken}`,
      count: 3,
      flag: true,
      nested: { lines: ['ok', `+ token = "${githubToken}"`], empty: null },
      [`password`]: 'not a value to scan by key',
    };
    const result = redactDeep(input);
    expect(result.count).toBe(2);
    expect(result.value.title).toBe('key [redacted:github-token]');
    expect(result.value.nested.lines).toEqual(['ok', '+ token = "[redacted:github-token]"']);
    expect(result.value.count).toBe(3);
    expect(result.value.flag).toBe(true);
    expect(result.value.nested.empty).toBeNull();
    expect(input.title).toContain(githubToken);
  });
});

describe('a private key over several lines of a diff or a log', () => {
  const keyLines = pemKey.split('\n');

  it('masks every line of the key in a hunk, keeps each line’s diff marker, and counts the key once', () => {
    const hunk = { header: '@@ -0,0 +1,6 @@', lines: ['+# deploy key', ...keyLines.map((line) => `+${line}`), '+after = 1'] };
    const { value, count } = redactDeep({ files: [{ path: 'deploy/key.pem', hunks: [hunk] }] });
    const lines = value.files[0]!.hunks[0]!.lines;
    expect(lines).toEqual(['+# deploy key', '+[redacted:private-key]', '+[redacted:private-key]', '+[redacted:private-key]', '+[redacted:private-key]', '+after = 1']);
    expect(JSON.stringify(value)).not.toContain(keyLines[1]!.slice(0, 24));
    expect(count).toBe(1);
  });

  it('masks a key printed into a job log, and redacts what follows its end on the same line', () => {
    const log = ['Run cat key.pem', ...keyLines.slice(0, -1), `${keyLines.at(-1)} token=${githubToken}`, 'Done'];
    const { value, count } = redactDeep({ excerpts: [{ startLine: 1, lines: log, errorIndex: 0 }] });
    const lines = value.excerpts[0]!.lines;
    expect(lines[0]).toBe('Run cat key.pem');
    expect(lines.slice(1, 3)).toEqual(['[redacted:private-key]', '[redacted:private-key]']);
    expect(lines[4]).toBe('[redacted:private-key] token=[redacted:github-token]');
    expect(lines[5]).toBe('Done');
    expect(count).toBe(2);
  });

  it('leaves lines after a key alone once it has ended, and a key on one line is masked as before', () => {
    const { value } = redactDeep({ lines: [pemKey, 'plain line', 'another'] });
    expect(value.lines).toEqual(['[redacted:private-key]', 'plain line', 'another']);
  });
});

describe('a private key pasted into code as string literals', () => {
  const body = ['MIIEowIBAAKCAQEA', 'Zm9vYmFyYmF6cXV4', 'cXV4Zm9vYmFyYmF6'].map((unit) => unit.repeat(4));

  it('masks each quoted line of a key built by concatenation, keeping the diff markers', () => {
    const lines = [
      '+const key =',
      '+  "-----BEGIN RSA PRIVATE KEY-----\\n" +',
      ...body.map((line) => `+  "${line}\\n" +`),
      '+  "-----END RSA PRIVATE KEY-----\\n";',
      '+const other = 1;',
    ];
    const { value, count } = redactLines(lines);
    expect(value).toEqual([
      '+const key =',
      '+  "[redacted:private-key]',
      '+[redacted:private-key]',
      '+[redacted:private-key]',
      '+[redacted:private-key]',
      '+  "[redacted:private-key]\\n";',
      '+const other = 1;',
    ]);
    expect(count).toBe(1);
  });

  it.each([
    ['Java, the operator first', (line: string) => `+      + "${line}\\n"`],
    ['Python bytes', (line: string) => `+    b"${line}\\n"`],
    ['Objective-C', (line: string) => `+    @"${line}\\n"`],
    ['PHP concatenation', (line: string) => `+    "${line}\\n" .`],
    ['a comment after the literal', (line: string) => `+    "${line}\\n" + // test only`],
    ['a doubly escaped newline', (line: string) => `+    "${line}\\\\n" +`],
  ])('masks a key written in literals: %s', (_, literal) => {
    const lines = ['+String key =', literal('-----BEGIN PRIVATE KEY-----'), ...body.map(literal), literal('-----END PRIVATE KEY-----'), '+next();'];
    const { value, count } = redactLines(lines);
    expect(value.join('\n')).not.toMatch(/MIIE|Zm9v|cXV4/);
    expect(value.at(-1)).toBe('+next();');
    expect(count).toBe(1);
    // A window that opens inside the key: its END, in a literal, closes it.
    expect(redactLines(lines.slice(2)).value.join('\n')).not.toMatch(/MIIE|Zm9v|cXV4/);
  });

  it('leaves code around a BEGIN or END marker alone: constants, short literals, statements', () => {
    const footer = ['+export const PEM_FOOTER =', "+  '-----END PRIVATE KEY-----';"];
    expect(redactLines(footer)).toEqual({ value: footer, count: 0 });
    const joined = ['+  return header +', '+    encodedBody +', "+    '-----END PRIVATE KEY-----\\n';"];
    expect(redactLines(joined)).toEqual({ value: joined, count: 0 });
    const check = ["+  if (text.startsWith('-----BEGIN PRIVATE KEY-----')) {", "+    format = 'pkcs8',", '+    return;', '+  }'];
    expect(redactLines(check).value.slice(1)).toEqual(check.slice(1));
  });

  it('masks a key whose short last line ends in +, above a lone END', () => {
    const window = [' context', ` ${body[0]!}`, ` ${body[1]!}`, ' ABC+', ' -----END RSA PRIVATE KEY-----'];
    expect(redactLines(window).value).toEqual([' context', ...Array(4).fill(' [redacted:private-key]')]);
  });

  it('masks a key written as an array of quoted lines, and one whose window opens inside it', () => {
    const array = [' keys = [', "  '-----BEGIN PRIVATE KEY-----',", ...body.map((line) => `  '${line}',`), "  '-----END PRIVATE KEY-----',", ' ]'];
    const whole = redactLines(array).value;
    expect(whole.join('\n')).not.toMatch(/MIIE|Zm9v|cXV4/);
    expect(whole.at(-1)).toBe(' ]');
    const window = redactLines(array.slice(3)).value;
    expect(window.join('\n')).not.toMatch(/MIIE|Zm9v|cXV4/);
  });

  it('stops at the first line that is no key text, and reads a long run of operators in linear time', () => {
    const lines = ['-----BEGIN PRIVATE KEY-----', `"${body[0]!}" +`, 'call(1);', `${'+ '.repeat(50_000)}x`];
    const started = Date.now();
    const { value } = redactLines(lines);
    expect(value.slice(1, 3)).toEqual(['[redacted:private-key]', 'call(1);']);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('a private key in a diff with a "\\ No newline" line inside it', () => {
  it('goes on masking the key after the annotation', () => {
    const body = ['MIIEowIBAAKCAQEA', 'Zm9vYmFyYmF6cXV4'].map((unit) => unit.repeat(3));
    const lines = [' -----BEGIN RSA PRIVATE KEY-----', `-${body[0]!}`, '\\ No newline at end of file', `+${body[0]!}`, `+${body[1]!}`];
    const redacted = redactLines(lines);
    expect(redacted.value).toEqual([' [redacted:private-key]', '-[redacted:private-key]', '\\ No newline at end of file', '+[redacted:private-key]', '+[redacted:private-key]']);
  });
});

describe('a window that opens inside a private key, a key cut short, and a key shown in a table', () => {
  const keyLines = pemKey.split('\n');

  it('masks the key lines above an END whose BEGIN is not in the text, in lines and in one string', () => {
    const window = ['Load key: error in libcrypto', ...keyLines.slice(1)];
    const lines = redactDeep({ lines: window }).value.lines;
    expect(lines).toEqual(['Load key: error in libcrypto', '[redacted:private-key]', '[redacted:private-key]', '[redacted:private-key]']);
    const code = redactText(`${keyLines.slice(1).join('\n')}\nnext = 1`);
    expect(code.text).toBe('[redacted:private-key]\n[redacted:private-key]\n[redacted:private-key]\nnext = 1');
    expect(code.count).toBe(1);
  });

  it('stops masking at the first line that cannot be part of a key', () => {
    const clipped = `+  "private_key": "-----BEGIN PRIVATE KEY-----\\n${repeat('MIIEvQ', 60)}`;
    const lines = redactDeep({ lines: [clipped, '+  "client_email": "svc@example.iam",', '+}', ' export function unrelated() {}'] }).value.lines;
    expect(lines).toEqual(['+  "private_key": "[redacted:private-key]', '+  "client_email": "svc@example.iam",', '+}', ' export function unrelated() {}']);
  });

  it('reads each column of a table as lines, so a key shown one row at a time is masked whole', () => {
    const rows = keyLines.map((line, index) => [String(index + 1), line]);
    const { value, count } = redactDeep({ rows });
    expect(value.rows.map((row) => row[0])).toEqual(['1', '2', '3', '4']);
    expect(value.rows.map((row) => row[1])).toEqual(Array.from({ length: 4 }, () => '[redacted:private-key]'));
    expect(count).toBe(1);
  });
});

describe('redaction on hostile and ordinary text (review findings)', () => {
  it('handles a long run of spaces before a lone END without backtracking for seconds', () => {
    const started = Date.now();
    const result = redactText(`${' '.repeat(100_000)}!\n-----END PRIVATE KEY-----`);
    expect(result.count).toBe(1);
    // A generous bound: the quadratic version took over 4 s here.
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('leaves code and prose that merely mention an END marker alone', () => {
    const lines = ['+', '+export', '+const FOOTER = "-----END PRIVATE KEY-----";', '+function strip(pem) {'];
    expect(redactDeep({ lines })).toEqual({ value: { lines }, count: 0 });
    expect(redactText('Validate\nThe file must end with -----END PRIVATE KEY----- exactly.').count).toBe(0);
  });

  it('does not take code or ordinary words for URL secrets, bearer tokens or SendGrid keys', () => {
    for (const text of [
      'var t;key=Object.keys(o).map(render);sig=compute(t)',
      'fetch(`/api?key=${encodeURIComponent(k)}`)',
      'The Bearer authentication-scheme is described in RFC 6750.',
      'SG.configuration_value.another_long_setting',
    ]) expect(redactText(text), text).toEqual({ text, count: 0 });
  });

  it('counts a URL password once when the text also closes a key', () => {
    const result = redactText(`clone https://bob:hunter22@example.com/repo\n\n${repeat('MIIEowIBAAKCAQEA', 64)}\n-----END RSA PRIVATE KEY-----`);
    expect(result.count).toBe(2);
    expect(result.text).toBe('clone https://bob:[redacted:basic-auth]@example.com/repo\n\n[redacted:private-key]\n[redacted:private-key]');
  });
});

describe('redaction on a megabyte of hostile text', () => {
  // Each of these once made a pattern re-scan the rest of the text from every occurrence (minutes for
  // `password=` or `sk-` repeated). Loose bounds: real timings belong to `npm run bench`.
  it.each([
    ['repeated assignments', 'password='.repeat(111_112)],
    ['repeated opening quotes', 'password="'.repeat(100_000)],
    ['repeated key prefixes', 'sk-'.repeat(333_334)],
    ['repeated names', 'token '.repeat(166_667)],
    ['a long base64 run', 'Ab1+'.repeat(250_000)],
    ['repeated cookie pairs', `Cookie: ${'a=b; '.repeat(200_000)}`],
    ['repeated YAML blocks', 'password: |\n'.repeat(83_334)],
  ])('finishes quickly on %s', (_name, text) => {
    const started = Date.now();
    redactText(text);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('secrets named by where they stand', () => {
  it('labels a value with the kind and provider its name says, and keeps the name', () => {
    const value = repeat('k3Jd9sLq2Xw8', 32);
    expect(redactText(`TELEGRAM_BOT_TOKEN=${value}`).text).toBe('TELEGRAM_BOT_TOKEN=[redacted:telegram-token]');
    expect(redactText(`<dbPassword>${value}</dbPassword>`).text).toBe('<dbPassword>[redacted:password]</dbPassword>');
    expect(redactText(`--api-key ${value}`).text).toBe('--api-key [redacted:api-key]');
  });

  it('masks every value of a Kubernetes Secret’s data, and keeps an empty example key block', () => {
    const secret = ['kind: Secret', 'data:', `  username: ${repeat('YWRt', 8)}`, `  password: ${repeat('MWYy', 12)}`, 'type: Opaque'].join('\n');
    expect(redactText(secret).text).toBe(['kind: Secret', 'data:', '  username: [redacted:kubernetes-secret]', '  password: [redacted:kubernetes-secret]', 'type: Opaque'].join('\n'));
    const example = '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----';
    expect(redactText(example)).toEqual({ text: example, count: 0 });
  });

  it('keeps documentation keys and variables in place of a secret', () => {
    for (const text of ['aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'curl -u deploy:$PASSWORD https://x.example', 'AKIAIOSFODNN7EXAMPLE']) {
      expect(redactText(text), text).toEqual({ text, count: 0 });
    }
  });
});
