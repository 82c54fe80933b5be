import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { queryEach } from './query-each';

const documentOf = (html: string) => new JSDOM(html).window.document;
const ids = (elements: Element[]) => elements.map((element) => element.id);

describe('queryEach', () => {
  it('merges the matches of several selectors in document order, each element once', () => {
    const document = documentOf('<p id="a" class="x"></p><div id="b" data-y><span id="c" class="x" data-y></span></div><p id="d" data-y></p>');
    expect(ids(queryEach(document, ['[data-y]', '.x']))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps one selector’s matches as they came, and finds nothing without matches', () => {
    const document = documentOf('<i id="a" class="x"></i><b id="b" class="x"></b>');
    expect(ids(queryEach(document, ['.missing', '.x']))).toEqual(['a', 'b']);
    expect(queryEach(document, ['.missing'])).toEqual([]);
  });

  it('looks only under the root it is given', () => {
    const document = documentOf('<i id="out" class="x"></i><section><i id="in" class="x"></i></section>');
    expect(ids(queryEach(document.querySelector('section') as Element, ['.x']))).toEqual(['in']);
  });
});
