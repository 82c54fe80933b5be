// The panel's state as signals, fed by the background: one long-lived port for the served tab's view and
// conversation, and one port per run for its streamed events.
import { signal } from '@preact/signals';
import { browser, type Browser } from 'wxt/browser';
import type { TargetReport } from '../../lib/actions/describe';
import type { AgentEvent } from '../../lib/agent/events';
import { applyAgentEvent } from '../../lib/conversation/apply-event';
import type { AssistantTurn, Conversation, ConversationSummary, ProposedAction, RunRequestSummary } from '../../lib/conversation/types';
import type { BackgroundToPanel, PanelToBackground, RunCommand, RunUpdate, TabView } from '../../lib/messaging/protocol';
import { PANEL_PORT, RUN_PORT } from '../../lib/messaging/protocol';
import { sendToBackground } from '../../lib/messaging/send';
import type { Action, ScriptResult, Suggestion } from '../../lib/context/types';
import { decisionOf, withProposalDecision } from '../../lib/conversation/merge-turns';
import { followServedTab } from './tab-binding';
import { DEFAULT_SETTINGS, modelSource, readSettings, settingsItem } from '../../lib/storage/settings';
import { checkOnDevice, serveOnDevice } from './on-device';

export const servedTabId = signal<number | null>(null);
export const tabView = signal<TabView | null>(null);
export const connection = signal<'connecting' | 'ready' | 'unreadable'>('connecting');
export const conversation = signal<Conversation | null>(null);
export const runError = signal<string | null>(null);

let panelPort: Browser.runtime.Port | null = null;
let runPort: Browser.runtime.Port | null = null;
export const running = signal(false);

function connectPanel(): Browser.runtime.Port {
  const opened = browser.runtime.connect({ name: PANEL_PORT });
  opened.onMessage.addListener((message: unknown) => {
    const typed = message as BackgroundToPanel;
    if (typed.tabId !== servedTabId.value) return;
    if (typed.type === 'tab-view') {
      tabView.value = typed.view;
      connection.value = typed.view ? 'ready' : 'unreadable';
      if (typed.view) void runPendingHelp(typed.tabId).catch(reportFailure);
    }
    // A run in progress owns the conversation shown; the background's copy catches up when it ends.
    if (typed.type === 'conversation' && !running.value) conversation.value = typed.conversation;
  });
  // The service worker may be stopped at any time; reconnect and re-watch the served tab.
  opened.onDisconnect.addListener(() => {
    panelPort = null;
    setTimeout(() => {
      panelPort = connectPanel();
      if (servedTabId.value !== null) watch(servedTabId.value);
    }, 100);
  });
  return opened;
}

function watch(tabId: number): void {
  panelPort ??= connectPanel();
  const message: PanelToBackground = { type: 'tab-watch', tabId };
  panelPort.postMessage(message);
}

export function startPanelStore(): void {
  watchProvider();
  void checkOnDevice();
  panelPort = connectPanel();
  void followServedTab((tabId, reason) => {
    if (reason !== 'navigate') {
      servedTabId.value = tabId;
      tabView.value = null;
      conversation.value = null;
      connection.value = 'connecting';
    }
    watch(tabId);
  });
}

function updateTurn(turnId: string, update: (turn: AssistantTurn) => AssistantTurn): void {
  const current = conversation.value;
  if (!current) return;
  conversation.value = {
    ...current,
    turns: current.turns.map((turn) => (turn.id === turnId && turn.role === 'assistant' ? update(turn) : turn)),
  };
}

/**
 * Streamed text arrives a few characters at a time, and each render parses and sanitises the whole
 * answer's markdown again: a 15 KB answer streamed at full speed took 28–34 s to show when every delta
 * rendered. Text deltas are applied at most once per interval, which grows with the answer (so does a
 * render's cost) from a frame to a quarter of a second; everything else is applied at once.
 */
const FRAME_MS = 16;
const MAX_TEXT_INTERVAL_MS = 250;
/** Characters of answer per millisecond of interval: about 1 ms of render per 100 characters here. */
const CHARS_PER_INTERVAL_MS = 100;
let pendingEvents: { turnId: string; event: AgentEvent }[] = [];
let flushTimer: ReturnType<typeof setTimeout> | undefined;
/** When text was last rendered: text after a pause (the answer's first, above all) shows at once. */
let lastTextFlush = Number.NEGATIVE_INFINITY;
let textInterval = FRAME_MS;

function applyRunEvent(turnId: string, event: AgentEvent): void {
  pendingEvents.push({ turnId, event });
  if (event.type !== 'text-delta' || performance.now() - lastTextFlush >= textInterval) flushRunEvents();
  else flushTimer ??= setTimeout(flushRunEvents, textInterval);
}

function streamedChars(turnId: string): number {
  const turn = conversation.value?.turns.find((candidate) => candidate.id === turnId);
  if (turn?.role !== 'assistant') return 0;
  return turn.parts.reduce((total, part) => total + (part.kind === 'text' ? part.text.length : 0), 0);
}

function flushRunEvents(): void {
  clearTimeout(flushTimer);
  flushTimer = undefined;
  const events = pendingEvents;
  const lastText = events.findLast((entry) => entry.event.type === 'text-delta');
  pendingEvents = [];
  // Preact renders once for all of these updates, after this function returns.
  for (const { turnId, event } of events) updateTurn(turnId, (turn) => applyAgentEvent(turn, event));
  if (lastText !== undefined) {
    lastTextFlush = performance.now();
    textInterval = Math.min(MAX_TEXT_INTERVAL_MS, Math.max(FRAME_MS, streamedChars(lastText.turnId) / CHARS_PER_INTERVAL_MS));
  }
}

/** Starts a run (a question or a card's skill) on the served tab and streams it into the conversation. */
export function startRun(request: RunRequestSummary): void {
  const tabId = servedTabId.value;
  if (tabId === null || running.value) return;
  runError.value = null;
  running.value = true;
  const port = browser.runtime.connect({ name: RUN_PORT });
  runPort = port;
  port.onMessage.addListener((message: unknown) => {
    if (serveOnDevice(port, message)) return;
    const update = message as RunUpdate;
    if (update.type === 'run-accepted') conversation.value = update.conversation;
    if (update.type === 'run-event') applyRunEvent(update.turnId, update.event);
    if (update.type === 'run-rejected') runError.value = update.error.message;
  });
  port.onDisconnect.addListener(() => {
    flushRunEvents();
    running.value = false;
    if (runPort === port) runPort = null;
  });
  const command: RunCommand = { type: 'run-start', tabId, conversationId: conversation.value?.id ?? null, request };
  port.postMessage(command);
}

export function stopRun(): void {
  const command: RunCommand = { type: 'run-stop' };
  runPort?.postMessage(command);
}

export function newConversation(): void {
  if (running.value) return;
  conversation.value = null;
}

export async function rerunScript(code: string, skill?: string): Promise<ScriptResult> {
  const tabId = servedTabId.value;
  if (tabId === null) return { ok: false, error: 'No tab is being served', logs: [], ms: 0 };
  try {
    return await sendToBackground('script-rerun', skill === undefined ? { tabId, code } : { tabId, code, skill });
  } catch (error) {
    return { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error), logs: [], ms: 0 };
  }
}

// ─── Suggestions and actions ────────────────────────────────────────────────

/** Action cards accepted from the deck, waiting for approval (they are not part of a conversation). */
export const pendingActions = signal<ProposedAction[]>([]);

export function acceptSuggestion(suggestion: Suggestion): void {
  const tabId = servedTabId.value;
  if (tabId === null) return;
  // Out of the deck at once, as a dismissed card is; the background keeps it out for this page.
  const view = tabView.value;
  if (view) tabView.value = { ...view, suggestions: view.suggestions.filter((candidate) => candidate.id !== suggestion.id), accepted: [...view.accepted, suggestion] };
  void sendToBackground('suggestion-feedback', { tabId, suggestionId: suggestion.id, verdict: 'accept' }).catch(reportFailure);
  const run = suggestion.run;
  if ('skill' in run) startRun({ type: 'skill', skill: run.skill, title: suggestion.title });
  // The conversation shows the card's title as what the user asked; the model gets the full question.
  else if ('ask' in run) startRun({ type: 'ask', question: run.ask, quote: run.quote, title: suggestion.title });
  else pendingActions.value = [...pendingActions.value, { callId: suggestion.id, action: run.action, why: suggestion.why, status: 'proposed' }];
}

export function dismissSuggestion(suggestion: Suggestion): void {
  const tabId = servedTabId.value;
  const view = tabView.value;
  if (tabId === null || !view) return;
  // Gone at once; the background's recount (and a mute after three dismissals) follows.
  tabView.value = { ...view, suggestions: view.suggestions.filter((candidate) => candidate.id !== suggestion.id) };
  void sendToBackground('suggestion-feedback', { tabId, suggestionId: suggestion.id, verdict: 'dismiss' }).catch(reportFailure);
}

function reportFailure(error: unknown): void {
  runError.value = error instanceof Error ? error.message : String(error);
}

function updateProposal(turnId: string | null, callId: string, update: Partial<ProposedAction>): void {
  if (turnId === null) {
    pendingActions.value = pendingActions.value.map((proposal) => (proposal.callId === callId ? { ...proposal, ...update } : proposal));
    return;
  }
  const current = conversation.value;
  const proposal = current?.turns
    .flatMap((turn) => (turn.id === turnId && turn.role === 'assistant' ? turn.parts : []))
    .find((part) => part.kind === 'action' && part.proposal.callId === callId);
  if (!current || proposal?.kind !== 'action') return;
  const decision = decisionOf({ ...proposal.proposal, ...update });
  conversation.value = withProposalDecision(current, turnId, callId, decision) ?? current;
  // Stored too: a question asked next, or the panel opened again, shows the decision and keeps the undo.
  void sendToBackground('proposal-update', { conversationId: current.id, turnId, callId, decision }).catch(reportFailure);
}

/** The user's click: the only path by which an action runs. */
export async function approveAction(turnId: string | null, proposal: ProposedAction): Promise<void> {
  const tabId = servedTabId.value;
  if (tabId === null) return;
  const { action } = proposal;
  if (action.type === 'copy') {
    try {
      await navigator.clipboard.writeText(action.text);
      updateProposal(turnId, proposal.callId, { status: 'done', message: 'Copied to the clipboard.' });
    } catch (error) {
      updateProposal(turnId, proposal.callId, { status: 'failed', message: `Could not copy: ${String(error)}` });
    }
    return;
  }
  try {
    const current = conversation.value;
    // The background runs the proposal it stored, not an action sent from here.
    if (turnId !== null && !current) throw new Error('The conversation is not loaded.');
    const ref = turnId === null || !current ? { suggestionId: proposal.callId } : { conversationId: current.id, turnId, callId: proposal.callId };
    const outcome = await sendToBackground('action-execute', { tabId, proposal: ref });
    if (outcome.ok) updateProposal(turnId, proposal.callId, { status: 'done', message: outcome.message, undoToken: outcome.undoToken });
    else updateProposal(turnId, proposal.callId, { status: 'failed', message: outcome.error.message });
  } catch (error) {
    updateProposal(turnId, proposal.callId, { status: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

export function dismissAction(turnId: string | null, proposal: ProposedAction): void {
  updateProposal(turnId, proposal.callId, { status: 'dismissed', message: 'Dismissed; nothing was changed.' });
  void previewAction(null);
}

export async function undoAction(turnId: string | null, proposal: ProposedAction): Promise<void> {
  const tabId = servedTabId.value;
  if (tabId === null || !proposal.undoToken) return;
  const outcome = await sendToBackground('action-undo', { tabId, undoToken: proposal.undoToken }).catch((error: unknown) => ({
    ok: false as const,
    error: { name: 'Error', message: String(error) },
  }));
  if (outcome.ok) updateProposal(turnId, proposal.callId, { status: 'undone', undoToken: undefined, message: outcome.message });
  else updateProposal(turnId, proposal.callId, { message: `Undo failed: ${outcome.error.message}` });
}

/**
 * Outlines a proposed action's target on the page (null clears it), so the user sees what would change,
 * and answers what the page found there: the element's name, or why the action could not run on it.
 */
export async function previewAction(action: Action | null): Promise<TargetReport> {
  const tabId = servedTabId.value;
  if (tabId === null) return {};
  try {
    const outcome = await sendToBackground('action-preview', { tabId, action });
    const label = outcome.targetLabel === undefined ? {} : { label: outcome.targetLabel };
    return outcome.ok ? label : { ...label, problem: outcome.error.message };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

// ─── In-page help (entrypoints/content/in-page-help) ────────────────────────

/** Runs what a button in the page asked for, once the panel has the tab's view (its cards) and no run is going. */
async function runPendingHelp(tabId: number): Promise<void> {
  // Busy: the request stays with the background and is taken with the next view.
  if (running.value) return;
  const request = await sendToBackground('help-take', { tabId });
  if (!request || servedTabId.value !== tabId) return;
  if ('ask' in request) {
    startRun({ type: 'ask', question: request.ask, quote: request.quote });
    return;
  }
  const view = tabView.value;
  const card = view && [...view.suggestions, ...view.accepted].find((suggestion) => suggestion.rule === request.suggestionRule);
  // The card may be muted or proactivity off; the same help is then asked as a question.
  if (card) acceptSuggestion(card);
  else startRun({ type: 'ask', question: request.title });
}

// ─── Context details, history ───────────────────────────────────────────────

export async function excludeSection(section: string, excluded: boolean): Promise<void> {
  const tabId = servedTabId.value;
  if (tabId === null) return;
  try {
    const view = await sendToBackground('context-exclude', { tabId, section, excluded });
    if (view) tabView.value = view;
  } catch (error) {
    reportFailure(error);
  }
}

export const history = signal<ConversationSummary[] | null>(null);

export async function showHistory(): Promise<void> {
  try {
    history.value = await sendToBackground('conversation-list', {});
  } catch (error) {
    reportFailure(error);
  }
}

export function hideHistory(): void {
  history.value = null;
}

export async function openConversation(id: string): Promise<void> {
  if (running.value) return;
  try {
    const loaded = await sendToBackground('conversation-get', { id });
    if (loaded) conversation.value = loaded;
    history.value = null;
  } catch (error) {
    reportFailure(error);
  }
}

export async function removeConversation(id: string): Promise<void> {
  try {
    await sendToBackground('conversation-delete', { id });
    if (conversation.value?.id === id) conversation.value = null;
    history.value = (history.value ?? []).filter((entry) => entry.id !== id);
  } catch (error) {
    reportFailure(error);
  }
}

/** Whether a model answers questions (a server, or the on-device model): without one the panel says what works offline. */
export const hasProvider = signal<boolean | null>(null);
/** Which one, for the welcome screen. */
export const providerSource = signal<'server' | 'on-device' | null>(null);

export function watchProvider(): void {
  const follow = (source: 'server' | 'on-device' | null) => {
    providerSource.value = source;
    hasProvider.value = source !== null;
  };
  void readSettings().then((settings) => follow(modelSource(settings)));
  settingsItem.watch((settings) => follow(modelSource({ ...DEFAULT_SETTINGS, ...settings })));
}
