// GitHub's React pages (commit, commits, tree, releases…) embed their route's data as JSON in
// `script[data-target="react-app.embeddedData"]`. This finds one named part of it, so an adapter reads
// the page's own record of what it shows instead of guessing from rendered markup.

const MAX_DEPTH = 6;

type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first object under a key named `key` in any of the page's embedded payloads, looked for breadth-first. */
export function findEmbedded(document: Document, key: string, accept: (value: JsonRecord) => boolean = () => true): JsonRecord | undefined {
  for (const script of Array.from(document.querySelectorAll('script[data-target="react-app.embeddedData"], script[data-target="react-partial.embeddedData"]'))) {
    const text = script.textContent ?? '';
    // Skip the parse of payloads that cannot hold the key (the page has a dozen small partials).
    if (!text.includes(`"${key}"`)) continue;
    const found = findKey(parseEmbeddedJson(text), key, accept);
    if (found) return found;
  }
  return undefined;
}

/** An embedded payload parsed, or undefined when it is not complete JSON (truncated, or not GitHub's). */
export function parseEmbeddedJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // A truncated or foreign script is not ours to read; the DOM readings still apply.
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

function findKey(root: unknown, key: string, accept: (value: JsonRecord) => boolean): JsonRecord | undefined {
  let level: unknown[] = [root];
  for (let depth = 0; depth <= MAX_DEPTH && level.length > 0; depth++) {
    const next: unknown[] = [];
    for (const value of level) {
      if (!isRecord(value)) continue;
      const candidate = value[key];
      if (isRecord(candidate) && accept(candidate)) return candidate;
      for (const child of Object.values(value)) if (isRecord(child)) next.push(child);
    }
    level = next;
  }
  return undefined;
}

export function stringAt(record: JsonRecord | undefined, key: string): string | undefined {
  const value = record?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function numberAt(record: JsonRecord | undefined, key: string): number | undefined {
  const value = record?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function recordsAt(record: JsonRecord | undefined, key: string): JsonRecord[] {
  const value = record?.[key];
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/**
 * Text of a fragment of GitHub-rendered HTML (a commit message's `bodyMessageHtml`), with its line breaks
 * kept. Parsed by a DOMParser into a document with no browsing context, so nothing in it loads or runs,
 * and no markup is ever assigned to an element of the page.
 */
export function htmlText(document: Document, html: string): string {
  const Parser = document.defaultView?.DOMParser ?? DOMParser;
  const parsed = new Parser().parseFromString(html.replace(/<br\s*\/?>/gi, '\n'), 'text/html');
  return (parsed.body.textContent ?? '').replace(/[ \t]+\n/g, '\n').trim();
}

/** A person as GitHub's payloads name one: the login, else the display name. */
export function personName(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  return stringAt(value, 'login') ?? stringAt(value, 'displayName') ?? stringAt(value, 'name');
}
