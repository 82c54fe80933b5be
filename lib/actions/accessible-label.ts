// The names an element goes by, in roughly the accessible-name order, so a card's label can be checked
// against the element the selector really picks. A simplified accessible-name computation: it is a
// check against the label a proposal claims, not a screen reader.
import { actionLimits } from './limits';

// Text inside these is content or code, never part of a label.
const skippedInText = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'NOSCRIPT']);
const fieldTags = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const buttonInputTypes = new Set(['button', 'submit', 'reset']);

/** Every label the element carries, most authoritative first, whitespace-collapsed, without duplicates. */
export function accessibleLabels(element: Element): string[] {
  const candidates = [
    labelledByText(element),
    element.getAttribute('aria-label'),
    ...associatedLabelTexts(element),
    element.getAttribute('placeholder'),
    element.getAttribute('title'),
    buttonValue(element),
    contentLabel(element),
    imageAlt(element),
  ];
  const labels: string[] = [];
  for (const candidate of candidates) {
    const label = collapse(candidate ?? '');
    if (label !== '' && !labels.includes(label)) labels.push(label);
  }
  return labels;
}

/** The label the card should show for the element actually found. */
export function primaryLabel(element: Element): string | undefined {
  return accessibleLabels(element)[0];
}

export function labelMatches(element: Element, label: string): boolean {
  const wanted = normaliseLabel(label);
  return wanted !== '' && accessibleLabels(element).some((candidate) => normaliseLabel(candidate) === wanted);
}

/**
 * Case-, width- and whitespace-insensitive, ignoring hidden characters and the punctuation or icon
 * glyphs at either end ("Reviewers:", "Title *", "⇲ Merge pull request").
 */
export function normaliseLabel(text: string): string {
  return collapse(text.normalize('NFKC').replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g, ''))
    .toLowerCase()
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
}

function labelledByText(element: Element): string | null {
  const ids = element.getAttribute('aria-labelledby')?.trim();
  if (!ids) return null;
  const root = element.getRootNode() as Document | ShadowRoot;
  const parts = ids.split(/\s+/).map((id) => root.getElementById?.(id)).filter((part): part is HTMLElement => part != null);
  return parts.map((part) => visibleText(part)).join(' ');
}

function associatedLabelTexts(element: Element): string[] {
  const labels = new Set<Element>();
  const id = element.getAttribute('id');
  if (id) {
    for (const label of element.ownerDocument.querySelectorAll('label')) {
      if (label.getAttribute('for') === id) labels.add(label);
    }
  }
  const wrapping = element.parentElement?.closest('label');
  if (wrapping && !wrapping.hasAttribute('for')) labels.add(wrapping);
  return [...labels].map((label) => visibleText(label));
}

function buttonValue(element: Element): string | null {
  if (element.tagName !== 'INPUT') return null;
  const type = (element.getAttribute('type') ?? '').toLowerCase();
  return buttonInputTypes.has(type) ? element.getAttribute('value') : null;
}

/** Buttons, links, headings and the like are named by their text; fields are not (their text is their value). */
function contentLabel(element: Element): string | null {
  if (fieldTags.has(element.tagName) || isEditable(element)) return null;
  const text = visibleText(element);
  return text.length <= actionLimits.label ? text : null;
}

function imageAlt(element: Element): string | null {
  const image = element.tagName === 'IMG' ? element : element.querySelector('img[alt]');
  return image?.getAttribute('alt') ?? null;
}

function isEditable(element: Element): boolean {
  const editable = element.closest('[contenteditable]')?.getAttribute('contenteditable');
  return editable !== undefined && editable !== null && editable.toLowerCase() !== 'false';
}

function visibleText(root: Element): string {
  let text = '';
  const walk = (node: Node): void => {
    if (node.nodeType === 3) text += node.nodeValue ?? '';
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (skippedInText.has(element.tagName) || element.getAttribute('aria-hidden') === 'true') return;
    for (const child of element.childNodes) walk(child);
  };
  for (const child of root.childNodes) walk(child);
  return text;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
