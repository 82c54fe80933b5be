// Rules that follow what the user is doing rather than what the page is.
import type { Rule } from '../types';
import { EXPLAIN_SELECTION } from '../../in-page-help/requests';
import { countOf, shorten } from '../wording';

/** Enough of the selection to recognise it; the full text is in the context the model receives. */
const QUOTED_IN_QUESTION = 400;
const QUOTED_IN_WHY = 60;

export const selectionExplain: Rule = {
  id: 'selection-explain',
  kinds: 'any',
  suggest(context) {
    const selection = context.selection?.trim();
    if (!selection) return [];
    const words = selection.split(/\s+/).length;
    return [
      {
        title: 'Explain the selection',
        why: `You selected ${countOf(words, 'word')}: “${shorten(selection, QUOTED_IN_WHY)}”.`,
        // Selecting text is a deliberate act: second only to broken CI.
        score: 0.85,
        run: { ask: EXPLAIN_SELECTION, quote: { of: 'selection', text: shorten(selection, QUOTED_IN_QUESTION) } },
      },
    ];
  },
};

export const selectionRules: Rule[] = [selectionExplain];
