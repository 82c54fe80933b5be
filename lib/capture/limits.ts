// Capture-wide size limits, and shrinking a JSON value until it fits (the largest parts go first).

export interface CaptureLimits {
  /** Size of `data` as JSON, in characters. */
  maxDataChars: number;
  maxTitleChars: number;
  maxSelectionChars: number;
  maxFactChars: number;
}

export const DEFAULT_CAPTURE_LIMITS: CaptureLimits = {
  maxDataChars: 5_000_000,
  maxTitleChars: 500,
  maxSelectionChars: 20_000,
  maxFactChars: 500,
};

const jsonSize = (value: unknown): number => JSON.stringify(value)?.length ?? 0;

// Characters JSON may write as more than one: quotes, backslashes, control characters (\n is two, \u0001
// six) and surrogates (a lone one becomes \udXXX; pairs are counted too, which only loosens the bound).
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/g;

/**
 * A size the value's JSON never exceeds, found without building the JSON: a megabyte of page text is
 * counted in a millisecond where stringifying it took twenty. Used to skip the exact count when far under a cap.
 */
export function jsonSizeBound(value: unknown): number {
  if (typeof value === 'string') return value.length + 2 + 5 * (value.match(ESCAPED)?.length ?? 0);
  // The longest a number prints is 25 characters (-0.0000012345678901234567); a boolean or null is shorter.
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return 25;
  if (Array.isArray(value)) {
    let total = 2;
    // An index loop, so holes count: they print as null, as do undefined and functions in arrays.
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      total += (item === undefined || typeof item === 'function' || typeof item === 'symbol' ? 4 : jsonSizeBound(item)) + 1;
    }
    return total;
  }
  if (typeof value === 'object') {
    let total = 2;
    for (const [key, child] of Object.entries(value)) {
      if (child !== undefined && typeof child !== 'function') total += jsonSizeBound(key) + jsonSizeBound(child) + 2;
    }
    return total;
  }
  return 0;
}

const MAX_SHRINK_ROUNDS = 200;

interface Container {
  holder: Record<string, unknown> | unknown[];
  key: string | number;
  path: string;
}

/** The single largest string or array element in `value`, found by descending into the biggest child. */
function largestPart(value: unknown, path: string): Container | null {
  let current: unknown = value;
  let currentPath = path;
  let best: Container | null = null;
  for (;;) {
    if (current === null || typeof current !== 'object') return best;
    const entries: [string | number, unknown][] = Array.isArray(current)
      ? current.map((child, index) => [index, child])
      : Object.entries(current);
    if (entries.length === 0) return best;
    let biggest: [string | number, unknown] | undefined;
    let biggestSize = -1;
    let total = 0;
    for (const entry of entries) {
      const size = jsonSize(entry[1]);
      total += size;
      if (size > biggestSize) {
        biggest = entry;
        biggestSize = size;
      }
    }
    if (!biggest) return best;
    const holder = current as Record<string, unknown> | unknown[];
    const childPath = typeof biggest[0] === 'number' ? `${currentPath}[${biggest[0]}]` : `${currentPath}.${biggest[0]}`;
    // An array of many similar items shrinks by dropping items, not by descending into one of them.
    if (Array.isArray(current) && biggestSize < total / 2) return { holder, key: -1, path: currentPath };
    best = { holder, key: biggest[0], path: childPath };
    if (typeof biggest[1] === 'string') return best;
    current = biggest[1];
    currentPath = childPath;
  }
}

/**
 * Shrinks `value` in place until its JSON fits `maxChars`: long strings are cut in half, long
 * arrays lose their tail. Returns the parts cut, for PageContext.cut.
 */
export function shrinkToFit(value: unknown, maxChars: number, name = 'page'): string[] {
  const removed = new Map<string, { characters: number; items: number }>();
  const note = (path: string, characters: number, items: number): void => {
    const entry = removed.get(path) ?? { characters: 0, items: 0 };
    entry.characters += characters;
    entry.items += items;
    removed.set(path, entry);
  };
  if (jsonSizeBound(value) <= maxChars) return [];
  for (let round = 0; round < MAX_SHRINK_ROUNDS; round++) {
    const size = jsonSize(value);
    if (size <= maxChars) break;
    const part = largestPart(value, name);
    if (!part) break;
    const excess = size - maxChars;
    if (part.key === -1 && Array.isArray(part.holder)) {
      const array = part.holder;
      const average = jsonSize(array) / Math.max(array.length, 1);
      const drop = Math.min(array.length, Math.max(1, Math.ceil(excess / Math.max(average, 1)), Math.ceil(array.length / 4)));
      array.splice(array.length - drop, drop);
      note(part.path, 0, drop);
      continue;
    }
    const holder = part.holder as Record<string | number, unknown>;
    const child = holder[part.key];
    if (typeof child === 'string') {
      const keep = Math.max(0, Math.min(Math.floor(child.length / 2), child.length - excess));
      holder[part.key] = `${child.slice(0, keep)}… [cut]`;
      note(part.path, child.length - keep, 0);
    } else if (Array.isArray(child)) {
      const drop = Math.max(1, Math.ceil(child.length / 2));
      child.splice(child.length - drop, drop);
      note(part.path, 0, drop);
    } else {
      break;
    }
  }
  return [...removed].map(([path, entry]) =>
    entry.items > 0 ? `${entry.items} items of ${path} (size limit)` : `${entry.characters} characters of ${path} (size limit)`);
}
