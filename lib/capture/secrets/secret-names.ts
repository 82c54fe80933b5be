// Whether a name (a variable, a config key, a header, a flag) holds a secret, and which kind: the name's
// last word decides, as in `DB_PASSWORD`, `stripeApiKey`, `x-auth-token`; a word inside a longer name
// (`password_field`, `keyboard`, `public_key`, `token_url`) does not.

export type SecretKind = 'password' | 'secret' | 'token' | 'api-key' | 'key' | 'private-key' | 'credential' | 'session';

export interface SecretName {
  kind: SecretKind;
  /** The provider the name mentions (`telegram` in `TELEGRAM_BOT_TOKEN`), for the label. */
  provider?: string;
}

// Words that may follow the secret word without changing what the name holds (`TOKEN_VALUE`, `key_b64`).
const NEUTRAL_TAIL = new Set(['value', 'val', 'base', 'b64', 'base64', 'hex', 'raw', 'plain', 'plaintext', 'text', 'string', 'prod', 'production',
  'dev', 'test', 'staging', 'live', 'local', 'default', 'old', 'new', 'current', 'encoded', 'enc']);

// The secret word, when it is a name's last word, and the kind it means.
const LAST_WORD: Record<string, SecretKind> = {
  password: 'password', passwd: 'password', pwd: 'password', pass: 'password', passphrase: 'password', pw: 'password',
  passcode: 'password', contrasena: 'password', passwort: 'password', mdp: 'password',
  secret: 'secret', secrets: 'secret',
  token: 'token', bearer: 'token', jwt: 'token', pat: 'token',
  apikey: 'api-key',
  key: 'key',
  credential: 'credential', credentials: 'credential', creds: 'credential', cred: 'credential', auth: 'credential',
  cookie: 'session', session: 'session', sessionid: 'session', sid: 'session',
  signature: 'secret', sig: 'secret', salt: 'secret',
};

// Last words that hold a secret as part of one lower-case word (`theapikey`, `mysecret`, `dbpassword`).
const INNER_WORD: ReadonlyArray<[RegExp, SecretKind]> = [
  [/passw(?:or)?d|passphrase/, 'password'],
  [/secret/, 'secret'],
  [/api_?key|privatekey|accesskey|secretkey|authkey/, 'api-key'],
  [/(?<!jsonweb)token(?!i[sz])/, 'token'],
];

// Words before `key`, `token` and the like that make it something else than a secret (a database key, a
// key code, a public key, a CSRF token that only lives as long as the page, a token count).
const NOT_SECRET_BEFORE = new Set(['public', 'pub', 'primary', 'foreign', 'sort', 'partition', 'hash', 'range', 'cache', 'lookup',
  'map', 'row', 'column', 'index', 'unique', 'composite', 'natural', 'object', 'bucket', 'field', 'entry', 'item', 'group',
  'translation', 'i18n', 'locale', 'message', 'route', 'react', 'list', 'schema', 'sequence', 'idempotency', 'dedup', 'dedupe',
  'issuer', 'csrf', 'xsrf', 'next', 'page', 'pagination', 'continuation', 'cursor', 'sync', 'storage', 'registry', 'license',
  'ssh', 'gpg', 'pgp', 'max', 'min', 'num', 'keyboard', 'hot', 'press', 'up', 'down', 'cancel', 'sentence', 'word', 'input',
  'output', 'prompt', 'completion', 'total', 'special', 'pad', 'eos', 'bos', 'unk', 'mask', 'sep', 'cls', 'last', 'first', 'sub']);

// Providers a name may mention, so its value is labelled `stripe-api-key` rather than only `api-key`.
const PROVIDERS = ['adafruit', 'adobe', 'airtable', 'algolia', 'alibaba', 'anthropic', 'artifactory', 'asana', 'atlassian', 'auth0', 'aws',
  'azure', 'beamer', 'bitbucket', 'bittrex', 'cloudflare', 'codecov', 'cohere', 'coinbase', 'confluence', 'confluent', 'contentful',
  'datadog', 'databricks', 'digitalocean', 'discord', 'docker', 'doppler', 'droneci', 'dropbox', 'etsy', 'facebook', 'fastly', 'finicity',
  'finnhub', 'firebase', 'flickr', 'freshbooks', 'gcp', 'github', 'gitlab', 'gitter', 'gocardless', 'google', 'grafana', 'heroku', 'hubspot',
  'huggingface', 'intercom', 'jfrog', 'jira', 'kraken', 'kucoin', 'launchdarkly', 'linear', 'linkedin', 'lob', 'looker', 'mailchimp',
  'mailgun', 'mapbox', 'mattermost', 'meraki', 'messagebird', 'mistral', 'netlify', 'newrelic', 'npm', 'nytimes', 'okta', 'openai', 'paypal',
  'plaid', 'postman', 'pulumi', 'pypi', 'rapidapi', 'sendbird', 'sendgrid', 'sentry', 'shopify', 'slack', 'snyk', 'sonar', 'square',
  'squarespace', 'stripe', 'sumologic', 'telegram', 'travis', 'twilio', 'twitch', 'twitter', 'typeform', 'vault', 'yandex', 'zendesk'];
const PROVIDER_SET = new Set([...PROVIDERS, 'sumo']);

/** The name's words, lower-cased: split at separators and at camelCase humps. */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((part) => part !== '');
}

function kindOfLastWord(words: readonly string[]): SecretKind | undefined {
  const last = words.at(-1) ?? '';
  const before = words.at(-2);
  const direct = LAST_WORD[last];
  if (direct) {
    // A password stays one after any word (`new_password`, `confirm_password`); a key or token does not.
    if (direct !== 'password' && direct !== 'secret' && before !== undefined && NOT_SECRET_BEFORE.has(before)) return undefined;
    if (direct !== 'key') return direct;
    if (before === 'api') return 'api-key';
    if (before === 'private' || before === 'priv' || before === 'signing') return 'private-key';
    if (before === 'secret' || before === 'access' || before === 'master' || before === 'encryption' || before === 'client') return 'secret';
    return direct;
  }
  for (const [pattern, kind] of INNER_WORD) if (pattern.test(last)) return kind;
  return undefined;
}

export function secretName(name: string): SecretName | undefined {
  if (name.length > 80) return undefined;
  const words = wordsOf(name);
  while (words.length > 1 && (NEUTRAL_TAIL.has(words.at(-1)!) || /^\d+$/.test(words.at(-1)!))) words.pop();
  const kind = kindOfLastWord(words);
  if (!kind) return undefined;
  const provider = providerIn(words);
  return provider ? { kind, provider } : { kind };
}

function providerIn(words: readonly string[]): string | undefined {
  for (let index = 0; index < words.length; index++) {
    const single = words[index]!;
    if (PROVIDER_SET.has(single)) return single === 'sumo' ? 'sumologic' : single;
    const pair = single + (words[index + 1] ?? '');
    if (PROVIDER_SET.has(pair)) return pair;
  }
  return undefined;
}

export function secretLabel(name: SecretName): string {
  return name.provider ? `${name.provider}-${name.kind}` : name.kind;
}
