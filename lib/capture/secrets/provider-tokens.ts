// Tokens a provider recognises by their own prefix or shape, written from each provider's documented
// format. Every one is masked wherever it stands, with the provider's name as its label. All of them run
// as one alternation, so a text is scanned once for the lot, not once per provider.

export interface TokenRule {
  /** The label the masked span gets: provider and kind, e.g. `anthropic-key`. */
  name: string;
  /** Without capturing groups (the combined pattern tells rules apart by group number). */
  source: string;
  /** Whether the token starts where no word character or dash stands before it (most do): a dash
   * would let a long run of prefixes ("sk-sk-sk-…") be tried from each one, quadratically. */
  bounded: boolean;
  /**
   * A text the token always holds, for a token that starts with a run of any letters or is found by what
   * precedes it: tried from every word (or every position), such a pattern is most of the scan's cost, so
   * it runs alone and only where its needle is.
   */
  needle?: string | RegExp;
}

const END = '(?![A-Za-z0-9_])';
const B64 = 'A-Za-z0-9+/';
const hex = (count: string) => `[a-f0-9]${count}`;
const HEX = (count: string) => `[A-Fa-f0-9]${count}`;
const alnum = (count: string) => `[A-Za-z0-9]${count}`;
const word = (count: string) => `[A-Za-z0-9_-]${count}`;
const uuid = `${hex('{8}')}-${hex('{4}')}-${hex('{4}')}-${hex('{4}')}-${hex('{12}')}`;

const token = (name: string, body: string, end = END): TokenRule => ({ name, source: `${body}${end}`, bounded: true });
const needled = (rule: TokenRule, needle: string | RegExp): TokenRule => ({ ...rule, needle });

// Order matters where two formats share a prefix: the more specific one comes first (sk-ant- before sk-).
export const TOKEN_RULES: TokenRule[] = [
  // Cloud providers
  // AWS access key ids: the four-letter prefix names the kind (user, session, bearer, context, …), then base32.
  token('aws-access-key', `(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA)(?![A-Z2-7]{0,9}EXAMPLE)[A-Z2-7]{16}`),
  token('aws-bedrock-key', `ABSK[${B64}]{109,269}={0,2}`, ''),
  token('aws-bedrock-key', `bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[${B64}=%&-]*`, ''),
  needled(token('azure-client-secret', `[A-Za-z0-9_~.]{3}\\dQ~[A-Za-z0-9_~.-]{31,34}`, '(?![A-Za-z0-9_~.-])'), 'Q~'),
  { name: 'azure-storage-key', source: `(?<=(?:AccountKey|SharedAccessKey|SharedKey)=)[${B64}]{40,88}={0,2}`, bounded: false, needle: 'Key=' },
  token('google-api-key', `AIza[A-Za-z0-9_-]{35}`, '(?![A-Za-z0-9_-])'),
  token('gcp-client-secret', `GOCSPX-${word('{28}')}`, '(?![A-Za-z0-9_-])'),
  token('google-oauth-token', `ya29\\.${word('{30,}')}`, ''),
  token('alibaba-access-key', `LTAI${alnum('{20}')}`),
  token('digitalocean-token', `do[opr]_v1_${hex('{64}')}`),
  token('heroku-key', `HRKU-AA${word('{58}')}`, '(?![A-Za-z0-9_-])'),
  token('flyio-token', `(?:fo1_${word('{43}')}|fm[12][ar]?_[${B64}]{100,}={0,3})`, ''),
  token('cloudflare-origin-ca-key', `v1\\.0-${hex('{24}')}-${hex('{146}')}`),
  token('vault-token', `(?:hvs|hvb|hvr)\\.${word('{24,300}')}`, '(?![A-Za-z0-9_-])'),
  // Vault's older service tokens: s. and 24 characters, which random ones mix with digits and capitals.
  token('vault-token', `s\\.(?=[A-Za-z0-9]{0,23}\\d)(?=[A-Za-z0-9]{0,23}[A-Z])(?=[A-Za-z0-9]{0,23}[a-z])${alnum('{24}')}`),
  needled(token('terraform-token', `${alnum('{14}')}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}`, '(?![A-Za-z0-9_=-])'), '.atlasv1.'),
  token('tailscale-key', `tskey-(?:auth|api|client|scim|webhook)-${alnum('{6,}')}-${alnum('{16,}')}`),
  token('openshift-token', `sha256~${word('{43}')}`, '(?![A-Za-z0-9_-])'),
  token('yandex-key', `(?:AQVN${word('{35,38}')}|t1\\.${word('{10,}')}={0,2}\\.${word('{86}')}={0,2})`, ''),

  // Code hosting, registries and CI
  token('github-token', `gh[pousr]_${alnum('{36,255}')}`),
  token('github-token', `github_pat_[A-Za-z0-9_]{22,255}`),
  token('gitlab-token', `gl(?:pat|rt|dt|cbt|ptt|soat|ft|imt|agent|oas|ffct)-[A-Za-z0-9_-]{20,300}(?:\\.[0-9a-z]{9})?`, '(?![A-Za-z0-9_-])'),
  token('gitlab-token', `GR1348941${word('{20}')}`, '(?![A-Za-z0-9_-])'),
  { name: 'gitlab-session', source: `(?<=_gitlab_session=)[0-9a-z]{32}${END}`, bounded: false, needle: '_gitlab_session=' },
  token('atlassian-token', `AT(?:ATT|CTT)3[A-Za-z0-9_=-]{150,}`, '(?![A-Za-z0-9_=-])'),
  token('bitbucket-token', `ATBB${alnum('{32,}')}`),
  token('npm-token', `npm_${alnum('{36}')}`),
  token('pypi-token', `pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)${word('{50,1000}')}`, '(?![A-Za-z0-9_-])'),
  token('rubygems-token', `rubygems_${hex('{48}')}`),
  token('clojars-token', `(?:CLOJARS|clojars)_[A-Za-z0-9]{60}`),
  token('nuget-key', `oy2${'[a-z0-9]'}{43}`),
  token('docker-token', `dckr_(?:pat|oat)_${word('{27,}')}`, '(?![A-Za-z0-9_-])'),
  token('artifactory-key', `(?:AKC${alnum('{10,}')}|AP[0-9A-F]${alnum('{8,}')}|cmVmd${alnum('{59}')})`),
  token('octopus-deploy-key', `API-[A-Z0-9]{26}`),
  token('sourcegraph-token', `sgp_(?:${HEX('{16}')}_|local_)?${HEX('{40}')}`),
  token('sonar-token', `sq[pua]_${hex('{40}')}`),
  token('buildkite-token', `bkua_${hex('{40}')}`),
  token('circleci-token', `CCIPAT_${alnum('{22}')}_${hex('{40}')}`),
  token('harness-key', `(?:pat|sat)\\.${word('{22}')}\\.${alnum('{24}')}\\.${alnum('{20}')}`),
  token('pulumi-token', `pul-${hex('{40}')}`),
  token('prefect-token', `pnu_${alnum('{36}')}`),
  token('readme-token', `rdme_[a-z0-9]{70}`),
  token('scalingo-token', `tk-us-${word('{48}')}`, '(?![A-Za-z0-9_-])'),
  token('infracost-key', `ico-${alnum('{32}')}`),
  token('doppler-token', `dp\\.(?:pt|st|sa|ct|scim|audit)\\.${alnum('{40,44}')}`),
  token('databricks-token', `dapi${hex('{32}')}(?:-\\d)?`),
  token('planetscale-token', `pscale_(?:tkn|oauth|pw)_[A-Za-z0-9_=.-]{32,64}`, '(?![A-Za-z0-9_=.-])'),
  token('supabase-token', `sbp_${hex('{40}')}`),
  token('neon-key', `napi_[a-z0-9]{64}`),
  token('render-key', `rnd_${alnum('{32}')}`),
  token('netlify-token', `nfp_${alnum('{36}')}`),
  token('vercel-token', `vc[pikar]_${alnum('{56}')}`),
  token('figma-token', `fig[dur]_${word('{40,}')}`, '(?![A-Za-z0-9_-])'),
  token('linear-key', `lin_(?:api_${alnum('{40}')}|oauth_${hex('{64}')})`),
  token('postman-key', `PMAK-${HEX('{24}')}-${HEX('{34}')}`),
  token('sentry-token', `(?:sntryu_${hex('{64}')}|sntrys_eyJ[${B64}=]{60,}_[${B64}]{43})`, '(?![A-Za-z0-9_+/=])'),
  token('grafana-token', `(?:glc_[${B64}]{32,400}={0,3}|glsa_${alnum('{32}')}_${HEX('{8}')}|eyJrIjoi${alnum('{70,400}')}={0,3})`, '(?![A-Za-z0-9_+/=])'),
  token('newrelic-key', `(?:NRAK-[A-Z0-9]{27}|NRII-[A-Za-z0-9_-]{32}|NRJS-${hex('{19}')}|NRRA-${hex('{42}')})`, '(?![A-Za-z0-9_-])'),
  token('dynatrace-token', `dt0c01\\.${alnum('{24}')}\\.${alnum('{64}')}`),
  token('1password-secret-key', `A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}`),
  token('1password-token', `ops_eyJ[${B64}]{250,}={0,3}`, ''),
  token('age-secret-key', `AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}`),
  token('authress-key', `(?:sc|ext|scauth|authress)_[a-z0-9]{5,30}\\.[a-z0-9]{4,6}\\.acc[_-][a-z0-9-]{10,32}\\.[a-z0-9+/_=-]{30,120}`, ''),
  token('clickhouse-key', `4b1d${alnum('{38}')}`),

  // AI providers
  token('anthropic-key', `sk-ant-[a-z]{3,8}\\d{2}-${word('{32,}')}`, '(?![A-Za-z0-9_-])'),
  // Real keys mix digits and capitals; requiring both keeps kebab-case slugs like "sk-foo-bar" safe.
  token('openai-key', `sk-(?!ant-)(?:proj-|svcacct-|admin-)?(?=[A-Za-z0-9_-]{0,200}[0-9])(?=[A-Za-z0-9_-]{0,200}[A-Z])${word('{32,}')}`, '(?![A-Za-z0-9_-])'),
  token('huggingface-token', `(?:hf_|api_org_)(?=[a-z0-9]{0,40}[A-Z])${alnum('{34}')}`),
  token('groq-key', `gsk_${alnum('{52}')}`),
  token('xai-key', `xai-${alnum('{80}')}`),
  token('perplexity-key', `pplx-${alnum('{48}')}`),
  token('replicate-token', `r8_${alnum('{37}')}`),
  token('langsmith-key', `lsv2_(?:pt|sk)_${hex('{32}')}_${hex('{10}')}`),
  token('notion-token', `(?:ntn_\\d{11}${alnum('{35}')}|secret_${alnum('{43}')})`),

  // Messaging and collaboration
  token('slack-token', `xox[abeoprs]-(?:\\d-)?(?=[A-Za-z0-9-]{0,200}\\d)[A-Za-z0-9-]{10,}`, '(?![A-Za-z0-9_-])'),
  token('slack-token', `xoxe\\.xox[bp]-\\d-[A-Za-z0-9]{100,}`),
  token('slack-token', `xapp-\\d-[A-Z0-9]+-\\d+-[a-z0-9]+`),
  token('telegram-bot-token', `(?<![\\d:])\\d{5,16}:[A-Za-z0-9_-]{35}`, '(?![A-Za-z0-9_-])'),
  token('discord-token', `[MNO][A-Za-z0-9_-]{23,25}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,38}`, '(?![A-Za-z0-9_-])'),
  token('twilio-key', `(?:SK|AC)[a-z0-9]{32}`),
  token('sendgrid-key', `SG\\.(?=[A-Za-z0-9_.-]{0,200}\\d)[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{16,}`, '(?![A-Za-z0-9_-])'),
  token('brevo-key', `x(?:keysib|smtpsib)-${hex('{64}')}-${alnum('{16}')}`),
  token('mailgun-key', `(?:key|pubkey)-${hex('{32}')}`),
  // `-us` alone is in every page that names a locale (en-us); the data centre's number is not.
  needled(token('mailchimp-key', `[a-z0-9]{32}-us\\d{1,2}`), /-us\d/),
  token('typeform-token', `tfp_[A-Za-z0-9_.=-]{59}`, '(?![A-Za-z0-9_.=-])'),
  token('intercom-token', `dG9rOj${alnum('{20,}')}={0,2}`, ''),
  token('twitter-bearer-token', `A{22}[A-Za-z0-9%]{80,100}`),

  // Payments and commerce
  token('aiven-token', `AVNS_${word('{21}')}`, '(?![A-Za-z0-9_-])'),
  token('dropbox-token', `sl\\.${word('{130,150}')}`, '(?![A-Za-z0-9_-])'),
  token('stripe-key', `(?:sk|rk)_(?:live|test|prod)_${alnum('{10,99}')}`),
  token('stripe-webhook-secret', `whsec_${alnum('{32,}')}`),
  token('shopify-token', `shp(?:at|ss|ca|pa)_${HEX('{32}')}`),
  token('square-token', `(?:EAAA|sq0atp-)${word('{22,60}')}`, '(?![A-Za-z0-9_-])'),
  token('square-secret', `sq0csp-${word('{43}')}`, '(?![A-Za-z0-9_-])'),
  token('facebook-token', `EAA[MC]${alnum('{100,}')}`),
  token('facebook-token', `\\d{15,16}(?:\\||%7C|%)[A-Za-z0-9_-]{27,40}`, '(?![A-Za-z0-9_-])'),
  token('flutterwave-key', `FLW(?:SECK|PUBK)_TEST-[a-hA-H0-9]{12,32}(?:-X)?`),
  token('duffel-token', `duffel_(?:test|live)_[A-Za-z0-9_=-]{43}`, '(?![A-Za-z0-9_=-])'),
  token('easypost-key', `EZ[AT]K${alnum('{54}')}`),
  token('shippo-token', `shippo_(?:live|test)_${HEX('{40}')}`),
  token('plaid-token', `access-(?:sandbox|development|production)-${uuid}`),
  token('razorpay-key', `rzp_(?:live|test)_${alnum('{14}')}`),
  token('adobe-client-secret', `p8e-${alnum('{32}')}`),
  token('airtable-token', `pat${alnum('{14}')}\\.${hex('{64}')}`),
  token('contentful-token', `CFPAT-${word('{43}')}`, '(?![A-Za-z0-9_-])'),
  token('frameio-token', `fio-u-[A-Za-z0-9_=-]{64}`, '(?![A-Za-z0-9_=-])'),
  token('intra42-secret', `s-s4t2(?:ud|af)-${hex('{64}')}`),
  needled(token('maxmind-key', `${alnum('{6}')}_${alnum('{29}')}_mmk`), '_mmk'),
  token('settlemint-token', `sm_(?:aat|pat|sat)_${alnum('{16}')}`),
  token('mapbox-token', `sk\\.eyJ[A-Za-z0-9_.-]{50,}`, '(?![A-Za-z0-9_.-])'),

  // JSON Web Tokens: base64url JSON header and claims (`{"` encodes as eyJ), a signature unless unsigned.
  token('jwt', `eyJ${word('{8,}')}\\.${word('{2,}')}\\.(?:${word('{10,}')}|(?=[^A-Za-z0-9_-]|$))`, ''),
  // Encoded JSON Web Tokens: a JWT base64-encoded once more (its header starts `{"alg":` and so on).
  token('jwt', `ZXlK[${B64}_-]{60,}={0,2}`, ''),
];

export interface FoundToken {
  index: number;
  end: number;
  rule: TokenRule;
}

export interface CombinedTokens {
  /** Every bounded rule's token in the text, left to right, as one alternation of them all would find them. */
  find: (text: string) => FoundToken[];
  /** Rules run on their own, each where its needle is in the text. */
  needled: Array<{ rule: TokenRule; pattern: RegExp }>;
  /** Whether the text holds any of their needles: one scan, where most texts hold none. */
  anyNeedle: RegExp;
}

// What a token's first ten characters are made of, and what may not stand before it.
const TOKEN_CHAR = 1;
const WORD_CHAR = 2;
const CHAR_KIND = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const character = String.fromCharCode(code);
  if (/[\w.~+/=:|%-]/.test(character)) CHAR_KIND[code]! |= TOKEN_CHAR;
  if (/[A-Za-z0-9_-]/.test(character)) CHAR_KIND[code]! |= WORD_CHAR;
}
const MIN_TOKEN_RUN = 10;
const PRINTABLE = Array.from({ length: 95 }, (_unused, index) => String.fromCharCode(32 + index));

/** Where the group or class opened at `start` closes (the index of its `)` or `]`). */
function closing(source: string, start: number): number {
  let depth = 0;
  let inClass = false;
  for (let index = start; index < source.length; index++) {
    const character = source[index];
    if (character === '\\') index += 1;
    else if (inClass) {
      if (character === ']') {
        if (source[start] === '[') return index;
        inClass = false;
      }
    } else if (character === '[') inClass = true;
    else if (character === '(') depth += 1;
    else if (character === ')' && --depth === 0) return index;
  }
  return -1;
}

function topLevelAlternatives(source: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let index = 0; index < source.length; index++) {
    const character = source[index];
    if (character === '\\') index += 1;
    else if (character === '(' || character === '[') index = closing(source, index);
    else if (character === '|') {
      parts.push(source.slice(start, index));
      start = index + 1;
    }
    if (index === -1) return [source];
  }
  return [...parts, source.slice(start)];
}

/**
 * The printable characters a match of `source` can start with, or undefined when that is not plain to
 * see (the rule is then tried at every candidate). Read from the pattern's text: a literal, a class, an
 * escape, a group of alternatives; an assertion in front is looked past.
 */
function firstCharacters(source: string): Set<string> | undefined {
  const alternatives = topLevelAlternatives(source);
  if (alternatives.length > 1) {
    const union = new Set<string>();
    for (const alternative of alternatives) {
      const first = firstCharacters(alternative);
      if (!first) return undefined;
      for (const character of first) union.add(character);
    }
    return union;
  }
  let atom: Set<string> | undefined;
  let rest: string;
  if (/^\(\?<?[=!]/.test(source)) {
    const end = closing(source, 0);
    return end === -1 ? undefined : firstCharacters(source.slice(end + 1));
  } else if (source.startsWith('(?:')) {
    const end = closing(source, 0);
    if (end === -1) return undefined;
    atom = firstCharacters(source.slice(3, end));
    rest = source.slice(end + 1);
  } else if (source.startsWith('[')) {
    const end = closing(source, 0);
    if (end === -1) return undefined;
    const inClass = new RegExp(source.slice(0, end + 1));
    atom = new Set(PRINTABLE.filter((character) => inClass.test(character)));
    rest = source.slice(end + 1);
  } else if (source.startsWith('\\')) {
    const escape = source.slice(0, 2);
    const literal = /^\\[.~+/=:|%*?^$(){}[\]\\-]$/.test(escape);
    const kind = literal ? undefined : /^\\[dw]$/.test(escape) ? new RegExp(escape) : undefined;
    if (!literal && !kind) return undefined;
    atom = new Set(literal ? [escape[1]!] : PRINTABLE.filter((character) => kind!.test(character)));
    rest = source.slice(2);
  } else if (/^[A-Za-z0-9_~=:%/,'"@#&<>-]/.test(source)) {
    atom = new Set([source[0]!]);
    rest = source.slice(1);
  } else return undefined;
  // An atom that may be left out lets the next one start the match.
  return /^(?:[?*]|\{0[,}])/.test(rest) ? undefined : atom;
}

/**
 * The rules as one scan. Where a token may start (no word character or dash before it, ten token
 * characters from there) is found by a loop over the text, and only there are the rules tried: those
 * that can start with the character there, in their order. A regex that looked ahead for ten characters
 * at each start of a word cost more than all the rules it guarded.
 */
export function combineTokenRules(rules: readonly TokenRule[]): CombinedTokens {
  const unneedled = rules.filter((rule) => !rule.needle);
  const unbounded = unneedled.find((rule) => !rule.bounded);
  if (unbounded) throw new Error(`${unbounded.name}: a token rule that may start inside a word needs a needle`);
  const firsts = unneedled.map((rule) => firstCharacters(rule.source));
  const byFirst: Array<{ pattern: RegExp; rules: TokenRule[] } | null | undefined> = [];
  const rulesFor = (code: number) => {
    let entry = byFirst[code];
    if (entry === undefined) {
      const character = String.fromCharCode(code);
      const candidates = unneedled.filter((_rule, index) => firsts[index]?.has(character) ?? true);
      entry = candidates.length === 0 ? null : { pattern: new RegExp(candidates.map((rule) => `(${rule.source})`).join('|'), 'y'), rules: candidates };
      byFirst[code] = entry;
    }
    return entry;
  };
  const isKind = (code: number, kind: number) => code < 128 && (CHAR_KIND[code]! & kind) !== 0;
  const find = (text: string): FoundToken[] => {
    const found: FoundToken[] = [];
    let at = 0;
    while (at < text.length) {
      if (!isKind(text.charCodeAt(at), TOKEN_CHAR)) {
        at += 1;
        continue;
      }
      let runEnd = at + 1;
      while (runEnd < text.length && isKind(text.charCodeAt(runEnd), TOKEN_CHAR)) runEnd += 1;
      let next = runEnd;
      for (let start = at; start <= runEnd - MIN_TOKEN_RUN; start++) {
        if (start > 0 && isKind(text.charCodeAt(start - 1), WORD_CHAR)) continue;
        const entry = rulesFor(text.charCodeAt(start));
        if (!entry) continue;
        entry.pattern.lastIndex = start;
        const match = entry.pattern.exec(text);
        if (!match) continue;
        const group = match.findIndex((value, index) => index > 0 && value !== undefined);
        found.push({ index: start, end: start + match[0].length, rule: entry.rules[group - 1]! });
        // A token may run on past the run (into characters no token starts with); the scan goes on after it.
        next = Math.max(start + match[0].length, start + 1);
        break;
      }
      at = next;
    }
    return found;
  };
  const needled = rules
    .filter((rule) => rule.needle)
    .map((rule) => ({ rule, pattern: new RegExp(`${rule.bounded ? '(?<![A-Za-z0-9_-])' : ''}(?:${rule.source})`, 'g') }));
  const needles = needled.map(({ rule }) => (typeof rule.needle === 'string' ? rule.needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : rule.needle!.source));
  return { find, needled, anyNeedle: new RegExp(needles.join('|') || '(?!)') };
}
