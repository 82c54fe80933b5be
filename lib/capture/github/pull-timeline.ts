// The conversation of a pull request: its description, timeline comments, review threads, commits.
import type { Comment, Commit, ReviewThread } from '../../context/types';
import { queryEach } from '../query-each';
import { readComment } from './comments';
import { limits } from './limits';
import { markdownText } from './markdown-text';
import { parseCount, textOf } from './text';

const threadSelectors = ['.js-resolvable-timeline-thread-container', '.review-thread-component', '[data-testid="review-thread"]'];
const threadSelector = threadSelectors.join(', ');
const commentContainerSelector = '.timeline-comment, .review-comment, .js-comment, .TimelineItem, .js-timeline-item';

export interface PullTimeline {
  description?: string;
  comments: Comment[];
  threads: ReviewThread[];
  cut: string[];
}

export function readPullTimeline(document: Document): PullTimeline {
  const cut: string[] = [];
  const descriptionBody = findDescriptionBody(document);
  const result: PullTimeline = { comments: [], threads: readThreads(document, cut), cut };
  if (descriptionBody) {
    const description = markdownText(descriptionBody, limits.descriptionChars);
    if (description.cut) cut.push(`description after ${limits.descriptionChars} characters`);
    result.description = description.text;
  }
  result.comments = readTimelineComments(document, descriptionBody, cut);
  return result;
}

function findDescriptionBody(document: Document): Element | undefined {
  // Only the conversation has a description; scoping to it keeps the Files tab cheap.
  const discussion = document.querySelector('.js-discussion');
  if (!discussion) return undefined;
  const explicit = discussion.querySelector('[id^="pullrequest-"] .js-comment-body');
  if (explicit) return explicit;
  const first = discussion.querySelector('.timeline-comment .js-comment-body');
  return first && !first.closest(threadSelector) ? first : undefined;
}

function readTimelineComments(document: Document, descriptionBody: Element | undefined, cut: string[]): Comment[] {
  const comments: Comment[] = [];
  const bodies = Array.from(document.querySelectorAll('.js-comment-body'))
    .filter((body) => body !== descriptionBody && !body.closest(threadSelector) && !body.closest('.inline-comments'));
  let cutBodies = 0;
  for (const body of bodies.slice(0, limits.comments)) {
    const container = body.parentElement?.closest(commentContainerSelector) ?? body;
    const reading = readComment(container);
    // A container may hold several bodies (a review and its summary); read this body, keep the container's author and time.
    const own = reading ? { ...reading.comment, body: markdownText(body, limits.commentChars).text } : undefined;
    if (reading?.cut) cutBodies += 1;
    if (own && own.body !== '') comments.push(own);
  }
  if (bodies.length > limits.comments) cut.push(`comments after the first ${limits.comments} of ${bodies.length}`);
  if (cutBodies > 0) cut.push(`${cutBodies} comment bodies after ${limits.commentChars} characters`);
  return comments;
}

function readThreads(document: Document, cut: string[]): ReviewThread[] {
  const containers = outermost(queryEach(document, threadSelectors));
  if (containers.length > limits.threads) cut.push(`review threads after the first ${limits.threads} of ${containers.length}`);
  return containers.slice(0, limits.threads).map(readThread);
}

/** Drops containers nested in another matched container (the classic page nests two thread wrappers). */
function outermost(elements: Element[]): Element[] {
  const set = new Set(elements);
  return elements.filter((element) => {
    for (let parent = element.parentElement; parent; parent = parent.parentElement) if (set.has(parent)) return false;
    return true;
  });
}

function readThread(container: Element): ReviewThread {
  const labels = Array.from(container.querySelectorAll('summary .Label, [data-testid="thread-labels"] .Label, .Label')).map((label) => textOf(label));
  const resolvedAttribute = container.getAttribute('data-resolved') ?? container.querySelector('[data-resolved]')?.getAttribute('data-resolved');
  const thread: ReviewThread = {
    resolved: resolvedAttribute === 'true' || labels.some((label) => /^resolved$/i.test(label)),
    comments: readThreadComments(container),
  };
  const path = threadPath(container);
  if (path) thread.path = path;
  const line = threadLine(container);
  if (line !== undefined) thread.line = line;
  if (labels.some((label) => /^outdated$/i.test(label))) thread.outdated = true;
  return thread;
}

function readThreadComments(container: Element): Comment[] {
  const commentElements = container.querySelectorAll('.review-comment, [data-testid="review-thread-comment"]');
  const sources = commentElements.length > 0 ? Array.from(commentElements) : Array.from(container.querySelectorAll('.js-comment'));
  return sources
    .slice(0, limits.commentsPerThread)
    .map((element) => readComment(element)?.comment)
    .filter((comment): comment is Comment => comment !== undefined && comment.body !== '');
}

function threadPath(container: Element): string | undefined {
  const fileHeader = container.closest('.file')?.querySelector('.file-header[data-path]');
  const fromHeader = fileHeader?.getAttribute('data-path');
  if (fromHeader) return fromHeader;
  const link = container.querySelector('summary a[href*="#diff-"], a.file-info, [data-testid="thread-path"]');
  return textOf(link) || container.querySelector('[data-path]')?.getAttribute('data-path') || undefined;
}

function threadLine(container: Element): number | undefined {
  const end = parseCount(textOf(container.querySelector('.js-multi-line-preview-end')));
  if (end !== undefined) return end;
  const numbered = container.querySelectorAll('td[data-line-number]');
  const last = numbered[numbered.length - 1];
  if (last) return Number(last.getAttribute('data-line-number'));
  // Classic Files tab: the thread is a table row placed right after the line it comments on.
  const row = container.closest('tr')?.previousElementSibling;
  const cells = row?.querySelectorAll('td[data-line-number]');
  const cell = cells?.[cells.length - 1];
  return cell ? Number(cell.getAttribute('data-line-number')) : undefined;
}

const commitHrefPattern = /\/commits?\/([0-9a-f]{7,40})(?:[/?#]|$)/;

export function readCommits(document: Document): { commits: Commit[]; cut: string[] } {
  const bySha = new Map<string, Commit>();
  for (const link of Array.from(document.querySelectorAll('a[href*="/commit"]'))) {
    const sha = commitHrefPattern.exec(link.getAttribute('href') ?? '')?.[1];
    if (!sha || link.closest('.comment-body, .markdown-body')) continue;
    const message = commitMessage(link);
    const key = sha.slice(0, 7);
    const existing = bySha.get(key);
    if (!existing) bySha.set(key, { sha, message: isSha(message) ? '' : message });
    else {
      if (sha.length > (existing.sha?.length ?? 0)) existing.sha = sha;
      if (existing.message === '' && !isSha(message)) existing.message = message;
    }
    const author = link.querySelector('.description')?.firstChild?.textContent?.trim();
    const commit = bySha.get(key);
    if (commit && author && !commit.author) commit.author = author;
  }
  const commits = [...bySha.values()].filter((commit) => commit.message !== '');
  const cut = commits.length > limits.commits ? [`commits after the first ${limits.commits} of ${commits.length}`] : [];
  return { commits: commits.slice(0, limits.commits), cut };
}

/** A commit link's message: its title, the menu item's emphasized line, or its text. */
function commitMessage(link: Element): string {
  return link.getAttribute('title') ?? (textOf(link.querySelector('.text-emphasized, .commit-title, .markdown-title')) || textOf(link));
}

function isSha(text: string): boolean {
  return /^[0-9a-f]{7,40}$/.test(text.trim());
}
