// read_more: the text of one part of the live page, for the model to read beyond its budgeted view.
// A section is named by a heading's text, a file path shown on the page, or "all".
import { redactText } from './redact';
import { extractTextUpTo } from './text';

export const READ_MORE_MAX_CHARS = 20_000;
/** Read well past the cut, so a secret that straddles it is masked before the text is cut. */
const READ_CHARS = READ_MORE_MAX_CHARS * 4;

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** The element that holds the named section: a heading's following content, or an element labelled with the path. */
function findSection(document: Document, section: string): Element | null {
  const wanted = normalize(section);
  for (const element of document.querySelectorAll('[data-path], [data-tagsearch-path], [data-file-path]')) {
    const path = element.getAttribute('data-path') ?? element.getAttribute('data-tagsearch-path') ?? element.getAttribute('data-file-path') ?? '';
    if (normalize(path) === wanted) return element.closest('.file, [data-details-container-group="file"], copilot-diff-entry') ?? element.parentElement ?? element;
  }
  for (const heading of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    if (!normalize(heading.textContent ?? '').includes(wanted)) continue;
    return heading.closest('section, article') && heading.closest('section, article') !== document.body ? heading.closest('section, article') : heading.parentElement;
  }
  return null;
}

export interface SectionText {
  text: string;
  found: boolean;
  truncated: boolean;
  redactions: number;
}

export function readSection(document: Document, section: string): SectionText {
  const all = normalize(section) === 'all' || normalize(section) === '';
  const root = all ? document.body : findSection(document, section);
  if (!root) return { text: `No section named "${section}" on this page. Name a heading or a file path shown on the page, or "all".`, found: false, truncated: false, redactions: 0 };
  // What a reader sees of the section, as capture reads it: hidden parts and form fields left out, and a
  // break between blocks, rows and cells (textContent glued a diff row's code to the next row's line
  // number, so a key's word boundary vanished and it passed redaction).
  const visible = extractTextUpTo(root, READ_CHARS);
  const { text, count } = redactText(visible.text);
  const truncated = text.length > READ_MORE_MAX_CHARS || !visible.complete;
  const more = `${visible.complete ? '' : 'over '}${text.length - READ_MORE_MAX_CHARS} more characters`;
  return { text: truncated ? `${text.slice(0, READ_MORE_MAX_CHARS)}\n… [cut: ${more}]` : text, found: true, truncated, redactions: count };
}
