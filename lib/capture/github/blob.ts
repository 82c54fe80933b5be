// Adapter for file pages (`/blob/<ref>/<path>`): the React code view and the classic highlight table.
import type { Adapter, AdapterOutput } from '../adapter';
import type { BlobData } from '../../context/types';
import { languageOfPath } from './language';
import { limits } from './limits';
import { parseGithubPath } from './route';
import { parseCount, textOf } from './text';
import { clipText } from '../clip';
import { parseEmbeddedJson } from './embedded-route';

export const blobAdapter: Adapter = {
  id: 'github-blob',
  kinds: ['github.blob'],
  capture: async (document, url) => captureBlob(document, url),
};

interface FileLines {
  /** Line number → text, for the lines the page holds (a long file may render only some). */
  lines: Map<number, string>;
  /** The file's length, from the page header when the page does not hold every line. */
  lineCount: number;
}

function captureBlob(document: Document, url: URL): AdapterOutput {
  const route = parseGithubPath(url);
  const path = route?.page === 'blob' ? route.path : '';
  const ref = route?.page === 'blob' ? route.ref : undefined;
  const file = readLines(document);
  const selection = parseLineSelection(url.hash);
  const window = codeWindow(file, selection);
  const data: BlobData = {
    type: 'blob',
    path,
    lineCount: file.lineCount,
    code: window.code,
    codeStartLine: window.start,
    truncated: window.truncated,
  };
  if (ref !== undefined) data.ref = ref;
  const language = languageOfPath(path);
  if (language) data.language = language;
  if (selection) data.selection = selection;
  const facts: AdapterOutput['facts'] = { path, lines: file.lineCount };
  if (language) facts['language'] = language;
  if (ref !== undefined) facts['ref'] = ref;
  if (selection) facts['selection'] = `L${selection.start}-L${selection.end}`;
  const output: AdapterOutput = { title: path || document.title, facts, data };
  if (window.truncated) output.cut = [`code outside lines ${window.start}-${window.end} of ${file.lineCount}`];
  return output;
}

/** "#L10-L20", "#L10", "#L10C3-L12C8" → a 1-based inclusive range; undefined when the hash names no line. */
export function parseLineSelection(hash: string): { start: number; end: number } | undefined {
  const match = /^#L(\d+)(?:C\d+)?(?:-L(\d+)(?:C\d+)?)?$/.exec(hash);
  if (!match) return undefined;
  const first = Number(match[1]);
  const second = match[2] === undefined ? first : Number(match[2]);
  return { start: Math.min(first, second), end: Math.max(first, second) };
}

function readLines(document: Document): FileLines {
  const embedded = readEmbeddedLines(document);
  if (embedded) return embedded;
  const lines = new Map<number, string>();
  // Classic: td#LC12.blob-code; React: div#LC12.react-file-line (or data-line-number on the row).
  for (const element of Array.from(document.querySelectorAll('table.highlight td.blob-code, td.blob-code[id^="LC"], .react-file-line, .react-code-line-contents [id^="LC"]'))) {
    const number = Number(/^LC(\d+)$/.exec(element.id)?.[1] ?? element.getAttribute('data-line-number') ?? element.closest('[data-line-number]')?.getAttribute('data-line-number'));
    if (!Number.isFinite(number) || number < 1 || lines.has(number)) continue;
    lines.set(number, (element.textContent ?? '').replace(/\n$/, ''));
  }
  const highest = lines.size > 0 ? Math.max(...lines.keys()) : 0;
  return { lines, lineCount: Math.max(highest, headerLineCount(document) ?? 0) };
}

/** The React code view embeds the file's lines (`rawLines`) in its first payload. */
function readEmbeddedLines(document: Document): FileLines | undefined {
  for (const script of Array.from(document.querySelectorAll('script[data-target="react-app.embeddedData"]'))) {
    const text = script.textContent ?? '';
    if (!text.includes('"rawLines"')) continue;
    const rawLines = findRawLines(parseEmbeddedJson(text), 0);
    if (!rawLines) continue;
    const lines = new Map<number, string>();
    rawLines.forEach((line, index) => lines.set(index + 1, line));
    return { lines, lineCount: rawLines.length };
  }
  return undefined;
}

function findRawLines(value: unknown, depth: number): string[] | undefined {
  if (depth > 6 || typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const raw = record['rawLines'];
  if (Array.isArray(raw) && raw.every((line) => typeof line === 'string')) return raw as string[];
  for (const child of Object.values(record)) {
    const found = findRawLines(child, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** "123 lines (100 loc) · 4.2 KB" in the file header. */
function headerLineCount(document: Document): number | undefined {
  const candidates = document.querySelectorAll('[data-testid="blob-size"], .file-info, .file-header .text-mono, [class*="BlobSize"], [class*="blob-size"]');
  for (const candidate of Array.from(candidates)) {
    const match = /([\d,]+)\s+lines?\b/i.exec(textOf(candidate));
    if (match?.[1]) return parseCount(match[1]);
  }
  return undefined;
}

function codeWindow(file: FileLines, selection: { start: number; end: number } | undefined): { code: string; start: number; end: number; truncated: boolean } {
  const last = Math.max(file.lineCount, 0);
  const start = selection ? Math.max(1, selection.start - limits.blobContextLines) : 1;
  const wanted = selection ? selection.end + limits.blobContextLines : limits.blobTopLines;
  const end = Math.min(last, wanted);
  const text: string[] = [];
  let missing = false;
  for (let number = start; number <= end; number++) {
    const line = file.lines.get(number);
    if (line === undefined) missing = true;
    text.push(clipText(line ?? '', limits.blobLineChars));
  }
  return { code: text.join('\n'), start, end, truncated: start > 1 || end < last || missing };
}
