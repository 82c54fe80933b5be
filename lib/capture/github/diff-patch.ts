// A pull request's unified `.diff` (the most complete source of the diff) into DiffFile[]: read and split
// on the page, parsed with parse-diff off the page's main thread.
import parseDiff from 'parse-diff';
import type { DiffFile, FileStatus, Hunk, PendingDiffFile } from '../../context/types';
import { nextTask } from '../next-task';
import { clipText } from '../clip';
import { redactPathPieces } from '../redact';
import { turnTaker } from '../turns';
import { limits } from './limits';

export interface ParsedPatch {
  files: DiffFile[];
  cut: string[];
}

/**
 * A patch read on the page: split per file, counted, and cut to the limits; parse-diff has not run yet.
 * Splitting and counting are cheap string work; parsing is what costs (about 4 µs a line, cold), so it
 * runs where it does not hold up the page (`parsePendingDiff`, in the service worker or the CLI).
 */
export interface PatchReading {
  /** One entry per file, in the diff's order. */
  pending: PendingDiffFile[];
  cut: string[];
}

const devNull = '/dev/null';

// Long work on the page's main thread gives the page a turn after this much, so a 60,000-line diff is
// many short tasks rather than one freeze.
const SLICE_MS = 25;

/** Reads a unified diff into its files' lines (within limits) and counts, for `parsePendingDiff`. */
export async function readPatch(text: string, yieldToPage: () => Promise<void> = nextTask): Promise<PatchReading> {
  const cut: string[] = [];
  const segments = splitFiles(text).filter(isFileDiff);
  if (segments.length > limits.files) cut.push(`files after the first ${limits.files} of ${segments.length}`);
  let budget: number = limits.diffLines;
  const pending: PendingDiffFile[] = [];
  const turn = turnTaker(yieldToPage, SLICE_MS);
  for (const segment of segments.slice(0, limits.files)) {
    await turn();
    const lineCap = Math.max(0, Math.min(limits.linesPerFile, budget));
    // On a 100,000-line diff only the lines kept are passed on; the counts come from a scan of the whole file.
    const scan = scanFile(segment, lineCap);
    const file: PendingDiffFile = { lines: withShortHeaders(scan.head), total: scan.lines, additions: scan.additions, deletions: scan.deletions };
    if (scan.binary) file.binary = true;
    budget -= Math.min(lineCap, scan.lines);
    pending.push(file);
  }
  return { pending, cut };
}

/**
 * Parses each pending file with parse-diff into a DiffFile, and names the lines left out. With
 * `yieldToPage`, long parsing gives the caller's thread a turn now and then.
 */
export async function parsePendingDiff(pending: readonly PendingDiffFile[], yieldToPage?: () => Promise<void>): Promise<ParsedPatch> {
  const files: DiffFile[] = [];
  const cut: string[] = [];
  const turn = turnTaker(yieldToPage, SLICE_MS);
  for (const [index, entry] of pending.entries()) {
    await turn();
    let parsed: parseDiff.File | undefined;
    try {
      // Headers cut short again: the lines come from a content script, and parse-diff's file-name pattern
      // takes quadratic time on a long `diff --git` line.
      [parsed] = parseDiff(withShortHeaders(entry.lines).join('\n'));
    } catch (error) {
      // parse-diff throws on some malformed hunks: that file is left out, the others are kept.
      cut.push(`file ${index + 1} of the .diff, which could not be parsed (${error instanceof Error ? error.message : String(error)})`.slice(0, 300));
      continue;
    }
    if (!parsed) continue;
    const file = convertFile(parsed, entry, cut);
    if (entry.binary && file.hunks.length === 0) file.binary = true;
    files.push(file);
  }
  return { files, cut };
}

/** Reads and parses a unified diff in one go (the CLI, tests): `readPatch` then `parsePendingDiff`. */
export async function parsePatch(text: string, yieldToPage: () => Promise<void> = nextTask): Promise<ParsedPatch> {
  const reading = await readPatch(text, yieldToPage);
  const parsed = await parsePendingDiff(reading.pending, yieldToPage);
  return { files: parsed.files, cut: [...reading.cut, ...parsed.cut] };
}

// A `diff --git`, `---` or `rename from` line longer than this is no real path; parse-diff's file-name
// pattern is quadratic in it (5 s at 80,000 characters).
const MAX_HEADER_CHARS = 2_000;

/** The lines, with those before the first hunk (the headers) cut to MAX_HEADER_CHARS; copied only when one is. */
function withShortHeaders(lines: string[]): string[] {
  let result = lines;
  for (let index = 0; index < result.length && !result[index]!.startsWith('@@'); index++) {
    if (result[index]!.length <= MAX_HEADER_CHARS) continue;
    if (result === lines) result = [...lines];
    result[index] = clipText(result[index]!, MAX_HEADER_CHARS);
  }
  return result;
}

/**
 * Redacts the path-naming header lines of each pending file (already redacted as lines) once more, piece
 * by piece (redactPathPieces): the background cuts paths out of them. Returns how many secrets were masked.
 */
export function redactPendingPaths(pending: PendingDiffFile[]): number {
  let count = 0;
  for (const file of pending) {
    for (let index = 0; index < file.lines.length && !file.lines[index]!.startsWith('@@'); index++) {
      const redacted = redactPathPieces(file.lines[index]!);
      count += redacted.count;
      file.lines[index] = redacted.text;
    }
  }
  return count;
}

/** Totals of a pending diff, as its parsed files would give them. */
export function pendingTotals(pending: readonly PendingDiffFile[]): { files: number; additions: number; deletions: number } {
  return {
    files: pending.length,
    additions: pending.reduce((sum, file) => sum + file.additions, 0),
    deletions: pending.reduce((sum, file) => sum + file.deletions, 0),
  };
}

// Lines parse-diff starts a file at: a segment with none of them (an HTML error page served as the
// .diff, text around the diff) holds no file.
const FILE_MARKERS = ['diff ', 'index ', 'new file mode ', 'deleted file mode ', 'old mode ', 'new mode ', '--- ', '+++ ', '@@'];

function isFileDiff(lines: readonly string[]): boolean {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (FILE_MARKERS.some((marker) => line.startsWith(marker))) return true;
  }
  return false;
}

/** One unified diff per file: split at each `diff --git` line (a diff without them is one segment). */
function splitFiles(text: string): string[][] {
  const segments: string[][] = [];
  let current: string[] = [];
  const lines = text.split('\n');
  // Index loops: this runs cold on the page, where an iterator per line costs more than the work.
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.startsWith('diff --git ') && current.length > 0) {
      segments.push(current);
      current = [];
    }
    current.push(line);
  }
  if (current.some((line) => line !== '')) segments.push(current);
  // Without git headers, parse-diff itself finds the files (a plain `diff -u` of several files).
  if (segments.length === 1 && !segments[0]?.[0]?.startsWith('diff --git ')) {
    return parseDiff(text).length > 1 ? splitOnHeaders(segments[0] ?? []) : segments;
  }
  return segments;
}

/** A diff without `diff --git` lines: a new file starts at each `--- ` line followed by `+++ `. */
function splitOnHeaders(lines: string[]): string[][] {
  const segments: string[][] = [];
  let current: string[] = [];
  for (const [index, line] of lines.entries()) {
    if (line.startsWith('--- ') && lines[index + 1]?.startsWith('+++ ') && current.some((entry) => entry.startsWith('@@'))) {
      segments.push(current);
      current = [];
    }
    current.push(line);
  }
  segments.push(current);
  return segments;
}

interface FileScan {
  /** The file's headers and hunks up to `lineCap` hunk lines: what parse-diff reads. */
  head: string[];
  additions: number;
  deletions: number;
  /** Hunk lines (context included) in the whole file. */
  lines: number;
  /** git's "Binary files a/x and b/x differ", which parse-diff does not keep. */
  binary: boolean;
}

function scanFile(lines: string[], lineCap: number): FileScan {
  let inHunk = false;
  let additions = 0;
  let deletions = 0;
  let body = 0;
  let binary = false;
  let headEnd = lines.length;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.startsWith('@@')) {
      inHunk = true;
      if (body >= lineCap && headEnd === lines.length) headEnd = index;
      continue;
    }
    if (!inHunk) {
      if (line.startsWith('Binary files ')) binary = true;
      continue;
    }
    if (line.startsWith('\\')) continue;
    if (line.startsWith('+')) additions += 1;
    else if (line.startsWith('-')) deletions += 1;
    else if (!line.startsWith(' ')) continue;
    if (body === lineCap && headEnd === lines.length) headEnd = index;
    body += 1;
  }
  return { head: headEnd === lines.length ? lines : lines.slice(0, headEnd), additions, deletions, lines: body, binary };
}

function convertFile(file: parseDiff.File, entry: PendingDiffFile, cut: string[]): DiffFile {
  const status = statusOf(file);
  const path = (status === 'removed' ? file.from : file.to) ?? file.to ?? file.from ?? '';
  const hunks: Hunk[] = [];
  let kept = 0;
  for (const chunk of file.chunks) {
    // "\ No newline at end of file" annotates the line before it; it is not a line of the file.
    const lines = chunk.changes.flatMap((change) => (change.content.startsWith('\\') ? [] : [change.content]));
    kept += lines.length;
    if (lines.length > 0) hunks.push(hunkOf(chunk, lines));
  }
  if (entry.total > kept) cut.push(`${entry.total - kept} diff lines of ${path}`);
  const result: DiffFile = { path, status, additions: entry.additions, deletions: entry.deletions, hunks };
  if (status === 'renamed' && file.from) result.previousPath = file.from;
  return result;
}

function hunkOf(chunk: parseDiff.Chunk, lines: string[]): Hunk {
  return {
    header: chunk.content,
    oldStart: chunk.oldStart,
    oldLines: chunk.oldLines,
    newStart: chunk.newStart,
    newLines: chunk.newLines,
    lines,
  };
}

function statusOf(file: parseDiff.File): FileStatus {
  if (file.new === true || file.from === devNull) return 'added';
  if (file.deleted === true || file.to === devNull) return 'removed';
  if (file.from !== undefined && file.to !== undefined && file.from !== file.to) return 'renamed';
  return 'modified';
}
