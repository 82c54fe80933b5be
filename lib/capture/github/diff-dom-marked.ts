// The fast way through a classic unified diff table: GitHub writes each line's marker on the line's
// inner span (`<span class="blob-code-inner" data-code-marker="+">`, the +/- its stylesheet shows), so
// a line is read from that span alone, one element and two strings. The general reader (diff-dom.ts) asks for the cell, its row and
// its child as well; from a content script every element handed back costs a wrapper of its own, and
// on a 10,000-line page those wrappers were most of the time spent.
import { clipText } from '../clip';
import { hunkHeaderPattern } from './hunk-builder';
import { textOf } from './text';

const tableRows = ['table.diff-table > tbody > tr', 'tr.diff-line-row'];
const within = (...cells: string[]): string => tableRows.flatMap((row) => cells.map((cell) => `${row} > ${cell}`)).join(', ');

/** What the general reader reads: code cells of the diff table's own rows that are not empty. */
const filledCells = within('td:is(.blob-code, .diff-text-cell):not(.empty-cell, .blob-code-empty)');
/** One per filled cell when the markup is as expected: the line's inner span, or the hunk's own cell. */
const lineElements = within('td.blob-code > .blob-code-inner', 'td.blob-code.blob-code-hunk');
/** Split view puts two code cells in a row; pairing them needs the rows, so the general reader does it. */
const splitRow = within('td.blob-code ~ td.blob-code');

export const maxLineChars = 2_000;

/**
 * The file's diff as unified lines (hunk headers and marked lines), or undefined when its markup is
 * not the marked classic table throughout; the caller then reads it cell by cell. Every filled cell
 * must give exactly one line element, so no line the page shows is skipped.
 */
export function readMarkedLines(container: Element): string[] | undefined {
  const elements = container.querySelectorAll(lineElements);
  if (elements.length === 0 || elements.length !== container.querySelectorAll(filledCells).length) return undefined;
  // querySelectorAll, not querySelector: jsdom's querySelector scans the document up to the element
  // when nothing matches, which made a 300-file page take 14 s in the CLI.
  if (container.querySelectorAll(splitRow).length > 0) return undefined;
  const lines: string[] = [];
  for (const element of Array.from(elements)) {
    const marker = element.getAttribute('data-code-marker');
    if (marker !== '+' && marker !== '-' && marker !== ' ') {
      // Only a hunk cell is a td here (lines are the spans inside cells); an inner span without a
      // marker is markup this reader does not know.
      if (marker !== null || element.localName !== 'td') return undefined;
      const header = textOf(element);
      // Expander rows at a file's end hold an empty hunk cell: no line of the diff.
      if (hunkHeaderPattern.test(header)) lines.push(header);
      continue;
    }
    lines.push(marker + clipText(element.textContent ?? '', maxLineChars));
  }
  return lines;
}
