// Which failing checks Tandem may go and read: the check's own link, resolved against the page, only on the
// page's origin (the user's own session on the same site) and only to an Actions run or job page.
import type { Check } from '../../context/types';
import { parseGithubPath } from './route';

/** At most this many failing checks are followed for one answer: each costs two or three page loads. */
export const MAX_CHECKS_FOLLOWED = 2;

export interface CheckLogTarget {
  check: string;
  link: string;
  /** Absolute, without its fragment; same origin as the page by construction. */
  url: string;
}

export interface CheckLogRefusal {
  check: string;
  link: string;
  /** Why the link is not followed, in words for the answer. */
  reason: string;
}

export interface CheckLinkChoice {
  targets: CheckLogTarget[];
  refused: CheckLogRefusal[];
}

/** The failing checks (failed first, then cancelled) whose links Tandem follows, and why others are not. */
export function chooseCheckLinks(checks: readonly Pick<Check, 'name' | 'state' | 'link'>[], pageUrl: string): CheckLinkChoice {
  const failing = [...checks.filter((check) => check.state === 'failure'), ...checks.filter((check) => check.state === 'cancelled')];
  const choice: CheckLinkChoice = { targets: [], refused: [] };
  for (const check of failing) {
    if (!check.link) continue;
    if (choice.targets.length >= MAX_CHECKS_FOLLOWED) {
      choice.refused.push({ check: check.name, link: check.link, reason: `only the first ${MAX_CHECKS_FOLLOWED} failing checks are read` });
      continue;
    }
    const verdict = sameOriginActionsUrl(check.link, pageUrl);
    if ('url' in verdict) choice.targets.push({ check: check.name, link: check.link, url: verdict.url });
    else choice.refused.push({ check: check.name, link: check.link, reason: verdict.reason });
  }
  return choice;
}

/**
 * `link` resolved against `pageUrl` when it is an Actions page on the page's own origin; otherwise why not.
 * Every URL Tandem fetches for a check log passes through here (the job page's own links too).
 */
export function sameOriginActionsUrl(link: string, pageUrl: string): { url: string } | { reason: string } {
  let page: URL;
  let url: URL;
  try {
    page = new URL(pageUrl);
    url = new URL(link, page);
  } catch {
    return { reason: 'its link is not a valid address' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { reason: `its link is not a web page (${url.protocol})` };
  // Origin equality (scheme, host and port), never a host suffix or a pattern: another origin is never asked.
  if (url.origin !== page.origin) return { reason: `its log is on another site (${url.host}), and Tandem reads logs only on ${page.host}, the site of this page` };
  if (url.username || url.password) return { reason: 'its link carries a user name or password' };
  url.hash = '';
  if (!isActionsLogPath(url)) return { reason: 'its link is not a GitHub Actions run or job page' };
  return { url: url.href };
}

/** A run or job page (`/o/r/actions/runs/1(/job/2)`), a check run (`/o/r/runs/2`), or a log it links to. */
function isActionsLogPath(url: URL): boolean {
  const route = parseGithubPath(url);
  if (route?.page === 'actions-run' || route?.page === 'actions-job') return true;
  const segments = url.pathname.split('/').filter(Boolean);
  // /o/r/runs/2 (a check run), /o/r/commit/<sha>/checks/<job>/logs(/<step>) (a job's or a step's raw log)
  if (segments.length === 4 && segments[2] === 'runs' && /^\d+$/.test(segments[3] ?? '')) return true;
  return segments.length >= 7 && segments[2] === 'commit' && segments[4] === 'checks' && /^\d+$/.test(segments[5] ?? '') && segments[6] === 'logs';
}
