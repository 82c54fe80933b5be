// One port per run: the panel starts a question or a card, the background streams the agent's events back,
// keeps the conversation (persisted as it goes, since the worker may die), and stops on the panel's word.
import { browser, type Browser } from 'wxt/browser';
import type { AgentEvent } from '../../lib/agent/events';
import { applyAgentEvent } from '../../lib/conversation/apply-event';
import { runTurn } from '../../lib/conversation/run-turn';
import type { AssistantTurn, Conversation, RunRequestSummary, UserTurn } from '../../lib/conversation/types';
import { isRecord, isRunStart } from '../../lib/messaging/guards';
import type { RunCommand, RunUpdate, TabView } from '../../lib/messaging/protocol';
import { RUN_PORT } from '../../lib/messaging/protocol';
import { mergeTurns } from '../../lib/conversation/merge-turns';
import { TextDeltaCoalescer } from '../../lib/conversation/text-delta-coalescer';
import { loadConversation, saveConversation, updateConversation } from '../../lib/storage/conversations';
import { preloadSandboxQuietly } from './sandbox-preload';
import { modelSource, readSettings } from '../../lib/storage/settings';
import { ModelClient } from '../../lib/agent/on-device/channel';
import { getTabView } from './tab-store';
import { promptTextOf, sharedContext } from './tab-views';
import { takePrefetch } from './prefetch';
import { contextForSkill } from './check-logs';
import { sendToTab } from '../../lib/messaging/send';
import { newId } from './ids';
import { skillFinder } from './user-skills';

type Port = Browser.runtime.Port;

const PERSIST_EVERY_MS = 750;
const active = new Map<string, AbortController>();

export function acceptRunPorts(extensionOrigin: string): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== RUN_PORT) return;
    if (!port.sender?.url?.startsWith(`${extensionOrigin}/`)) {
      port.disconnect();
      return;
    }
    const controller = new AbortController();
    // Chrome's on-device model runs in the panel (the Prompt API is not the worker's): its calls go over this port.
    const onDevice = new ModelClient((request) => send(port, request));
    let started = false;
    port.onMessage.addListener((message: unknown) => {
      const command = message as RunCommand;
      if (!isRecord(message)) return;
      if (onDevice.receive(message)) return;
      if (command.type === 'run-stop') controller.abort();
      if (command.type === 'run-start' && !started && isRunStart(command)) {
        started = true;
        void runOnPort(port, command, controller, onDevice).finally(() => port.disconnect());
      }
    });
    // Closing the panel stops the run: nobody is left to read it, and the turn is kept as stopped.
    port.onDisconnect.addListener(() => {
      controller.abort();
      onDevice.close();
    });
  });
}

function send(port: Port, update: RunUpdate): void {
  try {
    port.postMessage(update);
  } catch {
    // The panel went away mid-run; the run is aborted by its disconnect handler and the turn is persisted.
  }
}

async function runOnPort(port: Port, command: Extract<RunCommand, { type: 'run-start' }>, controller: AbortController, onDevice: ModelClient): Promise<void> {
  const view = await getTabView(command.tabId);
  if (!view) {
    send(port, { type: 'run-rejected', error: { name: 'NoPageError', message: 'Tandem has not read this tab yet. Reload the page and try again.' } });
    return;
  }
  const settings = await readSettings();
  const opened = await openConversation(command.conversationId, view);
  const history = opened.turns;
  const turnId = newId('turn');
  const request: RunRequestSummary = command.request;
  const now = Date.now();
  let turn: AssistantTurn = { role: 'assistant', id: turnId, at: now, status: 'running', parts: [], request, page: { tabId: view.tabId, url: view.context.url } };
  const userTurn: UserTurn = { role: 'user', id: newId('user'), text: request.type === 'ask' ? (request.title ?? request.question) : request.title, at: now };
  if (request.type === 'ask' && request.title !== undefined) userTurn.question = request.question;
  if (request.type === 'ask' && request.quote) userTurn.quote = request.quote;
  // Continued here (from History, say), it is this tab's conversation now.
  const conversation: Conversation = { ...opened, tabId: view.tabId, updatedAt: now, turns: [...opened.turns, userTurn, turn] };
  active.set(turnId, controller);
  // Not awaited: the model request need not wait for storage. Later writes queue behind this one.
  let firstSaved = false;
  const firstSave = saveConversation(conversation).then(() => {
    firstSaved = true;
  });
  send(port, { type: 'run-accepted', conversation, turnId });
  // The worker may have been restarted since the page was read, losing the engine loaded then; the
  // model's first reply takes far longer than loading it again, so its first script finds it warm.
  preloadSandboxQuietly();

  let lastPersist = Date.now();
  // Only this run's two turns are written, into whatever is stored by then: another panel's run on the
  // same conversation, or the user's decision on a proposed action, stays.
  // Once stored, a conversation that is gone was deleted from History: it is not brought back.
  // A failed write is logged, not thrown: the answer still streams to the panel.
  const persist = async () => {
    lastPersist = Date.now();
    try {
      await updateConversation(conversation.id, (stored) => {
        if (stored === null && firstSaved) return null;
        return { ...mergeTurns(stored ?? conversation, [userTurn, turn], Date.now()), tabId: view.tabId };
      });
    } catch (error) {
      console.warn('Tandem: the conversation was not saved', error);
    }
  };
  const toPanel = new TextDeltaCoalescer((event) => send(port, { type: 'run-event', turnId, event }));
  try {
    const prefetched = await takePrefetch(command.tabId, request, view.context.url);
    const events = prefetched ? replay(prefetched) : runTurn(request, {
      context: request.type === 'skill' ? await contextForSkill(command.tabId, sharedContext(view), request.skill) : sharedContext(view),
      contextText: promptTextOf(view, settings.tokenBudget),
      provider: settings.provider,
      tokenBudget: settings.tokenBudget,
      ...(modelSource(settings) === 'on-device' ? { onDevice, contextTextFor: (budget: number) => promptTextOf(view, budget) } : {}),
      history,
      signal: controller.signal,
      findSkill: await skillFinder(),
      // Read-only: the content script returns the text of one section of the live page, redacted.
      readMore: async (section) => (await sendToTab(command.tabId, 'section-read', { section })).text,
    });
    for await (const event of events) {
      turn = applyAgentEvent(turn, event);
      toPanel.push(event);
      if (isMilestone(event) || Date.now() - lastPersist > PERSIST_EVERY_MS) await persist();
    }
    toPanel.flush();
  } catch (error) {
    toPanel.flush();
    const event: AgentEvent = { type: 'run-error', error: { name: error instanceof Error ? error.name : 'Error', message: String(error instanceof Error ? error.message : error) } };
    turn = applyAgentEvent(turn, event);
    send(port, { type: 'run-event', turnId, event });
  } finally {
    if (turn.status === 'running') turn = { ...turn, status: controller.signal.aborted ? 'stopped' : 'error' };
    await firstSave.catch((error: unknown) => console.warn('Tandem: the conversation was not saved', error));
    await persist();
    // After the last write: until then, settleInterruptedTurns must not take this live turn for a dead one.
    active.delete(turnId);
  }
}

async function* replay(events: AgentEvent[]): AsyncGenerator<AgentEvent> {
  yield* events;
}

function isMilestone(event: AgentEvent): boolean {
  return event.type !== 'text-delta' && event.type !== 'run-start';
}

async function openConversation(id: string | null, view: TabView): Promise<Conversation> {
  // No id means the user started a new conversation (or has none yet on this page).
  const existing = id ? await loadConversation(id) : null;
  if (existing) return existing;
  const now = Date.now();
  const { url, title, kind } = view.context;
  return { id: newId('conversation'), url, title, kind, tabId: view.tabId, createdAt: now, updatedAt: now, turns: [] };
}

/**
 * A turn left 'running' in storage by a worker that died mid-answer cannot finish any more: say so, so the
 * panel offers Retry instead of a spinner that never ends.
 */
export function settleInterruptedTurns(conversation: Conversation): Conversation {
  let changed = false;
  const turns = conversation.turns.map((turn) => {
    if (turn.role !== 'assistant' || turn.status !== 'running' || active.has(turn.id)) return turn;
    changed = true;
    return {
      ...turn,
      status: 'error' as const,
      error: { name: 'InterruptedError', message: 'The answer was interrupted (the background worker stopped).', fix: 'Press Retry to ask again.' },
    };
  });
  return changed ? { ...conversation, turns } : conversation;
}
