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
    accessibleName(element),
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

/** The label the card should show for the element actually found: its accessible name, when it has one. */
export function primaryLabel(element: Element): string | undefined {
  const name = accessibleName(element);
  return name === '' ? undefined : name;
}

/**
 * The one name assistive technology would announce, computed in the accname order: aria-labelledby,
 * aria-label, the native label (<label>, a button input's value, an image's alt), the content for
 * roles named by their content, then title, and placeholder last for text fields. Unlike
 * accessibleLabels, a title or placeholder never wins over text the user can read, so a button that
 * reads "Post" is named "Post" whatever its tooltip says. Clicks are judged by this name.
 */
export function accessibleName(element: Element): string {
  return collapse(nameOf(element, { followingReference: false, inContent: false, visited: new Set() }));
}

/** Whether `label` is, once normalised, the element's accessible name (not any other label it carries). */
export function nameMatches(element: Element, label: string): boolean {
  const wanted = normaliseLabel(label);
  return wanted !== '' && normaliseLabel(accessibleName(element)) === wanted;
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

interface NameState {
  /** Already following an aria-labelledby reference: references are not followed twice (accname 2B). */
  followingReference: boolean;
  /** Computing a name from an ancestor's content, where every element contributes its own text. */
  inContent: boolean;
  visited: Set<Element>;
}

// Roles whose name comes from their content (WAI-ARIA "name from: contents").
const contentNamedRoles = new Set([
  'button', 'link', 'tab', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'option', 'treeitem', 'checkbox', 'radio',
  'switch', 'heading', 'cell', 'gridcell', 'columnheader', 'rowheader', 'row', 'tooltip', 'summary',
]);
const textFieldTypes = new Set(['', 'text', 'search', 'email', 'url', 'tel', 'password', 'number']);

function nameOf(element: Element, state: NameState): string {
  if (state.visited.has(element)) return '';
  state.visited.add(element);
  // Hidden content names nothing, unless a label reference points at it on purpose.
  if (!state.followingReference && isHiddenFromNames(element)) return '';
  if (!state.followingReference) {
    const referenced = referencedElements(element);
    if (referenced.length > 0) {
      const inner = { ...state, followingReference: true, inContent: true };
      const text = collapse(referenced.map((part) => nameOf(part, inner)).join(' '));
      if (text !== '') return text;
    }
  }
  const ariaLabel = collapse(element.getAttribute('aria-label') ?? '');
  if (ariaLabel !== '') return ariaLabel;
  const tag = element.tagName;
  // A field inside a label or button contributes nothing: its value is what the user typed, not a name.
  if (state.inContent && fieldTags.has(tag)) return buttonValue(element) ?? '';
  const native = nativeName(element, state);
  if (native !== '') return native;
  if (state.inContent || contentNamedRoles.has(roleOf(element))) {
    const text = collapse(contentText(element, { ...state, inContent: true }));
    if (text !== '') return text;
  }
  const title = collapse(element.getAttribute('title') ?? '');
  if (title !== '') return title;
  if (tag === 'TEXTAREA' || (tag === 'INPUT' && textFieldTypes.has((element.getAttribute('type') ?? '').toLowerCase()))) {
    return collapse(element.getAttribute('placeholder') ?? '');
  }
  return '';
}

function nativeName(element: Element, state: NameState): string {
  const tag = element.tagName;
  if (fieldTags.has(tag)) {
    const labelled = associatedLabels(element).map((label) => contentText(label, { ...state, inContent: true }));
    const text = collapse(labelled.join(' '));
    if (text !== '') return text;
    const type = (element.getAttribute('type') ?? '').toLowerCase();
    if (tag === 'INPUT' && type === 'image') return collapse(element.getAttribute('alt') ?? '');
    if (tag === 'INPUT' && buttonInputTypes.has(type)) return collapse(element.getAttribute('value') ?? (type === 'submit' ? 'Submit' : type === 'reset' ? 'Reset' : ''));
  }
  if (tag === 'IMG' || tag === 'AREA') return collapse(element.getAttribute('alt') ?? '');
  return '';
}

function contentText(root: Element, state: NameState): string {
  let text = '';
  for (const child of root.childNodes) {
    if (child.nodeType === 3) text += child.nodeValue ?? '';
    else if (child.nodeType === 1) {
      const element = child as Element;
      if (skippedInText.has(element.tagName)) continue;
      const part = nameOf(element, { ...state, followingReference: false });
      text += isInline(element) ? part : ` ${part} `;
    }
  }
  return text;
}

/** The implicit or explicit role, as far as naming needs it. */
export function roleOf(element: Element): string {
  const explicit = element.getAttribute('role')?.trim().split(/\s+/)[0]?.toLowerCase();
  if (explicit) return explicit;
  const tag = element.tagName;
  const type = (element.getAttribute('type') ?? '').toLowerCase();
  if (tag === 'BUTTON') return 'button';
  if ((tag === 'A' || tag === 'AREA') && element.hasAttribute('href')) return 'link';
  if (tag === 'SUMMARY') return 'summary';
  if (/^H[1-6]$/.test(tag)) return 'heading';
  if (tag === 'TD') return 'cell';
  if (tag === 'TH') return 'columnheader';
  if (tag === 'OPTION') return 'option';
  if (tag === 'SELECT') return 'combobox';
  if (tag === 'TEXTAREA') return 'textbox';
  if (tag === 'INPUT') {
    if (buttonInputTypes.has(type) || type === 'image') return 'button';
    if (type === 'checkbox') return element.hasAttribute('switch') ? 'switch' : 'checkbox';
    if (type === 'radio') return 'radio';
    if (type === 'range') return 'slider';
    return 'textbox';
  }
  return 'generic';
}

function referencedElements(element: Element): Element[] {
  const ids = element.getAttribute('aria-labelledby')?.trim();
  if (!ids) return [];
  const root = element.getRootNode() as Document | ShadowRoot;
  return ids.split(/\s+/).map((id) => root.getElementById?.(id)).filter((part): part is HTMLElement => part != null);
}

function associatedLabels(element: Element): Element[] {
  const labels: Element[] = [];
  const id = element.getAttribute('id');
  if (id) {
    for (const label of element.ownerDocument.querySelectorAll('label')) {
      if (label.getAttribute('for') === id) labels.push(label);
    }
  }
  const wrapping = element.parentElement?.closest('label');
  if (wrapping && !wrapping.hasAttribute('for') && !labels.includes(wrapping)) labels.push(wrapping);
  return labels;
}

function isHiddenFromNames(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const view = element.ownerDocument.defaultView;
  if (view === null) return false;
  const style = view.getComputedStyle(element);
  return style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse';
}

function isInline(element: Element): boolean {
  if (element.tagName === 'BR') return false;
  const view = element.ownerDocument.defaultView;
  if (view === null) return true;
  const display = view.getComputedStyle(element).display;
  return display === '' || display.startsWith('inline') || display === 'contents';
}

function labelledByText(element: Element): string | null {
  const parts = referencedElements(element);
  return parts.length === 0 ? null : parts.map((part) => visibleText(part)).join(' ');
}

function associatedLabelTexts(element: Element): string[] {
  return associatedLabels(element).map((label) => visibleText(label));
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
