import { readdirSync, readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { DocData } from '../context/types';
import { splitSentences, summarizeText, textRankScores } from './sentence-ranking';
import { realFixtures } from '../../test/fixtures/paths';

describe('splitSentences', () => {
  it('cuts verbatim sentences and keeps abbreviations together', () => {
    const text = 'Dr. Smith arrived, e.g. early. It rained!\n\nA new paragraph without a full stop\n\nWhy? Because.';
    const sentences = splitSentences(text);
    expect(sentences.map((sentence) => sentence.text)).toEqual([
      'Dr. Smith arrived, e.g. early.',
      'It rained!',
      'A new paragraph without a full stop',
      'Why?',
      'Because.',
    ]);
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.start + sentence.text.length)).toBe(sentence.text);
  });
});

describe('textRankScores', () => {
  it('ranks the sentence sharing the most vocabulary highest', () => {
    const scores = textRankScores([
      'Rust compiles fast code with memory safety.',
      'Memory safety in Rust comes from the borrow checker.',
      'The borrow checker tracks memory ownership in Rust code.',
      'Bananas are yellow.',
    ]);
    const best = scores.indexOf(Math.max(...scores));
    expect([1, 2]).toContain(best);
    expect(scores[3]).toBe(Math.min(...scores));
  });
});

function docFromExpectedHtml(html: string): DocData {
  const document = new JSDOM(html).window.document;
  // Plain-text documents (an RFC) keep their prose in <pre> blocks: use those when there are no paragraphs.
  const prose = document.querySelectorAll('p').length > 0 ? document.querySelectorAll('p') : document.querySelectorAll('pre');
  const paragraphs = [...prose].map((paragraph) => paragraph.textContent?.trim() ?? '').filter((text) => text !== '');
  const outline = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) => ({
    level: Number(heading.tagName.slice(1)),
    text: heading.textContent?.trim() ?? '',
  }));
  const codeBlocks = [...document.querySelectorAll('pre')].map((block) => ({ code: block.textContent ?? '' }));
  return { type: 'doc', title: outline[0]?.text ?? '', text: paragraphs.join('\n\n'), outline, codeBlocks };
}

describe('summarizeText on real articles', () => {
  const root = `${realFixtures}/articles`;
  const articles = readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

  it('has articles to test on', () => expect(articles.length).toBeGreaterThanOrEqual(5));

  it.each(articles)('%s: verbatim, in order, within budget, covering the article', (name) => {
    const page = docFromExpectedHtml(readFileSync(`${root}/${name}/expected.html`, 'utf8'));
    const sentences = summarizeText(page.text);
    const words = sentences.join(' ').split(/\s+/).filter((word) => word !== '').length;
    expect(sentences.length).toBeGreaterThan(0);
    expect(sentences.length).toBeLessThanOrEqual(5);
    expect(words).toBeLessThanOrEqual(130);
    let cursor = 0;
    const thirds = new Set<number>();
    for (const sentence of sentences) {
      const at = page.text.indexOf(sentence, cursor);
      expect(at, `"${sentence}" not found in order`).toBeGreaterThanOrEqual(0);
      thirds.add(Math.floor((3 * at) / page.text.length));
      cursor = at + sentence.length;
    }
    if (page.text.length > 3000 && sentences.length >= 3) expect(thirds.size).toBeGreaterThanOrEqual(2);
  });
});
