// Where a saved skill applies: a pattern over a page's host and path, such as `github.com/acme/*/pull/*`.
// `*` stands for any run of characters within one path segment (or host label run); the pattern matches a
// page whose host and path it matches whole, or whose path goes on below it (`…/pull/*` also fits
// `…/pull/12/files`). Scheme, query and fragment are ignored; so is letter case in the host.

const MAX_PATTERN_CHARS = 300;

/** The part of a URL a pattern is matched against: `host/path`, without a trailing slash. */
export function urlTarget(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return `${parsed.host.toLowerCase()}${parsed.pathname}`.replace(/\/+$/, '');
}

function patternRegExp(pattern: string): RegExp {
  const trimmed = pattern.trim().replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '');
  const slash = trimmed.indexOf('/');
  const host = (slash === -1 ? trimmed : trimmed.slice(0, slash)).toLowerCase();
  const path = slash === -1 ? '' : trimmed.slice(slash);
  const source = `${host}${path}`
    .split('*')
    .map((literal) => literal.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*');
  return new RegExp(`^${source}(?:/.*)?$`);
}

/** Why a pattern cannot be used, or null when it can. An empty pattern is allowed: any page of the kinds. */
export function urlPatternProblem(pattern: string): string | null {
  if (pattern.length > MAX_PATTERN_CHARS) return `is longer than ${MAX_PATTERN_CHARS} characters`;
  if (/\s/.test(pattern.trim())) return 'has a space in it';
  if (/[?#]/.test(pattern)) return 'has a query or fragment (only host and path are matched)';
  return null;
}

export function matchesUrlPattern(pattern: string, url: string): boolean {
  if (pattern.trim() === '') return true;
  const target = urlTarget(url);
  if (target === null || urlPatternProblem(pattern) !== null) return false;
  return patternRegExp(pattern).test(target);
}

/**
 * A pattern for pages like this one: the numbers in its path (a pull request's, an issue's, a run's) become
 * `*`, so the skill fits the repository's other pull requests; what follows the number is dropped.
 */
export function suggestedUrlPattern(url: string): string {
  const target = urlTarget(url);
  if (target === null) return '';
  const segments = target.split('/');
  const numbered = segments.findIndex((segment, index) => index > 0 && /^\d+$/.test(segment));
  if (numbered === -1) return target;
  return [...segments.slice(0, numbered), '*'].join('/');
}
