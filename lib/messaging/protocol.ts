// The one protocol between Tandem's contexts: every message name, who may send it, and its input/output.
// Types only (plus the name lists the sender checks need), so every context can import it.
import type { ConnectionTest, ProviderSettings } from '../agent/client';
import type { AgentEvent } from '../agent/events';
import type { ModelRequest, ModelResponse } from '../agent/on-device/channel';
import type { ContextSection } from '../context/sections';
import type { Action, Check, CheckLog, PageContext, PageReading, ScriptResult, Suggestion } from '../context/types';
import type { ProposalRef } from '../conversation/claim-proposal';
import type { ProposalDecision } from '../conversation/merge-turns';
import type { Conversation, ConversationSummary, RunRequestSummary } from '../conversation/types';
import type { HelpRequest } from '../in-page-help/types';
import type { SkillChoice, UserSkill, UserSkillDraft } from '../user-skills/types';

/** Who sent a message, decided from the browser's `sender`, never from the message itself. */
export type SenderRole = 'content' | 'extension';

/** What the panel shows about one tab. Built by the background from the latest capture. */
export interface TabView {
  tabId: number;
  context: PageContext;
  /** Tokens of the serialised context the model would receive. */
  tokens: number;
  /** Cards for this page, best first (empty when proactivity is off). */
  suggestions: Suggestion[];
  /** Ids of cards dismissed on this page. */
  dismissed: string[];
  /**
   * Cards accepted on this page: out of the deck and the badge's count, kept so an accepted action card can
   * still be approved (the background runs the card it stored).
   */
  accepted: Suggestion[];
  /** The parts of the capture, and those the user chose not to send to the model. */
  sections: ContextSection[];
  excluded: string[];
}

/** What happened to an approved action (or its preview, or its undo). */
export type ActionOutcome = { ok: true; message: string; undoToken?: string; targetLabel?: string } | { ok: false; error: { name: string; message: string }; targetLabel?: string };

/** Messages to the background through runtime.sendMessage. */
export interface BackgroundProtocol {
  'content-ready': { from: 'content'; input: { url: string }; output: { capture: boolean; githubHosts: string[]; /** Show in-page help buttons on this page. */ inPageHelp: boolean; /** Leave capture timings on the page's timeline. */ captureTimings: boolean } };
  /** The page as read (redacted); the background finishes it (finishReading) before anything uses it. */
  'context-update': { from: 'content'; input: { reading: PageReading }; output: { accepted: boolean } };
  'tab-view-get': { from: 'extension'; input: { tabId: number }; output: TabView | null };
  /** Re-run a script from a trail on the tab's current page data. */
  'script-rerun': { from: 'extension'; input: { tabId: number; code: string; /** The skill the trail came from: its limits apply. */ skill?: string }; output: ScriptResult };
  /** Records the user's decision on a proposed action (approved, dismissed, undone) in the stored conversation. */
  'proposal-update': {
    from: 'extension';
    input: { conversationId: string; turnId: string; callId: string; decision: ProposalDecision };
    output: { saved: boolean };
  };
  'conversation-list': { from: 'extension'; input: Record<string, never>; output: ConversationSummary[] };
  'conversation-get': { from: 'extension'; input: { id: string }; output: Conversation | null };
  'conversation-delete': { from: 'extension'; input: { id: string }; output: void };
  'provider-test': { from: 'extension'; input: { provider: ProviderSettings }; output: ConnectionTest };
  /**
   * Runs a proposal the user approved in the panel (never called without that click): the stored action of
   * an undecided proposal made in this tab on the page it shows now, never an action the message carries.
   */
  'action-execute': { from: 'extension'; input: { tabId: number; proposal: ProposalRef }; output: ActionOutcome };
  'action-preview': { from: 'extension'; input: { tabId: number; action: Action | null }; output: ActionOutcome };
  'action-undo': { from: 'extension'; input: { tabId: number; undoToken: string }; output: ActionOutcome };
  'suggestion-feedback': { from: 'extension'; input: { tabId: number; suggestionId: string; verdict: 'accept' | 'dismiss' }; output: void };
  /** Leaves one part of the capture out of what is sent to the model (or puts it back). */
  'context-exclude': { from: 'extension'; input: { tabId: number; section: string; excluded: boolean }; output: TabView | null };
  // In-page help: a click on a button in the page opens the panel, which then takes the request and runs it.
  'help-open': { from: 'content'; input: { request: HelpRequest }; output: { opened: 'side-panel' | 'window' } };
  'help-take': { from: 'extension'; input: { tabId: number }; output: HelpRequest | null };
  // Saved skills (lib/user-skills): the composer's `/` list, and every write to the saved list, checked here.
  'skill-list': { from: 'extension'; input: { tabId: number }; output: SkillChoice[] };
  'user-skill-save': { from: 'extension'; input: { skill: UserSkillDraft }; output: UserSkillSaved };
  'user-skill-delete': { from: 'extension'; input: { id: string }; output: { deleted: boolean } };
  /** An export file (lib/user-skills/export-file.ts), all checked before anything is written. */
  'settings-import': { from: 'extension'; input: { text: string }; output: SettingsImported };
}

export type SettingsImported = { ok: true; added: number; replaced: number } | { ok: false; problems: string[] };

/** A saved skill as stored, or what is wrong with it (nothing was written then). */
export type UserSkillSaved = { ok: true; skill: UserSkill } | { ok: false; problems: string[] };

/** Messages from the background to a tab's content script through tabs.sendMessage. */
export interface ContentProtocol {
  'context-capture': { from: 'extension'; input: { githubHosts: string[] }; output: PageReading };
  'section-read': { from: 'extension'; input: { section: string }; output: { text: string; found: boolean } };
  'action-execute': { from: 'extension'; input: { action: Action }; output: ActionOutcome };
  /** Outlines the target of a proposed action on the page; a null action clears the outline. */
  'action-preview': { from: 'extension'; input: { action: Action | null }; output: ActionOutcome };
  'action-undo': { from: 'extension'; input: { undoToken: string }; output: ActionOutcome };
  /** Follows the failing checks' links on the page's own origin and reads their job logs (redacted); others are refused. */
  'check-logs-read': { from: 'extension'; input: { checks: Pick<Check, 'name' | 'state' | 'link'>[] }; output: { logs: CheckLog[] } };
}

export type BackgroundMessageName = keyof BackgroundProtocol;
export type ContentMessageName = keyof ContentProtocol;

/** The content script's handlers, one per ContentProtocol name, each given its checked input. */
export type ContentHandlers = {
  [Name in ContentMessageName]: (input: ContentProtocol[Name]['input']) => Promise<ContentProtocol[Name]['output']>;
};

export const backgroundSenders: { [Name in BackgroundMessageName]: BackgroundProtocol[Name]['from'] } = {
  'content-ready': 'content',
  'context-update': 'content',
  'tab-view-get': 'extension',
  'script-rerun': 'extension',
  'proposal-update': 'extension',
  'conversation-list': 'extension',
  'conversation-get': 'extension',
  'conversation-delete': 'extension',
  'provider-test': 'extension',
  'action-execute': 'extension',
  'action-preview': 'extension',
  'action-undo': 'extension',
  'suggestion-feedback': 'extension',
  'context-exclude': 'extension',
  'help-open': 'content',
  'help-take': 'extension',
  'skill-list': 'extension',
  'user-skill-save': 'extension',
  'user-skill-delete': 'extension',
  'settings-import': 'extension',
};

export const contentSenders: { [Name in ContentMessageName]: ContentProtocol[Name]['from'] } = {
  'context-capture': 'extension',
  'section-read': 'extension',
  'action-execute': 'extension',
  'action-preview': 'extension',
  'action-undo': 'extension',
  'check-logs-read': 'extension',
};

/** The envelope every one-shot message travels in; `channel` keeps Tandem's messages apart from anyone else's. */
export interface Envelope<Name extends string = string> {
  channel: 'tandem';
  name: Name;
  input: unknown;
}

export type Reply<Output> = { ok: true; value: Output } | { ok: false, error: { name: string; message: string } };

// ─── The panel's long-lived port ────────────────────────────────────────────

export const PANEL_PORT = 'tandem-panel';

export type PanelToBackground = { type: 'tab-watch'; tabId: number };

export type BackgroundToPanel =
  | { type: 'tab-view'; tabId: number; view: TabView | null }
  /** The conversation the panel should show for the tab's page (the newest one about it). */
  | { type: 'conversation'; tabId: number; conversation: Conversation | null };

// ─── One port per run: a question or a card, streamed as agent events ───────

export const RUN_PORT = 'tandem-run';

export type RunCommand =
  | { type: 'run-start'; tabId: number; conversationId: string | null; request: RunRequestSummary }
  | { type: 'run-stop' }
  /** The panel's answers to the worker's on-device model calls (lib/agent/on-device/channel.ts). */
  | ModelResponse;

export type RunUpdate =
  /** The conversation with the new user turn and the (empty, running) assistant turn. */
  | { type: 'run-accepted'; conversation: Conversation; turnId: string }
  | { type: 'run-event'; turnId: string; event: AgentEvent }
  | { type: 'run-rejected'; error: { name: string; message: string } }
  /** A call to Chrome's on-device model, which only the panel can reach (lib/agent/on-device/channel.ts). */
  | ModelRequest;
