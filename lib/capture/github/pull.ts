// Adapter for pull request pages (conversation, files, commits and checks tabs).
import type { Adapter, AdapterOutput, CaptureEnvironment } from '../adapter';
import type { DiffFile, Facts, PageKind, PendingDiffFile, PullData, PullTab } from '../../context/types';
import { readDomDiff } from './diff-dom';
import { nextTask } from '../next-task';
import { pendingTotals, readPatch } from './diff-patch';
import { readChecks } from './pull-checks';
import { readPullHeader } from './pull-header';
import { hasCommentBox, readPullShown } from './pull-shown';
import { readCommits, readPullTimeline } from './pull-timeline';
import { parseGithubPath } from './route';

export const pullAdapter: Adapter = {
  id: 'github-pull',
  kinds: ['github.pull', 'github.pull.files'],
  capture: capturePull,
};

const LARGE_PATCH_CHARS = 1_000_000;
const MERGE_BOX_SELECTOR = '[data-testid="mergebox-partial"], .merge-status-list, .mergeability-details, #partial-pull-merging';

interface DiffReading {
  files: DiffFile[];
  source: PullData['diffSource'];
  cut: string[];
  /** From the `.diff`: its files, parsed later into `files` (see PageReading). */
  pending?: PendingDiffFile[];
}

async function capturePull(document: Document, url: URL, kind: PageKind, environment: CaptureEnvironment): Promise<AdapterOutput> {
  const route = parseGithubPath(url);
  const routeNumber = route?.page === 'pull' ? route.number : undefined;
  const tab: PullTab = route?.page === 'pull' ? route.tab : kind === 'github.pull.files' ? 'files' : 'conversation';
  const header = readPullHeader(document);
  const timeline = readPullTimeline(document);
  // The Files tab shows no check rows: skipping their query (a pass over every element of a page of
  // tens of thousands of diff elements) keeps the tab cheap, as the description's scoping does.
  const checks = tab === 'files' ? { checks: [], cut: [] } : readChecks(document);
  const commits = readCommits(document);
  const diff = await readDiff(document, url, routeNumber, environment);
  const shown = readPullShown(document);
  const data: PullData = {
    type: 'pull',
    number: routeNumber ?? 0,
    title: header.title,
    state: header.state,
    tab,
    labels: header.labels,
    reviewers: header.reviewers,
    checks: checks.checks,
    commits: commits.commits,
    files: diff.files,
    diffSource: diff.source,
    threads: timeline.threads,
    comments: timeline.comments,
    read: {
      diff: diff.source !== 'none' || diff.pending !== undefined || shown.files === 0,
      // The merge box lists the checks when there are any, so a merge box without rows means none.
      checks: checks.checks.length > 0 || (tab !== 'files' && document.querySelector(MERGE_BOX_SELECTOR) !== null),
      threads: timeline.threads.length > 0 || document.querySelector('.js-discussion') !== null,
    },
    shown,
    commentBox: hasCommentBox(document),
  };
  if (header.author) data.author = header.author;
  if (header.base) data.base = header.base;
  if (header.head) data.head = header.head;
  if (timeline.description !== undefined) data.description = timeline.description;
  const cut = [...diff.cut, ...timeline.cut, ...checks.cut, ...commits.cut];
  const totals = diff.pending ? pendingTotals(diff.pending) : undefined;
  const output: AdapterOutput = { title: header.title || `Pull request #${data.number}`, facts: pullFacts(data, header.commitsCount, totals), data };
  if (cut.length > 0) output.cut = cut;
  if (diff.pending) output.pendingDiff = diff.pending;
  return output;
}

async function readDiff(document: Document, url: URL, number: number | undefined, environment: CaptureEnvironment): Promise<DiffReading> {
  const cut: string[] = [];
  if (environment.fetchText && number !== undefined && url.pathname.includes('/pull/')) {
    const patchUrl = patchUrlOf(url, number);
    try {
      const text = await environment.fetchText(patchUrl);
      const yieldToPage = environment.yieldToPage ?? nextTask;
      const patch = await readPatch(text, yieldToPage);
      // Give the page a turn between reading a huge diff and redacting and sending it.
      if (text.length > LARGE_PATCH_CHARS) await yieldToPage();
      if (patch.pending.length > 0) return { files: [], source: 'patch', cut: patch.cut, pending: patch.pending };
      cut.push('the .diff was empty; the diff was read from the page');
    } catch (error) {
      // The page stays useful without the patch: say why in `cut` and read what the page shows.
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 200);
      cut.push(`the .diff could not be fetched (${reason}); the diff was read from the page`);
    }
  }
  const dom = readDomDiff(document);
  // Only a diff the page shows was "read from the page"; otherwise the notes above would claim a reading that did not happen.
  const notes = dom.lines > 0 ? cut : cut.map((note) => note.replace('; the diff was read from the page', '; the page shows no diff to read instead'));
  return { files: dom.files, source: dom.lines > 0 ? 'dom' : 'none', cut: [...notes, ...dom.cut] };
}

/** `<origin>/<owner>/<repo>/pull/<n>.diff`, same origin as the page (GitHub Enterprise included). */
export function patchUrlOf(url: URL, number: number): string {
  const route = parseGithubPath(url);
  const repository = route ? `${route.owner}/${route.repo}` : url.pathname.split('/').slice(1, 3).join('/');
  return `${url.origin}/${repository}/pull/${number}.diff`;
}

/** `diffTotals` stands in for the files while the `.diff` waits to be parsed. A part not read is said so, never counted as zero. */
function pullFacts(data: PullData, commitsCount: number | undefined, diffTotals?: ReturnType<typeof pendingTotals>): Facts {
  const facts: Facts = { number: data.number, state: data.state };
  if (data.read.diff) {
    facts['files'] = diffTotals?.files ?? data.files.length;
    facts['additions'] = diffTotals?.additions ?? data.files.reduce((sum, file) => sum + file.additions, 0);
    facts['deletions'] = diffTotals?.deletions ?? data.files.reduce((sum, file) => sum + file.deletions, 0);
  } else {
    facts['diff'] = 'not read';
    if (data.shown.files !== undefined) facts['files_shown'] = data.shown.files;
    if (data.shown.additions !== undefined) facts['additions_shown'] = data.shown.additions;
    if (data.shown.deletions !== undefined) facts['deletions_shown'] = data.shown.deletions;
  }
  if (data.read.checks) {
    facts['checks'] = data.checks.length;
    facts['checks_failing'] = data.checks.filter((check) => check.state === 'failure').length;
  } else {
    facts['checks'] = 'not read';
  }
  if (data.read.threads) {
    facts['threads'] = data.threads.length;
    facts['threads_unresolved'] = data.threads.filter((thread) => !thread.resolved).length;
  } else {
    facts['threads'] = 'not read';
  }
  facts['commits'] = Math.max(commitsCount ?? 0, data.commits.length);
  facts['comments'] = data.comments.length;
  facts['diff_source'] = data.diffSource;
  if (data.author) facts['author'] = data.author;
  if (data.base) facts['base'] = data.base;
  if (data.head) facts['head'] = data.head;
  return facts;
}
