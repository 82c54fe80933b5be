// Readable text from DOM subtrees without layout (works in jsdom and in the page alike).
// Form fields are never read: textarea content is its default value and inputs hold what the user typed.

import type { Heading } from '../context/types';

/** Elements whose content is never captured as text. */
export const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'BUTTON',
  'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'SVG', 'svg', 'HEAD', 'LINK', 'META',
]);

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL',
  'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL', 'CAPTION',
]);

const CELL_TAGS = new Set(['TD', 'TH']);

// Private-use markers survive whitespace collapsing and become newlines at the end.
const PARAGRAPH_BREAK = '\u{E000}';
const LINE_BREAK = '\u{E001}';
// Around the text of a `pre`, whose whitespace is kept: one split of the joined text finds those
// stretches, where marking every space and newline of a long listing took most of the time.
const PRE_START = '\u{E002}';
const PRE_END = '\u{E003}';
const PRE_STRETCH = /\u{E002}([^\u{E003}]*)\u{E003}/u;
const MARKER_CHARS = /[\u{E000}-\u{E003}]/gu;

export function isSkippedElement(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tagName)) return true;
  if (element.hasAttribute('hidden')) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Characters gathered so far and the most wanted; the walk stops past it (a 50 MB page holds 27 M characters of text). */
interface WalkBudget {
  used: number;
  max: number;
}

function walk(node: Node, output: string[], insidePre: boolean, budget: WalkBudget): void {
  if (budget.used > budget.max) return;
  if (node.nodeType === 3) {
    const value = node.nodeValue ?? '';
    // Preformatted text is kept as it is, between the markers its `pre` put around it. The page's own
    // private-use characters in the markers' range become spaces, so they cannot pose as markers.
    const text = insidePre
      ? value.replace(/\r\n?/g, '\n').replace(MARKER_CHARS, ' ')
      : value.replace(/[\s\u{E000}-\u{E003}]+/gu, ' ');
    output.push(text);
    budget.used += text.length;
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
  if (node.nodeType === 1) {
    const element = node as Element;
    if (isSkippedElement(element)) return;
    const tag = element.tagName;
    if (tag === 'BR') {
      output.push(LINE_BREAK);
      return;
    }
    const isBlock = BLOCK_TAGS.has(tag);
    const opensPre = !insidePre && tag === 'PRE';
    if (isBlock) output.push(tag === 'LI' || tag === 'TR' || tag === 'DT' || tag === 'DD' ? LINE_BREAK : PARAGRAPH_BREAK);
    else if (CELL_TAGS.has(tag)) output.push(' ');
    if (opensPre) output.push(PRE_START);
    for (let child = element.firstChild; child; child = child.nextSibling) walk(child, output, insidePre || opensPre, budget);
    if (opensPre) output.push(PRE_END);
    if (isBlock) output.push(tag === 'LI' || tag === 'TR' || tag === 'DT' || tag === 'DD' ? LINE_BREAK : PARAGRAPH_BREAK);
    else if (CELL_TAGS.has(tag)) output.push(' ');
    return;
  }
  for (let child = node.firstChild; child; child = child.nextSibling) walk(child, output, insidePre, budget);
}

const BREAKS = new RegExp(`[ ]*([${PARAGRAPH_BREAK}${LINE_BREAK}][ ${PARAGRAPH_BREAK}${LINE_BREAK}]*)`, 'gu');
const BREAKS_IN_PRE = new RegExp(`[${PARAGRAPH_BREAK}${LINE_BREAK}]+`, 'gu');
const asNewlines = (group: string): string => (group.includes(PARAGRAPH_BREAK) ? '\n\n' : '\n');

function normaliseBreaks(raw: string): string {
  // split() with a capture group alternates: flowing text, a pre's text, flowing text, ...
  const parts = raw.split(new RegExp(PRE_STRETCH, 'gu'));
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] ?? '';
    parts[index] = index % 2 === 0
      ? part.replace(BREAKS, (_match, group: string) => asNewlines(group)).replace(/ {2,}/g, ' ')
      : part.replace(BREAKS_IN_PRE, asNewlines);
  }
  return parts
    .join('')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The text of a subtree as a reader sees it: paragraphs separated by blank lines, list items and
 * table rows on their own lines, whitespace of `pre` kept; scripts, styles and form fields skipped.
 */
export function extractText(root: Node, maxChars = Number.POSITIVE_INFINITY): string {
  return extractTextUpTo(root, maxChars).text;
}

/**
 * extractText with a budget of characters read (before whitespace is collapsed, so the text returned
 * can be shorter than the budget): `complete` is false when the walk stopped before the end.
 */
export function extractTextUpTo(root: Node, maxChars: number): { text: string; complete: boolean } {
  const output: string[] = [];
  const budget = { used: 0, max: maxChars };
  walk(root, output, false, budget);
  return { text: normaliseBreaks(output.join('')), complete: budget.used <= budget.max };
}

/** The text of a small element on one line (headings, cells, link labels). */
export function inlineText(root: Node): string {
  return extractText(root).replace(/\s+/g, ' ').trim();
}

/** True when the element or an ancestor below `stopAt` is never captured (hidden, a script, a form field). */
export function isInsideSkipped(element: Element, stopAt: Element): boolean {
  for (let current: Element | null = element; current && current !== stopAt; current = current.parentElement) {
    if (isSkippedElement(current)) return true;
  }
  return false;
}

/** h1–h6 under `root` in document order, skipping hidden ones and empty headings. */
export function readOutline(root: Element | Document, limit = 500): Heading[] {
  const stopAt = 'documentElement' in root ? root.documentElement : root;
  const headings: Heading[] = [];
  for (const element of root.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    if (headings.length >= limit) break;
    if (isInsideSkipped(element, stopAt)) continue;
    const text = inlineText(element);
    if (!text) continue;
    const heading: Heading = { level: Number(element.tagName.slice(1)), text };
    const id = element.id || element.querySelector('[id]')?.id;
    if (id) heading.id = id;
    headings.push(heading);
  }
  return headings;
}

/** Cuts a text to `maxChars` at a line or word boundary when one is near. */
export function truncateText(text: string, maxChars: number): { text: string; truncated: boolean } {
  if (text.length <= maxChars) return { text, truncated: false };
  const slice = text.slice(0, maxChars);
  const lastBreak = Math.max(slice.lastIndexOf('\n'), slice.lastIndexOf(' '));
  const cutAt = lastBreak > maxChars * 0.8 ? lastBreak : maxChars;
  return { text: slice.slice(0, cutAt).trimEnd(), truncated: true };
}
