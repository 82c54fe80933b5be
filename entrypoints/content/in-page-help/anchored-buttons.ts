// Buttons beside failing checks and on diff file headers: one per element, re-checked on every DOM change.
import { findHelpAnchors } from '../../../lib/in-page-help/find-anchors';
import { besideAnchor } from '../../../lib/in-page-help/geometry';
import type { HelpAnchor, HelpRequest } from '../../../lib/in-page-help/types';
import { createHelpButton, HELP_HOST_TAG, hostPositionFor, setHostPosition, type HelpButton } from './help-button';

interface Placed extends HelpButton {
  anchor: HelpAnchor;
}

export interface AnchoredButtons {
  /** Adds buttons to new anchors, moves existing ones, and removes those whose element left or no longer qualifies. */
  refresh(): void;
  /** Re-measures every button (the window or an anchor changed size). */
  reposition(): void;
  removeAll(): void;
}

export function createAnchoredButtons(document: Document, onRequest: (request: HelpRequest, button: HTMLButtonElement) => void): AnchoredButtons {
  // Keyed by GitHub's element, so re-runs after SPA navigations and DOM changes never add a second button.
  const placed = new Map<Element, Placed>();
  const resizes = new ResizeObserver(() => reposition());

  /** Where the entry's button goes (null: its row is hidden), from layout reads alone. */
  function measure(entry: Placed): { left: number; top: number } | null {
    const box = entry.anchor.element.getBoundingClientRect();
    // A collapsed or hidden row: nothing to sit beside.
    if (box.width === 0 && box.height === 0) return null;
    const before = entry.anchor.before?.isConnected ? entry.anchor.before.getBoundingClientRect() : null;
    const size = entry.button.getBoundingClientRect();
    return hostPositionFor(entry.host, besideAnchor(box, before, size, contentBoxes(entry.anchor.element, entry.host)));
  }

  function remove(element: Element, entry: Placed): void {
    entry.host.remove();
    resizes.unobserve(element);
    placed.delete(element);
  }

  function refresh(): void {
    const anchors = findHelpAnchors(document, new URL(document.location.href));
    const wanted = new Map(anchors.map((anchor) => [anchor.element, anchor]));
    for (const [element, entry] of placed) {
      if (!wanted.has(element) || !entry.host.isConnected || !element.isConnected) remove(element, entry);
    }
    for (const anchor of anchors) {
      const existing = placed.get(anchor.element);
      if (existing) {
        existing.anchor = anchor;
        continue;
      }
      // A button left by an earlier copy of this script (the extension was reloaded) is replaced, not doubled.
      for (const stale of Array.from(anchor.element.querySelectorAll(`:scope > ${HELP_HOST_TAG}`))) stale.remove();
      const entry: Placed = {
        anchor,
        ...createHelpButton(document, anchor.spot, anchor.label, () => onRequest(entry.anchor.request, entry.button)),
      };
      anchor.element.append(entry.host);
      placed.set(anchor.element, entry);
      resizes.observe(anchor.element);
    }
    reposition();
  }

  function reposition(): void {
    // Every read first, then every write: interleaving them made the browser lay out the page again for
    // each button, which took most of a second on a pull request with 300 files.
    const entries = Array.from(placed.values());
    const positions = entries.map(measure);
    entries.forEach((entry, index) => {
      const position = positions[index];
      if (position) setHostPosition(entry.host, position);
      else entry.host.style.setProperty('visibility', 'hidden', 'important');
    });
  }

  function removeAll(): void {
    for (const [element, entry] of placed) remove(element, entry);
    resizes.disconnect();
  }

  return { refresh, reposition, removeAll };
}

/** True when a DOM change is only Tandem's own buttons coming or going (so it triggers no refresh). */
export function isOwnMutation(record: MutationRecord): boolean {
  const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
  return nodes.length > 0 && nodes.every((node) => node.nodeName.toLowerCase() === HELP_HOST_TAG);
}

/**
 * What the row shows, child by child: the extent of a child's contents (a flex-auto cell's text, not its
 * stretched box), or the child's own box when it has no text (an icon).
 */
function contentBoxes(row: Element, own: Element): DOMRect[] {
  const range = row.ownerDocument.createRange();
  const boxes: DOMRect[] = [];
  for (const child of Array.from(row.children)) {
    if (child === own || child.tagName.toLowerCase() === HELP_HOST_TAG) continue;
    if (child.textContent?.trim()) {
      range.selectNodeContents(child);
      boxes.push(range.getBoundingClientRect());
    } else {
      boxes.push(child.getBoundingClientRect());
    }
  }
  // Text sitting directly in the row (no wrapping element) occupies room too.
  for (const node of Array.from(row.childNodes)) {
    if (node.nodeType !== 3 || !node.textContent?.trim()) continue;
    range.selectNodeContents(node);
    boxes.push(range.getBoundingClientRect());
  }
  return boxes;
}
