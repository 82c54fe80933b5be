import { createContext } from 'preact';
import { useContext, useEffect, useMemo, useRef } from 'preact/hooks';
import { renderMarkdown } from './render-markdown';
import { fitMarkdownTables } from './table-fit';

export interface MarkdownProps {
  text: string;
  class?: string;
}

/**
 * How the panel follows a link in an answer (a preview first when it leaves the page's site). Without a
 * provider, links in markdown go nowhere: a rendered answer never navigates by itself.
 */
export const LinkOpenerContext = createContext<((href: string) => void) | null>(null);

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
  const openLink = useContext(LinkOpenerContext);
  useEffect(() => {
    if (!root.current) return;
    addCopyButtons(root.current);
    fitMarkdownTables(root.current);
  }, [html]);
  // Clicks and middle clicks on a link are the panel's to follow, never the browser's.
  const onActivate = (event: MouseEvent) => {
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    if (!link || !root.current?.contains(link)) return;
    event.preventDefault();
    if (event.type === 'auxclick' && event.button !== 1) return;
    const href = link.getAttribute('href');
    if (href && openLink) openLink(href);
  };
  // Sanitised by renderMarkdown.
  return <div ref={root} class={`markdown ${className ?? ''}`} onClick={onActivate} onAuxClick={onActivate} dangerouslySetInnerHTML={{ __html: html }} />;
}
