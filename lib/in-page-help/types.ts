// The shapes shared by the in-page help buttons, the background and the panel.
import type { PageQuote } from '../context/types';

/** What a click on an in-page button asks the side panel to run: one of the page's cards, or a question. */
export type HelpRequest =
  /** The card of `suggestionRule`; `title` is asked as a question when that card is not on offer (muted, proactivity off). */
  | { suggestionRule: string; title: string }
  /** One of Tandem's own questions (IN_PAGE_QUESTIONS), with the page text it is about. */
  | { ask: string; quote?: PageQuote };

/** Where a help button sits on a GitHub page. */
export type HelpSpot = 'failing-check' | 'file-header' | 'selection';

export interface HelpAnchor {
  spot: HelpSpot;
  /** GitHub's element the button belongs to; the button overlays it and never changes its box. */
  element: Element;
  /** A child of `element` the button sits just left of (a Details link, a file's actions); null: the right edge. */
  before: Element | null;
  label: string;
  request: HelpRequest;
}
