// Card ids that survive a re-capture: the panel keeps its state (expanded, dismissed) across refreshes.

/** FNV-1a, 32 bits, as base 36: short, deterministic, and plenty for telling a page's cards apart. */
export function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** The page part of a URL that names "the same page": the fragment (#L10, #discussion_r1) is a scroll position. */
export function pageAddress(url: string): string {
  const hashIndex = url.indexOf('#');
  return hashIndex === -1 ? url : url.slice(0, hashIndex);
}

export function suggestionId(ruleId: string, url: string, title: string): string {
  return `${ruleId}:${hashText(`${pageAddress(url)}\n${title}`)}`;
}
