// The generic adapter: any page as main text, outline, tables and links. Also the fallback when
// a specific adapter fails.

import type { GenericData, Table } from '../context/types';
import type { Adapter, AdapterOutput } from './adapter';
import { dataTables, readTable } from './tables';
import { extractText, inlineText, isSkippedElement, readOutline, truncateText } from './text';
import { clipText } from './clip';
import { LONG_STAGE_MS, turnTaker } from './turns';

export const GENERIC_LIMITS = {
  textChars: 200_000,
  tables: 20,
  tableRows: 200,
  links: 300,
  linkTextChars: 200,
};

/** Past this many elements the page's whole text is not built just to say how much was cut. */
const HUGE_PAGE_ELEMENTS = 100_000;

/** The part of the page that holds its content: `main`, `[role=main]`, `article`, else the body. */
function mainElement(document: Document): Element | null {
  return document.querySelector('main, [role="main"]') ?? (document.querySelectorAll('article').length === 1 ? document.querySelector('article') : null) ?? document.body;
}

function isHidden(element: Element): boolean {
  for (let current: Element | null = element; current; current = current.parentElement) {
    if (isSkippedElement(current)) return true;
  }
  return false;
}

function readLinks(document: Document, root: Element, cut: string[]): GenericData['links'] {
  const links: GenericData['links'] = [];
  const seen = new Set<string>();
  let skipped = 0;
  const anchors = root.querySelectorAll('a[href]');
  for (let index = 0; index < anchors.length; index++) {
    const anchor = anchors[index];
    if (!anchor) break;
    if (links.length >= GENERIC_LIMITS.links) {
      // Past the limit only the count matters: no URL parsing or text reading for 300,000 more links.
      skipped = anchors.length - index;
      break;
    }
    const raw = anchor.getAttribute('href') ?? '';
    let href: string;
    try {
      href = new URL(raw, document.baseURI).href;
    } catch {
      // A malformed href points nowhere a reader could follow; leave it out.
      continue;
    }
    if (!/^https?:/.test(href) || seen.has(href) || isHidden(anchor)) continue;
    // A long URL as the link's text clips to almost nothing ("https:"): its label or title says more.
    const clipped = clipText(inlineText(anchor), GENERIC_LIMITS.linkTextChars);
    const substantial = clipped.length >= GENERIC_LIMITS.linkTextChars / 2 || clipped === inlineText(anchor) ? clipped : '';
    const text = substantial || anchor.getAttribute('aria-label') || anchor.getAttribute('title') || clipped;
    if (!text) continue;
    seen.add(href);
    links.push({ text, href });
  }
  if (skipped > 0) cut.push(`up to ${skipped} links beyond the first ${GENERIC_LIMITS.links}`);
  return links;
}

function readTables(root: Element, cut: string[]): Table[] {
  const elements = dataTables(root);
  if (elements.length > GENERIC_LIMITS.tables) cut.push(`${elements.length - GENERIC_LIMITS.tables} tables beyond the first ${GENERIC_LIMITS.tables}`);
  return elements.slice(0, GENERIC_LIMITS.tables).flatMap((element) => {
    const { table, totalRows } = readTable(element, GENERIC_LIMITS.tableRows);
    if (totalRows > GENERIC_LIMITS.tableRows) cut.push(`${totalRows - GENERIC_LIMITS.tableRows} rows of a table (${table.headers.join(', ') || 'no headers'})`);
    return table.rows.length > 0 ? [table] : [];
  });
}

/** The generic reading; `turn` is called between its passes over the page (see turnTaker). */
export async function captureGeneric(document: Document, turn: () => Promise<void> = async () => {}): Promise<AdapterOutput> {
  const cut: string[] = [];
  const root = mainElement(document);
  const title = (document.title || (root ? inlineText(root.querySelector('h1') ?? document.createElement('span')) : '')).replace(/\s+/g, ' ').trim();
  if (!root) {
    return { title, facts: { words: 0 }, data: { type: 'generic', text: '', outline: [], tables: [], links: [] }, cut };
  }
  // Read a little past the limit, not the whole page: truncateText then cuts at a clean boundary.
  const full = extractText(root, GENERIC_LIMITS.textChars * 2);
  const text = truncateText(full, GENERIC_LIMITS.textChars);
  if (text.truncated) {
    // The walk stopped early, so the page's raw text length stands in for what was left out; on a page
    // of a million elements, building that text (tens of megabytes) would cost more than the capture.
    // (Counting the elements is a native pass, a fraction of what building the text costs.)
    if (root.getElementsByTagName('*').length > HUGE_PAGE_ELEMENTS) cut.push(`the page text after its first ${text.text.length} characters`);
    else cut.push(`about ${Math.max(full.length, root.textContent?.length ?? 0) - text.text.length} characters of page text`);
  }
  await turn();
  const data: GenericData = {
    type: 'generic',
    text: text.text,
    outline: readOutline(root),
    tables: readTables(root, cut),
    links: readLinks(document, root, cut),
  };
  const facts = {
    words: text.text.split(/\s+/).filter(Boolean).length,
    headings: data.outline.length,
    tables: data.tables.length,
    links: data.links.length,
  };
  return { title, facts, data, cut };
}

export const genericAdapter: Adapter = {
  id: 'generic',
  kinds: ['generic'],
  capture(document, _url, _kind, environment) {
    return captureGeneric(document, turnTaker(environment.yieldToPage, LONG_STAGE_MS));
  },
};
