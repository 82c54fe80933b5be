// Turns a fresh capture into what the panel shows for a tab: the context, what the model would receive, the cards.
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
}

export function buildTabView(tabId: number, context: PageContext, settings: TabViewSettings): TabView {
  const suggestions = settings.proactive ? suggest(context, settings.feedback) : [];
  return {
    tabId,
    context,
    tokens: serializeForPrompt(context, settings.tokenBudget).tokens,
    suggestions: suggestions.filter((suggestion) => !settings.dismissed.includes(suggestion.id)),
    dismissed: settings.dismissed,
  };
}

/** Dismissals carry over re-captures of the same page, not to another page. */
export function dismissedFor(previous: TabView | null, context: PageContext): string[] {
  return previous && pageKey(previous.context.url) === pageKey(context.url) ? previous.dismissed : [];
}
