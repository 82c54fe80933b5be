// Turns a fresh capture into what the panel shows for a tab: the context, what the model would receive, the cards.
import { listSections, withoutSections } from '../../lib/context/sections';
import { serializeForPrompt } from '../../lib/context/serialize';
import type { PageContext } from '../../lib/context/types';
import type { TabView } from '../../lib/messaging/protocol';
import { suggest } from '../../lib/suggest/index';
import type { FeedbackLog } from '../../lib/suggest/types';
import { pageKey } from '../../lib/conversation/page-key';

export interface TabViewSettings {
  tokenBudget: number;
  proactive: boolean;
  feedback: FeedbackLog;
  /** Cards the user dismissed on this page: they stay gone while the page is open. */
  dismissed: string[];
  /** Parts the user left out of what the model receives. */
  excluded: string[];
}

/** The page as the model receives it, per view: counted for the panel when the view is built, reused by questions. */
const promptTexts = new WeakMap<TabView, { budget: number; text: string }>();

export function buildTabView(tabId: number, context: PageContext, settings: TabViewSettings): TabView {
  const suggestions = settings.proactive ? suggest(context, settings.feedback) : [];
  const prompt = serializeForPrompt(withoutSections(context, settings.excluded), settings.tokenBudget);
  const view: TabView = {
    tabId,
    context,
    tokens: prompt.tokens,
    suggestions: suggestions.filter((suggestion) => !settings.dismissed.includes(suggestion.id)),
    dismissed: settings.dismissed,
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

/** Dismissals and exclusions carry over re-captures of the same page, not to another page. */
export function carriedOver(previous: TabView | null, context: PageContext): { dismissed: string[]; excluded: string[] } {
  const samePage = previous !== null && pageKey(previous.context.url) === pageKey(context.url);
  return samePage ? { dismissed: previous.dismissed, excluded: previous.excluded } : { dismissed: [], excluded: [] };
}
