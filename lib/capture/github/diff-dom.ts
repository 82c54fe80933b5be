// Reads the diff a Files-changed page shows: classic `.file` blocks with `td.blob-code` tables and
// the React files view (`DiffFileHeader-module`, `tr.diff-line-row`, `.diff-text-marker`).
import type { DiffFile, FileStatus, Hunk } from '../../context/types';
import { clipText } from '../clip';
import { maxLineChars, readMarkedLines } from './diff-dom-marked';
import { HunkBuilder, hunkHeaderPattern, type LineBudget } from './hunk-builder';
import { limits } from './limits';
import { parseCount, textOf } from './text';

export interface DomDiff {
  files: DiffFile[];
  /** How many diff lines (context included) were read from the page. */
  lines: number;
  cut: string[];
}

const classicFileSelector = '.file.js-file, div.file[data-tagsearch-path]';
const reactFileSelector = 'div[id^="diff-"][class*="Diff-module__diff"]';
const reactHeaderSelector = '[class*="DiffFileHeader-module__diff-file-header"]';

export function readDomDiff(document: Document): DomDiff {
  const cut: string[] = [];
  const budget: LineBudget = { remaining: limits.diffLines, cut };
  const containers = fileContainers(document);
  if (containers.length > limits.files) cut.push(`files after the first ${limits.files} of ${containers.length}`);
  const files = containers.slice(0, limits.files).map((container) => readFile(container, budget));
  const lines = files.reduce((sum, file) => sum + file.hunks.reduce((inner, hunk) => inner + hunk.lines.length, 0), 0);
  return { files: files.filter((file) => file.path !== ''), lines, cut };
}

function fileContainers(document: Document): Element[] {
  const classic = Array.from(document.querySelectorAll(classicFileSelector));
  if (classic.length > 0) return classic;
  const react = Array.from(document.querySelectorAll(reactFileSelector));
  if (react.length > 0) return react;
  // Headers without a recognisable card: take each header's parent as the file's container.
  return Array.from(document.querySelectorAll(reactHeaderSelector)).map((header) => header.parentElement ?? header);
}

function readFile(container: Element, budget: LineBudget): DiffFile {
  const classicHeader = container.querySelector('.file-header');
  const header = classicHeader ? readClassicHeader(container, classicHeader) : readReactHeader(container);
  const hunks = readHunks(container, budget, header.path);
  const counted = countChanges(hunks);
  const file: DiffFile = {
    path: header.path,
    status: header.status,
    // The header's stat covers lines the page did not render (collapsed or "Load diff" files).
    additions: Math.max(header.additions ?? 0, counted.additions),
    deletions: Math.max(header.deletions ?? 0, counted.deletions),
    hunks,
  };
  if (header.previousPath !== undefined) file.previousPath = header.previousPath;
  if (hunks.length === 0 && /binary file/i.test(textOf(container))) file.binary = true;
  return file;
}

interface FileHeader {
  path: string;
  previousPath?: string;
  status: FileStatus;
  additions?: number;
  deletions?: number;
}

function readClassicHeader(container: Element, header: Element): FileHeader {
  const link = header.querySelector('.file-info a[title], a[title]');
  const rename = renameOf(link?.getAttribute('title') ?? textOf(link));
  const path = header.getAttribute('data-path') ?? container.getAttribute('data-tagsearch-path') ?? rename?.path ?? textOf(link);
  const deleted = (container.getAttribute('data-file-deleted') ?? header.getAttribute('data-file-deleted')) === 'true';
  const result: FileHeader = { path: path.trim(), status: deleted ? 'removed' : rename ? 'renamed' : 'modified' };
  if (rename) result.previousPath = rename.previousPath;
  const stat = statOf(header.querySelector('.diffstat')?.getAttribute('aria-label') ?? '');
  return { ...result, ...stat };
}

function readReactHeader(container: Element): FileHeader {
  const header = container.querySelector(reactHeaderSelector) ?? container;
  const shown = textOf(header.querySelector('h3 code, h3 a, [class*="file-name"] code, [class*="file-name"] a'));
  const rename = renameOf(shown);
  const label = textOf(header.querySelector('[class*="Label"]'));
  let status: FileStatus = rename ? 'renamed' : 'modified';
  if (/deleted|removed/i.test(label)) status = 'removed';
  else if (/added|new/i.test(label)) status = 'added';
  const result: FileHeader = { path: (rename?.path ?? shown).trim(), status };
  if (rename) result.previousPath = rename.previousPath;
  const statElement = header.querySelector('[aria-label*="addition"], [aria-label*="deletion"]');
  const stat = statOf(statElement?.getAttribute('aria-label') ?? textOf(header.querySelector('.sr-only')));
  return { ...result, ...stat };
}

/** "old/path.ts → new/path.ts" as GitHub writes renames in file headers. */
function renameOf(text: string): { path: string; previousPath: string } | undefined {
  const match = /^(.+?)\s+→\s+(.+)$/.exec(text.trim());
  return match?.[1] && match[2] ? { previousPath: match[1].trim(), path: match[2].trim() } : undefined;
}

/** "22 changes: 21 additions & 1 deletion" → counts; nothing when the label names neither. */
function statOf(label: string): { additions?: number; deletions?: number } {
  const additions = /([\d,]+)\s+additions?/i.exec(label);
  const deletions = /([\d,]+)\s+deletions?/i.exec(label);
  if (!additions && !deletions) return {};
  return { additions: parseCount(additions?.[1] ?? '0') ?? 0, deletions: parseCount(deletions?.[1] ?? '0') ?? 0 };
}

// Code cells of the diff table's own rows (classic `td.blob-code`, React `td.diff-text-cell`), in one native
// query: comment threads and markdown tables inside them are not diff lines.
const codeCellSelector = [
  'table.diff-table > tbody > tr > td.blob-code',
  'table.diff-table > tbody > tr > td.diff-text-cell',
  'tr.diff-line-row > td.blob-code',
  'tr.diff-line-row > td.diff-text-cell',
].join(', ');

// A 10,000-line diff is read row by row on the page's main thread: marked classic tables the fast way
// (diff-dom-marked.ts), anything else cell by cell with native class checks and without per-row arrays.
function readHunks(container: Element, budget: LineBudget, path: string): Hunk[] {
  const builder = new HunkBuilder(budget, path);
  const marked = readMarkedLines(container);
  if (!marked) readCells(container, builder);
  else {
    for (const line of marked) {
      if (line.startsWith('@@')) builder.header(line);
      else builder.line(line);
    }
  }
  return builder.finish();
}

function readCells(container: Element, builder: HunkBuilder): void {
  const take = (first: Element, second: Element | undefined): void => {
    const firstClasses = classesOf(first);
    const secondClasses = second ? classesOf(second) : '';
    const header = hunkHeaderOf(first, firstClasses) ?? (second ? hunkHeaderOf(second, secondClasses) : undefined);
    if (header !== undefined) {
      builder.header(header);
      return;
    }
    const left = lineOfCell(first, firstClasses);
    const right = second ? lineOfCell(second, secondClasses) : undefined;
    if (!right) {
      if (left) builder.line(left);
      return;
    }
    if (!left) {
      builder.line(right);
      return;
    }
    // Split view: an unchanged line shows on both sides (keep one); a changed pair is a deletion and an
    // addition, in unified order (the deletion first).
    const leftChanged = left[0] !== ' ';
    const rightChanged = right[0] !== ' ';
    if (!leftChanged && !rightChanged) builder.line(right);
    else if (leftChanged && rightChanged) {
      builder.line(left[0] === '-' ? left : right);
      builder.line(left[0] === '-' ? right : left);
    } else builder.line(leftChanged ? left : right);
  };
  // Cells arrive in document order; a row's cells (one in unified view, two in split view) are neighbours.
  let row: Element | null = null;
  let first: Element | undefined;
  let second: Element | undefined;
  for (const element of Array.from(container.querySelectorAll(codeCellSelector))) {
    const parent = element.parentElement;
    if (parent === row && first) {
      // A third code cell in one row is not a layout GitHub uses; the first two are read.
      second ??= element;
      continue;
    }
    if (first) take(first, second);
    row = parent;
    first = element;
    second = undefined;
  }
  if (first) take(first, second);
}

/**
 * An element's classes as one string with a space on each side, read once: a 10,000-line diff asked the
 * DOM for a class list several times a cell, and each call from the content script costs about a microsecond.
 */
function classesOf(element: Element): string {
  const value = element.getAttribute('class') ?? '';
  return ` ${/[\t\n\r\f]/.test(value) ? value.replace(/[\t\n\r\f]/g, ' ') : value} `;
}

/** `classes` (from classesOf) holds `token`, written with its surrounding spaces (' blob-code '). */
const has = (classes: string, token: string): boolean => classes.includes(token);

function hunkHeaderOf(cell: Element, classes: string): string | undefined {
  const marked = has(classes, ' blob-code-hunk ') || has(classes, ' hunk ');
  // The React view may render a hunk row as a plain text cell: no +/- marker, text starting with "@@".
  const plainReactCell = !marked && has(classes, ' diff-text-cell ') && findDescendantByClass(cell, 'diff-text-marker', 3) === undefined;
  if (!marked && !plainReactCell) return undefined;
  const text = textOf(cell);
  return hunkHeaderPattern.test(text) ? text : undefined;
}

/** One side of a diff row as a unified line ("+text", "-text" or " text"); undefined for an empty side. */
function lineOfCell(cell: Element, classes: string): string | undefined {
  if (has(classes, ' empty-cell ') || has(classes, ' blob-code-empty ')) return undefined;
  // A hunk cell without a header is an expander row's (a file's end has one): no line of the diff.
  if (has(classes, ' blob-code-hunk ')) return undefined;
  return has(classes, ' blob-code ') ? classicLine(cell, classes) : reactLine(cell);
}

function classicLine(cell: Element, classes: string): string {
  const marker = has(classes, ' blob-code-addition ') ? '+' : has(classes, ' blob-code-deletion ') ? '-' : ' ';
  const inner = has(classes, ' blob-code-inner ') ? cell : childWithClass(cell, 'blob-code-inner') ?? findDescendantByClass(cell, 'blob-code-inner', 2) ?? cell;
  return marker + clipText(inner.textContent ?? '', maxLineChars);
}

function reactLine(cell: Element): string | undefined {
  const code = findDescendantByClass(cell, 'diff-text', 2);
  if (!code) return undefined;
  let marker = code.classList.contains('addition') ? '+' : code.classList.contains('deletion') ? '-' : ' ';
  if (marker === ' ') {
    const markerText = (findDescendantByClass(code, 'diff-text-marker', 1)?.textContent ?? '').trim();
    if (markerText === '+' || markerText === '-') marker = markerText;
  }
  const inner = findDescendantByClass(code, 'diff-text-inner', 2) ?? code;
  return marker + clipText(inner.textContent ?? '', maxLineChars);
}

function childWithClass(element: Element, className: string): Element | undefined {
  for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
    if (has(classesOf(child), ` ${className} `)) return child;
  }
  return undefined;
}

/** Breadth-first search of the first few levels under `element` for a class, avoiding the selector engine. */
function findDescendantByClass(element: Element, className: string, depth: number): Element | undefined {
  let level: Element[] = [element];
  for (let step = 0; step < depth && level.length > 0; step++) {
    const next: Element[] = [];
    for (const parent of level) {
      for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
        if (child.classList.contains(className)) return child;
        next.push(child);
      }
    }
    level = next;
  }
  return undefined;
}

function countChanges(hunks: Hunk[]): { additions: number; deletions: number } {
  let additions = 0;
  let deletions = 0;
  for (const hunk of hunks) {
    for (const line of hunk.lines) {
      if (line.startsWith('+')) additions += 1;
      else if (line.startsWith('-')) deletions += 1;
    }
  }
  return { additions, deletions };
}
