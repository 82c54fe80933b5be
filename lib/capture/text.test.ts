import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractText, readOutline, truncateText } from './text';

const bodyOf = (html: string): HTMLElement => new JSDOM(html).window.document.body;

describe('extractText', () => {
  it('separates blocks with blank lines, list items with newlines, and collapses spaces', () => {
    const body = bodyOf('<h1>Title</h1><p>One   two\n three</p><ul><li>a</li><li>b</li></ul><p>x<br>y</p>');
    expect(extractText(body)).toBe('Title\n\nOne two three\n\na\nb\n\nx\ny');
  });

  it('keeps the whitespace of pre blocks', () => {
    const body = bodyOf('<p>Code:</p><pre>if (x) {\n    return 1;\n\n}</pre>');
    expect(extractText(body)).toBe('Code:\n\nif (x) {\n    return 1;\n\n}');
  });

  it('skips form fields, scripts, styles, templates and hidden elements', () => {
    const body = bodyOf(`<p>Visible</p><textarea>default</textarea><input value="typed"><script>var s = 1;</script>
      <style>p {}</style><template>tpl</template><noscript>ns</noscript><div hidden>h</div><span aria-hidden="true">aria</span>
      <div style="display: none">none</div><select><option>opt</option></select><p>End</p>`);
    expect(extractText(body)).toBe('Visible\n\nEnd');
  });

  it('puts table cells apart and rows on their own lines', () => {
    const body = bodyOf('<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>');
    expect(extractText(body)).toBe('a b\nc d');
  });
});

describe('readOutline', () => {
  it('lists visible headings with level and id', () => {
    const body = bodyOf('<h1 id="top">Top</h1><h3><a id="deep"></a>Deep <em>one</em></h3><div hidden><h2>Hidden</h2></div><h2> </h2>');
    expect(readOutline(body)).toEqual([{ level: 1, text: 'Top', id: 'top' }, { level: 3, text: 'Deep one', id: 'deep' }]);
  });
});

describe('truncateText', () => {
  it('cuts at a word boundary near the limit', () => {
    expect(truncateText('alpha beta gamma delta', 18)).toEqual({ text: 'alpha beta gamma', truncated: true });
    expect(truncateText('short', 18)).toEqual({ text: 'short', truncated: false });
  });
});

describe('extractText with the page’s own private-use characters', () => {
  it('treats U+E000–U+E003 in the page as spaces, so they cannot pose as its internal markers', () => {
    const body = new JSDOM('<p>x\uE002 y</p><pre>  a\uE003\n    b</pre><p>z\uE000w</p>').window.document.body;
    const text = extractText(body);
    expect(text).toBe('x y\n\n  a\n    b\n\nz w');
    expect(text).not.toMatch(/[\uE000-\uE003]/u);
  });
});
