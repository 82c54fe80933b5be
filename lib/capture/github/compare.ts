// Adapter for a compare view (`/owner/repo/compare/base...head`): the commits between the two refs and
// their combined diff, read like a pull request's (the view's own `.diff` first).
import type { Adapter, AdapterOutput, CaptureEnvironment } from '../adapter';
import type { Commit, CompareData, PullShown } from '../../context/types';
import { changeFacts, readChangeDiff } from './change-diff';
import { findEmbedded, personName, recordsAt, stringAt } from './embedded-route';
import { limits } from './limits';
import { readPullShown } from './pull-shown';
import { readCommits } from './pull-timeline';
import { parseGithubPath } from './route';
import { parseCount, textOf } from './text';

export const compareAdapter: Adapter = {
  id: 'github-compare',
  kinds: ['github.compare'],
  capture: captureCompare,
};

async function captureCompare(document: Document, url: URL, _kind: unknown, environment: CaptureEnvironment): Promise<AdapterOutput> {
  const route = parseGithubPath(url);
  const repository = route ? `${route.owner}/${route.repo}` : url.pathname.split('/').slice(1, 3).join('/');
  const base = route?.page === 'compare' ? route.base ?? '' : '';
  const head = route?.page === 'compare' ? route.head : '';
  const range = url.pathname.split('/compare/')[1] ?? '';
  const comparison = findEmbedded(document, 'comparison');
  const commits = readCompareCommits(document, comparison);
  const shown = readCompareShown(document);
  const diff = await readChangeDiff(document, `${url.origin}/${repository}/compare/${range}.diff`, recordsAt(comparison, 'diffEntryData'), environment);
  const data: CompareData = {
    type: 'compare',
    base,
    head,
    commits: commits.commits,
    files: diff.files,
    unread: diff.unread,
    diffSource: diff.source,
    read: { diff: diff.complete, commits: commits.commits.length > 0 },
    shown,
  };
  const facts: AdapterOutput['facts'] = { repository, base: base || '(default branch)', head, commits: commits.commits.length, ...changeFacts(diff, shown) };
  const cut = [...diff.cut, ...commits.cut];
  const output: AdapterOutput = { title: `Comparing ${base || 'the default branch'}...${head}`, facts, data };
  if (cut.length > 0) output.cut = cut;
  if (diff.pending) output.pendingDiff = diff.pending;
  return output;
}

/** The route data's commits when the view embeds them, else the commit links of its list. */
function readCompareCommits(document: Document, comparison: Record<string, unknown> | undefined): { commits: Commit[]; cut: string[] } {
  const embedded = recordsAt(comparison, 'commits');
  if (embedded.length === 0) return withListAuthors(document, readCommits(document));
  const commits = embedded.slice(0, limits.commits).map((record) => {
    const commit: Commit = { message: stringAt(record, 'shortMessage') ?? stringAt(record, 'messageHeadline') ?? '' };
    const sha = stringAt(record, 'oid');
    if (sha) commit.sha = sha;
    const author = personName(recordsAt(record, 'authors')[0]);
    if (author) commit.author = author;
    return commit;
  });
  return { commits, cut: embedded.length > limits.commits ? [`commits after the first ${limits.commits} of ${embedded.length}`] : [] };
}

/** The classic list names each commit's author beside its link (`.commit-author`). */
function withListAuthors(document: Document, reading: { commits: Commit[]; cut: string[] }): { commits: Commit[]; cut: string[] } {
  const authors = new Map<string, string>();
  for (const item of Array.from(document.querySelectorAll('.js-commits-list-item'))) {
    const sha = /\/commit\/([0-9a-f]{7,64})/i.exec(item.querySelector('a[href*="/commit/"]')?.getAttribute('href') ?? '')?.[1];
    const author = textOf(item.querySelector('.commit-author'));
    if (sha && author) authors.set(sha.slice(0, 7), author);
  }
  for (const commit of reading.commits) {
    const author = commit.sha ? authors.get(commit.sha.slice(0, 7)) : undefined;
    if (author && !commit.author) commit.author = author;
  }
  return reading;
}

/** The view's summary ("5 commits · 12 files changed · 3 contributors") and its +/− when it shows them. */
function readCompareShown(document: Document): PullShown {
  const shown = readPullShown(document);
  if (shown.files !== undefined) return shown;
  const summary = Array.from(document.querySelectorAll('.overall-summary, .toc-diff-stats')).map((element) => textOf(element)).join(' ');
  const files = /([\d,]+)\s+changed files?|([\d,]+)\s+files? changed/i.exec(summary);
  if (files) shown.files = parseCount(files[1] ?? files[2] ?? '') ?? 0;
  const additions = /([\d,]+)\s+additions?/i.exec(summary);
  const deletions = /([\d,]+)\s+deletions?/i.exec(summary);
  if (additions) shown.additions = parseCount(additions[1] ?? '') ?? 0;
  if (deletions) shown.deletions = parseCount(deletions[1] ?? '') ?? 0;
  return shown;
}
