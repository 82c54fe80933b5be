import { readFileSync, readdirSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractText, extractTextWithPieces, isHeading, readOutline, truncateText } from './text';
import { realFixtures } from '../../test/fixtures/paths';

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

describe('extractTextWithPieces', () => {
  const wanted = (element: Element) => isHeading(element) || element.tagName === 'PRE';

  it('keeps each wanted element’s text as extractText reads it alone, beside the same whole text', () => {
    const body = bodyOf(`<h1> The  <em>title</em><br>line </h1><p>Intro  text</p>
      <pre>  code\r\n    indented  \n\n\n\nend</pre><div><h3>Deep</h3><table><tr><td>a</td><td>b</td></tr></table></div>`);
    const walked = extractTextWithPieces(body, Number.POSITIVE_INFINITY, wanted);
    expect(walked.text).toBe(extractText(body));
    expect(walked.complete).toBe(true);
    const elements = Array.from(body.querySelectorAll('h1, h3, pre'));
    expect(elements.map((element) => walked.pieces.get(element))).toEqual(elements.map((element) => extractText(element)));
  });

  it('leaves out hidden elements and an element the budget cut short', () => {
    const body = bodyOf(`<div hidden><h2>Hidden</h2></div><h2>Seen</h2><pre>${'x'.repeat(50)}</pre><h2>Too late</h2>`);
    const walked = extractTextWithPieces(body, 30, wanted);
    expect(walked.complete).toBe(false);
    const [hidden, seen, pre, late] = Array.from(body.querySelectorAll('h2, pre'));
    expect(walked.pieces.get(seen!)).toBe('Seen');
    expect(walked.pieces.has(hidden!)).toBe(false);
    expect(walked.pieces.has(pre!)).toBe(false);
    expect(walked.pieces.has(late!)).toBe(false);
    // The block the budget ran out in is kept as far as it was read; what came before was passed.
    expect(walked.partial.get(pre!)).toBe('x'.repeat(50));
    expect([hidden, seen, pre, late].map((element) => walked.passed(element!))).toEqual([true, true, false, false]);
  });
});

describe('readOutline from a walk’s pieces', () => {
  it('gives what reading each heading again gives, on every saved article and GitHub page', () => {
    const root = realFixtures;
    const pages = [
      ...readdirSync(`${root}/articles`, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => `${root}/articles/${entry.name}/source.html`),
      ...readdirSync(`${root}/github`).filter((name) => name.endsWith('.html')).map((name) => `${root}/github/${name}`),
    ];
    for (const page of pages) {
      const body = new JSDOM(readFileSync(page, 'utf8'), { virtualConsole: new VirtualConsole() }).window.document.body;
      const walked = extractTextWithPieces(body, Number.POSITIVE_INFINITY, isHeading);
      expect(readOutline(body, undefined, walked), page).toEqual(readOutline(body));
    }
  });
});

describe('extractText and invisible characters', () => {
  it('removes soft hyphens and zero-width characters, which would hide a token from redaction', () => {
    const body = bodyOf('<p>ghp_ab&shy;cd&#8203;ef&#xFEFF;gh</p><pre>x&#8205;y</pre>');
    expect(extractText(body)).toBe('ghp_abcdefgh\n\nxy');
  });
});

describe('extractText on hostile and unusual pages (review findings)', () => {
  it('reads a pre holding a long run of spaces without quadratic backtracking', () => {
    const started = Date.now();
    const body = bodyOf(`<pre>a${' '.repeat(100_000)}b</pre>`);
    expect(extractText(body)).toHaveLength(100_002);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('finds the headings of an XHTML page, whose tag names are lower-case', () => {
    const xhtml = '<html xmlns="http://www.w3.org/1999/xhtml"><body><h2 id="a">Intro</h2><p>x</p><h3>Usage</h3></body></html>';
    const body = new JSDOM(xhtml, { contentType: 'application/xhtml+xml' }).window.document.body;
    const walked = extractTextWithPieces(body, Number.POSITIVE_INFINITY, isHeading);
    expect(readOutline(body, undefined, walked)).toEqual([{ level: 2, text: 'Intro', id: 'a' }, { level: 3, text: 'Usage' }]);
  });
});
