// What Tandem may do without asking, and what it refuses to do even when asked: it never submits,
// never performs an irreversible step, and never types into secrets. The refusals hold even if the
// user approves a hijacked proposal without reading it.
import type { Action } from '../context/types';
import { accessibleLabels, normaliseLabel } from './accessible-label';

/** Highlight only draws a box over the page; every other action changes something the user owns. */
export function needsApproval(action: Action): boolean {
  return action.type !== 'highlight';
}

// Verbs whose click commits something that cannot simply be taken back. Matched as whole words with
// common endings ("Merge", "merged", "Deleting", "submitted"), anywhere in any label of the element.
const destructiveVerbs = [
  'merge', 'delete', 'remove', 'close', 'approve', 'submit', 'confirm', 'transfer', 'send', 'pay',
  'purchase', 'buy', 'checkout', 'publish', 'deploy', 'archive', 'revoke', 'reject', 'discard',
  'destroy', 'drop', 'reset', 'force', 'unsubscribe', 'block', 'ban', 'lock', 'leave', 'squash',
  'rebase', 'authorize', 'authorise', 'grant', 'install', 'uninstall', 'sign out', 'log out', 'logout',
  'request changes', 'dismiss review', 'rerun', 're-run', 'cancel run', 'cancel workflow',
];
const destructivePattern = new RegExp(`\\b(?:${destructiveVerbs.map(verbStem).join('|')})(?:e|es|s|d|ed|ing|ion|ions|ted|ting|ped|ping)?\\b`, 'i');

const fillableInputTypes = new Set(['text', 'search', 'email', 'url']);
// Autocomplete tokens that mark secrets or payment details, whatever the input's type says.
const secretAutocomplete = /\b(?:current-password|new-password|one-time-code|cc-[a-z-]+)\b/i;
const activatableSelector = 'button, input, a[href], summary, label, [role="button"], [role="link"], [role="menuitem"], [role="tab"]';

export function isAllowedClick(element: Element): boolean {
  return clickRefusal(element) === undefined;
}

/** Why a click on `element` is refused, or undefined when it is allowed. */
export function clickRefusal(element: Element): string | undefined {
  const outside = outsideTopDocument(element);
  if (outside) return outside;
  // A click on a span inside a submit button activates the button, so judge the whole chain.
  for (let node: Element | null = element; node !== null; node = node.parentElement?.closest(activatableSelector) ?? null) {
    const refusal = activatableRefusal(node);
    if (refusal) return refusal;
  }
  return undefined;
}

/** Why `element` cannot be filled, or undefined when it can. */
export function fillRefusal(element: Element): string | undefined {
  const outside = outsideTopDocument(element);
  if (outside) return outside;
  if (element.tagName === 'INPUT') {
    const type = (element.getAttribute('type') ?? 'text').toLowerCase();
    if (!fillableInputTypes.has(type)) return `Tandem does not type into ${type} inputs.`;
  } else if (element.tagName !== 'TEXTAREA' && !isContentEditable(element)) {
    return `A <${element.tagName.toLowerCase()}> is not a text field.`;
  }
  if (element.hasAttribute('disabled') || element.hasAttribute('readonly') || element.getAttribute('aria-readonly') === 'true') {
    return 'The field is read-only or disabled.';
  }
  if (secretAutocomplete.test(element.getAttribute('autocomplete') ?? '')) return 'The field asks for a password, code or card detail.';
  return undefined;
}

export function isContentEditable(element: Element): boolean {
  const value = element.closest('[contenteditable]')?.getAttribute('contenteditable');
  return value !== undefined && value !== null && value.toLowerCase() !== 'false';
}

function outsideTopDocument(element: Element): string | undefined {
  const view = element.ownerDocument.defaultView;
  if (!element.isConnected || view === null) return 'The element is not in the page.';
  // Frames can be another site's content laid over this one; Tandem acts on the page itself only.
  if (view.top !== view) return 'The element is inside a frame, not the page itself.';
  return undefined;
}

function activatableRefusal(element: Element): string | undefined {
  const tag = element.tagName;
  const type = (element.getAttribute('type') ?? '').toLowerCase();
  if (tag === 'BUTTON' && (type === '' || type === 'submit') && isInForm(element)) return 'It is a form’s submit button; Tandem never submits.';
  if (tag === 'BUTTON' && type === 'reset') return 'It resets a form.';
  if (tag === 'INPUT' && ['submit', 'image', 'reset'].includes(type)) return 'It is a form’s submit or reset button; Tandem never submits.';
  if (tag === 'INPUT' && type === 'file') return 'It opens a file picker.';
  if (tag === 'LABEL' && labelledControlIsFile(element)) return 'It opens a file picker.';
  if (element.hasAttribute('formaction')) return 'It submits a form to another address.';
  // Rails and Turbo links that send non-GET requests or ask for confirmation are actions, not links.
  const method = (element.getAttribute('data-method') ?? element.getAttribute('data-turbo-method') ?? 'get').toLowerCase();
  if (method !== 'get') return `It sends a ${method.toUpperCase()} request.`;
  if (element.hasAttribute('data-confirm') || element.hasAttribute('data-turbo-confirm')) return 'The page asks for confirmation before this.';
  if (tag === 'A' && leavesOrigin(element)) return 'The link leaves this site; propose an open action instead.';
  // Normalised first, so full-width letters or a zero-width space inside "Merge" do not slip past.
  const verb = accessibleLabels(element).map((label) => destructivePattern.exec(normaliseLabel(label))?.[0]).find(Boolean);
  if (verb) return `Its label says “${verb}”, a step Tandem leaves to you.`;
  return undefined;
}

function isInForm(element: Element): boolean {
  return element.hasAttribute('form') || element.closest('form') !== null;
}

function labelledControlIsFile(label: Element): boolean {
  const id = label.getAttribute('for');
  const control = id ? label.ownerDocument.getElementById(id) : label.querySelector('input');
  return control?.tagName === 'INPUT' && control.getAttribute('type')?.toLowerCase() === 'file';
}

function leavesOrigin(link: Element): boolean {
  const href = link.getAttribute('href') ?? '';
  const base = link.ownerDocument.baseURI;
  try {
    const target = new URL(href, base);
    if (target.protocol === 'javascript:') return false;
    return target.origin !== new URL(base).origin;
  } catch (error) {
    // An href that does not parse goes nowhere when clicked.
    if (error instanceof TypeError) return false;
    throw error;
  }
}

/** "delete" → "delet" so that the endings list covers "deletes", "deleted" and "deleting" alike. */
function verbStem(verb: string): string {
  return verb.replace(/e$/, '').replace(/[-\s]/g, '[-\\s]?');
}
