import { describe, expect, it } from 'vitest';
import { documentFromHtml } from '../../../test/fixtures/github/load-document';
import { markdownText } from './markdown-text';

const render = (html: string, max = 10_000) => markdownText(documentFromHtml(`<div id="root">${html}</div>`, 'https://github.com/').getElementById('root'), max);

describe('markdownText', () => {
  it('keeps headings, lists, code fences, links and emphasis', () => {
    const { text } = render(`<h2>Title</h2><p>See <a href="https://example.com/x">the docs</a> and <em>then</em> <strong>run</strong> <code>npm test</code>.</p>
      <ol><li>one</li><li>two</li></ol>
      <div class="highlight highlight-source-shell"><pre>npm ci
npm test</pre></div>`);
    expect(text).toBe('## Title\n\nSee [the docs](https://example.com/x) and _then_ **run** `npm test`.\n\n1. one\n1. two\n\n```shell\nnpm ci\nnpm test\n```');
  });

  it('drops controls, scripts and hidden parts', () => {
    const { text } = render('<p>kept</p><button>Copy</button><script>alert(1)</script><textarea>typed</textarea><span hidden>gone</span><span class="sr-only">gone too</span>');
    expect(text).toBe('kept');
  });

  it('cuts long text and says so', () => {
    const result = render(`<p>${'word '.repeat(100)}</p>`, 102);
    expect(result.cut).toBe(true);
    expect(result.text).toBe(`${'word '.repeat(20)}…[cut]`);
  });

  it('never cuts through a token, which would leave a prefix no redaction rule knows', () => {
    const result = render(`<p>deploy with ${'Ab1'.repeat(100)} now</p>`, 100);
    expect(result.text).toBe('deploy with …[cut]');
  });

  it('returns empty text for a missing element', () => {
    expect(markdownText(null, 100)).toEqual({ text: '', cut: false });
  });
});
