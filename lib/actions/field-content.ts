// Reads and writes the text of a fillable field the way a user's typing would reach the page's
// framework, and snapshots what was there so a fill can be undone exactly.
import { isContentEditable } from './policy';

export type FieldSnapshot =
  | { kind: 'value'; value: string }
  /** The editable element's own child nodes, detached: restoring them is exact and re-parses nothing. */
  | { kind: 'editable'; nodes: Node[] };

export function readFieldText(element: Element): string {
  if (isValueField(element)) return valueProperty(element).get?.call(element) as string;
  return element.textContent ?? '';
}

export function snapshotField(element: Element): FieldSnapshot {
  if (isValueField(element)) return { kind: 'value', value: readFieldText(element) };
  return { kind: 'editable', nodes: [...element.childNodes] };
}

/**
 * Writes `text` and dispatches the input event that frameworks and editors need to see it, and
 * returns the text the field ended up holding. Never `change`, never focus or blur: many pages save a
 * field when it changes or loses focus, and a fill is a draft the user has not confirmed.
 */
export function writeFieldText(element: Element, text: string): string {
  if (isValueField(element)) {
    setNativeValue(element, text);
  } else {
    element.replaceChildren(...linesAsNodes(element.ownerDocument, text));
  }
  dispatchEditEvents(element, text);
  return readFieldText(element);
}

export function restoreField(element: Element, snapshot: FieldSnapshot): void {
  if (snapshot.kind === 'value') {
    setNativeValue(element as HTMLInputElement | HTMLTextAreaElement, snapshot.value);
  } else {
    element.replaceChildren(...snapshot.nodes);
  }
  dispatchEditEvents(element, null);
}

function isValueField(element: Element): element is HTMLInputElement | HTMLTextAreaElement {
  return (element.tagName === 'INPUT' || element.tagName === 'TEXTAREA') && !isContentEditable(element);
}

/**
 * React and similar frameworks shadow `value` on the element to track what they last rendered; going
 * through the prototype's setter leaves that tracker behind, so the input event reads as a real edit.
 */
function setNativeValue(element: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const setter = valueProperty(element).set;
  if (setter === undefined) throw new TypeError(`<${element.tagName.toLowerCase()}> has no value setter.`);
  setter.call(element, value);
}

function valueProperty(element: Element): PropertyDescriptor {
  const view = element.ownerDocument.defaultView;
  if (view === null) throw new TypeError('The field is in a document without a window.');
  const prototype = element.tagName === 'TEXTAREA' ? view.HTMLTextAreaElement.prototype : view.HTMLInputElement.prototype;
  const descriptor = Object.getOwnPropertyDescriptor(prototype, 'value');
  if (descriptor === undefined) throw new TypeError('The field has no value property.');
  return descriptor;
}

function linesAsNodes(document: Document, text: string): Node[] {
  const nodes: Node[] = [];
  text.split('\n').forEach((line, index) => {
    if (index > 0) nodes.push(document.createElement('br'));
    if (line !== '') nodes.push(document.createTextNode(line));
  });
  return nodes;
}

/** The input event only: `change` is what a user's confirming the field (Enter, leaving it) fires, and pages save on it. */
function dispatchEditEvents(element: Element, data: string | null): void {
  const view = element.ownerDocument.defaultView;
  if (view === null) return;
  const init = { bubbles: true, composed: true, inputType: 'insertReplacementText', data };
  const input = typeof view.InputEvent === 'function' ? new view.InputEvent('input', init) : new view.Event('input', init);
  element.dispatchEvent(input);
}
