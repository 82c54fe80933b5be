// The docs adapter: articles and documentation pages through Mozilla Readability.

import { Readability } from '@mozilla/readability';
import type { CodeBlock, DocData, Facts } from '../context/types';
import type { Adapter, AdapterOutput } from './adapter';
import { extractText, extractTextUpTo, isInsideSkipped, readOutline, truncateText } from './text';

export const MAX_DOC_TEXT_CHARS = 400_000;
const MAX_CODE_BLOCKS = 200;
const MAX_CODE_CHARS = 20_000;

export class ReadabilityFailedError extends Error {
  override name = 'ReadabilityFailedError';
  constructor() {
    super('Readability found no article on this page');
  }
}

const LANGUAGE_CLASS = /^(?:language|lang|highlight-source|brush:?)-?([\w+#.-]+)$/i;

function languageOf(element: Element): string | undefined {
  const candidates: Element[] = [element];
  const code = element.querySelector('code');
  if (code) candidates.push(code);
  if (element.parentElement) candidates.push(element.parentElement);
  for (const candidate of candidates) {
    const declared = candidate.getAttribute('data-lang') ?? candidate.getAttribute('data-language');
    if (declared) return declared.toLowerCase();
    for (const className of Array.from(candidate.classList)) {
      const match = LANGUAGE_CLASS.exec(className);
      if (match?.[1]) return match[1].toLowerCase();
    }
  }
  return undefined;
}

export function readCodeBlocks(root: Element): CodeBlock[] {
  return Array.from(root.querySelectorAll('pre'))
    // Hidden blocks stay out, as they do from the text: Readability drops them, the direct reading must too.
    .filter((pre) => !pre.parentElement?.closest('pre') && !isInsideSkipped(pre, root))
    .slice(0, MAX_CODE_BLOCKS)
    .flatMap((pre) => {
      const code = truncateText(extractText(pre), MAX_CODE_CHARS).text;
      if (!code) return [];
      const block: CodeBlock = { code };
      const language = languageOf(pre);
      if (language) block.language = language;
      return [block];
    });
}

const clean = (value: string | null | undefined): string | undefined => {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : undefined;
};

/** What the docs adapter needs of an article, from Readability or read directly. */
interface Article {
  content: Element;
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  excerpt?: string | null;
  publishedTime?: string | null;
  lang?: string | null;
}

// Readability scores every paragraph by re-reading the text of its ancestors, over several passes: on
// a 1 MB page that is most of a second on the page's main thread. Past this much text the page is read
// directly: its main element (or the body), whose text is the bulk of such a page anyway.
export const READABILITY_MAX_TEXT_CHARS = 200_000;

function readWithReadability(document: Document): Article {
  const clone = document.cloneNode(true) as Document;
  // keepClasses: language-x classes name the language of code blocks; the serializer returns the
  // article element itself so nothing is re-parsed through innerHTML.
  const article = new Readability<Element>(clone, { keepClasses: true, serializer: (node) => node as Element }).parse();
  if (!article?.content) throw new ReadabilityFailedError();
  return { ...article, content: article.content };
}

const metaContent = (document: Document, selector: string): string | null =>
  document.querySelector(selector)?.getAttribute('content') ?? null;

const TEXT_COUNT_LIMIT = 2_000_000;
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * Characters of text under `root`, scripts and styles left out (a page's inline JSON can be larger than
 * its article), counted up to `atMost` and no further.
 */
export function textLength(root: Element, atMost: number): number {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let total = 0;
  for (let node = walker.nextNode(); node && total <= atMost; node = walker.nextNode()) {
    if (!NOT_TEXT.has(node.parentElement?.tagName ?? '')) total += node.nodeValue?.length ?? 0;
  }
  return total;
}

/** The element holding the page's main content: a single main/article that holds most of the text, or the body. */
function mainContentOf(document: Document, body: HTMLElement, bodyChars: number): Element {
  for (const selector of ['main', '[role="main"]', 'article']) {
    const candidates = document.querySelectorAll(selector);
    const only = candidates.length === 1 ? candidates[0] : undefined;
    if (only && textLength(only, bodyChars) >= bodyChars / 2) return only;
  }
  return body;
}

function readDirectly(document: Document, body: HTMLElement, bodyChars: number): Article {
  return {
    content: mainContentOf(document, body, bodyChars),
    title: metaContent(document, 'meta[property="og:title"]') ?? document.title,
    byline: metaContent(document, 'meta[name="author"]'),
    siteName: metaContent(document, 'meta[property="og:site_name"]'),
    excerpt: metaContent(document, 'meta[name="description"]') ?? metaContent(document, 'meta[property="og:description"]'),
    publishedTime: metaContent(document, 'meta[property="article:published_time"]'),
    lang: document.documentElement.getAttribute('lang'),
  };
}

export const docsAdapter: Adapter = {
  id: 'docs',
  kinds: ['docs'],
  async capture(document): Promise<AdapterOutput> {
    const cut: string[] = [];
    const body = document.body;
    // Counted up to a bound: past it, only "a lot" matters (which element holds most of it, below).
    const bodyChars = body ? textLength(body, TEXT_COUNT_LIMIT) : 0;
    let article: Article;
    if (body && bodyChars > READABILITY_MAX_TEXT_CHARS) {
      article = readDirectly(document, body, bodyChars);
      const amount = bodyChars > TEXT_COUNT_LIMIT ? `over ${TEXT_COUNT_LIMIT}` : String(bodyChars);
      cut.push(`Readability skipped: the page holds ${amount} characters of text; its main content was read directly`);
    } else {
      article = readWithReadability(document);
    }
    // The walk stops past twice the limit, so a 10 MB page is not read to the end for text that would be
    // cut anyway; indentation collapsed away can leave less than the limit, and that cut is said too.
    const walked = extractTextUpTo(article.content, MAX_DOC_TEXT_CHARS * 2);
    const text = truncateText(walked.text, MAX_DOC_TEXT_CHARS);
    if (text.truncated || !walked.complete) cut.push(`the article text after its first ${text.text.length} characters`);
    const title = clean(article.title) ?? clean(document.title) ?? '';
    const data: DocData = {
      type: 'doc',
      title,
      text: text.text,
      outline: readOutline(article.content),
      codeBlocks: readCodeBlocks(article.content),
    };
    const byline = clean(article.byline);
    if (byline) data.byline = byline;
    const siteName = clean(article.siteName);
    if (siteName) data.siteName = siteName;
    const excerpt = clean(article.excerpt);
    if (excerpt) data.excerpt = excerpt;
    const facts: Facts = {
      words: text.text.split(/\s+/).filter(Boolean).length,
      headings: data.outline.length,
      codeBlocks: data.codeBlocks.length,
    };
    if (byline) facts.byline = byline;
    if (siteName) facts.site = siteName;
    if (article.publishedTime) facts.published = article.publishedTime;
    if (article.lang) facts.language = article.lang;
    return { title, facts, data, cut };
  },
};
