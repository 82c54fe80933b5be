// Model and skill output as HTML for the panel. The text may echo untrusted page content or come from a
// hijacked model, so the HTML is built from an allowlist: only tags and attributes that can neither load
// anything nor run anything survive. The extension pages' content security policy is the second wall.
import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { escapeHtml, highlightCode } from './highlight';

/** Text structure only: no media, no SVG or MathML, no frames, forms, styles, links to resources or meta. */
export const ALLOWED_TAGS = [
  'a', 'b', 'blockquote', 'br', 'code', 'del', 'details', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'kbd',
  'li', 'mark', 'ol', 'p', 'pre', 's', 'small', 'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul',
];

/** No `style`, `background`, `src`, `srcset`, `poster`, `ping`, `action`, `id` or `name`: nothing that loads or clobbers. */
export const ALLOWED_ATTRIBUTES = ['href', 'title', 'align', 'start', 'colspan', 'rowspan', 'class', 'data-language'];

/** Links may point at web pages and mail addresses; every other scheme (javascript:, data:, file:) is dropped. */
const LINK_SCHEME = /^(?:https?:|mailto:)/i;

/** The highlighter's token classes are the only classes kept, so an answer cannot dress text up as the panel's own buttons. */
const TOKEN_CLASS = /^token-[a-z]+$/;

const markdown = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    code({ text, lang }) {
      const language = (lang ?? '').split(/\s/)[0] ?? '';
      const label = language ? ` data-language="${escapeHtml(language)}"` : '';
      return `<pre${label}><code>${language ? highlightCode(text, language) : escapeHtml(text)}</code></pre>`;
    },
    // An image is never fetched by the panel; it becomes a link the user may choose to open.
    image({ href, text }) {
      const label = `image: ${text || 'untitled'}`;
      return LINK_SCHEME.test(href) ? `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>` : escapeHtml(`[${label}]`);
    },
    // A task list's box as a character: an <input> is a form control, and type=image would load.
    checkbox({ checked }) {
      return checked ? '☑ ' : '☐ ';
    },
  },
});

let purifier: ReturnType<typeof DOMPurify> | null = null;

function sanitiser(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  purifier.addHook('uponSanitizeAttribute', (_node, data) => {
    if (data.attrName === 'class') {
      const kept = data.attrValue.split(/\s+/).filter((name) => TOKEN_CLASS.test(name));
      data.attrValue = kept.join(' ');
      data.keepAttr = kept.length > 0;
    }
    if (data.attrName === 'href') data.keepAttr = LINK_SCHEME.test(data.attrValue.trim());
  });
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName !== 'A') return;
    // The panel's link guard opens links (after a preview when they leave the page's site); these hold
    // for any way the browser might still follow one.
    node.setAttribute('rel', 'noopener noreferrer');
    node.setAttribute('referrerpolicy', 'no-referrer');
  });
  return purifier;
}

export function renderMarkdown(text: string): string {
  const html = markdown.parse(text, { async: false });
  return sanitiser().sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ALLOWED_ATTRIBUTES,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    // Text inside a dropped element stays readable; the contents of these go with them.
    FORBID_CONTENTS: ['script', 'style', 'template', 'noscript', 'svg', 'math', 'object', 'embed', 'iframe', 'title'],
  });
}
