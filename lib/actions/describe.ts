// The words on an approval card: what will happen, to what, and how far it reaches. The side panel's
// card and the CLI both print what this returns, so neither can say less than the other.
import type { Action } from '../context/types';
import { normaliseLabel } from './accessible-label';
import { characterCount, countHiddenCharacters, displayLine, plural } from './display-text';
import { urlConcerns } from './url-concerns';

export type ActionRisk = 'none' | 'changes-page' | 'leaves-page';

export interface ActionDescription {
  summary: string;
  /** The full text to insert or copy, or the full address: the card shows it so nothing is hidden. */
  detail?: string;
  risk: ActionRisk;
  /** What the action deliberately leaves undone, so the summary promises no more than happens. */
  note?: string;
  /** The accessible name of the element the page has at the selector, once the page was asked. */
  found?: string;
  /** Why Tandem will refuse to run it on the element found, once the page was asked. */
  refusal?: string;
  /** Reasons for the user to look twice (hidden characters, data in an address); absent when none. */
  warnings?: string[];
}

/** What the page answered about an action's target (the content script's preview, or the CLI's saved page). */
export interface TargetReport {
  /** The accessible name of the element found. */
  label?: string;
  /** Why the action cannot run there (refused by the policy, not found, another element's label). */
  problem?: string;
}

// A fill sets the text and dispatches `input` only (lib/actions/field-content.ts): this says exactly that.
export const fillNote = 'Only typed in: Tandem does not submit, press Enter or leave the field, so a page that saves on those does not save it. A page that saves as you type still can.';

export function describeAction(action: Action, target?: TargetReport): ActionDescription {
  const description = describeProposal(action);
  if (target === undefined || action.type === 'copy' || action.type === 'open') return description;
  const warnings = [...(description.warnings ?? [])];
  const claimed = action.label;
  // Only worth a warning when it would run: a refusal already says what is wrong with the element.
  if (target.problem === undefined && target.label !== undefined && claimed !== undefined && normaliseLabel(target.label) !== normaliseLabel(claimed)) {
    warnings.push(`The page names this element “${displayLine(target.label)}”, not “${displayLine(claimed)}” as proposed.`);
  }
  if (target.label === undefined && target.problem === undefined && action.type !== 'highlight') warnings.push('The element found has no name on the page.');
  return withWarnings({
    ...description,
    ...(target.label === undefined ? {} : { found: displayLine(target.label) }),
    ...(target.problem === undefined ? {} : { refusal: target.problem }),
  }, warnings);
}

function describeProposal(action: Action): ActionDescription {
  switch (action.type) {
    case 'copy':
      return withWarnings({ summary: `Copy ${plural(characterCount(action.text), 'character')} to the clipboard`, detail: action.text, risk: 'none' }, textWarnings(action.text));
    case 'open':
      return describeOpen(action.url);
    case 'fill':
      return withWarnings(
        { summary: `Fill “${displayLine(action.label)}” with ${plural(characterCount(action.text), 'character')}`, detail: action.text, risk: 'changes-page', note: fillNote },
        [...labelWarnings(action.label), ...textWarnings(action.text)],
      );
    case 'click':
      return withWarnings({ summary: `Click “${displayLine(action.label)}”`, risk: 'changes-page' }, labelWarnings(action.label));
    case 'highlight':
      return withWarnings({
        summary: action.label === undefined ? `Highlight the element at ${displayLine(action.selector)}` : `Highlight “${displayLine(action.label)}”`,
        risk: 'none',
      }, labelWarnings(action.label ?? ''));
  }
}

function describeOpen(address: string): ActionDescription {
  // Cards may be drawn for proposals that were never validated; an unparsable address still gets words.
  if (!URL.canParse(address)) {
    return { summary: `Open ${displayLine(address, 60)} in a new tab`, detail: address, risk: 'leaves-page', warnings: ['This is not a valid web address; it will be refused.'] };
  }
  const url = new URL(address);
  const warnings = urlConcerns(url);
  // Browsers show internationalised hosts in Unicode; the punycode form exposes look-alike letters.
  if (url.hostname.split('.').some((part) => part.startsWith('xn--'))) {
    warnings.push(`The host ${url.hostname} uses non-Latin letters that may imitate another site.`);
  }
  const shown = url.host + (url.pathname === '/' ? '' : url.pathname) + (url.search || url.hash ? '?…' : '');
  return withWarnings({ summary: `Open ${displayLine(shown, 60)} in a new tab`, detail: url.href, risk: 'leaves-page' }, warnings);
}

function labelWarnings(label: string): string[] {
  const hidden = countHiddenCharacters(label);
  return hidden === 0 ? [] : [`The proposed label hides ${plural(hidden, 'invisible character')}; it is shown without them.`];
}

function textWarnings(text: string): string[] {
  const hidden = countHiddenCharacters(text);
  return hidden === 0 ? [] : [`The text contains ${plural(hidden, 'invisible character')} (direction overrides or zero-width marks).`];
}

function withWarnings(description: ActionDescription, warnings: string[]): ActionDescription {
  return warnings.length === 0 ? description : { ...description, warnings };
}
