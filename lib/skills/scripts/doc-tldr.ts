// What the doc-tldr skill runs in the sandbox (its card: ../doc-tldr.ts), built into script text by
// scripts/build-sandbox-scripts.ts. It sees the prelude's globals (../../sandbox/prelude-globals.d.ts).
import type { PageData } from '../../context/types';
import { summarizeText } from '../sentence-ranking';

export function docTldr(page: PageData) {
  // Offered on docs pages; the model may run it anywhere (run_skill), and a generic page's text is prose too.
  if (page.type !== 'doc' && page.type !== 'generic') throw new Error('doc-tldr needs a page with text (an article or documentation)');
  const sentences = summarizeText(page.text, { maxSentences: 5, maxWords: 120 });
  const codeSamples = (page.type === 'doc' ? page.codeBlocks : []).map((block) => ({ language: block.language ?? 'unknown', lines: block.code.split('\n').length }));
  const lines = sentences.length > 0 ? sentences.map((sentence) => `- ${sentence}`) : ['The page has too little prose to summarise.'];
  if (codeSamples.length > 0) {
    const languages = [...new Set(codeSamples.flatMap((sample) => (sample.language === 'unknown' ? [] : [sample.language])))].join(', ');
    lines.push('', `The page also has ${codeSamples.length} code sample${codeSamples.length === 1 ? '' : 's'}${languages ? ` (${languages})` : ''}.`);
  }
  view.markdown(lines.join('\n'));
  return { title: page.type === 'doc' ? page.title : null, sentences, codeSamples };
}
