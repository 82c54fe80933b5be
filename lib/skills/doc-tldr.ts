import type { Skill } from './types';
import * as sentenceRanking from './sentence-ranking';

// Helpers reach the sandbox through `uses`; referenced as free names so no import rewriting touches them.
declare const summarizeText: typeof sentenceRanking.summarizeText;

export const docTldr: Skill = {
  id: 'doc-tldr',
  title: 'TL;DR',
  description: 'An extractive summary: the most central sentences of the text, quoted verbatim in article order, plus the code samples.',
  kinds: ['docs'],
  views: ['markdown'],
  uses: sentenceRanking.sentenceRankingFunctions,
  main: (page) => {
    if (page.type !== 'doc') throw new Error('doc-tldr needs a documentation page');
    const sentences = summarizeText(page.text, { maxSentences: 5, maxWords: 120 });
    const codeSamples = page.codeBlocks.map((block) => ({ language: block.language ?? 'unknown', lines: block.code.split('\n').length }));
    const lines = sentences.length > 0 ? sentences.map((sentence) => `- ${sentence}`) : ['The page has too little prose to summarise.'];
    if (codeSamples.length > 0) {
      const languages = [...new Set(codeSamples.map((sample) => sample.language))].join(', ');
      lines.push('', `${codeSamples.length} code sample${codeSamples.length === 1 ? '' : 's'} (${languages}).`);
    }
    view.markdown(lines.join('\n'));
    return { title: page.title, sentences, codeSamples };
  },
};
