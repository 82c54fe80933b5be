import { describe, expect, it } from 'vitest';
import { highlightCode } from './highlight';

describe('highlightCode', () => {
  it('marks keywords, strings, numbers and comments', () => {
    const html = highlightCode("const n = 2; // two\nreturn 'a';");
    expect(html).toBe(
      '<span class="token-keyword">const</span> n = <span class="token-number">2</span>; <span class="token-comment">// two</span>\n' +
        "<span class=\"token-keyword\">return</span> <span class=\"token-string\">'a'</span>;",
    );
  });

  it('escapes markup inside code so it cannot become HTML', () => {
    expect(highlightCode('"<img src=x onerror=alert(1)>"')).toBe('<span class="token-string">&quot;&lt;img src=x onerror=alert(1)&gt;&quot;</span>');
    expect(highlightCode('<b>x</b>', 'python')).toBe('&lt;b&gt;x&lt;/b&gt;');
  });
});
