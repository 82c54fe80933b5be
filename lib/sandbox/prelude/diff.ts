// The diff helper group: the changed files and lines of a diff (a pull request's, a commit's, a compare view's).
import type { HelperGroupGlobals, PreludeShared } from './helper-groups';

interface DiffHunk {
  header?: unknown;
  oldStart?: unknown;
  newStart?: unknown;
  lines?: unknown;
}

interface DiffFile {
  path?: unknown;
  hunks?: unknown;
}

interface ChangedLine {
  path: unknown;
  line: number;
  text: string;
}

export function diffHelpers(shared: PreludeShared): HelperGroupGlobals<'diff'> {
  const pageData = shared.pageData as { type?: unknown; files?: unknown } | null;
  const isArray = shared.isArray;
  const describeType = shared.describeType;

  function files(): (DiffFile | null | undefined)[] {
    if (pageData === null || typeof pageData !== 'object' || !isArray(pageData.files)) return [];
    if (pageData.type !== undefined && pageData.type !== 'pull' && pageData.type !== 'commit' && pageData.type !== 'compare') return [];
    return pageData.files as (DiffFile | null | undefined)[];
  }

  function hunks(path: unknown): unknown[] {
    const list = files();
    for (let index = 0; index < list.length; index++) {
      const file = list[index];
      if (file && file.path === path) return isArray(file.hunks) ? file.hunks : [];
    }
    return [];
  }

  const HUNK_HEADER = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

  function hunkStarts(hunk: DiffHunk): [number, number] {
    const match = HUNK_HEADER.exec(String(hunk.header || ''));
    if (match) return [Number(match[1]), Number(match[2])];
    return [typeof hunk.oldStart === 'number' ? hunk.oldStart : 1, typeof hunk.newStart === 'number' ? hunk.newStart : 1];
  }

  function matcher(pattern: unknown, where: string): (text: string) => boolean {
    if (pattern === undefined || pattern === null) return () => true;
    if (pattern instanceof RegExp) {
      return (text) => {
        // A global or sticky RegExp keeps lastIndex between tests; each line starts afresh.
        pattern.lastIndex = 0;
        return pattern.test(text);
      };
    }
    if (typeof pattern === 'string') return (text) => text.indexOf(pattern) !== -1;
    throw new TypeError(where + ' expects a RegExp or a string as its pattern, got ' + describeType(pattern));
  }

  function changedLines(marker: '+' | '-', pattern: unknown, path: unknown, where: string): ChangedLine[] {
    const matches = matcher(pattern, where);
    if (path !== undefined && path !== null && typeof path !== 'string') {
      throw new TypeError(where + ' expects a file path string, got ' + describeType(path));
    }
    const result: ChangedLine[] = [];
    const list = files();
    for (let fileIndex = 0; fileIndex < list.length; fileIndex++) {
      const file = list[fileIndex];
      if (!file || (path !== undefined && path !== null && file.path !== path)) continue;
      const fileHunks: unknown[] = isArray(file.hunks) ? file.hunks : [];
      for (let hunkIndex = 0; hunkIndex < fileHunks.length; hunkIndex++) {
        const hunk = fileHunks[hunkIndex] as DiffHunk | null;
        if (!hunk || typeof hunk !== 'object') continue;
        const starts = hunkStarts(hunk);
        let oldLine = starts[0];
        let newLine = starts[1];
        const lines: unknown[] = isArray(hunk.lines) ? hunk.lines : [];
        for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
          const line = String(lines[lineIndex]);
          const first = line.charAt(0);
          if (first === '\\') continue; // "\ No newline at end of file" belongs to neither side
          if (first === '+') {
            if (marker === '+' && matches(line.slice(1))) result.push({ path: file.path, line: newLine, text: line.slice(1) });
            newLine++;
          } else if (first === '-') {
            if (marker === '-' && matches(line.slice(1))) result.push({ path: file.path, line: oldLine, text: line.slice(1) });
            oldLine++;
          } else {
            oldLine++;
            newLine++;
          }
        }
      }
    }
    return result;
  }

  function addedLines(pattern?: unknown, path?: unknown): ChangedLine[] {
    return changedLines('+', pattern, path, 'addedLines');
  }

  function removedLines(pattern?: unknown, path?: unknown): ChangedLine[] {
    return changedLines('-', pattern, path, 'removedLines');
  }

  return { files, hunks, addedLines, removedLines };
}
