// Small text helpers shared by the GitHub adapters (plain DOM: textContent, never innerText).
import { clipText } from '../clip';
import { INVISIBLE_MARKS } from '../text';


/** The element's text with runs of whitespace collapsed; '' for a missing element. */
export function textOf(element: Element | null | undefined): string {
  if (!element) return '';
  return (element.textContent ?? '').replace(INVISIBLE_MARKS, '').replace(/\s+/g, ' ').trim();
}

/** The first selector (in order) that finds an element with text. */
export function firstText(root: ParentNode, selectors: string[]): string {
  for (const selector of selectors) {
    const text = textOf(root.querySelector(selector));
    if (text !== '') return text;
  }
  return '';
}

/** Cuts `text` to `max` characters, marking the cut so readers (and the model) can tell. */
export function capText(text: string, max: number): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  return { text: `${clipText(text, max)}…[cut]`, cut: true };
}

/** Unique non-empty strings in first-seen order. */
export function unique(values: Iterable<string>): string[] {
  const seen = new Set<string>();
  for (const value of values) if (value !== '') seen.add(value);
  return [...seen];
}

/** Reads a whole number from text such as "1,483" or "+12"; undefined when there is none. */
export function parseCount(text: string): number | undefined {
  const match = /\d[\d,]*/.exec(text);
  return match ? Number(match[0].replace(/,/g, '')) : undefined;
}

/** The login in a profile link such as `/octocat` or `/apps/copilot-pull-request-reviewer`. */
export function loginFromHref(href: string | null): string | undefined {
  if (!href) return undefined;
  const match = /^(?:https?:\/\/[^/]+)?\/(?:apps\/)?([A-Za-z0-9][A-Za-z0-9_.-]*(?:\[bot\])?)\/?$/.exec(href);
  return match?.[1];
}
