import { readdirSync, readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { DocData } from '../context/types';
import { isReferenceMatter, splitSentences, summarizeText, textRankScores, withoutCitationMarkers } from './sentence-ranking';
import { classify } from '../capture/classify';
import { docsAdapter } from '../capture/docs';
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

describe('reference matter never becomes a TL;DR sentence', () => {
  it('tells reference entries, captions and navigation from prose', () => {
    for (const line of [
      '^ a b "Mozilla Manifesto". Mozilla. Retrieved 2014-07-01.',
      '12. ^ Baker, Mitchell (3 April 2014). "Brendan Eich Steps Down as Mozilla CEO".',
      '[3] Smith, J. Time loops in film. Film Quarterly.',
      'Ouelette, Jennifer (1 December 2018). Retrieved 1 December 2018.',
      'Smith, J. (2019). On loops. Journal of Loops 4 (2): 1–9. doi:10.1000/182.',
      'The Book of Loops. Penguin. ISBN 978-0-14-044913-6.',
      'Figure 3: Latency before and after the change.',
      'Skip to main content and read the rest of this page.',
    ]) {
      expect(isReferenceMatter(line), line).toBe(true);
    }
    for (const line of [
      'Mozilla produces many products such as the Firefox web browser.',
      'The figure rose after the table was retrieved from the archive.',
      'A table of results follows the discussion of the method.',
    ]) {
      expect(isReferenceMatter(line), line).toBe(false);
    }
    expect(withoutCitationMarkers('It was released in 2004.[1][12] It grew.[citation needed]')).toBe('It was released in 2004. It grew.');
  });

  it('drops a whole reference entry, split into sentences or not, and the markers in prose', () => {
    const prose = Array.from({ length: 6 }, (_unused, index) => `Mozilla builds the Firefox browser and the Thunderbird mail client for everyone, release ${index}.[${index + 1}]`);
    const references = [
      '^ Baker, Mitchell (3 April 2014). "Brendan Eich Steps Down as Mozilla CEO". mozilla blog. Mozilla. Retrieved 2014-04-04.',
      '^ "Mozilla builds the Firefox browser and the Thunderbird mail client". The Mozilla Blog. Retrieved 2015-04-20.',
    ];
    const sentences = summarizeText([...prose, '', ...references].join('\n'));
    expect(sentences.length).toBeGreaterThan(0);
    for (const sentence of sentences) {
      expect(sentence).toMatch(/^Mozilla builds the Firefox browser .*, release \d\.$/);
    }
  });
});

describe('TL;DR of real articles, read as the extension reads them', () => {
  const roots = [`${realFixtures}/articles`, `${realFixtures}/articles-extra`];
  const pages = roots.flatMap((root) =>
    readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => [entry.name, `${root}/${entry.name}/source.html`] as const),
  );

  it('has the Readability test pages and the Wikipedia articles', () => {
    expect(pages.map(([name]) => name)).toEqual(expect.arrayContaining(['mathjax', 'wikipedia', 'wikipedia-3', 'wikipedia-4']));
    expect(pages.length).toBeGreaterThanOrEqual(13);
  });

  it.each(pages)('%s is an article, and its TL;DR holds no reference, caption or navigation line', async (_name, path) => {
    // Any host: an article is told by its content, not by where it is served.
    const url = 'https://pages.example.net/some/where';
    const document = new JSDOM(readFileSync(path, 'utf8'), { url }).window.document;
    expect(classify(url, document, [])).toBe('docs');
    const { data } = await docsAdapter.capture(document, new URL(url), 'docs', { githubHosts: [], viewport: null } as never);
    const sentences = summarizeText((data as DocData).text);
    expect(sentences.length).toBeGreaterThan(0);
    for (const sentence of sentences) {
      expect(sentence).not.toMatch(/\^|Retrieved|\[\d+\]|doi:|ISBN|Archived from/);
      expect(isReferenceMatter(sentence)).toBe(false);
    }
  });
});

describe('headings above paragraphs', () => {
  it('ends a sentence at a line break before a capital, so a heading is never glued to the paragraph under it', () => {
    const text = 'Task Store\nATF tasks are stored in a table and triggered from the task store.\nStore Consumer\nThe consumer polls the task store\nfor tasks that are ready and queues them.';
    expect(splitSentences(text).map((sentence) => sentence.text)).toEqual([
      'Task Store',
      'ATF tasks are stored in a table and triggered from the task store.',
      'Store Consumer',
      'The consumer polls the task store\nfor tasks that are ready and queues them.',
    ]);
  });
});

describe('what a TL;DR never picks', () => {
  const filler = 'Plain prose sentences about matrices follow here and say little of note today.';
  it('leaves out glossary entries and sentences whose inline maths was lost', () => {
    const text = [
      'Task: Unit of execution of a lambda function in the framework we built here.',
      'If a square matrix equals the product of a matrix and its conjugate transpose, that is, , then is positive.',
      ...Array.from({ length: 6 }, () => filler),
    ].join('\n\n');
    const summary = summarizeText(text);
    expect(summary.some((sentence) => sentence.startsWith('Task:'))).toBe(false);
    expect(summary.some((sentence) => sentence.includes(', ,'))).toBe(false);
    expect(summary.length).toBeGreaterThan(0);
  });

  it('prefers the lead: of two sentences saying the same, the earlier wins though the later is a little more central', () => {
    const lead = 'The framework schedules asynchronous tasks for every team at the company.';
    const later = 'Our framework schedules asynchronous tasks for every team, with retries.';
    const echo = 'Retries happen with backoff when a worker crashes during the night shift.';
    // Filler that shares no word with anything: only the three sentences above are linked.
    const filler = Array.from({ length: 30 }, (_, index) => `Zeta${index} kappa${index} lambda${index} omicron${index} sigma${index} upsilon${index}.`);
    const text = [lead, ...filler, later, echo].join('\n\n');
    expect(summarizeText(text, { maxSentences: 1 })).toEqual([lead]);
  });
});
