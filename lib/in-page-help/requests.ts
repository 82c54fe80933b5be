// The question or card each in-page button asks for, worded like the panel's own cards. The words are
// Tandem's own; what the page supplies (a path, a selection) goes with them as a quote, sent to the model
// as page data, so a page cannot put words in the user's mouth.
import { redactText } from '../capture/redact';
import type { PageQuote } from '../context/types';
import { shorten } from '../suggest/wording';
import type { HelpRequest } from './types';

/** Enough of a selection to recognise it; the panel's capture carries the full text to the model. */
const QUOTED_SELECTION = 400;

export const EXPLAIN_SELECTION = 'Explain the selected text.';
export const WALK_THROUGH_FILE = 'Walk me through the changes in this file.';

/** The only questions a button in the page may ask: a content script cannot make up others. */
export const IN_PAGE_QUESTIONS: readonly string[] = [EXPLAIN_SELECTION, WALK_THROUGH_FILE];

export const explainFailingCheck: HelpRequest = { suggestionRule: 'pull-failing-checks', title: 'Explain the failing check' };

export function walkThroughFile(path: string): HelpRequest {
  return { ask: WALK_THROUGH_FILE, quote: { of: 'file path', text: path } };
}

/** The selection is page text on its way out of the page, so its secrets are masked here, before it is shortened. */
export function explainSelection(text: string): HelpRequest {
  return { ask: EXPLAIN_SELECTION, quote: { of: 'selection', text: shorten(redactText(text).text, QUOTED_SELECTION) } };
}

/** The longest quote a content script may send: a shortened selection, or a long path. */
export const MAX_QUOTE_CHARS = 1_000;

/** A quote from the page with its secrets masked (again: whatever sent it). */
export function redactedQuote(quote: PageQuote): PageQuote {
  return { of: quote.of, text: redactText(quote.text).text };
}
