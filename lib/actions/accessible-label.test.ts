import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { accessibleLabels, labelMatches, normaliseLabel } from './accessible-label';

function element(html: string, id = 'target'): Element {
  const found = new JSDOM(html).window.document.getElementById(id);
  if (found === null) throw new Error(`no #${id}`);
  return found;
}

describe('accessibleLabels', () => {
  it('lists aria-labelledby, aria-label, <label for>, placeholder and title in that order', () => {
    const field = element(
      '<span id="heading">Write</span><span id="hint">a reply</span><label for="target">Add a comment</label>' +
        '<textarea id="target" aria-labelledby="heading hint" aria-label="Comment body" placeholder="Leave a comment" title="Markdown supported">typed text</textarea>',
    );
    expect(accessibleLabels(field)).toEqual(['Write a reply', 'Comment body', 'Add a comment', 'Leave a comment', 'Markdown supported']);
  });

  it('names buttons and links by their text but never a field by its value', () => {
    expect(accessibleLabels(element('<button id="target"><svg aria-hidden="true"><text>x</text></svg> Load   more </button>'))).toEqual(['Load more']);
    expect(accessibleLabels(element('<input id="target" type="submit" value="Comment">'))).toEqual(['Comment']);
    expect(accessibleLabels(element('<input id="target" value="secret draft">'))).toEqual([]);
    expect(accessibleLabels(element('<label>Search <input id="target" type="search"></label>'))).toEqual(['Search']);
  });
});

describe('labelMatches', () => {
  it('ignores case, spacing, hidden characters and edge punctuation', () => {
    const field = element('<label for="target">Title *</label><input id="target">');
    expect(labelMatches(field, 'title')).toBe(true);
    expect(labelMatches(field, ' TITLE:')).toBe(true);
    expect(labelMatches(field, 'Ti\u200Btle')).toBe(true);
    expect(labelMatches(field, 'Subtitle')).toBe(false);
    expect(labelMatches(field, '***')).toBe(false);
  });

  it('normalises full-width letters like their plain forms', () => {
    expect(normaliseLabel('Ｍｅｒｇｅ')).toBe('merge');
  });
});
