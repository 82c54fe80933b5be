// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { zeroClickBeacons } from '../test/fixtures/beacons/zero-click';
import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS, renderMarkdown } from './render-markdown';

const ORIGIN = 'https://collector.example';

function parse(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
}

describe('renderMarkdown', () => {
  it.each(zeroClickBeacons(ORIGIN))('leaves no address of the $id beacon in anything that could load', ({ text }) => {
    const root = parse(renderMarkdown(`Before.\n\n${text}\n\nAfter.`));
    for (const element of root.querySelectorAll('*')) {
      expect(ALLOWED_TAGS).toContain(element.tagName.toLowerCase());
      for (const attribute of element.attributes) {
        expect([...ALLOWED_ATTRIBUTES, 'rel', 'referrerpolicy']).toContain(attribute.name);
        if (attribute.name !== 'href') expect(attribute.value).not.toContain(ORIGIN);
      }
    }
    // Only a link the user clicks may name the collector, and links are followed by the panel's guard.
    const named = [...root.querySelectorAll('*')].filter((element) => [...element.attributes].some((attribute) => attribute.value.includes(ORIGIN)));
    expect(named.every((element) => element.tagName === 'A')).toBe(true);
    expect(root.textContent).toContain('After.');
  });

  it('keeps what answers need: headings, lists, tables, code, emphasis and web links', () => {
    const html = renderMarkdown('# Title\n\n- **bold** and `code`\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n```js\nconst x = 1;\n```\n\n[docs](https://example.com/a?b=1)');
    const root = parse(html);
    expect(root.querySelector('h1')?.textContent).toBe('Title');
    expect(root.querySelector('strong')?.textContent).toBe('bold');
    expect(root.querySelectorAll('td')).toHaveLength(2);
    expect(root.querySelector('td')?.getAttribute('align')).toBe('left');
    expect(root.querySelector('pre')?.getAttribute('data-language')).toBe('js');
    expect(root.querySelector('.token-keyword')?.textContent).toBe('const');
    const link = root.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.com/a?b=1');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link?.hasAttribute('target')).toBe(false);
  });

  it('drops links to scripts, data and local files, and classes other than the highlighter’s', () => {
    const root = parse(renderMarkdown('[a](javascript:alert(1)) [b](data:text/html,x) [c](file:///etc/passwd) <a href="vbscript:x">d</a> <span class="button button--primary token-string">e</span>'));
    expect([...root.querySelectorAll('a')].map((link) => link.getAttribute('href'))).toEqual([null, null, null, null]);
    expect(root.querySelector('span')?.getAttribute('class')).toBe('token-string');
  });

  it('turns a markdown image into a link to it, which is not fetched', () => {
    const root = parse(renderMarkdown('![build status](https://ci.example/badge.svg) ![x](javascript:alert(1))'));
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('a')?.getAttribute('href')).toBe('https://ci.example/badge.svg');
    expect(root.querySelector('a')?.textContent).toBe('image: build status');
    expect(root.textContent).toContain('[image: x]');
  });

  it('shows a task list’s boxes as characters, not form controls', () => {
    const root = parse(renderMarkdown('- [x] done\n- [ ] open'));
    expect(root.querySelector('input')).toBeNull();
    expect(root.textContent).toContain('☑ done');
    expect(root.textContent).toContain('☐ open');
  });
});
