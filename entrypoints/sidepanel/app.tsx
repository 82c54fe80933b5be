import { useEffect, useRef } from 'preact/hooks';
import { AssistantTurn } from '../../components/assistant-turn';
import { Composer } from '../../components/composer';
import { ContextChip } from '../../components/context-chip';
import { ActionCard } from '../../components/action-card';
import { EmptyState } from '../../components/empty-state';
import { SuggestionDeck } from '../../components/suggestion-deck';
import type { RunRequestSummary } from '../../lib/conversation/types';
import {
  acceptSuggestion, approveAction, connection, conversation, dismissAction, dismissSuggestion, newConversation, pendingActions,
  previewAction, rerunScript, runError, running, startRun, stopRun, tabView, undoAction,
} from './store';
import { usePanelShortcuts } from './shortcuts';

function retryRequest(request: RunRequestSummary) {
  startRun(request);
}


export function App() {
  const view = tabView.value;
  const current = conversation.value;
  const turns = current?.turns ?? [];
  const endOfList = useRef<HTMLDivElement>(null);
  useEffect(() => endOfList.current?.scrollIntoView?.({ block: 'end' }), [turns.length, turns.at(-1)]);
  const suggestions = view?.suggestions ?? [];
  usePanelShortcuts({
    acceptTop: () => suggestions[0] && !running.value && acceptSuggestion(suggestions[0]),
    dismissTop: () => suggestions[0] && dismissSuggestion(suggestions[0]),
  });

  return (
    <div class="panel">
      <header class="panel__header">
        <h1 class="panel__brand">Tandem</h1>
        <div class="panel__actions">
          <button type="button" class="button button--ghost button--small" onClick={newConversation} disabled={running.value || turns.length === 0} data-testid="new-chat">
            New chat
          </button>
          <a class="button button--ghost button--small" href="/options.html" target="_blank" rel="noopener">Settings</a>
        </div>
      </header>
      <div class="panel__context" aria-live="polite">
        {view ? (
          <ContextChip title={view.context.title} kind={view.context.kind} tokens={view.tokens} redactions={view.context.redactions} />
        ) : (
          <div class="context-chip context-chip--pending" data-testid="context-chip-pending">
            {connection.value === 'unreadable' ? 'Tandem cannot read this tab (browser pages and the Web Store are off limits).' : 'Reading this tab…'}
          </div>
        )}
      </div>
      <main class="panel__body" data-testid="conversation">
        <SuggestionDeck suggestions={suggestions} onAccept={acceptSuggestion} onDismiss={dismissSuggestion} disabled={running.value} />
        {pendingActions.value.map((proposal) => (
          <ActionCard
            key={proposal.callId}
            proposal={proposal}
            onApprove={(approved) => void approveAction(null, approved)}
            onDismiss={(dismissed) => dismissAction(null, dismissed)}
            onUndo={(done) => void undoAction(null, done)}
            onPreview={previewAction}
          />
        ))}
        {turns.length === 0 && suggestions.length === 0 && (
          <EmptyState title="Your teammate on this page">
            <p>Ask a question about this page. Tandem answers by writing a small script over what it read, and shows you the script.</p>
          </EmptyState>
        )}
        {turns.map((turn) =>
          turn.role === 'user' ? (
            <p key={turn.id} class="turn turn--user" data-testid="user-turn">{turn.text}</p>
          ) : (
            <AssistantTurn
              key={turn.id}
              turn={turn}
              onRerun={rerunScript}
              onRetry={turn === turns.at(-1) && !running.value ? () => retryRequest(turn.request) : undefined}
              onApprove={(turnId, proposal) => void approveAction(turnId, proposal)}
              onDismiss={dismissAction}
              onUndo={(turnId, proposal) => void undoAction(turnId, proposal)}
              onPreview={previewAction}
            />
          ),
        )}
        {runError.value && <p class="error-notice" role="alert">{runError.value}</p>}
        <div ref={endOfList} />
      </main>
      <footer class="panel__composer">
        <Composer running={running.value} onSend={(question) => startRun({ type: 'ask', question })} onStop={stopRun} />
      </footer>
    </div>
  );
}
