// Pure URL-path parser for GitHub pages: which repository, which page family, which item.
import type { PullTab } from '../../context/types';

interface RepositoryRoute {
  owner: string;
  repo: string;
}

export type GithubRoute =
  | (RepositoryRoute & { page: 'pull'; number: number; tab: PullTab })
  | (RepositoryRoute & { page: 'issue'; number: number })
  | (RepositoryRoute & { page: 'blob'; ref: string; path: string })
  | (RepositoryRoute & { page: 'actions-run'; runId: string })
  | (RepositoryRoute & { page: 'actions-job'; runId: string; jobId: string })
  | (RepositoryRoute & { page: 'repo' });

/** First path segments that are GitHub's own pages, never an owner. */
const reservedOwners = new Set([
  'about', 'account', 'apps', 'codespaces', 'collections', 'contact', 'customer-stories', 'dashboard',
  'enterprise', 'enterprises', 'events', 'explore', 'features', 'github-copilot', 'issues', 'login', 'logout',
  'marketplace', 'new', 'notifications', 'orgs', 'organizations', 'pricing', 'pulls', 'readme', 'search',
  'security', 'settings', 'sponsors', 'stars', 'team', 'topics', 'trending', 'users', 'watching', 'join',
]);

const namePattern = /^[A-Za-z0-9_.-]+$/;
const numberPattern = /^[1-9][0-9]*$/;

/** Sub-pages of a pull request and the tab each one shows; `changes` is the 2025 name of the files tab. */
const pullTabs: Record<string, PullTab> = {
  files: 'files',
  changes: 'files',
  commits: 'commits',
  checks: 'checks',
};

export function parseGithubPath(url: URL): GithubRoute | null {
  const segments = splitPath(url.pathname);
  if (segments === null || segments.length < 2) return null;
  const [owner, repo, section, ...rest] = segments as [string, string, string | undefined, ...string[]];
  if (!isRepositoryName(owner, repo)) return null;
  const base = { owner, repo };
  if (section === undefined) return { ...base, page: 'repo' };
  switch (section) {
    case 'pull':
      return parsePull(base, rest);
    case 'issues':
      return rest.length === 1 && numberPattern.test(rest[0] ?? '') ? { ...base, page: 'issue', number: Number(rest[0]) } : null;
    case 'blob':
      return parseBlob(base, rest);
    case 'actions':
      return parseActions(base, rest);
    default:
      return null;
  }
}

function splitPath(pathname: string): string[] | null {
  const parts = pathname.split('/').filter((part) => part !== '');
  try {
    return parts.map((part) => decodeURIComponent(part));
  } catch (error) {
    // A malformed escape (`%E0%A4%A`) cannot be a page we know; say so instead of guessing.
    if (error instanceof URIError) return null;
    throw error;
  }
}

function isRepositoryName(owner: string, repo: string): boolean {
  if (reservedOwners.has(owner.toLowerCase())) return false;
  return namePattern.test(owner) && namePattern.test(repo) && !repo.endsWith('.git');
}

function parsePull(base: RepositoryRoute, rest: string[]): GithubRoute | null {
  const [number, tabSegment] = rest;
  if (number === undefined || !numberPattern.test(number)) return null;
  if (tabSegment === undefined) return { ...base, page: 'pull', number: Number(number), tab: 'conversation' };
  const tab = pullTabs[tabSegment];
  return tab === undefined ? null : { ...base, page: 'pull', number: Number(number), tab };
}

function parseBlob(base: RepositoryRoute, rest: string[]): GithubRoute | null {
  // A ref may hold slashes (feature/x); the URL alone cannot tell, so the first segment is taken as the ref.
  const [ref, ...pathParts] = rest;
  if (ref === undefined || pathParts.length === 0) return null;
  return { ...base, page: 'blob', ref, path: pathParts.join('/') };
}

function parseActions(base: RepositoryRoute, rest: string[]): GithubRoute | null {
  if (rest[0] !== 'runs') return null;
  const runId = rest[1];
  if (runId === undefined || !numberPattern.test(runId)) return null;
  let tail = rest.slice(2);
  if (tail[0] === 'attempts' && numberPattern.test(tail[1] ?? '')) tail = tail.slice(2);
  if (tail.length === 0) return { ...base, page: 'actions-run', runId };
  const jobId = tail[1];
  if (tail[0] === 'job' && tail.length === 2 && jobId !== undefined && numberPattern.test(jobId)) {
    return { ...base, page: 'actions-job', runId, jobId };
  }
  return null;
}
