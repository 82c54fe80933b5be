// The docs adapter: articles and documentation pages through Mozilla Readability.

import { Readability } from '@mozilla/readability';
import type { CodeBlock, DocData, Facts } from '../context/types';
import type { Adapter, AdapterOutput } from './adapter';
import { extractText, readOutline, truncateText } from './text';

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
    .filter((pre) => !pre.parentElement?.closest('pre'))
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

export const docsAdapter: Adapter = {
  id: 'docs',
  kinds: ['docs'],
  async capture(document): Promise<AdapterOutput> {
    const clone = document.cloneNode(true) as Document;
    // keepClasses: language-x classes name the language of code blocks; the serializer returns the
    // article element itself so nothing is re-parsed through innerHTML.
    const article = new Readability<Element>(clone, { keepClasses: true, serializer: (node) => node as Element }).parse();
    if (!article?.content) throw new ReadabilityFailedError();
    const cut: string[] = [];
    const full = extractText(article.content);
    const text = truncateText(full, MAX_DOC_TEXT_CHARS);
    if (text.truncated) cut.push(`${full.length - text.text.length} characters of the article text`);
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
