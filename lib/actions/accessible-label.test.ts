import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { accessibleLabels, accessibleName, labelMatches, nameMatches, normaliseLabel } from './accessible-label';

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

describe('accessibleName', () => {
  it('follows the accname order: labelledby, aria-label, native label, content, title, placeholder', () => {
    expect(accessibleName(element('<span id="l">Write</span><button id="target" aria-labelledby="l" aria-label="x">y</button>'))).toBe('Write');
    expect(accessibleName(element('<button id="target" aria-label="Close dialog">×</button>'))).toBe('Close dialog');
    expect(accessibleName(element('<label for="target">Title</label><input id="target" title="t" placeholder="p">'))).toBe('Title');
    expect(accessibleName(element('<input id="target" title="Search issues" placeholder="is:open">'))).toBe('Search issues');
    expect(accessibleName(element('<input id="target" placeholder="Filter">'))).toBe('Filter');
    expect(accessibleName(element('<input id="target" type="submit">'))).toBe('Submit');
    expect(accessibleName(element('<a id="target" href="/x"><img alt="Octocat"> profile</a>'))).toBe('Octocat profile');
  });

  it('names a button by what it reads, never by a tooltip or a placeholder', () => {
    const post = element('<button id="target" title="Preview" placeholder="Preview">Post</button>');
    expect(accessibleName(post)).toBe('Post');
    expect(nameMatches(post, 'Preview')).toBe(false);
    expect(labelMatches(post, 'Preview')).toBe(true);
    expect(accessibleName(element('<button id="target" title="Preview"><svg></svg></button>'))).toBe('Preview');
  });

  it('leaves out hidden text and the values of fields inside a label', () => {
    expect(accessibleName(element('<button id="target">Post<span hidden> Load more</span><span aria-hidden="true">!</span></button>'))).toBe('Post');
    expect(accessibleName(element('<button id="target">Post<span style="display:none"> Load more</span></button>'))).toBe('Post');
    expect(accessibleName(element('<label>Name <input id="target" value="typed secret"></label>'))).toBe('Name');
    expect(accessibleName(element('<button id="target">Load<br>more</button>'))).toBe('Load more');
  });

  it('gives generic elements no name from their text', () => {
    expect(accessibleName(element('<div id="target">Some paragraph</div>'))).toBe('');
    expect(accessibleName(element('<span id="target" aria-label="Label">sync</span>'))).toBe('Label');
  });
});
