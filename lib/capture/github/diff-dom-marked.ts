// The fast way through a classic unified diff table: GitHub writes each line's marker on the line's
// inner span (`<span class="blob-code-inner" data-code-marker="+">`, the +/- its stylesheet shows), so
// a line is read from that span alone, one element and two strings. The general reader (diff-dom.ts)
// asks for the cell, its row and its child as well; from a content script every element handed back
// costs a wrapper of its own, and on a 10,000-line page those wrappers were most of the time spent.
//
// Every question here is a single class name, which Chrome and jsdom both answer on a fast path: with
// the rows spelled out as selectors, the queries alone took twice as long (14.5 ms against 7 ms over
// the 300 files of the generated pull request, the first time the page was queried).
import { clipText } from '../clip';
import { hunkHeaderPattern } from './hunk-builder';
import { textOf } from './text';

export const maxLineChars = 2_000;

/**
 * The file's diff as unified lines (hunk headers and marked lines), or undefined when its markup is
 * not the marked classic unified table throughout; the caller then reads it cell by cell.
 */
export function readMarkedLines(container: Element): string[] | undefined {
  // The React view has cells of its own.
  if (container.getElementsByClassName('diff-text-cell').length > 0) return undefined;
  const cells = container.getElementsByClassName('blob-code').length;
  // Split view pairs two code cells in a row, which only the rows can tell apart: GitHub marks its
  // table, and more code cells than rows cannot be one cell a row.
  if (container.getElementsByClassName('file-diff-split').length > 0 || cells > container.getElementsByTagName('tr').length) return undefined;
  const elements = container.querySelectorAll('.blob-code-inner');
  // One inner element per code cell (its span, or the hunk cell itself), so no line the page shows is
  // skipped. An empty cell, a snippet's table or a suggested change in a comment breaks the count.
  if (elements.length === 0 || elements.length !== cells) return undefined;
  const lines: string[] = [];
  for (const element of Array.from(elements)) {
    const marker = element.getAttribute('data-code-marker');
    if (marker === '+' || marker === '-' || marker === ' ') {
      lines.push(marker + clipText(element.textContent ?? '', maxLineChars));
      continue;
    }
    // Unmarked, only a hunk cell is expected: a header, or an expander row's empty cell (no line).
    if (marker !== null || !element.classList.contains('blob-code-hunk')) return undefined;
    const header = textOf(element);
    if (hunkHeaderPattern.test(header)) lines.push(header);
  }
  return lines;
}
