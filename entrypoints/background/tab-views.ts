// Turns a fresh capture into what the panel shows for a tab: the context and what the model would receive.
import { serializeForPrompt } from '../../lib/context/serialize';
import type { PageContext } from '../../lib/context/types';
import type { TabView } from '../../lib/messaging/protocol';

export function buildTabView(tabId: number, context: PageContext, tokenBudget: number): TabView {
  return { tabId, context, tokens: serializeForPrompt(context, tokenBudget).tokens };
}
