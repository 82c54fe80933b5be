// The question or card each in-page button asks for, worded like the panel's own cards.
import { redactText } from '../capture/redact';
import { shorten } from '../suggest/wording';
import type { HelpRequest } from './types';

/** Enough of a selection to recognise it; the panel's capture carries the full text to the model. */
const QUOTED_SELECTION = 400;

export const explainFailingCheck: HelpRequest = { suggestionRule: 'pull-failing-checks', title: 'Explain the failing check' };

export function walkThroughFile(path: string): HelpRequest {
  return { ask: `Walk me through the changes in ${path}` };
}

/**
 * Same wording as the selection card (lib/suggest/rules/selection.ts), so both paths read alike in the chat.
 * The selection is page text on its way out of the page, so its secrets are masked here, before it is shortened.
 */
export function explainSelection(text: string): HelpRequest {
  return { ask: `Explain this selection: “${shorten(redactText(text).text, QUOTED_SELECTION)}”` };
}

/** The longest ask a content script may send: a shortened selection plus its framing. */
export const MAX_HELP_ASK_CHARS = 1_000;
