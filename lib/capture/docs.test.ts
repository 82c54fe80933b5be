import { readdirSync, readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { DocData } from '../context/types';
import { MAX_DOC_TEXT_CHARS, READABILITY_MAX_TEXT_CHARS, docsAdapter, readCodeBlocks } from './docs';
import { realFixtures } from '../../test/fixtures/paths';

const articles = `${realFixtures}/articles`;
const quiet = new VirtualConsole();
const documentOf = (html: string, url = 'http://fakehost/test/page.html'): Document => new JSDOM(html, { url, virtualConsole: quiet }).window.document;

interface Metadata {
  title: string | null;
  byline: string | null;
  readerable: boolean;
}

const normalise = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();
// Compare text without any whitespace: block boundaries become newlines here and nothing in the oracle.
const squeeze = (text: string): string => text.replace(/\s+/g, '');

const readerable = readdirSync(articles, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .filter((name) => (JSON.parse(readFileSync(`${articles}/${name}/expected-metadata.json`, 'utf8')) as Metadata).readerable);

async function captureArticle(name: string): Promise<DocData> {
  const document = documentOf(readFileSync(`${articles}/${name}/source.html`, 'utf8'));
  const output = await docsAdapter.capture(document, new URL('http://fakehost/test/page.html'), 'docs', { githubHosts: [] });
  expect(output.data.type).toBe('doc');
  return output.data as DocData;
}

describe('docsAdapter on Readability test pages', () => {
  it('covers every readerable article folder', () => {
    expect(readerable.length).toBeGreaterThanOrEqual(9);
  });

  it.each(readerable)('%s: title, byline and the whole article text', async (name) => {
    const metadata = JSON.parse(readFileSync(`${articles}/${name}/expected-metadata.json`, 'utf8')) as Metadata;
    const data = await captureArticle(name);
    expect(data.title).toBe(normalise(metadata.title));
    expect(data.byline).toBe(metadata.byline ? normalise(metadata.byline) : undefined);
    const expected = documentOf(readFileSync(`${articles}/${name}/expected.html`, 'utf8')).body.textContent ?? '';
    expect(squeeze(expected).length).toBeGreaterThan(100);
    expect(squeeze(data.text)).toContain(squeeze(expected));
  });

  it('separates paragraphs with blank lines', async () => {
    const data = await captureArticle('nytimes-1');
    const paragraphs = data.text.split('\n\n');
    expect(paragraphs.length).toBeGreaterThan(10);
    expect(data.text).not.toMatch(/\n{3,}/);
  });

  it('v8-blog: code blocks with their language and the headings of the article', async () => {
    const data = await captureArticle('v8-blog');
    const source = documentOf(readFileSync(`${articles}/v8-blog/expected.html`, 'utf8'));
    const expectedBlocks = source.querySelectorAll('pre').length;
    expect(expectedBlocks).toBeGreaterThan(3);
    expect(data.codeBlocks).toHaveLength(expectedBlocks);
    expect(data.codeBlocks.some((block) => block.code.includes('emcc'))).toBe(true);
    const expectedHeadings = Array.from(source.querySelectorAll('h1, h2, h3, h4, h5, h6')).map((heading) => normalise(heading.textContent));
    expect(data.outline.map((heading) => heading.text)).toEqual(expectedHeadings);
  });
});

describe('readCodeBlocks', () => {
  it('reads the language from language-x, lang-x, highlight-source-x and data-lang, and keeps indentation', () => {
    const document = documentOf(`<article>
      <pre><code class="language-typescript">function a() {\n  return 1;\n}</code></pre>
      <pre class="lang-py">print("x")</pre>
      <div class="highlight highlight-source-rust"><pre>fn main() {}</pre></div>
      <pre data-lang="Shell">ls -la</pre>
      <pre>plain</pre>
      <p>inline <code>not a block</code></p>
    </article>`);
    const blocks = readCodeBlocks(document.querySelector('article') as Element);
    expect(blocks).toEqual([
      { language: 'typescript', code: 'function a() {\n  return 1;\n}' },
      { language: 'py', code: 'print("x")' },
      { language: 'rust', code: 'fn main() {}' },
      { language: 'shell', code: 'ls -la' },
      { code: 'plain' },
    ]);
  });
});

describe('docsAdapter on pages too large for Readability', () => {
  // Sections of distinct, numbered paragraphs, so a test can tell which ones were read.
  const paragraphs = (count: number, prefix: string) =>
    Array.from({ length: count }, (_unused, index) => `<p>${prefix} paragraph ${index} explains one more part of the protocol in plain words.</p>`).join('');

  function hugePage(mainParagraphs: number, navParagraphs = 3): string {
    return `<html lang="en"><head><title>Huge spec</title><meta name="author" content="Ada Writer">
      <meta property="og:site_name" content="Spec Site"><meta name="description" content="All of the spec on one page."></head>
      <body><nav>${paragraphs(navParagraphs, 'Nav')}</nav>
      <main><h1 id="top">Huge spec</h1><h2>Wire format</h2>${paragraphs(mainParagraphs, 'Main')}
      <pre><code class="language-json">{\n  "a": 1\n}</code></pre></main>
      <footer>${paragraphs(2, 'Footer')}</footer></body></html>`;
  }

  it('reads the main element directly, with metadata, outline and code, and says Readability was skipped', async () => {
    const count = Math.ceil(READABILITY_MAX_TEXT_CHARS / 70) + 100;
    const document = documentOf(hugePage(count));
    const output = await docsAdapter.capture(document, new URL('https://spec.example/all'), 'docs', { githubHosts: [] });
    const data = output.data as DocData;
    expect(output.cut?.some((entry) => entry.startsWith('Readability skipped'))).toBe(true);
    expect(data.title).toBe('Huge spec');
    expect(data.byline).toBe('Ada Writer');
    expect(data.siteName).toBe('Spec Site');
    expect(data.excerpt).toBe('All of the spec on one page.');
    expect(output.facts.language).toBe('en');
    expect(data.text).toContain('Main paragraph 0 explains');
    expect(data.text).toContain(`Main paragraph ${count - 1} explains`);
    // The main element holds nearly all the text, so the navigation and footer are left out.
    expect(data.text).not.toContain('Nav paragraph');
    expect(data.text).not.toContain('Footer paragraph');
    expect(data.outline.map((heading) => heading.text)).toEqual(['Huge spec', 'Wire format']);
    expect(data.codeBlocks).toEqual([{ language: 'json', code: '{\n  "a": 1\n}' }]);
  });

  it('cuts the text at the limit and says where', async () => {
    const count = Math.ceil((MAX_DOC_TEXT_CHARS * 1.5) / 70);
    const output = await docsAdapter.capture(documentOf(hugePage(count)), new URL('https://spec.example/all'), 'docs', { githubHosts: [] });
    const data = output.data as DocData;
    expect(data.text.length).toBeLessThanOrEqual(MAX_DOC_TEXT_CHARS);
    expect(data.text.length).toBeGreaterThan(MAX_DOC_TEXT_CHARS * 0.9);
    expect(output.cut).toContain(`the article text after its first ${data.text.length} characters`);
    // The walk stops a little past the text kept; the code block and headings are read all the same.
    expect(data.outline.map((heading) => heading.text)).toEqual(['Huge spec', 'Wire format']);
    expect(data.codeBlocks).toEqual([{ language: 'json', code: '{\n  "a": 1\n}' }]);
  });

  it('takes the main element when the walk spends its budget inside it, after a long navigation', async () => {
    const nav = Array.from({ length: 8_000 }, (_unused, index) => `<a href="/n${index}">navigation link number ${index} of the site</a>`).join(' ');
    const html = `<html><body><nav>${nav}</nav><main><h1>Spec</h1>${paragraphs(Math.ceil((MAX_DOC_TEXT_CHARS * 1.2) / 70), 'Main')}</main></body></html>`;
    const output = await docsAdapter.capture(documentOf(html), new URL('https://spec.example/all'), 'docs', { githubHosts: [] });
    const data = output.data as DocData;
    expect(data.text).not.toContain('navigation link');
    expect(data.text.length).toBeGreaterThan(MAX_DOC_TEXT_CHARS * 0.9);
    expect(data.outline.map((heading) => heading.text)).toEqual(['Spec']);
  });

  it('keeps Readability for pages under the limit', async () => {
    const output = await docsAdapter.capture(documentOf(hugePage(40)), new URL('https://spec.example/all'), 'docs', { githubHosts: [] });
    expect(output.cut ?? []).toEqual([]);
    expect((output.data as DocData).text).toContain('Main paragraph 39 explains');
  });
});

describe('docsAdapter: what the direct reading leaves out, and says', () => {
  const filler = (count: number) => Array.from({ length: count }, (_unused, index) => `<p>Paragraph ${index} of the long page, in plain words.</p>`).join('');

  it('leaves hidden code blocks out, as Readability does', async () => {
    const html = `<html><body><main>${filler(Math.ceil(READABILITY_MAX_TEXT_CHARS / 40) + 100)}
      <pre><code class="language-sh">echo shown</code></pre>
      <div hidden><pre>HIDDEN ONE</pre></div><div style="display:none"><pre>HIDDEN TWO</pre></div>
      <div aria-hidden="true"><pre>HIDDEN THREE</pre></div></main></body></html>`;
    const output = await docsAdapter.capture(documentOf(html), new URL('https://spec.example/all'), 'docs', { githubHosts: [] });
    expect(output.cut?.some((entry) => entry.startsWith('Readability skipped'))).toBe(true);
    expect((output.data as DocData).codeBlocks).toEqual([{ language: 'sh', code: 'echo shown' }]);
    expect((output.data as DocData).text).not.toContain('HIDDEN');
  });

  it('says the text was cut when indentation made the walk stop short of the limit', async () => {
    const items = Array.from({ length: 120_000 }, (_unused, index) => `<li>\n          <a>w${index}</a>\n        </li>`).join('');
    const html = `<html><body><main><ul>${items}</ul><p>THE END</p></main></body></html>`;
    const output = await docsAdapter.capture(documentOf(html), new URL('https://spec.example/all'), 'docs', { githubHosts: [] });
    const data = output.data as DocData;
    expect(data.text).not.toContain('THE END');
    expect(output.cut).toContain(`the article text after its first ${data.text.length} characters`);
  });

  it('does not count a large inline script as article text', async () => {
    const script = `<script type="application/json">${JSON.stringify({ data: 'x'.repeat(READABILITY_MAX_TEXT_CHARS * 2) })}</script>`;
    const html = `<html><head><title>Small article</title></head><body><nav>Home · Docs</nav><article><h1>Small article</h1>${filler(40)}</article>${script}</body></html>`;
    const output = await docsAdapter.capture(documentOf(html), new URL('https://blog.example/post'), 'docs', { githubHosts: [] });
    expect(output.cut ?? []).toEqual([]);
    expect((output.data as DocData).text).toContain('Paragraph 39 of the long page');
  });
});
