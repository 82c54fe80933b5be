import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { escapeHtml, highlightCode } from './highlight';
import { useEffect, useMemo, useRef } from 'preact/hooks';

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

/** A Copy button on each code block: made here, after sanitising, since the sanitiser rightly drops buttons. */
function addCopyButtons(root: HTMLElement): void {
  for (const block of root.querySelectorAll('pre')) {
    if (block.querySelector('.code-copy')) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'code-copy button button--small';
    button.textContent = 'Copy';
    button.setAttribute('aria-label', 'Copy this code to the clipboard');
    button.addEventListener('click', () => {
      const code = block.querySelector('code')?.textContent ?? '';
      navigator.clipboard.writeText(code).then(
        () => (button.textContent = 'Copied'),
        () => (button.textContent = 'Copy failed'),
      );
      setTimeout(() => (button.textContent = 'Copy'), 1500);
    });
    block.append(button);
  }
}

export function Markdown({ text, class: className }: MarkdownProps) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (root.current) addCopyButtons(root.current);
  }, [html]);
  // Sanitised just above.
  return <div ref={root} class={`markdown ${className ?? ''}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
