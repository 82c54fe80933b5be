// What the user is looking at: headings, file headers and panel titles that intersect the viewport.

import { inlineText } from './text';
import { clipText } from './clip';

export interface Viewport {
  /** In the coordinates of getBoundingClientRect (0 is the top of the visible area). */
  top: number;
  bottom: number;
}

const FOCUS_SELECTOR = [
  'h1', 'h2', 'h3', 'h4',
  '[data-path]',
  '.panel-title-text', '.panel-title', '[data-testid^="data-testid Panel header"]',
].join(', ');

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
  if (!view) return undefined;
  const candidates = Array.from(document.querySelectorAll(FOCUS_SELECTOR)).slice(0, MAX_CANDIDATES);
  let anyLayout = false;
  const labels: string[] = [];
  for (const element of candidates) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0 && box.top === 0 && box.bottom === 0) continue;
    anyLayout = true;
    if (box.bottom < view.top || box.top > view.bottom) continue;
    const label = labelOf(element);
    if (label && !labels.includes(label)) labels.push(label);
    if (labels.length >= MAX_FOCUS) break;
  }
  return anyLayout && labels.length > 0 ? labels : undefined;
}

function defaultViewport(document: Document): Viewport | null {
  const height = document.defaultView?.innerHeight;
  return height ? { top: 0, bottom: height } : null;
}
