// Turns a fresh capture into what the panel shows for a tab.
import type { PageContext } from '../../lib/context/types';
import type { TabView } from '../../lib/messaging/protocol';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';

export function buildTabView(tabId: number, context: PageContext): TabView {
  const text = 'text' in context.data ? context.data.text : JSON.stringify(context.data);
  return { tabId, context, tokens: countTokens(`${context.title}\n${text}`) };
}
