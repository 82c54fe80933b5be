import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useMemo } from 'preact/hooks';

export interface MarkdownProps {
  text: string;
  class?: string;
}

/** Model and skill output as markdown. Always sanitised: the text may echo untrusted page content. */
export function renderMarkdown(text: string): string {
  const html = marked.parse(text, { async: false, gfm: true, breaks: false });
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
