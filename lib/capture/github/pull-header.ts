// The pull request's header and sidebar: title, state, author, branches, labels, reviewers.
import type { PullState } from '../../context/types';
import { readEmbeddedPull } from './embedded-data';
import { limits } from './limits';
import { firstText, loginFromHref, textOf, unique } from './text';

export interface PullHeader {
  title: string;
  state: PullState;
  author?: string;
  base?: string;
  head?: string;
  labels: string[];
  reviewers: string[];
  commitsCount?: number;
}

export function readPullHeader(document: Document): PullHeader {
  const embedded = readEmbeddedPull(document);
  // Scoped roots keep the queries cheap on pages with tens of thousands of diff elements.
  const root: ParentNode = document.getElementById('partial-discussion-header')
    ?? document.querySelector('[class*="PageHeader-PageHeader"]')
    ?? document;
  // The Files and Commits tabs have no sidebar: no labels or reviewers to read there.
  const sidebar = document.getElementById('partial-discussion-sidebar') ?? document.querySelector('.discussion-sidebar');
  const title = firstText(root, ['.js-issue-title', 'h1 .markdown-title', '[data-testid="issue-title"]'])
    || embedded?.title
    || titleFromDocumentTitle(document.title);
  const header: PullHeader = {
    title,
    state: readState(root, embedded?.state, embedded?.isDraft),
    labels: sidebar ? readLabels(sidebar) : [],
    reviewers: sidebar ? readReviewers(sidebar) : [],
  };
  const author = readAuthor(root) ?? embedded?.author;
  const branches = readBranches(root);
  const base = branches.base ?? embedded?.baseBranch;
  const head = branches.head ?? embedded?.headBranch;
  if (author) header.author = author;
  if (base) header.base = base;
  if (head) header.head = head;
  if (embedded?.commitsCount !== undefined) header.commitsCount = embedded.commitsCount;
  return header;
}

/** "Fix the thing by octocat · Pull Request #12 · owner/repo" → "Fix the thing". */
export function titleFromDocumentTitle(documentTitle: string): string {
  const match = /^(.*?)(?: by [^·]+)? · Pull Request #\d+/.exec(documentTitle);
  return (match?.[1] ?? documentTitle).trim();
}

function readState(root: ParentNode, embeddedState: string | undefined, isDraft: boolean | undefined): PullState {
  const label = root.querySelector('.gh-header-meta .State, .State, [data-testid="header-state"], [class*="StateLabel-StateLabel"]');
  const text = `${label?.getAttribute('title') ?? ''} ${textOf(label)}`;
  const fromLabel = stateFromText(text);
  if (fromLabel !== 'unknown') return fromLabel;
  if (isDraft) return 'draft';
  return stateFromText(embeddedState ?? '');
}

function stateFromText(text: string): PullState {
  if (/draft/i.test(text)) return 'draft';
  if (/merged/i.test(text)) return 'merged';
  if (/closed/i.test(text)) return 'closed';
  if (/open/i.test(text)) return 'open';
  return 'unknown';
}

function readAuthor(root: ParentNode): string | undefined {
  const link = root.querySelector(
    '.gh-header-meta a.author, [class*="PullRequestHeaderSummary"] a[data-hovercard-type="user"], [class*="PullRequestHeaderSummary"] a[data-hovercard-url]',
  );
  if (!link) return undefined;
  return textOf(link) || loginFromHref(link.getAttribute('href'));
}

function readBranches(root: ParentNode): { base?: string; head?: string } {
  const classicBase = root.querySelector('.gh-header-meta .commit-ref.base-ref, .gh-header-meta .commit-ref:not(.head-ref)');
  const classicHead = root.querySelector('.gh-header-meta .commit-ref.head-ref');
  const react = Array.from(root.querySelectorAll('[class*="PullRequestHeaderSummary"] a[class*="BranchName"]'));
  return {
    base: branchName(classicBase ?? react[0]),
    head: branchName(classicHead ?? react[1]),
  };
}

/** "facebook/react:master" or "kepano:main" → the branch after the owner. */
function branchName(element: Element | null | undefined): string | undefined {
  if (!element) return undefined;
  const text = element.getAttribute('title') ?? textOf(element);
  const branch = text.includes(':') ? text.slice(text.indexOf(':') + 1) : text;
  return branch.trim() || undefined;
}

function readLabels(sidebar: ParentNode): string[] {
  const labels = Array.from(sidebar.querySelectorAll('.js-issue-labels .IssueLabel, .js-issue-labels a, [data-testid="issue-labels"] a'))
    .map((element) => textOf(element));
  return unique(labels).slice(0, limits.labels);
}

function readReviewers(sidebar: ParentNode): string[] {
  const section = sidebar.querySelector('[data-url*="sidebar%2Fshow%2Freviewers"], [data-channel-event-name="reviewers_updated"]')
    ?? Array.from(sidebar.querySelectorAll('.sidebar-assignee, [data-testid="sidebar-section"]')).find((element) => /^\s*Reviewers/.test(element.textContent ?? ''));
  if (!section) return [];
  const shown = (element: Element) => element.closest('details, details-menu, .select-menu-modal') === null;
  const named = Array.from(section.querySelectorAll('[data-assignee-name]')).filter(shown).map((element) => element.getAttribute('data-assignee-name') ?? '');
  const linked = Array.from(section.querySelectorAll('a.assignee')).filter(shown).map((element) => textOf(element) || (loginFromHref(element.getAttribute('href')) ?? ''));
  return unique([...named, ...linked]).slice(0, limits.labels);
}
