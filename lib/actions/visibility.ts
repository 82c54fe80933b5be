// Whether the user can see an element: an action never lands on something invisible, because an
// invisible target is how a page would make an approved card do something other than it shows.

export function isVisible(element: Element): boolean {
  if (!element.isConnected) return false;
  const view = element.ownerDocument.defaultView;
  for (let node: Element | null = element; node !== null; node = parentAcrossShadow(node)) {
    if (node.hasAttribute('hidden') || node.hasAttribute('inert')) return false;
    if (view === null) continue;
    const style = view.getComputedStyle(node);
    if (style.display === 'none' || style.opacity === '0') return false;
    if (node === element && (style.visibility === 'hidden' || style.visibility === 'collapse')) return false;
  }
  return hasSize(element);
}

/**
 * Without layout (jsdom, a detached document) every box measures zero, so size says nothing there;
 * where the root element has a box, the target must have one too.
 */
function hasSize(element: Element): boolean {
  const root = element.ownerDocument.documentElement.getBoundingClientRect();
  if (root.width === 0 && root.height === 0) return true;
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0;
}

function parentAcrossShadow(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root instanceof Object && 'host' in root ? (root as ShadowRoot).host : null;
}
