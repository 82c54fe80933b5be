import type { ConversationSummary } from '../lib/conversation/types';

export interface HistoryListProps {
  conversations: ConversationSummary[];
  currentId: string | null;
  onOpen: (id: string) => void;
  onDelete: (id: string) => void;
  onClose: () => void;
}

function when(timestamp: number): string {
  return new Date(timestamp).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function HistoryList({ conversations, currentId, onOpen, onDelete, onClose }: HistoryListProps) {
  return (
    <section class="history" data-testid="history" aria-label="Conversation history">
      <header class="history__header">
        <h2>History</h2>
        <button type="button" class="button button--ghost button--small" onClick={onClose}>Back</button>
      </header>
      {conversations.length === 0 ? (
        <p class="history__empty">No conversations yet. Ask something about a page and it appears here.</p>
      ) : (
        <ul class="history__list">
          {conversations.map((entry) => (
            <li key={entry.id} class={entry.id === currentId ? 'history__item history__item--current' : 'history__item'} data-testid="history-item">
              <button type="button" class="history__open" onClick={() => onOpen(entry.id)}>
                <strong>{entry.preview || entry.title}</strong>
                <span>{entry.title} · {when(entry.updatedAt)}</span>
              </button>
              <button type="button" class="button button--ghost button--small" onClick={() => onDelete(entry.id)} aria-label={`Delete the conversation “${entry.preview || entry.title}”`} data-testid="history-delete">
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
