// What Tandem may do without asking, and what it refuses to do even when asked: it never submits,
// clicks only what cannot change anything, and never types into secrets. The refusals hold even if the
// user approves a hijacked proposal without reading it.
import type { Action } from '../context/types';
import { outsideTopDocument } from './click-policy';

// Clicks are judged by the allowlist in click-policy.ts.
export { clickRefusal, clickRules, explainClick, isAllowedClick, type ClickDecision, type ClickRule } from './click-policy';

/** Highlight only draws a box over the page; every other action changes something the user owns. */
export function needsApproval(action: Action): boolean {
  return action.type !== 'highlight';
}

const fillableInputTypes = new Set(['text', 'search', 'email', 'url']);
// Autocomplete tokens that mark secrets or payment details, whatever the input's type says.
const secretAutocomplete = /\b(?:current-password|new-password|one-time-code|cc-[a-z-]+)\b/i;

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
