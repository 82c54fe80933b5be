import { useEffect, useRef, useState } from 'preact/hooks';
import { ActionCard } from '../../components/action-card';
import { AssistantTurn } from '../../components/assistant-turn';
import { Composer } from '../../components/composer';
import { ContextChip } from '../../components/context-chip';
import { ContextDetails } from '../../components/context-details';
import { HistoryList } from '../../components/history-list';
import { LinkPreview } from '../../components/link-preview';
import { LinkOpenerContext } from '../../components/markdown';
import { SuggestionDeck } from '../../components/suggestion-deck';
import { Welcome } from '../../components/welcome';
import { HARDWARE_LIMITS } from '../../lib/agent/on-device/prompt-api';
import { downloadOnDevice, onDeviceStatus, useOnDevice } from './on-device';
import { placeRefusal } from '../../lib/conversation/claim-proposal';
import type { AssistantTurn as AnsweredTurn, RunRequestSummary } from '../../lib/conversation/types';
import {
  acceptSuggestion, approveAction, connection, conversation, dismissAction, dismissSuggestion, excludeSection, hasProvider,
  hideHistory, history, newConversation, openConversation, pendingActions, previewAction, providerSource, removeConversation, rerunScript,
  runError, running, showHistory, startRun, stopRun, tabView, undoAction,
} from './store';
import { usePanelShortcuts } from './shortcuts';
import { cancelLink, openLink, pendingLink, requestLink } from './link-opener';
import { pageSkills, refreshPageSkills, saveDefaultsFor, saveUserSkill } from './user-skills';

function retryRequest(request: RunRequestSummary) {
  startRun(request);
}

/** Why a turn's proposals cannot run in the tab the panel shows now; the background refuses them too. */
function inertReasonOf(turn: AnsweredTurn): string | undefined {
  const view = tabView.value;
  if (!view) return 'Tandem has not read this tab yet.';
  return placeRefusal(turn.page, { tabId: view.tabId, url: view.context.url });
}

export function App() {
  const view = tabView.value;
  const current = conversation.value;
  const turns = current?.turns ?? [];
  const endOfList = useRef<HTMLDivElement>(null);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [draft, setDraft] = useState<{ text: string; nonce: number } | undefined>(undefined);
  // Also when a run ends: the answer's own controls (copy, retry) appear then, below the last text.
  useEffect(() => endOfList.current?.scrollIntoView?.({ block: 'end' }), [turns.length, turns.at(-1), running.value]);
  const suggestions = view?.suggestions ?? [];
  usePanelShortcuts({
    acceptTop: () => suggestions[0] && !running.value && acceptSuggestion(suggestions[0]),
    dismissTop: () => suggestions[0] && dismissSuggestion(suggestions[0]),
  });
  const lastUser = [...turns].reverse().find((turn) => turn.role === 'user');
  useEffect(() => {
    // A list that cannot be had (the worker restarting) leaves the last one; questions still work.
    void refreshPageSkills(view).catch(() => undefined);
  }, [view?.tabId, view?.context.url]);

  return (
    <LinkOpenerContext.Provider value={requestLink}>
      <div class="panel">
        <header class="panel__header">
          <h1 class="panel__brand">Tandem</h1>
          <nav class="panel__actions" aria-label="Panel">
            <button type="button" class="button button--ghost button--small" onClick={() => void showHistory()} data-testid="history-open">History</button>
            <button type="button" class="button button--ghost button--small" onClick={newConversation} disabled={running.value || turns.length === 0} data-testid="new-chat">
              New chat
            </button>
            <a class="button button--ghost button--small" href="/options.html" target="_blank" rel="noopener">Settings</a>
          </nav>
        </header>
        <div class="panel__context" aria-live="polite">
          {view ? (
            <>
              <button type="button" class="context-chip--button context-chip-toggle" onClick={() => setDetailsOpen(!detailsOpen)} aria-expanded={detailsOpen} data-testid="context-chip-toggle">
                <ContextChip title={view.context.title} kind={view.context.kind} tokens={view.tokens} redactions={view.context.redactions} />
              </button>
              {detailsOpen && (
                <ContextDetails
                  sections={view.sections}
                  excluded={view.excluded}
                  cut={view.context.cut ?? []}
                  redactions={view.context.redactions}
                  onToggle={(section, excluded) => void excludeSection(section, excluded)}
                />
              )}
            </>
          ) : (
            <div class="context-chip context-chip--pending" data-testid="context-chip-pending">
              {connection.value === 'unreadable' ? 'Tandem cannot read this tab (browser pages and the Web Store are off limits).' : 'Reading this tab…'}
            </div>
          )}
        </div>
        <main class="panel__body" data-testid="conversation">
          {history.value ? (
            <HistoryList
              conversations={history.value}
              currentId={current?.id ?? null}
              onOpen={(id) => void openConversation(id)}
              onDelete={(id) => void removeConversation(id)}
              onClose={hideHistory}
            />
          ) : (
            <>
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
              {turns.length === 0 && (
                <Welcome
                  hasProvider={hasProvider.value}
                  hasSuggestions={suggestions.length > 0}
                  onDevice={{
                    status: onDeviceStatus.value,
                    chosen: providerSource.value === 'on-device',
                    hardwareLimits: HARDWARE_LIMITS,
                    onDownload: downloadOnDevice,
                    onUse: () => void useOnDevice(),
                  }}
                />
              )}
              {turns.map((turn) =>
                turn.role === 'user' ? (
                  <div key={turn.id} class="turn turn--user-row">
                    <p class="turn turn--user" data-testid="user-turn">
                    {turn.text}
                    {turn.quote && (
                      <q class="turn__quote" title={`The ${turn.quote.of}, quoted from the page`} data-testid="user-turn-quote">{turn.quote.text}</q>
                    )}
                  </p>
                    {turn === lastUser && !running.value && (
                      <button type="button" class="button button--ghost button--small turn__edit" onClick={() => setDraft({ text: turn.text, nonce: Date.now() })} data-testid="edit-last">
                        Edit
                      </button>
                    )}
                  </div>
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
                    actionsInert={inertReasonOf(turn)}
                    onSaveSkill={saveUserSkill}
                    saveDefaults={saveDefaultsFor(turn, view)}
                  />
                ),
              )}
              {runError.value && <p class="error-notice" role="alert">{runError.value}</p>}
            </>
          )}
          <div ref={endOfList} />
        </main>
        <footer class="panel__composer">
          <Composer
            running={running.value}
            draft={draft}
            onSend={(question) => startRun({ type: 'ask', question })}
            onStop={stopRun}
            skills={pageSkills.value}
            onRunSkill={(choice) => startRun({ type: 'skill', skill: choice.id, title: choice.title })}
            onSkillMenuOpen={() => void refreshPageSkills(tabView.value).catch(() => undefined)}
            placeholder={hasProvider.value === false ? 'Ask about this page (add a provider in Settings first)…' : 'Ask about this page…'}
          />
        </footer>
        {pendingLink.value && <LinkPreview link={pendingLink.value} onOpen={openLink} onCancel={cancelLink} />}
      </div>
    </LinkOpenerContext.Provider>
  );
}
