// Adapter for issue pages: the React issue viewer (2024+) and the classic timeline.
import type { Adapter, AdapterOutput } from '../adapter';
import type { Comment, IssueData } from '../../context/types';
import { associationOf, readComment } from './comments';
import { readLinkedReferences, readTimelineEvents } from './issue-timeline';
import { limits } from './limits';
import { markdownText } from './markdown-text';
import { parseGithubPath } from './route';
import { firstText, loginFromHref, textOf, unique } from './text';

export const issueAdapter: Adapter = {
  id: 'github-issue',
  kinds: ['github.issue'],
  capture: async (document, url) => captureIssue(document, url),
};

const reactCommentSelector = '[data-testid^="comment-viewer-outer-box"]';
const markdownBodySelector = '[data-testid="markdown-body"], .markdown-body, .js-comment-body';

function captureIssue(document: Document, url: URL): AdapterOutput {
  const route = parseGithubPath(url);
  const cut: string[] = [];
  const body = readBody(document, cut);
  const comments = readComments(document, cut);
  const data: IssueData = {
    type: 'issue',
    number: route?.page === 'issue' ? route.number : 0,
    title: firstText(document, ['[data-testid="issue-title"]', '.js-issue-title', 'h1 bdi.markdown-title']) || titleFromDocumentTitle(document.title),
    state: readState(document),
    labels: readLabels(document),
    assignees: readAssignees(document),
    body,
    comments,
    events: readTimelineEvents(document, url, cut),
    linked: readLinkedReferences(document, url),
  };
  const author = readAuthor(document);
  if (author) data.author = author;
  const opening = readOpening(document);
  if (opening.createdAt) data.createdAt = opening.createdAt;
  if (opening.association) data.authorAssociation = opening.association;
  const facts = {
    number: data.number,
    state: data.state,
    comments: comments.length,
    labels: data.labels.length,
    ...(data.author ? { author: data.author } : {}),
  };
  const output: AdapterOutput = { title: data.title || `Issue #${data.number}`, facts, data };
  if (cut.length > 0) output.cut = cut;
  return output;
}

/** "Defuddle on Cloudflare Workers · Issue #56 · kepano/defuddle" → "Defuddle on Cloudflare Workers". */
export function titleFromDocumentTitle(documentTitle: string): string {
  const match = /^(.*?) · Issue #\d+/.exec(documentTitle);
  return (match?.[1] ?? documentTitle).trim();
}

function readState(document: Document): IssueData['state'] {
  const label = document.querySelector('[data-testid="header-state"], .gh-header-meta .State, #partial-discussion-header .State');
  const text = `${label?.getAttribute('title') ?? ''} ${textOf(label)}`;
  if (/closed/i.test(text)) return 'closed';
  if (/open/i.test(text)) return 'open';
  return 'unknown';
}

function readAuthor(document: Document): string | undefined {
  const link = document.querySelector('[data-testid="issue-body-header-author"], .gh-header-meta a.author, .js-discussion .timeline-comment-header a.author');
  if (!link) return undefined;
  return textOf(link) || loginFromHref(link.getAttribute('href'));
}

/** When the issue was opened and how its opener relates to the repository, from the body's header. */
function readOpening(document: Document): { createdAt?: string; association?: string } {
  const header = document.querySelector('[data-testid="issue-body"]') ?? document.querySelector('.js-discussion .timeline-comment');
  if (!header) return {};
  const time = header.querySelector('[data-testid="issue-body-header-link"] relative-time[datetime], relative-time[datetime], time-ago[datetime], local-time[datetime]');
  const createdAt = time?.getAttribute('datetime') ?? undefined;
  const association = associationOf(header);
  return { ...(createdAt ? { createdAt } : {}), ...(association ? { association } : {}) };
}

function readBody(document: Document, cut: string[]): string {
  const body = document.querySelector('[data-testid="issue-body-viewer"] [data-testid="markdown-body"]')
    ?? document.querySelector('[data-testid="issue-body-viewer"]')
    ?? document.querySelector('.js-discussion .timeline-comment .js-comment-body, .js-comment-body');
  const text = markdownText(body, limits.descriptionChars);
  if (text.cut) cut.push(`issue body after ${limits.descriptionChars} characters`);
  return text.text;
}

function readComments(document: Document, cut: string[]): Comment[] {
  const reactBoxes = Array.from(document.querySelectorAll(reactCommentSelector));
  const containers = reactBoxes.length > 0
    ? reactBoxes
    : Array.from(document.querySelectorAll('.js-discussion .timeline-comment')).slice(1);
  if (containers.length > limits.comments) cut.push(`comments after the first ${limits.comments} of ${containers.length}`);
  let cutBodies = 0;
  const comments: Comment[] = [];
  for (const container of containers.slice(0, limits.comments)) {
    const reading = readComment(container, markdownBodySelector);
    if (!reading) continue;
    if (reading.cut) cutBodies += 1;
    comments.push(reading.comment);
  }
  if (cutBodies > 0) cut.push(`${cutBodies} comment bodies after ${limits.commentChars} characters`);
  return comments;
}

function readLabels(document: Document): string[] {
  const labels = Array.from(document.querySelectorAll('[data-testid="issue-labels"] a, .js-issue-labels .IssueLabel, .js-issue-labels a'))
    .map((element) => textOf(element));
  return unique(labels).slice(0, limits.labels);
}

function readAssignees(document: Document): string[] {
  const section = Array.from(document.querySelectorAll('[data-testid="sidebar-section"], .sidebar-assignee'))
    .find((element) => /^\s*Assignees/.test(element.textContent ?? ''));
  if (!section) return [];
  const people = Array.from(section.querySelectorAll('a[data-hovercard-url^="/users/"], a.assignee, [data-assignee-name]'))
    .filter((element) => element.closest('details, details-menu, .select-menu-modal') === null)
    .map((element) => element.getAttribute('data-assignee-name') ?? (textOf(element) || (loginFromHref(element.getAttribute('href')) ?? '')));
  return unique(people).slice(0, limits.labels);
}
