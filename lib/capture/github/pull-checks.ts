// The checks a pull request shows: the merge box's status list (classic `.merge-status-item`,
// `.branch-action-item`, and the current merge box) and the Checks tab's run list.
import type { Check } from '../../context/types';
import { stateFromWords, stateOfElement } from './check-state';
import { clipText } from '../clip';
import { limits } from './limits';
import { textOf } from './text';

/** One query for every known layout (a single pass over the page); a page shows one layout at a time. */
const itemSelector = [
  '.merge-status-list .merge-status-item',
  '.merge-status-item',
  '[data-testid="mergebox-partial"] [data-testid="check-run-item"]',
  '[data-testid="mergebox-partial"] li[class*="StatusCheck"]',
  '[aria-label="Checks"] li',
  '[data-testid="checks-list"] li',
  '.checks-list-item',
].join(', ');

export function readChecks(document: Document): { checks: Check[]; cut: string[] } {
  const items = findCheckItems(document);
  const checks: Check[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const check = readCheck(item);
    if (!check || seen.has(check.name)) continue;
    seen.add(check.name);
    checks.push(check);
  }
  const cut = checks.length > limits.checks ? [`checks after the first ${limits.checks} of ${checks.length}`] : [];
  return { checks: checks.slice(0, limits.checks), cut };
}

/** The check rows a page shows, wrappers left out (also used to place in-page help beside failing checks). */
export function findCheckItems(document: Document): Element[] {
  const items = Array.from(document.querySelectorAll(itemSelector));
  const matched = new Set(items);
  // A matched element that holds another matched one is a wrapper, not a check.
  const wrappers = new Set<Element>();
  for (const item of items) {
    for (let parent = item.parentElement; parent; parent = parent.parentElement) if (matched.has(parent)) wrappers.add(parent);
  }
  return items.filter((item) => !wrappers.has(item));
}

/** One check row as Tandem reads it (name, state, description, link), or undefined when it has no name. */
export function readCheck(item: Element): Check | undefined {
  const nameElement = item.querySelector('[data-testid="check-name"], .merge-status-item strong, strong, .checks-list-item-name, a[href*="/runs/"], a[href*="/checks"]');
  const descriptionElement = item.querySelector('[data-testid="check-description"], .status-meta, .color-fg-muted, .text-small');
  const name = textOf(nameElement);
  if (name === '') return undefined;
  const check: Check = { name, state: stateOfElement(item) };
  const description = descriptionElement && descriptionElement !== nameElement ? textOf(descriptionElement).replace(name, '').trim() : '';
  if (check.state === 'unknown') check.state = stateFromWords(description);
  if (description) check.description = clipText(description.replace(/^[—–-]\s*/, ''), 300);
  const link = item.querySelector('a.status-actions, a[href*="/runs/"], a[href*="/checks"], a[href*="/actions/"], a[href^="http"]');
  const href = link?.getAttribute('href');
  if (href) check.link = href;
  return check;
}
