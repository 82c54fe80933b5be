// Which page family a page belongs to: GitHub by parsed URL, then dashboards, docs, generic by DOM.

import { isProbablyReaderable } from '@mozilla/readability';
import type { PageKind } from '../context/types';
import { detectDashboard, detectDashboardProduct } from './dashboard/detect';
import { hasReadableArticle } from './docs';
import { parseGithubPath } from './github/index';

export const GITHUB_HOST = 'github.com';

export function toUrl(url: URL | string): URL | null {
  if (url instanceof URL) return url;
  try {
    return new URL(url);
  } catch {
    // Not a URL at all (a bare file name in the CLI): classified by its DOM alone.
    return null;
  }
}

/** Exact host match (with port when the page has one): `github.com.evil.example` is not GitHub. */
export function isGithubHost(url: URL, githubHosts: string[]): boolean {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  const host = url.host.toLowerCase();
  const hostname = url.hostname.toLowerCase();
  if (hostname === GITHUB_HOST || hostname === `www.${GITHUB_HOST}`) return true;
  return githubHosts.some((candidate) => {
    const wanted = candidate.trim().toLowerCase();
    return wanted !== '' && (wanted === host || (!wanted.includes(':') && wanted === hostname && url.port === ''));
  });
}

export function githubKind(url: URL): PageKind {
  const route = parseGithubPath(url);
  if (!route) return 'generic';
  const page: string = route.page;
  if (page === 'pull') return 'tab' in route && route.tab === 'files' ? 'github.pull.files' : 'github.pull';
  if (page === 'issue') return 'github.issue';
  if (page === 'blob') return 'github.blob';
  if (page.startsWith('actions')) return 'github.actions';
  if (page === 'repo') return 'github.repo';
  if (page === 'commit') return 'github.commit';
  if (page === 'compare') return 'github.compare';
  if (page === 'tree') return 'github.tree';
  if (page === 'releases') return 'github.releases';
  if (page === 'discussion') return 'github.discussion';
  return 'generic';
}

// The kinds told by reading the DOM, in order; each reading is a pass over the page. A dashboard
// product's own markers win; an article comes before data-shaped content (a table of dated numbers,
// a line chart, a Datadog host), which articles hold too: a blog post with a chart is read as an article.
// Last, a page the quick readerable check turns down is still an article when Readability finds one.
const DOM_KINDS: [PageKind, (document: Document, url: URL | null) => boolean][] = [
  ['dashboard', (document) => detectDashboardProduct(document, null) !== null],
  ['docs', (document) => isProbablyReaderable(document)],
  ['dashboard', (document, url) => detectDashboard(document, url) !== null],
  ['docs', (document) => hasReadableArticle(document)],
];

export function classify(url: URL | string, document: Document | null, githubHosts: string[]): PageKind {
  const parsed = toUrl(url);
  if (parsed && isGithubHost(parsed, githubHosts)) return githubKind(parsed);
  if (!document) return 'generic';
  return DOM_KINDS.find(([, test]) => test(document, parsed))?.[0] ?? 'generic';
}

/** classify, with `turn()` between the DOM's passes (on a huge page each is long; see readPage). */
export async function classifyWithTurns(url: URL, document: Document, githubHosts: string[], turn: () => Promise<void>): Promise<PageKind> {
  if (isGithubHost(url, githubHosts)) return githubKind(url);
  for (const [kind, test] of DOM_KINDS) {
    if (test(document, url)) return kind;
    await turn();
  }
  return 'generic';
}
