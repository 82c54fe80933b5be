import { describe, expect, it } from 'vitest';
import { contextOf, doc, words } from '../../../test/fixtures/suggest/contexts';
import { docsCodeSamples, docsTldr } from './docs';

describe('docs-tldr', () => {
  it('states the length of the read', () => {
    const data = doc({ text: words(1150), outline: [{ level: 2, text: 'Intro' }, { level: 2, text: 'Usage' }] });
    const [card] = docsTldr.suggest(contextOf('docs', data));
    expect(card?.title).toBe('TL;DR');
    expect(card?.why).toBe('1,150 words in 2 sections, about 5 minutes to read.');
    expect(card?.run).toEqual({ skill: 'doc-tldr' });
  });

  it('skips pages shorter than their summary would be', () => {
    expect(docsTldr.suggest(contextOf('docs', doc({ text: words(60) })))).toEqual([]);
  });

  it('ranks a longer read higher', () => {
    const short = docsTldr.suggest(contextOf('docs', doc({ text: words(300) })))[0]!;
    const long = docsTldr.suggest(contextOf('docs', doc({ text: words(3000) })))[0]!;
    expect(long.score).toBeGreaterThan(short.score);
  });
});

describe('docs-code-samples', () => {
  it('counts the code blocks and names their languages', () => {
    const data = doc({
      codeBlocks: [
        { language: 'ts', code: 'let a = 1;' },
        { language: 'bash', code: 'npm i' },
        { language: 'ts', code: 'let b = 2;' },
        { code: 'plain' },
      ],
    });
    const [card] = docsCodeSamples.suggest(contextOf('docs', data));
    expect(card?.title).toBe('List the code samples');
    expect(card?.why).toBe('The page has 4 code blocks (ts and bash).');
    expect(card?.run).toEqual({ skill: 'doc-outline' });
  });

  it('stays quiet without code', () => {
    expect(docsCodeSamples.suggest(contextOf('docs', doc({ text: words(500) })))).toEqual([]);
  });
});
