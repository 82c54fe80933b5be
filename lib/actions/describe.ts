// The words on an approval card: what will happen, to what, and how far it reaches.
import type { Action } from '../context/types';
import { characterCount, countHiddenCharacters, displayLine, plural } from './display-text';
import { urlConcerns } from './url-concerns';

export type ActionRisk = 'none' | 'changes-page' | 'leaves-page';

export interface ActionDescription {
  summary: string;
  /** The full text to insert or copy, or the full address: the card shows it so nothing is hidden. */
  detail?: string;
  risk: ActionRisk;
  /** Reasons for the user to look twice (hidden characters, data in an address); absent when none. */
  warnings?: string[];
}

export function describeAction(action: Action): ActionDescription {
  switch (action.type) {
    case 'copy':
      return withWarnings({ summary: `Copy ${plural(characterCount(action.text), 'character')} to the clipboard`, detail: action.text, risk: 'none' }, textWarnings(action.text));
    case 'open':
      return describeOpen(action.url);
    case 'fill':
      return withWarnings(
        { summary: `Fill “${displayLine(action.label)}” with ${plural(characterCount(action.text), 'character')}`, detail: action.text, risk: 'changes-page' },
        textWarnings(action.text),
      );
    case 'click':
      return { summary: `Click “${displayLine(action.label)}”`, risk: 'changes-page' };
    case 'highlight':
      return {
        summary: action.label === undefined ? `Highlight the element at ${displayLine(action.selector)}` : `Highlight “${displayLine(action.label)}”`,
        risk: 'none',
      };
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

function textWarnings(text: string): string[] {
  const hidden = countHiddenCharacters(text);
  return hidden === 0 ? [] : [`The text contains ${plural(hidden, 'invisible character')} (direction overrides or zero-width marks).`];
}

function withWarnings(description: ActionDescription, warnings: string[]): ActionDescription {
  return warnings.length === 0 ? description : { ...description, warnings };
}
