// Conversations, kept in the local storage area: one item per conversation plus a small index for the history list.
import { storage } from 'wxt/utils/storage';
import type { Conversation, ConversationSummary } from '../conversation/types';
import { pageKey } from '../conversation/page-key';

const MAX_CONVERSATIONS = 200;

const indexItem = storage.defineItem<ConversationSummary[]>('local:conversation-index', { fallback: [] });
const itemKey = (id: string) => `local:conversation:${id}` as const;

export function summarize(conversation: Conversation): ConversationSummary {
  const firstQuestion = conversation.turns.find((turn) => turn.role === 'user');
  return {
    id: conversation.id,
    url: conversation.url,
    title: conversation.title,
    updatedAt: conversation.updatedAt,
    preview: firstQuestion?.role === 'user' ? firstQuestion.text.slice(0, 140) : '',
  };
}

export async function loadConversation(id: string): Promise<Conversation | null> {
  return storage.getItem<Conversation>(itemKey(id));
}

export async function saveConversation(conversation: Conversation): Promise<void> {
  await storage.setItem(itemKey(conversation.id), conversation);
  const index = await indexItem.getValue();
  const rest = index.filter((entry) => entry.id !== conversation.id);
  const next = [summarize(conversation), ...rest].sort((left, right) => right.updatedAt - left.updatedAt);
  const evicted = next.slice(MAX_CONVERSATIONS);
  await indexItem.setValue(next.slice(0, MAX_CONVERSATIONS));
  await Promise.all(evicted.map((entry) => storage.removeItem(itemKey(entry.id))));
}

export async function deleteConversation(id: string): Promise<void> {
  await storage.removeItem(itemKey(id));
  await indexItem.setValue((await indexItem.getValue()).filter((entry) => entry.id !== id));
}

export async function listConversations(): Promise<ConversationSummary[]> {
  return indexItem.getValue();
}

/** The newest conversation about this page (same URL without its fragment), if any. */
export async function latestConversationFor(url: string): Promise<Conversation | null> {
  const key = pageKey(url);
  const entry = (await indexItem.getValue()).find((candidate) => pageKey(candidate.url) === key);
  return entry ? loadConversation(entry.id) : null;
}
