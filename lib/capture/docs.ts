// The docs adapter: articles and documentation pages through Mozilla Readability.

import { Readability } from '@mozilla/readability';
import type { CodeBlock, DocData, Facts } from '../context/types';
import type { Adapter, AdapterOutput } from './adapter';
import { extractTextWithPieces, isHeading, pieceOf, readOutline, truncateText } from './text';
import type { TextWithPieces } from './text';

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

/**
 * The page's code blocks: outermost `pre` elements with their language. `walked` holds their text from a
 * complete walk of `root` (extractTextWithPieces), which saves reading them again.
 */
export function readCodeBlocks(root: Element, walked?: TextWithPieces): CodeBlock[] {
  const found: { pre: Element; text: string }[] = [];
  for (const pre of root.querySelectorAll('pre')) {
    if (found.length >= MAX_CODE_BLOCKS) break;
    // Hidden blocks stay out, as they do from the text: Readability drops them, the direct reading must too.
    // A walk that passed a block without keeping it found it hidden or nested in another.
    if (pre.parentElement?.closest('pre')) continue;
    const text = pieceOf(walked, pre, root);
    if (text !== undefined) found.push({ pre, text });
  }
  return found
    .flatMap(({ pre, text }) => {
      const code = truncateText(text, MAX_CODE_CHARS).text;
      if (!code) return [];
      const block: CodeBlock = { code };
      const language = languageOf(pre);
      if (language) block.language = language;
      return [block];
    });
}

// The walk keeps the text of headings and code blocks for the outline and the code list.
const isHeadingOrOuterPre = (element: Element): boolean =>
  isHeading(element) || (element.localName === 'pre' && !element.parentElement?.closest('pre'));

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
// a 1 MB page that is most of a second on the page's main thread. Past this much visible text the page
// is read directly: its main element (or the body), whose text is the bulk of such a page anyway.
export const READABILITY_MAX_TEXT_CHARS = 200_000;

function parseWithReadability(document: Document): Article | null {
  const clone = document.cloneNode(true) as Document;
  // keepClasses: language-x classes name the language of code blocks; the serializer returns the
  // article element itself so nothing is re-parsed through innerHTML.
  const article = new Readability<Element>(clone, { keepClasses: true, serializer: (node) => node as Element }).parse();
  return article?.content ? { ...article, content: article.content } : null;
}

// classify may already have parsed the page to decide it is an article; the capture that follows in
// the same reading takes that parse once instead of running Readability a second time.
const parsedForCapture = new WeakMap<Document, Article>();

function readWithReadability(document: Document): Article {
  const parsed = parsedForCapture.get(document);
  parsedForCapture.delete(document);
  const article = parsed ?? parseWithReadability(document);
  if (!article) throw new ReadabilityFailedError();
  return article;
}

/** Readability's own threshold: an article needs this many characters of text (its charThreshold). */
export const MIN_ARTICLE_CHARS = 500;

/**
 * Whether Readability finds an article on the page, for pages its quick isProbablyReaderable check
 * turns down (it counts only long paragraphs outside "unlikely" containers, so a page of short
 * paragraphs, a list article or an article inside an app shell fails it). A page with more text than
 * the docs adapter would give to Readability is not parsed here: its size alone makes it a reading.
 */
export function hasReadableArticle(document: Document): boolean {
  const size = document.body?.textContent?.length ?? 0;
  if (size < MIN_ARTICLE_CHARS || size > READABILITY_MAX_TEXT_CHARS) return false;
  const article = parseWithReadability(document);
  const text = article?.content.textContent ?? '';
  // Prose, not a log or a form: a few sentences of some length. Readability returns its best guess
  // on any page with text, so the length alone would take a CI log or a code view for an article.
  const sentences = text.match(/[\p{Lu}][^.!?\n]{30,}[.!?](?=\s|$)/gu)?.length ?? 0;
  if (!article || text.trim().length < MIN_ARTICLE_CHARS || sentences < 2) return false;
  parsedForCapture.set(document, article);
  return true;
}

const metaContent = (document: Document, selector: string): string | null =>
  document.querySelector(selector)?.getAttribute('content') ?? null;

const MAIN_CANDIDATES = ['main', '[role="main"]', 'article'];

/**
 * The element holding the page's main content: a single main/article that holds at least half of the
 * text, or the body. One the walk of the body stopped inside holds all the text read from its start to
 * the budget's end, so it is taken: its size past that is unknown, and the page's bulk is in it.
 */
function mainContentOf(document: Document, body: HTMLElement, walked: TextWithPieces): Element {
  for (const selector of MAIN_CANDIDATES) {
    const candidates = document.querySelectorAll(selector);
    const only = candidates.length === 1 ? candidates[0] : undefined;
    if (!only || only === body) continue;
    if (walked.partial.has(only)) return only;
    if ((walked.pieces.get(only)?.length ?? 0) >= walked.text.length / 2) return only;
  }
  return body;
}

function pageMetadata(document: Document, content: Element): Article {
  return {
    content,
    title: metaContent(document, 'meta[property="og:title"]') ?? document.title,
    byline: metaContent(document, 'meta[name="author"]'),
    siteName: metaContent(document, 'meta[property="og:site_name"]'),
    excerpt: metaContent(document, 'meta[name="description"]') ?? metaContent(document, 'meta[property="og:description"]'),
    publishedTime: metaContent(document, 'meta[property="article:published_time"]'),
    lang: document.documentElement.getAttribute('lang'),
  };
}

/**
 * The walk's budget: a fifth past the text kept (joining lines and trimming leaves a little less than is
 * read), so a page with megabytes of text is not read to the end for text that is cut anyway.
 */
const WALK_CHARS = Math.round(MAX_DOC_TEXT_CHARS * 1.2);

/**
 * The text of `content` from the body's walk: the body itself, or a main element the walk read whole or
 * far enough to fill the text kept; else (the walk spent its budget before it) from a walk of its own.
 */
function textOfContent(content: Element, body: HTMLElement, bodyWalk: TextWithPieces): TextWithPieces {
  if (content === body) return bodyWalk;
  const kept = bodyWalk.pieces.get(content);
  if (kept !== undefined) return { ...bodyWalk, text: kept, complete: true };
  const partial = bodyWalk.partial.get(content);
  if (partial !== undefined && partial.length >= MAX_DOC_TEXT_CHARS) return { ...bodyWalk, text: partial, complete: false };
  return extractTextWithPieces(content, WALK_CHARS, isHeadingOrOuterPre);
}

export const docsAdapter: Adapter = {
  id: 'docs',
  kinds: ['docs'],
  async capture(document): Promise<AdapterOutput> {
    const cut: string[] = [];
    const body = document.body;
    // One walk of the body measures the page and, on a page too large for Readability, is the reading:
    // the text of the main element, the headings and the code blocks are kept as it goes.
    const candidates = new Set(MAIN_CANDIDATES.flatMap((selector) => Array.from(document.querySelectorAll(selector))));
    const bodyWalk = body
      ? extractTextWithPieces(body, WALK_CHARS, (element) => isHeadingOrOuterPre(element) || candidates.has(element))
      : undefined;
    let article: Article;
    let walked: TextWithPieces;
    if (body && bodyWalk && (!bodyWalk.complete || bodyWalk.text.length > READABILITY_MAX_TEXT_CHARS)) {
      article = pageMetadata(document, mainContentOf(document, body, bodyWalk));
      walked = textOfContent(article.content, body, bodyWalk);
      const amount = bodyWalk.complete ? String(bodyWalk.text.length) : `over ${WALK_CHARS}`;
      cut.push(`Readability skipped: the page holds ${amount} characters of text; its main content was read directly`);
    } else {
      article = readWithReadability(document);
      walked = extractTextWithPieces(article.content, WALK_CHARS, isHeadingOrOuterPre);
    }
    const text = truncateText(walked.text, MAX_DOC_TEXT_CHARS);
    // Indentation collapsed away can leave less than the limit after an incomplete walk: that cut is said too.
    if (text.truncated || !walked.complete) cut.push(`the article text after its first ${text.text.length} characters`);
    const title = clean(article.title) ?? clean(document.title) ?? '';
    const data: DocData = {
      type: 'doc',
      title,
      text: text.text,
      outline: readOutline(article.content, undefined, walked),
      codeBlocks: readCodeBlocks(article.content, walked),
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
