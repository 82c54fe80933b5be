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
    ...(conversation.tabId === undefined ? {} : { tabId: conversation.tabId }),
    updatedAt: conversation.updatedAt,
    preview: firstQuestion?.role === 'user' ? firstQuestion.text.slice(0, 140) : '',
  };
}

/**
 * Every change to conversations goes through one queue: a save reads the index and writes it back, and
 * two overlapping saves (two runs, or a run and the user's approval of an action) would drop an entry.
 */
let writes: Promise<unknown> = Promise.resolve();

function queued<T>(task: () => Promise<T>): Promise<T> {
  const next = writes.then(task, task);
  writes = next.catch(() => undefined);
  return next;
}

/** Read after the writes already asked for, so a change just made is seen. */
export async function loadConversation(id: string): Promise<Conversation | null> {
  return queued(() => storage.getItem<Conversation>(itemKey(id)));
}

export function saveConversation(conversation: Conversation): Promise<void> {
  return queued(() => writeConversation(conversation));
}

/**
 * Reads the stored conversation and writes back what `change` makes of it (null: leave it), as one step
 * of the queue, so nothing written in between is lost. Gives the conversation as written.
 */
export function updateConversation(id: string, change: (stored: Conversation | null) => Conversation | null): Promise<Conversation | null> {
  return queued(async () => {
    const next = change(await storage.getItem<Conversation>(itemKey(id)));
    if (next !== null) await writeConversation(next);
    return next;
  });
}

async function writeConversation(conversation: Conversation): Promise<void> {
  await storage.setItem(itemKey(conversation.id), conversation);
  const index = await indexItem.getValue();
  const rest = index.filter((entry) => entry.id !== conversation.id);
  const next = [summarize(conversation), ...rest].sort((left, right) => right.updatedAt - left.updatedAt);
  const evicted = next.slice(MAX_CONVERSATIONS);
  await indexItem.setValue(next.slice(0, MAX_CONVERSATIONS));
  await Promise.all(evicted.map((entry) => storage.removeItem(itemKey(entry.id))));
}

export function deleteConversation(id: string): Promise<void> {
  return queued(async () => {
    await storage.removeItem(itemKey(id));
    await indexItem.setValue((await indexItem.getValue()).filter((entry) => entry.id !== id));
  });
}

export function listConversations(): Promise<ConversationSummary[]> {
  return queued(() => indexItem.getValue());
}

/**
 * The conversation the panel shows for this tab's page (same URL without its fragment). Conversations
 * are per tab and page: a second tab on the same pull request starts its own, and History lists them all.
 * One whose tab is gone (closed, or given a new id when the browser restarted) or that predates tabs
 * being recorded belongs to no tab any more, and the page's next tab takes it up.
 */
export async function latestConversationFor(url: string, tabId: number, openTabIds: ReadonlySet<number>): Promise<Conversation | null> {
  const key = pageKey(url);
  const onPage = (await listConversations()).filter((candidate) => pageKey(candidate.url) === key);
  const entry =
    onPage.find((candidate) => candidate.tabId === tabId) ??
    onPage.find((candidate) => candidate.tabId === undefined || !openTabIds.has(candidate.tabId));
  return entry ? loadConversation(entry.id) : null;
}
