import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { escapeHtml, highlightCode } from './highlight';
import { useMemo } from 'preact/hooks';

export interface MarkdownProps {
  text: string;
  class?: string;
}

/** Model and skill output as markdown. Always sanitised: the text may echo untrusted page content. */
const markdown = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    code({ text, lang }) {
      const language = (lang ?? '').split(/\s/)[0] ?? '';
      const label = language ? ` data-language="${escapeHtml(language)}"` : '';
      return `<pre${label}><code>${language ? highlightCode(text, language) : escapeHtml(text)}</code></pre>`;
    },
  },
});

export function renderMarkdown(text: string): string {
  const html = markdown.parse(text, { async: false });
  return DOMPurify.sanitize(html, {
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'img'],
    FORBID_ATTR: ['style'],
  });
}

export function Markdown({ text, class: className }: MarkdownProps) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  // Sanitised just above; links open outside the panel (see the click handler in the chat).
  return <div class={`markdown ${className ?? ''}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
