// Capture time and prompt tokens on real saved pages, next to the innerText-style baseline
// (`document.body.textContent`) in the same run: the ratios hold across machines, the milliseconds don't.
import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { bench, describe } from 'vitest';
import { capturePage } from '../lib/capture/index';
import { serializeForPrompt } from '../lib/context/serialize';
import { countTokens } from '../lib/context/tokens';

interface BenchPage {
  name: string;
  path: string;
  url: string;
}

const pages: BenchPage[] = [
  { name: 'react-15141 (pull, files tab)', path: '/work/shared/fixtures/github/pr-files-facebook-react-15141.html', url: 'https://github.com/facebook/react/pull/15141/files' },
  { name: 'ietf-1 (docs)', path: '/work/shared/fixtures/articles/ietf-1/source.html', url: 'https://tools.ietf.org/html/draft-dejong-remotestorage-04' },
  { name: 'nytimes-1 (docs)', path: '/work/shared/fixtures/articles/nytimes-1/source.html', url: 'https://www.nytimes.com/2017/01/13/world/africa/sudan-sanctions.html' },
];

const documentOf = (page: BenchPage): Document =>
  new JSDOM(readFileSync(page.path, 'utf8'), { url: page.url, virtualConsole: new VirtualConsole() }).window.document;

const textContentOf = (document: Document): string => (document.body.textContent ?? '').replace(/\s+/g, ' ');

/** Closer to innerText than raw textContent (which includes inline scripts and styles): what a naive extension sends. */
function visibleTextOf(document: Document): string {
  const body = document.body.cloneNode(true) as HTMLElement;
  for (const element of body.querySelectorAll('script, style, noscript, template')) element.remove();
  return (body.textContent ?? '').replace(/\s+/g, ' ');
}

for (const page of pages) {
  const document = documentOf(page);
  const context = await capturePage(document, page.url, { githubHosts: [], viewport: null });
  const prompt = serializeForPrompt(context);
  const baselineTokens = countTokens(visibleTextOf(document));
  console.log(
    `${page.name}: kind ${context.kind}; prompt ${prompt.tokens} tokens vs body text ${baselineTokens} tokens ` +
      `(${(baselineTokens / Math.max(prompt.tokens, 1)).toFixed(1)}× fewer); full data ${JSON.stringify(context.data).length} chars`,
  );

  describe(`capture ${page.name}`, () => {
    bench('capturePage + serializeForPrompt', async () => {
      serializeForPrompt(await capturePage(document, page.url, { githubHosts: [], viewport: null }));
    });

    bench('baseline: body.textContent + countTokens', () => {
      countTokens(textContentOf(document));
    });
  });
}
