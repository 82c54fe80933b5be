// Rules for articles and documentation pages.
import { docData } from '../page-data';
import type { Rule } from '../types';
import { countOf, distinct, listNames } from '../wording';

/** Below this a page reads faster than its summary. */
const MIN_WORDS_FOR_SUMMARY = 150;
const WORDS_PER_MINUTE = 230;

function wordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index++) {
    const space = text.charCodeAt(index) <= 32;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

export const docsTldr: Rule = {
  id: 'docs-tldr',
  kinds: ['docs'],
  suggest(context) {
    const doc = docData(context);
    if (!doc) return [];
    const words = wordCount(doc.text);
    if (words < MIN_WORDS_FOR_SUMMARY) return [];
    const minutes = Math.max(1, Math.round(words / WORDS_PER_MINUTE));
    const sections = doc.outline.length > 0 ? ` in ${countOf(doc.outline.length, 'section')}` : '';
    return [
      {
        title: 'TL;DR',
        why: `${words.toLocaleString('en-US')} words${sections}, about ${countOf(minutes, 'minute')} to read.`,
        // The longer the read, the more a summary is worth: 0.4 for a short page up to 0.6.
        score: Math.min(0.6, 0.4 + words / 20_000),
        run: { skill: 'doc-tldr' },
      },
    ];
  },
};

export const docsCodeSamples: Rule = {
  id: 'docs-code-samples',
  kinds: ['docs'],
  suggest(context) {
    const blocks = docData(context)?.codeBlocks ?? [];
    if (blocks.length === 0) return [];
    const languages = distinct(blocks.flatMap((block) => (block.language ? [block.language] : [])));
    const inLanguages = languages.length > 0 ? ` (${listNames(languages)})` : '';
    return [
      {
        title: 'List the code samples',
        why: `The page has ${countOf(blocks.length, 'code block')}${inLanguages}.`,
        score: Math.min(0.5, 0.35 + 0.02 * blocks.length),
        run: { skill: 'doc-outline' },
      },
    ];
  },
};

export const docsRules: Rule[] = [docsTldr, docsCodeSamples];
