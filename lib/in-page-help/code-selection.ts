// Whether the user has selected code on a GitHub page (diff lines, a blob, a code block) and what.
const codeContainers = '.blob-code, td.blob-code-inner, .react-code-text, .react-code-lines, pre';

export interface CodeSelection {
  text: string;
}

/** The selected text when both ends of the selection lie inside code; null for prose, inputs or nothing. */
export function codeSelectionOf(selection: Selection | null): CodeSelection | null {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const text = selection.toString().trim();
  if (text === '') return null;
  if (!insideCode(selection.anchorNode) || !insideCode(selection.focusNode)) return null;
  return { text };
}

function insideCode(node: Node | null): boolean {
  // nodeType, not instanceof: the selection may come from another realm (a frame, jsdom in tests).
  const element = node?.nodeType === 1 ? (node as Element) : (node?.parentElement ?? null);
  // Text typed into a comment box is the user's own, not the page's code.
  if (!element || element.closest('textarea, input, [contenteditable="true"]')) return false;
  return element.closest(codeContainers) !== null;
}
