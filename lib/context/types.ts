// The data shapes that flow between capture, suggestions, skills, the sandbox, the agent and the panel.
// Pure types: every context imports them, so nothing here may touch an extension API.
import type { Action } from '../actions/action-schema';
import type { PageKind } from './page-kinds';

export type { PageKind };

export type Fact = string | number | boolean;
export type Facts = Record<string, Fact>;

export interface Heading {
  level: number;
  text: string;
  id?: string;
}

export interface Comment {
  author?: string;
  body: string;
  createdAt?: string;
  /** GitHub's label beside the author: Owner, Member, Collaborator, Contributor, First-time contributor… */
  association?: string;
}

export type CheckState = 'success' | 'failure' | 'pending' | 'skipped' | 'neutral' | 'cancelled' | 'unknown';

export interface Check {
  name: string;
  state: CheckState;
  link?: string;
  description?: string;
}

export interface Commit {
  sha?: string;
  message: string;
  author?: string;
}

/** One hunk of a unified diff; every line keeps its leading '+', '-' or ' ' marker. */
export interface Hunk {
  header: string;
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: string[];
}

export type FileStatus = 'added' | 'modified' | 'removed' | 'renamed';

export interface DiffFile {
  path: string;
  previousPath?: string;
  status: FileStatus;
  additions: number;
  deletions: number;
  binary?: boolean;
  hunks: Hunk[];
}

export interface ReviewThread {
  path?: string;
  line?: number;
  resolved: boolean;
  outdated?: boolean;
  comments: Comment[];
}

export type PullState = 'open' | 'closed' | 'merged' | 'draft' | 'unknown';
export type PullTab = 'conversation' | 'files' | 'commits' | 'checks';

export interface PullData {
  type: 'pull';
  number: number;
  title: string;
  state: PullState;
  tab: PullTab;
  author?: string;
  base?: string;
  head?: string;
  description?: string;
  labels: string[];
  reviewers: string[];
  checks: Check[];
  commits: Commit[];
  files: DiffFile[];
  /** Where `files[].hunks` came from: the same-origin `.diff`, the rendered page, or nowhere. */
  diffSource: 'patch' | 'dom' | 'none';
  threads: ReviewThread[];
  comments: Comment[];
  /** Which parts Tandem read. A part not read is unknown, not empty: `files: []` with `read.diff` false says nothing about the change. */
  read: PullRead;
  /** What the page's header shows, read or not: the counts to use when the diff itself was not read. */
  shown: PullShown;
  /** Whether the page has the conversation's comment box, where a drafted review can be filled. */
  commentBox: boolean;
  /**
   * The failing checks' logs, read on demand (a skill that goes and looks, such as pr-checks) from the
   * checks' own links on the page's origin; absent when nobody went to look.
   */
  checkLogs?: CheckLog[];
}

/** A file and line a log points to (`src/foo.ts:42`), with the log line that names it. */
export interface LogLocation {
  path: string;
  line: number;
  column?: number;
  /** The log line it was found in, trimmed. */
  text: string;
  /** Whether the path is the repository's own file (not a dependency, the runtime or the runner's tools). */
  own: boolean;
}

/** What Tandem found when it followed one failing check's link to its job page and log. */
export interface CheckLog {
  check: string;
  /** The check's link as the page gives it. */
  link: string;
  /** Whether a log (the job page's lines or its raw log) was read. */
  read: boolean;
  /** Why the log could not be read, in words: another origin, 404, a sign-in page, too big, … */
  problem?: string;
  /** The pages and logs fetched, in order (same origin as the page, always). */
  fetched: string[];
  job?: string;
  /** Failed steps, the most likely cause of the job's failure first. */
  failedSteps: string[];
  errors: LogExcerpt[];
  locations: LogLocation[];
}

export interface PullRead {
  diff: boolean;
  checks: boolean;
  threads: boolean;
}

export interface PullShown {
  files?: number;
  additions?: number;
  deletions?: number;
}

export interface IssueData {
  type: 'issue';
  number: number;
  title: string;
  state: 'open' | 'closed' | 'unknown';
  author?: string;
  /** GitHub's label beside the opener (Owner, Member, Contributor…). */
  authorAssociation?: string;
  /** When the issue was opened (ISO time). */
  createdAt?: string;
  labels: string[];
  assignees: string[];
  body: string;
  comments: Comment[];
  /** Timeline events between the comments (labels, closing, cross-references), in page order. */
  events: IssueEvent[];
  /** Pull requests and branches the sidebar's Development section links to the issue. */
  linked: IssueReference[];
}

/** An issue or pull request a page links to. */
export interface IssueReference {
  kind: 'pull' | 'issue';
  number: number;
  /** owner/name, when it is not the page's own repository or the link said so. */
  repository?: string;
  title?: string;
  /** As the page shows it: open, closed, merged, draft. */
  state?: string;
  url: string;
}

/** One timeline event of an issue, worded as the page words it. */
export interface IssueEvent {
  actor?: string;
  /** What happened, e.g. "closed this as completed", "added the bug label", "mentioned this issue". */
  text: string;
  at?: string;
  references: IssueReference[];
}

export interface BlobData {
  type: 'blob';
  path: string;
  ref?: string;
  language?: string;
  lineCount: number;
  /** The line range selected through the URL hash (#L10-L20), 1-based and inclusive. */
  selection?: { start: number; end: number };
  /** The code around the selection (or from the top), with the line number of its first line. */
  code: string;
  codeStartLine: number;
  truncated: boolean;
}

export interface ListedFile {
  path: string;
  status: FileStatus;
}

/** Where a change's `files[].hunks` came from: the same-origin `.diff`, the page itself, or nowhere. */
export type DiffSource = 'patch' | 'dom' | 'none';

/** One commit's page: its message, people, parents, checks and diff (read like a pull request's). */
export interface CommitData {
  type: 'commit';
  sha: string;
  /** The message's first line. */
  title: string;
  /** The rest of the message, as text. */
  message: string;
  author?: string;
  authoredAt?: string;
  committer?: string;
  parents: string[];
  checks: Check[];
  files: DiffFile[];
  /** Files the page lists whose lines were not read (a commit page loads them as they are scrolled to). */
  unread: ListedFile[];
  diffSource: DiffSource;
  /** As on a pull request: a part not read is unknown, not empty. */
  read: { diff: boolean; checks: boolean };
  shown: PullShown;
}

/** A compare view (`/compare/base...head`): the commits between two refs and their combined diff. */
export interface CompareData {
  type: 'compare';
  base: string;
  head: string;
  commits: Commit[];
  files: DiffFile[];
  unread: ListedFile[];
  diffSource: DiffSource;
  read: { diff: boolean; commits: boolean };
  shown: PullShown;
}

export interface TreeEntry {
  name: string;
  kind: 'file' | 'directory' | 'submodule' | 'symlink';
  /** The message of the last commit that touched it, and when. */
  lastCommit?: string;
  lastCommitDate?: string;
}

/** A folder of a repository (`/tree/<ref>/<path>`): its entries and the README shown under them. */
export interface TreeData {
  type: 'tree';
  owner: string;
  repo: string;
  ref: string;
  path: string;
  entries: TreeEntry[];
  readme?: string;
  readmeOutline: Heading[];
}

export interface ReleaseAsset {
  name: string;
  size?: string;
  link?: string;
}

export interface Release {
  tag: string;
  name: string;
  publishedAt?: string;
  author?: string;
  prerelease: boolean;
  latest: boolean;
  notes: string;
  assets: ReleaseAsset[];
  /** The tag this release's notes compare against, when the page names one. */
  previousTag?: string;
}

/** The releases list or one release's page: each release's notes and assets, newest first. */
export interface ReleasesData {
  type: 'releases';
  owner: string;
  repo: string;
  releases: Release[];
}

export interface DiscussionAnswer extends Comment {
  accepted: boolean;
  replies: Comment[];
  upvotes?: number;
}

/** A discussion: the question, its answers (or comments) and which one was accepted. */
export interface DiscussionData {
  type: 'discussion';
  number: number;
  title: string;
  category?: string;
  author?: string;
  question: string;
  answered: boolean;
  answers: DiscussionAnswer[];
}

export interface ActionsStep {
  name: string;
  status: CheckState;
  job?: string;
}

export interface LogExcerpt {
  step?: string;
  /** 1-based line number of the first line in `lines` within the job log. */
  startLine: number;
  lines: string[];
  /** Index into `lines` of the line that matched as an error. */
  errorIndex: number;
}

export interface ActionsData {
  type: 'actions';
  workflow?: string;
  runTitle?: string;
  status: CheckState;
  jobs: { name: string; status: CheckState; link?: string }[];
  failedSteps: ActionsStep[];
  steps: ActionsStep[];
  errors: LogExcerpt[];
  /** Files and lines the error excerpts point to, the repository's own first. */
  locations?: LogLocation[];
  /**
   * Where the errors came from when the page showed no log lines: the failed step's log, fetched from the
   * page's own link on demand (`log`), or why that log could not be read (`problem`).
   */
  logRead?: { from: 'log' } | { from: 'none'; problem: string };
}

export interface RepoData {
  type: 'repo';
  owner: string;
  name: string;
  description?: string;
  topics: string[];
  readme?: string;
  outline: Heading[];
  /** The sidebar's language bar, largest first. */
  languages: { name: string; percent: number }[];
  /** Names at the top of the file list (folders and files), as the page lists them. */
  files: string[];
  /** The latest commit the page shows. */
  lastCommit?: { message: string; at?: string; author?: string };
  /** The count beside the history link ("1,204 commits"). */
  commits?: number;
  /** The licence the sidebar names ("MIT license"). */
  license?: string;
}

export interface CodeBlock {
  language?: string;
  code: string;
}

export interface DocData {
  type: 'doc';
  title: string;
  byline?: string;
  siteName?: string;
  excerpt?: string;
  text: string;
  outline: Heading[];
  codeBlocks: CodeBlock[];
}

export interface Table {
  caption?: string;
  headers: string[];
  rows: string[][];
}

/** A numeric series; `labels[i]` is the time (or x) label of `values[i]`. */
export interface Series {
  name: string;
  unit?: string;
  labels: string[];
  values: number[];
}

export interface Panel {
  title: string;
  type: 'stat' | 'gauge' | 'graph' | 'table' | 'text' | 'unknown';
  value?: string;
  legend?: { name: string; value: string }[];
}

export interface DashboardData {
  type: 'dashboard';
  source: 'grafana' | 'datadog' | 'kibana' | 'table' | 'generic';
  panels: Panel[];
  tables: Table[];
  series: Series[];
}

export interface GenericData {
  type: 'generic';
  text: string;
  outline: Heading[];
  tables: Table[];
  links: { text: string; href: string }[];
}

export type PageData =
  | PullData | IssueData | BlobData | ActionsData | RepoData | CommitData | CompareData | TreeData | ReleasesData | DiscussionData
  | DocData | DashboardData | GenericData;

/** The page data whose `files` are a diff: the sandbox's diff helpers and the change skills work on these. */
export type ChangeData = PullData | CommitData | CompareData;

export interface PageContext {
  url: string;
  title: string;
  kind: PageKind;
  capturedAt: number;
  /** What the user has selected on the page, redacted like the rest. */
  selection?: string;
  /** Headings, file paths or panels visible in the viewport when captured. */
  focus?: string[];
  /** Small, always sent to the model. */
  facts: Facts;
  /** Kind-specific and complete: scripts read it in the sandbox, the prompt gets a budgeted view. */
  data: PageData;
  /** How many secrets were masked before the context left the page. */
  redactions: number;
  /** Parts that capture had to cut to stay inside its limits, named for the user and the model. */
  cut?: string[];
}

/** One file of a pull request's `.diff`, read and redacted on the page, not yet parsed (finishReading). */
export interface PendingDiffFile {
  /** The file's headers and hunk lines, within capture's limits. */
  lines: string[];
  /** Hunk lines in the whole file (context included), of which `lines` keeps those inside the limits. */
  total: number;
  additions: number;
  deletions: number;
  /** git said "Binary files … differ". */
  binary?: true;
}

/**
 * What the content script sends: the page read and redacted, with the work that needs no page left to
 * the service worker (finishReading): parsing a pull request's `.diff`, and the size limits.
 */
export interface PageReading {
  context: PageContext;
  /** For a pull request, commit or compare whose `.diff` was read: its files, to parse into `data.files` (then empty). */
  pendingDiff?: PendingDiffFile[];
}

// ─── Sandbox ────────────────────────────────────────────────────────────────

export type Cell = string | number | boolean | null;

export type View =
  | { type: 'table'; title?: string; columns: string[]; rows: Cell[][] }
  | { type: 'markdown'; text: string }
  | { type: 'chart'; title?: string; series: { name: string; values: number[]; labels?: string[] }[]; marks?: number[] };

export interface ScriptResult {
  ok: boolean;
  value?: unknown;
  logs: string[];
  error?: string;
  ms: number;
  views?: View[];
}

// ─── Actions and suggestions ────────────────────────────────────────────────

/** What to do in the page; its shape and checks are written once, in lib/actions/action-schema.ts. */
export type { Action };

/**
 * Page text that goes with a question (the selected text, a file's path). It reaches the model as quoted page
 * data, fenced like the rest of the page, never as the user's own words.
 */
export interface PageQuote {
  of: 'selection' | 'file path';
  text: string;
}

export type SuggestionRun = { skill: string } | { ask: string; quote?: PageQuote } | { action: Action };

export interface Suggestion {
  id: string;
  /** The rule that produced it: feedback (dismissals) is counted per rule and page kind. */
  rule: string;
  title: string;
  why: string;
  score: number;
  run: SuggestionRun;
}
