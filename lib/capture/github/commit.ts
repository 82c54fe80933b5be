// Adapter for a commit's page (`/owner/repo/commit/<sha>`, and one commit of a pull request): its
// message, author, parents and checks, and its diff read like a pull request's (the `.diff` first).
import type { Adapter, AdapterOutput, CaptureEnvironment } from '../adapter';
import type { CommitData, PullShown } from '../../context/types';
import { readChangeDiff, changeFacts } from './change-diff';
import { findEmbedded, htmlText, numberAt, personName, recordsAt, stringAt } from './embedded-route';
import { limits } from './limits';
import { readChecks } from './pull-checks';
import { readPullShown } from './pull-shown';
import { parseGithubPath } from './route';
import { capText, textOf } from './text';

export const commitAdapter: Adapter = {
  id: 'github-commit',
  kinds: ['github.commit'],
  capture: captureCommit,
};

async function captureCommit(document: Document, url: URL, _kind: unknown, environment: CaptureEnvironment): Promise<AdapterOutput> {
  const route = parseGithubPath(url);
  const routeSha = route?.page === 'commit' ? route.sha : '';
  const repository = route ? `${route.owner}/${route.repo}` : url.pathname.split('/').slice(1, 3).join('/');
  // The page's route data: `{ commit, diffEntryData, headerInfo }` (GitHub's React commit view).
  const commitRoute = findEmbedded(document, 'commitRoute') ?? findEmbedded(document, 'commit', (value) => typeof value['oid'] === 'string');
  const commit = commitRoute && typeof commitRoute['oid'] === 'string' ? commitRoute : (commitRoute?.['commit'] as Record<string, unknown> | undefined);
  const sha = stringAt(commit, 'oid') ?? routeSha;
  const message = readMessage(document, commit);
  const cut: string[] = [];
  const body = capText(message.body, limits.descriptionChars);
  if (body.cut) cut.push(`the commit message after ${limits.descriptionChars} characters`);
  const checks = readChecks(document);
  const shown = readShown(document, commitRoute);
  const diff = await readChangeDiff(document, `${url.origin}/${repository}/commit/${sha}.diff`, recordsAt(commitRoute, 'diffEntryData'), environment);
  const data: CommitData = {
    type: 'commit',
    sha,
    title: message.title,
    message: body.text,
    parents: readParents(document, commit),
    checks: checks.checks,
    files: diff.files,
    unread: diff.unread,
    diffSource: diff.source,
    read: { diff: diff.complete, checks: checks.checks.length > 0 },
    shown,
  };
  const author = personName(recordsAt(commit, 'authors')[0]) ?? (textOf(document.querySelector('.commit-author, [data-testid="author-link"]')) || undefined);
  if (author) data.author = author;
  const committer = personName(commit?.['committer']);
  if (committer && committer !== author) data.committer = committer;
  const authoredAt = stringAt(commit, 'authoredDate') ?? document.querySelector('relative-time[datetime]')?.getAttribute('datetime') ?? undefined;
  if (authoredAt) data.authoredAt = authoredAt;
  cut.push(...diff.cut, ...checks.cut);
  const facts: AdapterOutput['facts'] = { repository, commit: sha.slice(0, 7), parents: data.parents.length, ...changeFacts(diff, shown) };
  if (data.author) facts['author'] = data.author;
  facts['checks'] = data.read.checks ? data.checks.length : 'not read';
  if (data.read.checks) facts['checks_failing'] = data.checks.filter((check) => check.state === 'failure').length;
  const output: AdapterOutput = { title: data.title || `Commit ${sha.slice(0, 7)}`, facts, data };
  if (cut.length > 0) output.cut = cut;
  if (diff.pending) output.pendingDiff = diff.pending;
  return output;
}

/** The message's first line and the rest: from the route data, else the page's title and message box. */
function readMessage(document: Document, commit: Record<string, unknown> | undefined): { title: string; body: string } {
  const headline = stringAt(commit, 'shortMessage') ?? htmlText(document, stringAt(commit, 'shortMessageMarkdown') ?? stringAt(commit, 'shortMessageMarkdownLink') ?? '');
  const bodyHtml = stringAt(commit, 'bodyMessageHtml');
  if (headline) return { title: headline, body: bodyHtml ? htmlText(document, bodyHtml) : '' };
  // The classic commit page, and the document title ("Message · owner/repo@abc1234 · GitHub") as the last resort.
  const classicTitle = textOf(document.querySelector('.commit-title, [data-testid="commit-header-title"]'));
  const classicBody = (document.querySelector('.commit-desc pre, [data-testid="commit-header-description"]')?.textContent ?? '').trim();
  const title = classicTitle || document.title.replace(/\s+·\s+[^·]+@[0-9a-f]{7,}\s+·\s+GitHub\s*$/i, '').trim();
  return { title, body: classicBody };
}

function readParents(document: Document, commit: Record<string, unknown> | undefined): string[] {
  const fromData = commit?.['parents'];
  if (Array.isArray(fromData)) return fromData.filter((value): value is string => typeof value === 'string');
  const links = Array.from(document.querySelectorAll('.sha-block a[href*="/commit/"], [data-testid="commit-parents"] a[href*="/commit/"]'));
  return links.map((link) => /\/commit\/([0-9a-f]{7,64})/i.exec(link.getAttribute('href') ?? '')?.[1] ?? '').filter((sha) => sha !== '');
}

function readShown(document: Document, commitRoute: Record<string, unknown> | undefined): PullShown {
  const header = commitRoute?.['headerInfo'] as Record<string, unknown> | undefined;
  const files = numberAt(header, 'filesChanged');
  if (files === undefined) return readPullShown(document);
  const shown: PullShown = { files };
  const additions = numberAt(header, 'additions');
  const deletions = numberAt(header, 'deletions');
  if (additions !== undefined) shown.additions = additions;
  if (deletions !== undefined) shown.deletions = deletions;
  return shown;
}
