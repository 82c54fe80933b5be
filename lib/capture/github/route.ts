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
  | (RepositoryRoute & { page: 'repo' })
  | (RepositoryRoute & { page: 'commit'; sha: string })
  | (RepositoryRoute & { page: 'compare'; base?: string; head: string })
  | (RepositoryRoute & { page: 'tree'; ref: string; path: string })
  | (RepositoryRoute & { page: 'releases'; tag?: string })
  | (RepositoryRoute & { page: 'discussion'; number: number });

/** First path segments that are GitHub's own pages, never an owner. */
const reservedOwners = new Set([
  'about', 'account', 'apps', 'codespaces', 'collections', 'contact', 'customer-stories', 'dashboard',
  'enterprise', 'enterprises', 'events', 'explore', 'features', 'github-copilot', 'issues', 'login', 'logout',
  'marketplace', 'new', 'notifications', 'orgs', 'organizations', 'pricing', 'pulls', 'readme', 'search',
  'security', 'settings', 'sponsors', 'stars', 'team', 'topics', 'trending', 'users', 'watching', 'join',
]);

const namePattern = /^[A-Za-z0-9_.-]+$/;
const numberPattern = /^[1-9][0-9]*$/;
/** A commit id as GitHub links it: abbreviated or whole, SHA-1 or SHA-256. */
const shaPattern = /^[0-9a-f]{7,64}$/i;

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
    case 'commit':
      return rest.length === 1 && shaPattern.test(rest[0] ?? '') ? { ...base, page: 'commit', sha: rest[0]! } : null;
    case 'compare':
      return parseCompare(base, rest);
    case 'tree':
      return rest.length === 0 ? null : { ...base, page: 'tree', ref: rest[0]!, path: rest.slice(1).join('/') };
    case 'releases':
      return parseReleases(base, rest);
    case 'discussions':
      return rest.length === 1 && numberPattern.test(rest[0] ?? '') ? { ...base, page: 'discussion', number: Number(rest[0]) } : null;
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
  // One commit of the pull request (`/pull/7/commits/<sha>`) is a commit page: its own message and diff.
  const sha = rest[2];
  if (tabSegment === 'commits' && rest.length === 3 && sha !== undefined && shaPattern.test(sha)) return { ...base, page: 'commit', sha };
  const tab = pullTabs[tabSegment];
  return tab === undefined ? null : { ...base, page: 'pull', number: Number(number), tab };
}

function parseBlob(base: RepositoryRoute, rest: string[]): GithubRoute | null {
  // A ref may hold slashes (feature/x); the URL alone cannot tell, so the first segment is taken as the ref.
  const [ref, ...pathParts] = rest;
  if (ref === undefined || pathParts.length === 0) return null;
  return { ...base, page: 'blob', ref, path: pathParts.join('/') };
}

/** `base...head` (or `base..head`); a lone ref is compared with the default branch, which the URL does not name. */
function parseCompare(base: RepositoryRoute, rest: string[]): GithubRoute | null {
  const range = rest.join('/');
  if (range === '') return null;
  const match = /^(.+?)\.{2,3}(.+)$/.exec(range);
  if (!match) return { ...base, page: 'compare', head: range };
  return { ...base, page: 'compare', base: match[1]!, head: match[2]! };
}

function parseReleases(base: RepositoryRoute, rest: string[]): GithubRoute | null {
  if (rest.length === 0) return { ...base, page: 'releases' };
  if (rest[0] === 'tag' && rest.length >= 2) return { ...base, page: 'releases', tag: rest.slice(1).join('/') };
  if (rest[0] === 'latest' && rest.length === 1) return { ...base, page: 'releases' };
  return null;
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
