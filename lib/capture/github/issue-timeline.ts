// What an issue page shows around its comments: timeline events (labels, closing, cross-references) and the
// pull requests its sidebar's Development section links. Both GitHub layouts: the React issue viewer and the
// classic `.js-timeline-item` timeline.
import type { IssueEvent, IssueReference } from '../../context/types';
import { clipText } from '../clip';
import { limits } from './limits';
import { loginFromHref, textOf } from './text';

const eventTextChars = 300;

/** `/owner/repo/pull/12` or `/owner/repo/issues/12` (absolute or relative) as a reference; else undefined. */
export function referenceFromHref(href: string | null, pageUrl: URL): IssueReference | undefined {
  if (!href) return undefined;
  let url: URL;
  try {
    url = new URL(href, pageUrl);
  } catch (error) {
    // A malformed href is page noise, not a reference.
    if (error instanceof TypeError) return undefined;
    throw error;
  }
  if (url.host !== pageUrl.host) return undefined;
  const match = /^\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)\/(pull|issues)\/([1-9]\d*)\/?$/.exec(url.pathname);
  if (!match) return undefined;
  const reference: IssueReference = { kind: match[3] === 'pull' ? 'pull' : 'issue', number: Number(match[4]), url: `${url.origin}${url.pathname}` };
  const repository = `${match[1]}/${match[2]}`;
  const [, pageOwner, pageRepo] = pageUrl.pathname.split('/');
  if (repository.toLowerCase() !== `${pageOwner}/${pageRepo}`.toLowerCase()) reference.repository = repository;
  return reference;
}

/** What a GitHub state octicon or label near a reference says: merged, closed, draft or open. */
function stateNear(element: Element): string | undefined {
  const scope = element.closest('li, .TimelineItem, [data-testid^="timeline-row-border-"]') ?? element;
  const marks = Array.from(scope.querySelectorAll('svg[class*="octicon"], [aria-label], .State')).map((mark) => `${mark.getAttribute('class') ?? ''} ${mark.getAttribute('aria-label') ?? ''} ${mark.classList.contains('State') ? textOf(mark) : ''}`).join(' ');
  if (/merge/i.test(marks)) return 'merged';
  if (/draft/i.test(marks)) return 'draft';
  if (/closed|pull-request-closed|issue-closed|skip/i.test(marks)) return 'closed';
  if (/pull-request|issue-opened|\bopen\b/i.test(marks)) return 'open';
  return undefined;
}

function referencesIn(root: Element, pageUrl: URL): IssueReference[] {
  const found = new Map<string, IssueReference>();
  for (const link of Array.from(root.querySelectorAll('a[href]'))) {
    const reference = referenceFromHref(link.getAttribute('href'), pageUrl);
    if (!reference || found.has(reference.url)) continue;
    const text = textOf(link);
    // A link's own words are its title unless they are only its number ("#12", "owner/repo#12").
    if (text !== '' && !/^(?:[\w.-]+\/[\w.-]+)?#\d+$/.test(text)) reference.title = clipText(text, 160);
    const state = stateNear(link);
    if (state) reference.state = state;
    found.set(reference.url, reference);
  }
  return [...found.values()];
}

/** The sidebar's Development section: the pull requests linked to close this issue. */
export function readLinkedReferences(document: Document, pageUrl: URL): IssueReference[] {
  const lists = Array.from(document.querySelectorAll('[data-testid="issue-viewer-linked-pr-container"]'));
  const sections = lists.length > 0
    ? lists
    : Array.from(document.querySelectorAll('[data-testid="sidebar-section"], .discussion-sidebar-item, .sidebar-development')).filter((section) => /^\s*Development/.test(section.textContent ?? ''));
  const references = sections.flatMap((section) => referencesIn(section, pageUrl)).filter((reference) => reference.url !== `${pageUrl.origin}${pageUrl.pathname}`);
  return references.slice(0, limits.labels);
}

const commentSelector = '[data-testid^="comment-viewer-outer-box"], .timeline-comment, .js-comment-body, [data-testid="markdown-body"]';
const eventSelector = '.js-timeline-item .TimelineItem, [data-testid="issue-timeline-container"] [data-testid^="timeline-row-border-"]';

/** Timeline rows that are not comments: who did what, when, and what they link. */
export function readTimelineEvents(document: Document, pageUrl: URL, cut: string[]): IssueEvent[] {
  const rows = Array.from(document.querySelectorAll(eventSelector)).filter((row) => !row.matches(commentSelector) && row.querySelector(commentSelector) === null && row.closest(commentSelector) === null);
  // A classic timeline item may nest TimelineItems; keep the outermost of each.
  const outermost = rows.filter((row) => !rows.some((other) => other !== row && other.contains(row)));
  if (outermost.length > limits.comments) cut.push(`timeline events after the first ${limits.comments} of ${outermost.length}`);
  const events: IssueEvent[] = [];
  for (const row of outermost.slice(0, limits.comments)) {
    const text = textOf(row);
    if (text === '') continue;
    const event: IssueEvent = { text: clipText(text, eventTextChars), references: referencesIn(row, pageUrl).filter((reference) => reference.url !== `${pageUrl.origin}${pageUrl.pathname}`) };
    const actorLink = row.querySelector('a.author, a[data-hovercard-type="user"], [data-testid="actor-link"], a[data-testid="avatar-link"]');
    const actor = actorLink ? textOf(actorLink) || loginFromHref(actorLink.getAttribute('href')) : undefined;
    if (actor) event.actor = actor.replace(/^@/, '');
    const at = row.querySelector('relative-time[datetime], time-ago[datetime], local-time[datetime], time[datetime]')?.getAttribute('datetime');
    if (at) event.at = at;
    events.push(event);
  }
  return events;
}
