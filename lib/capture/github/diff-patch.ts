// Parses a pull request's unified `.diff` into DiffFile[] (the most complete source of the diff).
import parseDiff from 'parse-diff';
import type { DiffFile, FileStatus, Hunk } from '../../context/types';
import { limits } from './limits';

export interface ParsedPatch {
  files: DiffFile[];
  cut: string[];
}

const devNull = '/dev/null';

export function parsePatch(text: string): ParsedPatch {
  const cut: string[] = [];
  const parsed = parseDiff(text);
  const binaryPaths = findBinaryPaths(text);
  if (parsed.length > limits.files) cut.push(`files after the first ${limits.files} of ${parsed.length}`);
  let budget: number = limits.diffLines;
  const files: DiffFile[] = [];
  for (const file of parsed.slice(0, limits.files)) {
    const converted = convertFile(file, budget, cut);
    if (binaryPaths.has(converted.path) && converted.hunks.length === 0) converted.binary = true;
    budget -= converted.hunks.reduce((sum, hunk) => sum + hunk.lines.length, 0);
    files.push(converted);
  }
  return { files, cut };
}

function convertFile(file: parseDiff.File, budget: number, cut: string[]): DiffFile {
  const status = statusOf(file);
  const path = (status === 'removed' ? file.from : file.to) ?? file.to ?? file.from ?? '';
  const lineCap = Math.max(0, Math.min(limits.linesPerFile, budget));
  const hunks: Hunk[] = [];
  let kept = 0;
  let dropped = 0;
  for (const chunk of file.chunks) {
    const lines: string[] = [];
    for (const change of chunk.changes) {
      // "\ No newline at end of file" annotates the line before it; it is not a line of the file.
      if (change.content.startsWith('\\')) continue;
      if (kept < lineCap) {
        lines.push(change.content);
        kept += 1;
      } else dropped += 1;
    }
    if (lines.length > 0) hunks.push(hunkOf(chunk, lines));
  }
  if (dropped > 0) cut.push(`${dropped} diff lines of ${path}`);
  const result: DiffFile = { path, status, additions: file.additions, deletions: file.deletions, hunks };
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
