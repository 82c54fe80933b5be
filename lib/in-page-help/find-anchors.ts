// Where help buttons go on a GitHub page: beside failing checks, on diff file headers. Pure DOM reading.
import { findCheckItems, readCheck } from '../capture/github/pull-checks';
import { parseGithubPath } from '../capture/github/route';
import { explainFailingCheck, walkThroughFile } from './requests';
import type { HelpAnchor } from './types';

const classicFileHeader = '.file-header[data-path]';
const reactFileHeader = '[class*="DiffFileHeader-module__diff-file-header"]';

export function findHelpAnchors(document: Document, url: URL): HelpAnchor[] {
  const route = parseGithubPath(url);
  if (route?.page !== 'pull') return [];
  if (route.tab === 'files') return fileHeaderAnchors(document);
  if (route.tab === 'conversation' || route.tab === 'checks') return failingCheckAnchors(document);
  return [];
}

function failingCheckAnchors(document: Document): HelpAnchor[] {
  return findCheckItems(document)
    .filter((item) => readCheck(item)?.state === 'failure')
    .map((item) => ({
      spot: 'failing-check',
      element: item,
      // Left of "Details", where the classic and current merge boxes leave free room in the row.
      before: lastOf(item.querySelectorAll('a.status-actions, a[href*="/runs/"], a[href*="/checks"], a[href*="/actions/"]')),
      label: 'Explain',
      request: explainFailingCheck,
    }));
}

function fileHeaderAnchors(document: Document): HelpAnchor[] {
  const anchors: HelpAnchor[] = [];
  for (const header of Array.from(document.querySelectorAll(`${classicFileHeader}, ${reactFileHeader}`))) {
    // A React header can hold a classic one in transitional markup; the outer one is the file's.
    if (header.parentElement?.closest(`${classicFileHeader}, ${reactFileHeader}`)) continue;
    const path = pathOf(header);
    if (!path) continue;
    anchors.push({
      spot: 'file-header',
      element: header,
      before: header.querySelector(':scope > .file-actions') ?? lastButtonGroupOf(header),
      label: 'Ask Tandem',
      request: walkThroughFile(path),
    });
  }
  return anchors;
}

function pathOf(header: Element): string {
  const declared = header.getAttribute('data-path');
  if (declared) return declared.trim();
  const shown = header.querySelector('h3 code, h3 a, [class*="file-name"] code, [class*="file-name"] a')?.textContent ?? '';
  // Renames read "old → new"; the changes are in the new path.
  return (shown.split('→').pop() ?? '').replace(/[\u200e\u200f]/g, '').trim();
}

/** The React header's trailing controls (Viewed, the file menu): the last direct child holding a button. */
function lastButtonGroupOf(header: Element): Element | null {
  const children = Array.from(header.children);
  const last = children.filter((child) => child.matches('button, input') || child.querySelector('button, input') !== null).at(-1);
  // The first child holds the file name (and its collapse chevron): never sit left of that.
  return last && last !== children[0] ? last : null;
}

function lastOf(list: NodeListOf<Element>): Element | null {
  return list.length > 0 ? (list[list.length - 1] ?? null) : null;
}
