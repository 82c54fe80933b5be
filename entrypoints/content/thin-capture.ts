// Foundation capture: title, URL and Readability text. Replaced by lib/capture once the adapters land.
import { Readability } from '@mozilla/readability';
import type { PageContext } from '../../lib/context/types';

export function thinCapture(document: Document, url: string): PageContext {
  const article = new Readability(document.cloneNode(true) as Document).parse();
  const text = (article?.textContent ?? document.body?.textContent ?? '').replace(/\s+\n/g, '\n').trim();
  return {
    url,
    title: document.title || article?.title || url,
    kind: 'generic',
    capturedAt: Date.now(),
    facts: {},
    data: { type: 'generic', text, outline: [], tables: [], links: [] },
    redactions: 0,
  };
}
