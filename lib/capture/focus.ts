// What the user is looking at: headings, file headers and panel titles that intersect the viewport.

import { inlineText } from './text';
import { clipText } from './clip';
import { inDocumentOrder } from './query-each';

export interface Viewport {
  /** In the coordinates of getBoundingClientRect (0 is the top of the visible area). */
  top: number;
  bottom: number;
}

// Asked one at a time, as in query-each.ts; only the few candidates on screen are then put back in
// document order (the page may have thousands of candidates).
const FOCUS_SELECTORS = [
  'h1', 'h2', 'h3', 'h4',
  '[data-path]',
  '.panel-title-text', '.panel-title', '[data-testid^="data-testid Panel header"]',
];

/** Candidates looked at per selector. */
const MAX_CANDIDATES = 3000;
const MAX_FOCUS = 20;
const MAX_LABEL_CHARS = 200;

function labelOf(element: Element): string {
  const path = element.getAttribute('data-path');
  if (path) return path;
  const testId = element.getAttribute('data-testid');
  if (testId?.startsWith('data-testid Panel header ')) return testId.slice('data-testid Panel header '.length).trim();
  return clipText(inlineText(element), MAX_LABEL_CHARS);
}

/**
 * Labels of focus candidates whose box intersects the viewport, in document order. Returns
 * undefined when there is no layout to go by (jsdom reports every box as zero-sized).
 */
export function computeFocus(document: Document, viewport: Viewport | null | undefined): string[] | undefined {
  const view = viewport === undefined ? defaultViewport(document) : viewport;
  // Without layout (jsdom, the CLI) every box is zero: asking each candidate would only cost time.
  if (!view || isEmptyBox(document.documentElement.getBoundingClientRect())) return undefined;
  let anyLayout = false;
  const onScreen = new Set<Element>();
  for (const selector of FOCUS_SELECTORS) {
    const candidates = document.querySelectorAll(selector);
    const count = Math.min(candidates.length, MAX_CANDIDATES);
    for (let index = 0; index < count; index++) {
      const element = candidates[index] as Element;
      const box = element.getBoundingClientRect();
      if (isEmptyBox(box)) continue;
      anyLayout = true;
      if (box.bottom >= view.top && box.top <= view.bottom) onScreen.add(element);
    }
  }
  const labels: string[] = [];
  for (const element of [...onScreen].sort(inDocumentOrder)) {
    const label = labelOf(element);
    if (label && !labels.includes(label)) labels.push(label);
    if (labels.length >= MAX_FOCUS) break;
  }
  return anyLayout && labels.length > 0 ? labels : undefined;
}

function isEmptyBox(box: DOMRect): boolean {
  return box.width === 0 && box.height === 0 && box.top === 0 && box.bottom === 0;
}

function defaultViewport(document: Document): Viewport | null {
  const height = document.defaultView?.innerHeight;
  return height ? { top: 0, bottom: height } : null;
}
