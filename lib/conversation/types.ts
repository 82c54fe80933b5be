// A conversation as the panel shows it and storage keeps it: user turns, and assistant turns made of parts
// (streamed text, script trails, proposed actions, notes) in the order they happened.
import type { Action, PageKind, PageQuote, ScriptResult } from '../context/types';
import type { AgentErrorInfo } from '../agent/errors';

export interface ScriptTrail {
  callId: string;
  code: string;
  source: 'model' | 'skill';
  skill?: string;
  status: 'running' | 'done';
  result?: ScriptResult;
  /** What the script read, in words: "page: github.pull · 14 files · 1,203 diff lines". */
  inputSummary?: string;
}

export type ActionStatus = 'proposed' | 'done' | 'dismissed' | 'failed' | 'undone';

export interface ProposedAction {
  callId: string;
  action: Action;
  why: string;
  status: ActionStatus;
  message?: string;
  undoToken?: string;
}

export type AssistantPart =
  | { kind: 'text'; text: string }
  | { kind: 'script'; trail: ScriptTrail }
  | { kind: 'action'; proposal: ProposedAction }
  | { kind: 'note'; text: string };

export interface UserTurn {
  role: 'user';
  id: string;
  text: string;
  /** What the model was asked, when it is not the text shown (a card shows its title, and asks more). */
  question?: string;
  /** Page text the question is about, shown quoted under it and sent to the model as page data. */
  quote?: PageQuote;
  at: number;
}

export type AssistantStatus = 'running' | 'done' | 'error' | 'stopped';

export interface AssistantTurn {
  role: 'assistant';
  id: string;
  at: number;
  status: AssistantStatus;
  parts: AssistantPart[];
  error?: AgentErrorInfo;
  /** The question or card this turn answers, so Retry can ask it again. */
  request: RunRequestSummary;
  /** The tab and page the turn ran on: its proposals may run there only (absent in the terminal). */
  page?: { tabId: number; url: string };
}

export type RunRequestSummary =
  /** `title`: what the conversation shows as the user's message when a card asked (its question is long and internal). */
  | { type: 'ask'; question: string; quote?: PageQuote; title?: string }
  | { type: 'skill'; skill: string; title: string };

export type Turn = UserTurn | AssistantTurn;

export interface Conversation {
  id: string;
  url: string;
  title: string;
  /** The tab it was held in; the panel reopens it there (absent in the terminal). */
  tabId?: number;
  kind: PageKind;
  createdAt: number;
  updatedAt: number;
  turns: Turn[];
}

export interface ConversationSummary {
  id: string;
  url: string;
  title: string;
  tabId?: number;
  updatedAt: number;
  /** The first question, for the history list. */
  preview: string;
}
