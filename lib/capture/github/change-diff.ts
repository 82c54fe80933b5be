// The diff of a commit or a compare view, read as a pull request's is: the same-origin `.diff` first
// (complete, parsed off the page later), else the diff entries GitHub embeds in the page, else the
// rendered diff. Says in `cut` why a better source was not used.
import type { AdapterOutput, CaptureEnvironment } from '../adapter';
import type { DiffFile, DiffSource, FileStatus, ListedFile, PendingDiffFile, PullShown } from '../../context/types';
import { nextTask } from '../next-task';
import { readDomDiff } from './diff-dom';
import { pendingTotals, readPatch } from './diff-patch';
import { HunkBuilder, type LineBudget } from './hunk-builder';
import { limits } from './limits';
import { isRecord, numberAt, recordsAt, stringAt } from './embedded-route';

export interface ChangeDiff {
  files: DiffFile[];
  /** Files the page names without their lines. */
  unread: ListedFile[];
  source: DiffSource;
  /** Every file of the change was read (from the `.diff`, or every file the page lists came with its lines). */
  complete: boolean;
  cut: string[];
  /** From the `.diff`: its files, parsed later into `files` (see PageReading). */
  pending?: PendingDiffFile[];
}

const LARGE_PATCH_CHARS = 1_000_000;

/**
 * `patchUrl` is the page's `.diff` (same origin); `embedded` the route's `diffEntryData` records when the
 * page has them. Without `fetchText` (the CLI) the page's own data is all there is.
 */
export async function readChangeDiff(
  document: Document,
  patchUrl: string,
  embedded: Record<string, unknown>[],
  environment: CaptureEnvironment,
): Promise<ChangeDiff> {
  const cut: string[] = [];
  if (environment.fetchText) {
    try {
      const text = await environment.fetchText(patchUrl);
      const yieldToPage = environment.yieldToPage ?? nextTask;
      const patch = await readPatch(text, yieldToPage);
      if (text.length > LARGE_PATCH_CHARS) await yieldToPage();
      if (patch.pending.length > 0) return { files: [], unread: [], source: 'patch', complete: true, cut: patch.cut, pending: patch.pending };
      cut.push('the .diff was empty; the diff was read from the page');
    } catch (error) {
      // The page stays useful without the patch: say why and read what the page has.
      // Without the address, which the note would only repeat (and a commit's sha in it reads like a secret to redaction).
      const reason = (error instanceof Error ? error.message : String(error)).replaceAll(patchUrl, 'the .diff').replace(/ for the \.diff$/, '').slice(0, 200);
      cut.push(`the .diff could not be fetched (${reason}); the diff was read from the page`);
    }
  }
  if (embedded.length > 0) {
    const fromData = readEmbeddedEntries(embedded);
    return { files: fromData.files, unread: fromData.unread, source: fromData.files.length > 0 ? 'dom' : 'none', complete: fromData.unread.length === 0, cut: [...cut, ...fromData.cut] };
  }
  const dom = readDomDiff(document);
  if (dom.lines > 0) return { files: dom.files, unread: [], source: 'dom', complete: dom.cut.length === 0, cut: [...cut, ...dom.cut] };
  return { files: [], unread: [], source: 'none', complete: false, cut: cut.map((note) => note.replace('; the diff was read from the page', '; the page shows no diff to read instead')) };
}

const STATUS: Record<string, FileStatus> = { ADDED: 'added', REMOVED: 'removed', DELETED: 'removed', RENAMED: 'renamed', COPIED: 'added' };

/**
 * GitHub's diff entries: `{ path, status, linesAdded, linesDeleted, diffLines: [{ type, text }] }`, where
 * `text` keeps the line's marker. A commit page embeds the lines of its first files only and lists the
 * rest by path and status, loading them as they are scrolled to; those are left out and counted in `cut`.
 */
function readEmbeddedEntries(entries: Record<string, unknown>[]): { files: DiffFile[]; unread: ListedFile[]; cut: string[] } {
  const cut: string[] = [];
  const budget: LineBudget = { remaining: limits.diffLines, cut };
  const files: DiffFile[] = [];
  const unread: ListedFile[] = [];
  for (const entry of entries.slice(0, limits.files)) {
    const path = stringAt(entry, 'path');
    const lines = recordsAt(entry, 'diffLines');
    if (!path) continue;
    const status = STATUS[String(entry['status'])] ?? 'modified';
    if (lines.length === 0 && entry['isBinary'] !== true) {
      unread.push({ path, status });
      continue;
    }
    const builder = new HunkBuilder(budget, path);
    for (const line of lines) {
      const text = stringAt(line, 'text') ?? '';
      if (line['type'] === 'HUNK') builder.header(text);
      else if (line['type'] === 'ADDITION' || line['type'] === 'DELETION' || line['type'] === 'CONTEXT') builder.line(text);
      // INJECTED_CONTEXT is unchanged text GitHub adds around a hunk: not part of the diff.
    }
    const hunks = builder.finish();
    const counted = hunks.flatMap((hunk) => hunk.lines);
    const file: DiffFile = {
      path,
      status,
      additions: numberAt(entry, 'linesAdded') ?? counted.filter((line) => line.startsWith('+')).length,
      deletions: numberAt(entry, 'linesDeleted') ?? counted.filter((line) => line.startsWith('-')).length,
      hunks,
    };
    const oldPath = isRecord(entry['oldTreeEntry']) ? stringAt(entry['oldTreeEntry'], 'path') : undefined;
    if (file.status === 'renamed' && oldPath && oldPath !== path) file.previousPath = oldPath;
    if (entry['isBinary'] === true) file.binary = true;
    files.push(file);
  }
  if (entries.length > limits.files) cut.push(`files after the first ${limits.files} of ${entries.length}`);
  if (unread.length > 0) cut.push(`the lines of ${unread.length} of ${entries.length} files: the page lists them without their diff (it loads them as they are scrolled to)`);
  return { files, unread, cut };
}

/** The facts every change page (commit, compare) shares: its size when read, or what the header shows. */
export function changeFacts(diff: ChangeDiff, shown: PullShown): AdapterOutput['facts'] {
  const facts: AdapterOutput['facts'] = {};
  if (diff.complete) {
    const totals = diff.pending ? pendingTotals(diff.pending) : undefined;
    facts['files'] = totals?.files ?? diff.files.length;
    facts['additions'] = totals?.additions ?? diff.files.reduce((sum, file) => sum + file.additions, 0);
    facts['deletions'] = totals?.deletions ?? diff.files.reduce((sum, file) => sum + file.deletions, 0);
  } else {
    facts['diff'] = diff.files.length > 0 ? 'partly read' : 'not read';
    if (shown.files !== undefined) facts['files_shown'] = shown.files;
    if (shown.additions !== undefined) facts['additions_shown'] = shown.additions;
    if (shown.deletions !== undefined) facts['deletions_shown'] = shown.deletions;
  }
  facts['diff_source'] = diff.source;
  return facts;
}
