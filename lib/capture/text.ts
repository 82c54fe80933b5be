// Readable text from DOM subtrees without layout (works in jsdom and in the page alike).
// Form fields are never read: textarea content is its default value and inputs hold what the user typed.

import type { Heading } from '../context/types';
import { clipText } from './clip';

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

const LINE_BREAK_TAGS = new Set(['LI', 'TR', 'DT', 'DD']);

// The page's own private-use characters in U+E000–U+E003 become spaces: earlier versions used them as
// internal markers, and a page's text must never be able to pose as structure.
// Only what changes is matched (a run of two or more, or one that is not a plain space): replacing every
// single space with itself copied each text node.
const FLOWING_SPACE = /[\s\uE000-\uE003]{2,}|[^\S ]|[\uE000-\uE003]/g;
/**
 * Characters that show nothing (soft hyphen, zero-width spaces and joiners, word joiner, BOM). Removed from
 * captured text: one inside a token hides it from every redaction rule while the page looks the same.
 */
export const INVISIBLE_MARKS = /[\u00ad\u200b-\u200f\u2060\ufeff]/g;
const HAS_INVISIBLE_MARK = /[\u00ad\u200b-\u200f\u2060\ufeff]/;
const visible = (raw: string): string => (HAS_INVISIBLE_MARK.test(raw) ? raw.replace(INVISIBLE_MARKS, '') : raw);

const PRE_NEEDS_CLEANING = /[\r\uE000-\uE003]/;
const PRE_NEWLINE = /\r\n?/g;
const PRE_MARKERS = /[\uE000-\uE003]/g;

/** What separates the text before from the text after: nothing, a newline, or a blank line. */
const NO_BREAK = 0;
const LINE = 1;
const PARAGRAPH = 2;
type Break = typeof NO_BREAK | typeof LINE | typeof PARAGRAPH;

export function isSkippedElement(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tagName)) return true;
  if (element.hasAttribute('hidden')) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/**
 * Builds reader text in one pass: whitespace is collapsed as it arrives and breaks between blocks are
 * held until the next text, so a run of breaks and spaces becomes one newline or one blank line. (Doing
 * this with regular expressions over the joined text took as long as the walk itself on a 1 MB page.)
 */
class TextBuilder {
  private readonly parts: string[] = [];
  private pendingBreak: Break = NO_BREAK;
  private pendingSpace = false;
  /** Characters of text gathered so far (space between elements not counted): the walk stops past `max`. */
  used = 0;
  /** The text node whose text took the walk past `max`: everything before it was read. */
  stoppedAt: Node | undefined;

  constructor(readonly max: number) {}

  get full(): boolean {
    return this.used > this.max;
  }

  breakLine(kind: typeof LINE | typeof PARAGRAPH): void {
    if (kind > this.pendingBreak) this.pendingBreak = kind;
  }

  /** Between table cells; inside `pre` the space is written as it is, like the page's own. */
  space(insidePre: boolean): void {
    if (!insidePre) {
      this.pendingSpace = true;
      return;
    }
    this.flush(false);
    this.parts.push(' ');
  }

  flowing(raw: string): void {
    const text = visible(raw).replace(FLOWING_SPACE, ' ');
    if (text === '') return;
    // Indentation between elements is not text: counted, it took a tenth of the budget on some pages.
    if (text === ' ') {
      this.pendingSpace = true;
      return;
    }
    this.used += text.length;
    const leading = text.charCodeAt(0) === 32;
    const trailing = text.charCodeAt(text.length - 1) === 32;
    if (leading) this.pendingSpace = true;
    this.flush(true);
    this.parts.push(leading || trailing ? text.slice(leading ? 1 : 0, trailing ? -1 : undefined) : text);
    if (trailing) this.pendingSpace = true;
  }

  preformatted(page: string): void {
    if (page === '') return;
    const raw = visible(page);
    const text = PRE_NEEDS_CLEANING.test(raw) ? raw.replace(PRE_NEWLINE, '\n').replace(PRE_MARKERS, ' ') : raw;
    this.used += text.length;
    this.flush(false);
    this.parts.push(text);
  }

  /** Writes what is held: a break wins over spaces around it; inside `pre` spaces are the page's own. */
  flush(withSpace: boolean): void {
    if (this.pendingBreak !== NO_BREAK) {
      this.parts.push(this.pendingBreak === PARAGRAPH ? '\n\n' : '\n');
    } else if (this.pendingSpace && withSpace) {
      this.parts.push(' ');
    }
    this.pendingBreak = NO_BREAK;
    this.pendingSpace = false;
  }

  /** Where the next text goes: a piece of the text spans the parts between two marks. */
  mark(): number {
    return this.parts.length;
  }

  textBetween(start: number, end: number): string {
    return tidy(this.parts.slice(start, end).join(''));
  }

  toString(): string {
    return tidy(this.parts.join(''));
  }
}

// The look-behind makes a long run of spaces a single try: without it each space of the run started one (quadratic).
const tidy = (text: string): string => text.replace(/(?<![ \t])[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();

/** Elements whose own text a caller wants beside the whole text, and where it is kept. */
interface PieceCollector {
  wants: (element: Element) => boolean;
  pieces: Map<Element, string>;
  partial: Map<Element, string>;
}

function walk(node: Node, builder: TextBuilder, insidePre: boolean, collector?: PieceCollector): void {
  if (builder.full) return;
  const type = node.nodeType;
  if (type === 3) {
    const value = node.nodeValue ?? '';
    if (insidePre) builder.preformatted(value);
    else builder.flowing(value);
    if (builder.full) builder.stoppedAt ??= node;
    return;
  }
  if (type === 1) {
    const element = node as Element;
    if (isSkippedElement(element)) return;
    const tag = element.tagName;
    if (tag === 'BR') {
      builder.breakLine(LINE);
      return;
    }
    const isBlock = BLOCK_TAGS.has(tag);
    const isCell = !isBlock && CELL_TAGS.has(tag);
    const breakKind = LINE_BREAK_TAGS.has(tag) ? LINE : PARAGRAPH;
    if (isBlock) builder.breakLine(breakKind);
    else if (isCell) builder.space(insidePre);
    const pre = insidePre || tag === 'PRE';
    const start = collector?.wants(element) ? builder.mark() : -1;
    for (let child = element.firstChild; child; child = child.nextSibling) walk(child, builder, pre, collector);
    if (pre && !insidePre) builder.flush(false);
    // A piece the budget cut short is kept apart, as far as it was read.
    if (start >= 0) (builder.full ? collector?.partial : collector?.pieces)?.set(element, builder.textBetween(start, builder.mark()));
    if (isBlock) builder.breakLine(breakKind);
    else if (isCell) builder.space(insidePre);
    return;
  }
  if (type !== 9 && type !== 11) return;
  for (let child = node.firstChild; child; child = child.nextSibling) walk(child, builder, insidePre, collector);
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
  const builder = new TextBuilder(maxChars);
  walk(root, builder, false);
  return { text: builder.toString(), complete: !builder.full };
}

export interface TextWithPieces {
  text: string;
  complete: boolean;
  /**
   * The text of each wanted element the walk read whole, as extractText would give it alone: what the
   * page shows of it (hidden ones are not here). Reading headings and code blocks again took a fifth of a
   * docs page's capture.
   */
  pieces: Map<Element, string>;
  /** Wanted elements the walk stopped inside: their text up to where it stopped. */
  partial: Map<Element, string>;
  /**
   * True when the walk went past the whole element (always, for a complete walk): a wanted element it
   * passed but did not keep is hidden; one it did not reach has to be read on its own.
   */
  passed: (element: Element) => boolean;
}

/** extractTextUpTo that also keeps the text of the elements `wants` picks (e.g. headings, `pre` blocks). */
export function extractTextWithPieces(root: Node, maxChars: number, wants: (element: Element) => boolean): TextWithPieces {
  const builder = new TextBuilder(maxChars);
  const collector: PieceCollector = { wants, pieces: new Map(), partial: new Map() };
  walk(root, builder, false, collector);
  const stop = builder.stoppedAt;
  const passed = (element: Element): boolean => {
    if (!stop) return true;
    const position = element.compareDocumentPosition(stop);
    // The stop lies after the element and not inside it.
    return (position & 4) !== 0 && (position & 16) === 0;
  };
  return { text: builder.toString(), complete: !builder.full, pieces: collector.pieces, partial: collector.partial, passed };
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

const readAlone = (element: Element, stopAt: Element): string | undefined => (isInsideSkipped(element, stopAt) ? undefined : extractText(element));

/**
 * A wanted element's text from a walk: kept whole, or known hidden (passed but not kept), or read on its
 * own past where the walk stopped (or when there was no walk). Undefined for a hidden element.
 */
export function pieceOf(walked: TextWithPieces | undefined, element: Element, stopAt: Element): string | undefined {
  if (!walked) return readAlone(element, stopAt);
  const kept = walked.pieces.get(element);
  if (kept !== undefined || walked.passed(element)) return kept;
  return readAlone(element, stopAt);
}

/** h1–h6; by local name, which is lower-case in HTML and XHTML documents alike (tagName is not). */
export function isHeading(element: Element): boolean {
  const name = element.localName;
  return name.length === 2 && name[0] === 'h' && name[1]! >= '1' && name[1]! <= '6';
}

/**
 * h1–h6 under `root` in document order, skipping hidden ones and empty headings. `walked` holds the
 * headings' text from a complete walk of `root` (extractTextWithPieces), which saves reading them again.
 */
export function readOutline(root: Element | Document, limit = 500, walked?: TextWithPieces): Heading[] {
  const stopAt = 'documentElement' in root ? root.documentElement : root;
  const headings: Heading[] = [];
  for (const element of root.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    if (headings.length >= limit) break;
    const piece = pieceOf(walked, element, stopAt);
    if (piece === undefined) continue;
    const text = piece.replace(/\s+/g, ' ').trim();
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
  if (lastBreak > maxChars * 0.8) return { text: slice.slice(0, lastBreak).trimEnd(), truncated: true };
  return { text: clipText(text, maxChars).trimEnd(), truncated: true };
}
