// Per page kind: which sections make the outline (always worth sending) and which make the detail
// (sent while the budget lasts). The full data stays available to scripts as `page`.

import type {
  ActionsData, BlobData, Check, CommitData, CompareData, DashboardData, DiffFile, DiscussionData, DocData, GenericData, Heading,
  IssueData, ListedFile, PageData, PullData, PullShown, ReleasesData, RepoData, Series, Table, TreeData,
} from './types';
import type { Section } from './prompt-writer';
import { shownTotals } from '../skills/pull-reading';

export interface PromptPlan {
  outline: Section[];
  detail: Section[];
  /** How to summarise detail sections that got no room at all (many files of a huge diff). */
  summarise?: (omitted: Section[]) => string;
}

const lines = (text: string | undefined): string[] => (text ? text.split('\n') : []);
const more = (what: string, where: string) => (count: number) => `${count} more ${what} — available to scripts as ${where}`;

const CHECK_MARK: Record<Check['state'], string> = {
  success: '✓', failure: '✗', pending: '…', skipped: '-', neutral: '○', cancelled: '⊘', unknown: '?',
};

const STATUS_LETTER: Record<DiffFile['status'], string> = { added: 'A', modified: 'M', removed: 'D', renamed: 'R' };

function headingLines(outline: Heading[]): string[] {
  return outline.map((heading) => `${'  '.repeat(Math.max(0, heading.level - 1))}${heading.text}`);
}

function tableLines(table: Table): string[] {
  const rows = table.rows.map((row) => row.join(' | '));
  return table.headers.length > 0 ? [table.headers.join(' | '), ...rows] : rows;
}

function describeSeries(series: Series): string {
  const count = series.values.length;
  if (count === 0) return `${series.name}: no points`;
  const last = series.values[count - 1];
  // reduce, not Math.min(...values): a long series would overflow the call stack.
  const min = series.values.reduce((low, value) => Math.min(low, value), Infinity);
  const max = series.values.reduce((high, value) => Math.max(high, value), -Infinity);
  const unit = series.unit ? ` ${series.unit}` : '';
  return `${series.name}${unit ? ` (${series.unit})` : ''}: ${count} points, ${series.labels[0] ?? ''} → ${series.labels[count - 1] ?? ''}, last ${last}${unit}, min ${min}, max ${max}`;
}

/** The parts not read, said in the header, so an empty list below is not taken for "none". */
function notRead(data: PullData): string[] {
  const parts = [...(data.read.diff ? [] : ['diff']), ...(data.read.checks ? [] : ['checks']), ...(data.read.threads ? [] : ['review threads'])];
  if (parts.length === 0) return [];
  const totals = shownTotals(data);
  return [`NOT READ (unknown, not empty): ${parts.join(', ')}${!data.read.diff && totals ? `; the page header shows ${totals}` : ''}`];
}

function pullPlan(data: PullData): PromptPlan {
  const additions = data.files.reduce((sum, file) => sum + file.additions, 0);
  const deletions = data.files.reduce((sum, file) => sum + file.deletions, 0);
  const header = [
    `Pull request #${data.number}: ${data.title} [${data.state}]${data.author ? ` by ${data.author}` : ''}`,
    ...(data.base || data.head ? [`branches: ${data.head ?? '?'} → ${data.base ?? '?'}`] : []),
    ...(data.labels.length > 0 ? [`labels: ${data.labels.join(', ')}`] : []),
    ...(data.reviewers.length > 0 ? [`reviewers: ${data.reviewers.join(', ')}`] : []),
    `tab: ${data.tab}; diff from: ${data.diffSource}; ${data.commits.length} commits`,
    ...notRead(data),
  ];
  const outline: Section[] = [
    { lines: header, cutNote: more('header lines', 'page') },
    {
      heading: `checks (${data.checks.length}):`,
      lines: data.checks.map((check) => `  ${CHECK_MARK[check.state]} ${check.name} (${check.state})${check.description ? ` — ${check.description}` : ''}`),
      cutNote: more('checks', 'page.checks'),
    },
    {
      heading: `files (${data.files.length}, +${additions} −${deletions}):`,
      lines: data.files.map((file) =>
        `  ${STATUS_LETTER[file.status]} ${file.previousPath ? `${file.previousPath} → ` : ''}${file.path} +${file.additions} −${file.deletions}${file.binary ? ' (binary)' : ''}`),
      cutNote: more('files', 'page.files'),
    },
    {
      heading: `review threads (${data.threads.length}):`,
      lines: data.threads.map((thread) => {
        const first = thread.comments[0];
        const where = thread.path ? `${thread.path}${thread.line ? `:${thread.line}` : ''}` : 'general';
        const state = thread.resolved ? 'resolved' : thread.outdated ? 'outdated' : 'open';
        return `  ${where} [${state}, ${thread.comments.length} comments] ${first?.author ?? '?'}: ${(first?.body ?? '').replace(/\s+/g, ' ').slice(0, 160)}`;
      }),
      cutNote: more('threads', 'page.threads'),
    },
    { heading: 'description:', lines: lines(data.description), cutNote: more('lines of the description', 'page.description') },
  ].filter((section) => section.lines.length > 0);
  const detail = hunkSections(data.files);
  if (data.comments.length > 0) {
    detail.push({
      heading: `### comments (${data.comments.length})`,
      lines: data.comments.flatMap((comment) => [`${comment.author ?? '?'}:`, ...lines(comment.body).map((line) => `  ${line}`)]),
      cutNote: more('comment lines', 'page.comments'),
    });
  }
  return { outline, detail, summarise: summariseFiles };
}

/** Each file's hunks, biggest change first: the detail of every page that carries a diff. */
function hunkSections(files: DiffFile[]): Section[] {
  const changed = (file: DiffFile): number => file.additions + file.deletions;
  return [...files]
    .filter((file) => file.hunks.length > 0)
    .sort((a, b) => changed(b) - changed(a))
    .map((file) => ({
      heading: `### ${file.path} (+${file.additions} −${file.deletions})`,
      lines: [...file.hunks].sort((a, b) => b.lines.length - a.lines.length).flatMap((hunk) => [hunk.header, ...hunk.lines]),
      cutNote: more(`lines of ${file.path}`, 'page.files'),
    }));
}

function fileListSection(files: DiffFile[], unread: ListedFile[], shown: PullShown): Section {
  const additions = files.reduce((sum, file) => sum + file.additions, 0);
  const deletions = files.reduce((sum, file) => sum + file.deletions, 0);
  const header = unread.length > 0
    ? `files (${files.length} read of ${files.length + unread.length}${shown.additions !== undefined ? `; the page shows +${shown.additions} −${shown.deletions ?? 0} in all` : ''}):`
    : `files (${files.length}, +${additions} −${deletions}):`;
  return {
    heading: header,
    lines: [
      ...files.map((file) => `  ${STATUS_LETTER[file.status]} ${file.previousPath ? `${file.previousPath} → ` : ''}${file.path} +${file.additions} −${file.deletions}${file.binary ? ' (binary)' : ''}`),
      ...unread.map((file) => `  ${STATUS_LETTER[file.status]} ${file.path} (lines not read)`),
    ],
    cutNote: more('files', 'page.files and page.unread'),
  };
}

const summariseFiles = (omitted: Section[]) =>
  `hunks of ${omitted.length} more files (${omitted.slice(0, 5).map((section) => section.heading?.slice(4) ?? '').join(', ')}${omitted.length > 5 ? ', …' : ''}) — available to scripts as page.files`;

function commitPlan(data: CommitData): PromptPlan {
  const header = [
    `Commit ${data.sha.slice(0, 12)}: ${data.title}${data.author ? ` by ${data.author}` : ''}${data.authoredAt ? ` (${data.authoredAt})` : ''}`,
    `parents: ${data.parents.length > 0 ? data.parents.map((sha) => sha.slice(0, 12)).join(', ') : 'none (root commit)'}`,
    `diff from: ${data.diffSource}${data.read.diff ? '' : '; NOT fully read (unknown, not empty): use the page header counts'}`,
    ...(data.read.checks ? [] : ['checks: not read']),
  ];
  return {
    outline: [
      { lines: header, cutNote: more('header lines', 'page') },
      { heading: 'message:', lines: lines(data.message), cutNote: more('lines of the message', 'page.message') },
      {
        heading: `checks (${data.checks.length}):`,
        lines: data.checks.map((check) => `  ${CHECK_MARK[check.state]} ${check.name} (${check.state})`),
        cutNote: more('checks', 'page.checks'),
      },
      fileListSection(data.files, data.unread, data.shown),
    ].filter((section) => section.lines.length > 0),
    detail: hunkSections(data.files),
    summarise: summariseFiles,
  };
}

function comparePlan(data: CompareData): PromptPlan {
  return {
    outline: [
      {
        lines: [`Comparing ${data.base || '(default branch)'}...${data.head}: ${data.commits.length} commits; diff from: ${data.diffSource}${data.read.diff ? '' : '; NOT fully read'}`],
        cutNote: more('header lines', 'page'),
      },
      {
        heading: `commits (${data.commits.length}):`,
        lines: data.commits.map((commit) => `  ${commit.sha?.slice(0, 7) ?? '?'} ${commit.message}${commit.author ? ` (${commit.author})` : ''}`),
        cutNote: more('commits', 'page.commits'),
      },
      fileListSection(data.files, data.unread, data.shown),
    ].filter((section) => section.lines.length > 0),
    detail: hunkSections(data.files),
    summarise: summariseFiles,
  };
}

function treePlan(data: TreeData): PromptPlan {
  return {
    outline: [
      { lines: [`Folder ${data.path || '(repository root)'} of ${data.owner}/${data.repo} @ ${data.ref}: ${data.entries.length} entries`], cutNote: more('header lines', 'page') },
      {
        heading: 'entries (name — last commit, date):',
        lines: data.entries.map((entry) => `  ${entry.kind === 'directory' ? `${entry.name}/` : entry.name}${entry.lastCommit ? ` — ${entry.lastCommit}` : ''}${entry.lastCommitDate ? `, ${entry.lastCommitDate}` : ''}`),
        cutNote: more('entries', 'page.entries'),
      },
      { heading: 'README headings:', lines: headingLines(data.readmeOutline), cutNote: more('headings', 'page.readmeOutline') },
    ].filter((section) => section.lines.length > 0),
    detail: [{ heading: '### README', lines: lines(data.readme), cutNote: more('lines of the README', 'page.readme') }].filter((section) => section.lines.length > 0),
  };
}

function releasesPlan(data: ReleasesData): PromptPlan {
  return {
    outline: [{
      heading: `releases of ${data.owner}/${data.repo} (${data.releases.length}):`,
      lines: data.releases.map((release) =>
        `  ${release.tag}${release.name && release.name !== release.tag ? ` "${release.name}"` : ''}${release.publishedAt ? ` (${release.publishedAt})` : ''}${release.latest ? ' [latest]' : ''}${release.prerelease ? ' [pre-release]' : ''}, ${release.assets.length} assets`),
      cutNote: more('releases', 'page.releases'),
    }],
    detail: data.releases.map((release, index) => ({
      heading: `### ${release.tag} notes`,
      lines: [...lines(release.notes), ...(release.assets.length > 0 ? [`assets: ${release.assets.map((asset) => `${asset.name}${asset.size ? ` (${asset.size})` : ''}`).join(', ')}`] : [])],
      cutNote: more(`lines of ${release.tag}'s notes`, `page.releases[${index}].notes`),
    })),
    summarise: (omitted) => `notes of ${omitted.length} more releases — available to scripts as page.releases`,
  };
}

function discussionPlan(data: DiscussionData): PromptPlan {
  const accepted = data.answers.findIndex((answer) => answer.accepted);
  return {
    outline: [
      {
        lines: [
          `Discussion #${data.number}: ${data.title}${data.category ? ` [${data.category}]` : ''}${data.author ? ` by ${data.author}` : ''}`,
          `${data.answers.length} answers or comments; ${accepted >= 0 ? `answer ${accepted + 1} is marked as the answer` : data.answered ? 'marked answered' : 'no accepted answer'}`,
        ],
        cutNote: more('header lines', 'page'),
      },
      { heading: 'question:', lines: lines(data.question).slice(0, 15), cutNote: more('lines of the question (head only here)', 'page.question') },
    ],
    detail: [
      { heading: '### question (continued)', lines: lines(data.question).slice(15), cutNote: more('lines of the question', 'page.question') },
      ...data.answers.map((answer, index) => ({
        heading: `### ${answer.accepted ? 'ACCEPTED answer' : 'answer'} ${index + 1} by ${answer.author ?? '?'}${answer.upvotes !== undefined ? ` (${answer.upvotes} upvotes)` : ''}`,
        lines: [...lines(answer.body), ...answer.replies.flatMap((reply) => [`  reply by ${reply.author ?? '?'}:`, ...lines(reply.body).map((line) => `    ${line}`)])],
        cutNote: more(`lines of answer ${index + 1}`, `page.answers[${index}]`),
      })),
    ].filter((section) => section.lines.length > 0),
    summarise: (omitted) => `${omitted.length} more answers — available to scripts as page.answers`,
  };
}

function issuePlan(data: IssueData): PromptPlan {
  return {
    outline: [
      {
        lines: [
          `Issue #${data.number}: ${data.title} [${data.state}]${data.author ? ` by ${data.author}` : ''}`,
          ...(data.labels.length > 0 ? [`labels: ${data.labels.join(', ')}`] : []),
          ...(data.assignees.length > 0 ? [`assignees: ${data.assignees.join(', ')}`] : []),
          `${data.comments.length} comments`,
        ],
        cutNote: more('header lines', 'page'),
      },
      { heading: 'body:', lines: lines(data.body).slice(0, 15), cutNote: more('lines of the body (head only here)', 'page.body') },
    ],
    detail: [
      { heading: '### body (continued)', lines: lines(data.body).slice(15), cutNote: more('lines of the body', 'page.body') },
      ...data.comments.map((comment, index) => ({
        heading: `### comment ${index + 1} by ${comment.author ?? '?'}${comment.createdAt ? ` (${comment.createdAt})` : ''}`,
        lines: lines(comment.body),
        cutNote: more(`lines of comment ${index + 1}`, `page.comments[${index}]`),
      })),
    ].filter((section) => section.lines.length > 0),
    summarise: (omitted) => `${omitted.length} more comments — available to scripts as page.comments`,
  };
}

function docPlan(data: DocData): PromptPlan {
  return {
    outline: [
      {
        lines: [
          `Article: ${data.title}`,
          ...(data.byline ? [`by ${data.byline}`] : []),
          ...(data.siteName ? [`site: ${data.siteName}`] : []),
          ...(data.excerpt ? [`excerpt: ${data.excerpt}`] : []),
          `${data.codeBlocks.length} code blocks${data.codeBlocks.length > 0 ? ` (${[...new Set(data.codeBlocks.map((block) => block.language ?? 'plain'))].join(', ')})` : ''}`,
        ],
        cutNote: more('header lines', 'page'),
      },
      { heading: 'headings:', lines: headingLines(data.outline), cutNote: more('headings', 'page.outline') },
    ],
    detail: [{ heading: '### text', lines: lines(data.text), cutNote: more('lines of the article', 'page.text') }],
  };
}

function dashboardPlan(data: DashboardData): PromptPlan {
  return {
    outline: [
      {
        heading: `panels (${data.panels.length}, ${data.source}):`,
        lines: data.panels.map((panel) => {
          const legend = panel.legend?.map((item) => `${item.name}${item.value ? ` ${item.value}` : ''}`).join('; ');
          return `  ${panel.title || '(untitled)'} [${panel.type}]${panel.value ? ` = ${panel.value}` : ''}${legend ? ` — ${legend}` : ''}`;
        }),
        cutNote: more('panels', 'page.panels'),
      },
      { heading: `series (${data.series.length}):`, lines: data.series.map((series) => `  ${describeSeries(series)}`), cutNote: more('series', 'page.series') },
      {
        heading: `tables (${data.tables.length}):`,
        lines: data.tables.map((table, index) => `  ${index}: ${table.caption ?? ''} [${table.headers.join(', ')}] ${table.rows.length} rows`),
        cutNote: more('tables', 'page.tables'),
      },
    ].filter((section) => section.lines.length > 0),
    detail: data.tables.map((table, index) => ({
      heading: `### table ${index}${table.caption ? `: ${table.caption}` : ''}`,
      lines: tableLines(table),
      cutNote: more(`rows of table ${index}`, `page.tables[${index}].rows`),
    })),
    summarise: (omitted) => `${omitted.length} more tables — available to scripts as page.tables`,
  };
}

function genericPlan(data: GenericData): PromptPlan {
  return {
    outline: [{ heading: 'headings:', lines: headingLines(data.outline), cutNote: more('headings', 'page.outline') }],
    detail: [
      { heading: '### text', lines: lines(data.text), cutNote: more('lines of page text', 'page.text') },
      ...data.tables.map((table, index) => ({
        heading: `### table ${index}`,
        lines: tableLines(table),
        cutNote: more(`rows of table ${index}`, `page.tables[${index}].rows`),
      })),
      { heading: '### links', lines: data.links.map((link) => `${link.text} <${link.href}>`), cutNote: more('links', 'page.links') },
    ].filter((section) => section.lines.length > 0),
    summarise: (omitted) => `${omitted.length} more sections (tables, links) — available to scripts as page`,
  };
}

function blobPlan(data: BlobData): PromptPlan {
  const code = lines(data.code).map((line, index) => `${data.codeStartLine + index}: ${line}`);
  return {
    outline: [{
      lines: [
        `File ${data.path}${data.ref ? ` @ ${data.ref}` : ''}${data.language ? ` (${data.language})` : ''}, ${data.lineCount} lines`,
        ...(data.selection ? [`selected lines ${data.selection.start}–${data.selection.end}`] : []),
      ],
      cutNote: more('header lines', 'page'),
    }],
    detail: [{ heading: '### code', lines: code, cutNote: more('lines of code', 'page.code') }],
  };
}

function actionsPlan(data: ActionsData): PromptPlan {
  return {
    outline: [
      {
        lines: [`Workflow run: ${data.runTitle ?? ''}${data.workflow ? ` (${data.workflow})` : ''} [${data.status}]`],
        cutNote: more('header lines', 'page'),
      },
      { heading: `jobs (${data.jobs.length}):`, lines: data.jobs.map((job) => `  ${CHECK_MARK[job.status]} ${job.name} (${job.status})`), cutNote: more('jobs', 'page.jobs') },
      {
        heading: `failed steps (${data.failedSteps.length}):`,
        lines: data.failedSteps.map((step) => `  ✗ ${step.job ? `${step.job} › ` : ''}${step.name}`),
        cutNote: more('failed steps', 'page.failedSteps'),
      },
    ].filter((section) => section.lines.length > 0),
    detail: data.errors.map((excerpt, index) => ({
      heading: `### error ${index + 1}${excerpt.step ? ` in ${excerpt.step}` : ''} (log line ${excerpt.startLine + excerpt.errorIndex})`,
      lines: excerpt.lines.map((line, offset) => `${excerpt.startLine + offset}${offset === excerpt.errorIndex ? '>' : ':'} ${line}`),
      cutNote: more(`log lines of error ${index + 1}`, `page.errors[${index}]`),
    })),
    summarise: (omitted) => `${omitted.length} more error excerpts — available to scripts as page.errors`,
  };
}

function repoPlan(data: RepoData): PromptPlan {
  return {
    outline: [
      {
        lines: [
          `Repository ${data.owner}/${data.name}${data.description ? `: ${data.description}` : ''}`,
          ...(data.topics.length > 0 ? [`topics: ${data.topics.join(', ')}`] : []),
        ],
        cutNote: more('header lines', 'page'),
      },
      { heading: 'README headings:', lines: headingLines(data.outline), cutNote: more('headings', 'page.outline') },
    ],
    detail: [{ heading: '### README', lines: lines(data.readme), cutNote: more('lines of the README', 'page.readme') }].filter(
      (section) => section.lines.length > 0,
    ),
  };
}

export function planFor(data: PageData): PromptPlan {
  switch (data.type) {
    case 'pull': return pullPlan(data);
    case 'issue': return issuePlan(data);
    case 'doc': return docPlan(data);
    case 'dashboard': return dashboardPlan(data);
    case 'generic': return genericPlan(data);
    case 'blob': return blobPlan(data);
    case 'actions': return actionsPlan(data);
    case 'repo': return repoPlan(data);
    case 'commit': return commitPlan(data);
    case 'compare': return comparePlan(data);
    case 'tree': return treePlan(data);
    case 'releases': return releasesPlan(data);
    case 'discussion': return discussionPlan(data);
  }
}
