// The baselines for capture: what an extension without adapters would read from the same page.

/** `document.body.textContent`, whitespace collapsed: the cheapest whole-page read. */
export function bodyTextContent(document: Document): string {
  return (document.body.textContent ?? '').replace(/\s+/g, ' ');
}

/** Closer to innerText than raw textContent (which includes inline scripts and styles): what a naive extension sends. */
export function visibleBodyText(document: Document): string {
  const body = document.body.cloneNode(true) as HTMLElement;
  for (const element of body.querySelectorAll('script, style, noscript, template')) element.remove();
  return (body.textContent ?? '').replace(/\s+/g, ' ');
}
