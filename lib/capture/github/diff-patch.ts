// Parses a pull request's unified `.diff` into DiffFile[] (the most complete source of the diff).
import parseDiff from 'parse-diff';
import type { DiffFile, FileStatus, Hunk } from '../../context/types';
import { nextTask } from '../next-task';
import { limits } from './limits';

export interface ParsedPatch {
  files: DiffFile[];
  cut: string[];
}

const devNull = '/dev/null';

// parse-diff runs on the page's main thread: past this much work in one go the page gets a turn, so a
// 60,000-line diff is many short tasks rather than one freeze of a second.
const SLICE_MS = 25;

export async function parsePatch(text: string, yieldToPage: () => Promise<void> = nextTask): Promise<ParsedPatch> {
  const cut: string[] = [];
  const segments = splitFiles(text);
  const binaryPaths = findBinaryPaths(text);
  if (segments.length > limits.files) cut.push(`files after the first ${limits.files} of ${segments.length}`);
  let budget: number = limits.diffLines;
  const files: DiffFile[] = [];
  let sliceStarted = Date.now();
  for (const segment of segments.slice(0, limits.files)) {
    if (Date.now() - sliceStarted > SLICE_MS) {
      await yieldToPage();
      sliceStarted = Date.now();
    }
    const lineCap = Math.max(0, Math.min(limits.linesPerFile, budget));
    // parse-diff costs about 15 µs a line, so on a 100,000-line diff it reads only the lines kept;
    // the counts come from a plain scan of the whole file.
    const scan = scanFile(segment, lineCap);
    const [file] = parseDiff(scan.head);
    if (!file) continue;
    const converted = convertFile(file, scan, cut);
    if (binaryPaths.has(converted.path) && converted.hunks.length === 0) converted.binary = true;
    budget -= converted.hunks.reduce((sum, hunk) => sum + hunk.lines.length, 0);
    files.push(converted);
  }
  return { files, cut };
}

/** One unified diff per file: split at each `diff --git` line (a diff without them is one segment). */
function splitFiles(text: string): string[][] {
  const segments: string[][] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
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
  head: string;
  additions: number;
  deletions: number;
  /** Hunk lines (context included) in the whole file. */
  lines: number;
}

function scanFile(lines: string[], lineCap: number): FileScan {
  let inHunk = false;
  let additions = 0;
  let deletions = 0;
  let body = 0;
  let headEnd = lines.length;
  for (const [index, line] of lines.entries()) {
    if (line.startsWith('@@')) {
      inHunk = true;
      if (body >= lineCap && headEnd === lines.length) headEnd = index;
      continue;
    }
    if (!inHunk || line.startsWith('\\')) continue;
    if (line.startsWith('+')) additions += 1;
    else if (line.startsWith('-')) deletions += 1;
    else if (!line.startsWith(' ')) continue;
    if (body === lineCap && headEnd === lines.length) headEnd = index;
    body += 1;
  }
  return { head: lines.slice(0, headEnd).join('\n'), additions, deletions, lines: body };
}

function convertFile(file: parseDiff.File, scan: FileScan, cut: string[]): DiffFile {
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
  if (scan.lines > kept) cut.push(`${scan.lines - kept} diff lines of ${path}`);
  const result: DiffFile = { path, status, additions: scan.additions, deletions: scan.deletions, hunks };
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

/** Paths named by git's "Binary files a/x and b/x differ" lines, which parse-diff does not keep. */
function findBinaryPaths(text: string): Set<string> {
  const paths = new Set<string>();
  for (const match of text.matchAll(/^Binary files (?:a\/)?(.+?) and (?:b\/)?(.+?) differ$/gm)) {
    const [, from, to] = match;
    if (to !== undefined && to !== devNull) paths.add(to);
    else if (from !== undefined) paths.add(from);
  }
  return paths;
}
