// Turns a fresh capture into what the panel shows for a tab: the context, what the model would receive, the cards.
import { listSections, withoutSections } from '../../lib/context/sections';
import { serializeForPrompt } from '../../lib/context/serialize';
import type { PageContext, Suggestion } from '../../lib/context/types';
import type { TabView } from '../../lib/messaging/protocol';
import { rules, suggest } from '../../lib/suggest/index';
import type { FeedbackLog, Rule } from '../../lib/suggest/types';
import { pageKey } from '../../lib/conversation/page-key';

export interface TabViewSettings {
  tokenBudget: number;
  proactive: boolean;
  /** A model provider is configured: without one, cards that ask the model are not offered. */
  modelAvailable: boolean;
  feedback: FeedbackLog;
  /** Cards the user dismissed on this page: they stay gone while the page is open. */
  dismissed: string[];
  /** Cards the user accepted on this page: they leave the deck, as dismissed ones do. */
  accepted: Suggestion[];
  /** Parts the user left out of what the model receives. */
  excluded: string[];
  /** Rules besides the built-in ones: the user's saved skills offered as cards. */
  extraRules?: readonly Rule[];
}

/** What a view keeps from one capture of a page to the next capture of the same page. */
export type CarriedOver = Pick<TabViewSettings, 'dismissed' | 'accepted' | 'excluded'>;

/** The page as the model receives it, per view: counted for the panel when the view is built, reused by questions. */
const promptTexts = new WeakMap<TabView, { budget: number; text: string }>();

export function buildTabView(tabId: number, context: PageContext, settings: TabViewSettings): TabView {
  const suggestions = settings.proactive ? suggest(context, settings.feedback, { modelAvailable: settings.modelAvailable, rules: [...rules, ...(settings.extraRules ?? [])] }) : [];
  const acceptedIds = new Set(settings.accepted.map((card) => card.id));
  const prompt = serializeForPrompt(withoutSections(context, settings.excluded), settings.tokenBudget);
  const view: TabView = {
    tabId,
    context,
    tokens: prompt.tokens,
    suggestions: suggestions.filter((suggestion) => !settings.dismissed.includes(suggestion.id) && !acceptedIds.has(suggestion.id)),
    dismissed: settings.dismissed,
    accepted: settings.accepted,
    sections: listSections(context),
    excluded: settings.excluded,
  };
  promptTexts.set(view, { budget: settings.tokenBudget, text: prompt.text });
  return view;
}

/** What the model and its scripts may see of this tab: the capture minus the parts the user excluded. */
export function sharedContext(view: TabView): PageContext {
  return withoutSections(view.context, view.excluded);
}

/**
 * The prompt text of the view's page. Serialising it again took about 7 ms of every question's wait for
 * its first token; a view read back by a restarted worker, or a changed budget, serialises afresh.
 */
export function promptTextOf(view: TabView, budget: number): string {
  const known = promptTexts.get(view);
  if (known?.budget === budget) return known.text;
  const text = serializeForPrompt(sharedContext(view), budget).text;
  promptTexts.set(view, { budget, text });
  return text;
}

/** Dismissals, accepted cards and exclusions carry over re-captures of the same page, not to another page. */
export function carriedOver(previous: TabView | null, context: PageContext): CarriedOver {
  const samePage = previous !== null && pageKey(previous.context.url) === pageKey(context.url);
  return samePage ? keptFrom(previous) : { dismissed: [], accepted: [], excluded: [] };
}

export function keptFrom(view: TabView): CarriedOver {
  return { dismissed: view.dismissed, accepted: view.accepted, excluded: view.excluded };
}

/**
 * The view with an accepted card out of the deck. Not rebuilt from the capture: the page and what the
 * model receives are unchanged, and a rebuild would move the prefetch on while the card's run takes it.
 */
export function withCardAccepted(view: TabView, card: Suggestion): TabView {
  const next: TabView = { ...view, suggestions: view.suggestions.filter((suggestion) => suggestion.id !== card.id), accepted: [...view.accepted, card] };
  const prompt = promptTexts.get(view);
  if (prompt) promptTexts.set(next, prompt);
  return next;
}

/** A card of the view, in the deck or already accepted (an action card is approved after it left the deck). */
export function cardOf(view: TabView, id: string): Suggestion | undefined {
  return view.suggestions.find((suggestion) => suggestion.id === id) ?? view.accepted.find((suggestion) => suggestion.id === id);
}
