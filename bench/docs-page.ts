// A ~1 MB documentation page: a real saved article (Readability's ietf-1 test page) whose body is
// repeated, the size of a long spec or API reference.
import { readFileSync } from 'node:fs';
import { realFixtures } from '../test/fixtures/paths';

export interface DocsPage {
  html: string;
  url: string;
}

const SOURCE = `${realFixtures}/articles/ietf-1/source.html`;
const TARGET_BYTES = 1_000_000;

export function largeDocsPage(): DocsPage {
  const source = readFileSync(SOURCE, 'utf8');
  const bodyStart = source.search(/<body[^>]*>/i);
  const bodyEnd = source.search(/<\/body>/i);
  if (bodyStart === -1 || bodyEnd === -1) throw new Error(`${SOURCE} has no <body> to repeat`);
  const openTag = /<body[^>]*>/i.exec(source.slice(bodyStart))![0];
  const body = source.slice(bodyStart + openTag.length, bodyEnd);
  const copies = Math.max(1, Math.round((TARGET_BYTES - (source.length - body.length)) / body.length));
  // Each copy in its own section, like the chapters of one long page.
  const chapters = Array.from({ length: copies }, (_unused, index) => `<section id="part-${index + 1}">${body}</section>`).join('\n');
  const html = `${source.slice(0, bodyStart + openTag.length)}${chapters}${source.slice(bodyEnd)}`;
  return { html, url: 'https://tools.ietf.org/html/draft-dejong-remotestorage-04' };
}
