// Reads the diff a Files-changed page shows: classic `.file` blocks with `td.blob-code` tables and
// the React files view (`DiffFileHeader-module`, `tr.diff-line-row`, `.diff-text-marker`).
import type { DiffFile, FileStatus, Hunk } from '../../context/types';
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
const hunkHeaderPattern = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

interface LineBudget {
  remaining: number;
  cut: string[];
}

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

function readHunks(container: Element, budget: LineBudget, path: string): Hunk[] {
  const hunks: Hunk[] = [];
  let current: Hunk | undefined;
  let kept = 0;
  let dropped = 0;
  // Only the diff table's own rows: comment threads and markdown tables inside them are not diff lines.
  for (const row of Array.from(container.querySelectorAll('table.diff-table > tbody > tr, tr.diff-line-row'))) {
    const cells = cellsOfRow(row);
    if (cells.length === 0) continue;
    const header = hunkHeaderOf(cells);
    if (header !== undefined) {
      current = startHunk(header);
      hunks.push(current);
      continue;
    }
    for (const line of linesOfCells(cells)) {
      if (kept >= limits.linesPerFile || budget.remaining <= 0) {
        dropped += 1;
        continue;
      }
      if (!current) {
        current = startHunk('');
        hunks.push(current);
      }
      current.lines.push(line);
      kept += 1;
      budget.remaining -= 1;
    }
  }
  if (dropped > 0) budget.cut.push(`${dropped} diff lines of ${path}`);
  return hunks.filter((hunk) => hunk.lines.length > 0 || hunk.header !== '');
}

interface CodeCell {
  element: Element;
  classes: string;
}

/** The code cells of a row (`td.blob-code` classic, `td.diff-text-cell` React), read by class string for speed. */
function cellsOfRow(row: Element): CodeCell[] {
  const cells: CodeCell[] = [];
  for (let element = row.firstElementChild; element; element = element.nextElementSibling) {
    const classes = ` ${element.getAttribute('class') ?? ''} `;
    if (classes.includes(' blob-code ') || classes.includes(' diff-text-cell ')) cells.push({ element, classes });
  }
  return cells;
}

function hunkHeaderOf(cells: CodeCell[]): string | undefined {
  for (const cell of cells) {
    const marked = cell.classes.includes(' blob-code-hunk ') || cell.classes.includes(' hunk ');
    // The React view may render a hunk row as a plain text cell: no +/- marker, text starting with "@@".
    const plainReactCell = cell.classes.includes(' diff-text-cell ') && findDescendantByClass(cell.element, 'diff-text-marker', 3) === undefined;
    if (!marked && !plainReactCell) continue;
    const text = textOf(cell.element);
    if (hunkHeaderPattern.test(text)) return text;
  }
  return undefined;
}

function startHunk(header: string): Hunk {
  const match = hunkHeaderPattern.exec(header);
  return {
    header,
    oldStart: Number(match?.[1] ?? 0),
    oldLines: Number(match?.[2] ?? (match ? 1 : 0)),
    newStart: Number(match?.[3] ?? 0),
    newLines: Number(match?.[4] ?? (match ? 1 : 0)),
    lines: [],
  };
}

interface CellLine {
  marker: '+' | '-' | ' ';
  text: string;
}

/** The diff lines of one row: one in unified view, up to two (old and new side) in split view. */
function linesOfCells(cells: CodeCell[]): string[] {
  const lines = cells.map(lineOfCell).filter((line): line is CellLine => line !== undefined);
  if (lines.length === 0) return [];
  const changed = lines.filter((line) => line.marker !== ' ');
  if (changed.length === 0) return [` ${lines[lines.length - 1]?.text ?? ''}`];
  // Split view pairs a deletion with an addition; unified order puts the deletion first.
  return [...changed.filter((line) => line.marker === '-'), ...changed.filter((line) => line.marker === '+')]
    .map((line) => `${line.marker}${line.text}`);
}

function lineOfCell(cell: CodeCell): CellLine | undefined {
  const { element, classes } = cell;
  if (classes.includes(' empty-cell ') || classes.includes(' blob-code-empty ')) return undefined;
  return classes.includes(' blob-code ') ? classicLine(element, classes) : reactLine(element);
}

function classicLine(element: Element, classes: string): CellLine {
  const marker = classes.includes(' blob-code-addition ') ? '+' : classes.includes(' blob-code-deletion ') ? '-' : ' ';
  const inner = classes.includes(' blob-code-inner ') ? element : findDescendantByClass(element, 'blob-code-inner', 2) ?? element;
  return { marker, text: (inner.textContent ?? '').slice(0, maxLineChars) };
}

function reactLine(element: Element): CellLine | undefined {
  const code = findDescendantByClass(element, 'diff-text', 2);
  if (!code) return undefined;
  const codeClasses = ` ${code.getAttribute('class') ?? ''} `;
  let marker: CellLine['marker'] = codeClasses.includes(' addition ') ? '+' : codeClasses.includes(' deletion ') ? '-' : ' ';
  if (marker === ' ') {
    const markerText = (findDescendantByClass(code, 'diff-text-marker', 1)?.textContent ?? '').trim();
    if (markerText === '+' || markerText === '-') marker = markerText;
  }
  const inner = findDescendantByClass(code, 'diff-text-inner', 2) ?? code;
  return { marker, text: (inner.textContent ?? '').slice(0, maxLineChars) };
}

const maxLineChars = 2_000;

/** Breadth-first search of the first few levels under `element` for a class, avoiding the selector engine. */
function findDescendantByClass(element: Element, className: string, depth: number): Element | undefined {
  let level: Element[] = [element];
  for (let step = 0; step < depth && level.length > 0; step++) {
    const next: Element[] = [];
    for (const parent of level) {
      for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
        if (` ${child.getAttribute('class') ?? ''} `.includes(` ${className} `)) return child;
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
