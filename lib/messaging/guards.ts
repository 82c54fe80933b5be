// Shape checks for every incoming message: content scripts run next to untrusted pages, so input is checked.
import type { InputGuards } from './background-router';
import type { ProviderSettings } from '../agent/client';
import { validateAction } from '../actions/validate';
import type { Action, PageContext, PageQuote, PageReading, PendingDiffFile } from '../context/types';
import { limits as githubLimits } from '../capture/github/limits';
import { DEFAULT_CAPTURE_LIMITS } from '../capture/limits';
import { pageKinds } from '../context/page-kinds';
import type { RunCommand } from './protocol';
import type { ProposalRef } from '../conversation/claim-proposal';
import type { ProposalDecision } from '../conversation/merge-turns';
import type { ActionStatus } from '../conversation/types';
import { IN_PAGE_QUESTIONS, MAX_QUOTE_CHARS } from '../in-page-help/requests';
import type { HelpRequest } from '../in-page-help/types';
import type { UserSkillDraft } from '../user-skills/types';
import { isUserSkillIdText } from '../user-skills/validate';
import { MAX_IMPORT_CHARS } from '../user-skills/export-file';

const PAGE_KINDS: ReadonlySet<string> = new Set(pageKinds);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isTabId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

export function isPageContext(value: unknown): value is PageContext {
  if (!isRecord(value)) return false;
  return (
    typeof value.url === 'string' &&
    typeof value.title === 'string' &&
    typeof value.kind === 'string' &&
    PAGE_KINDS.has(value.kind) &&
    typeof value.capturedAt === 'number' &&
    isRecord(value.facts) &&
    isRecord(value.data) &&
    typeof value.data.type === 'string' &&
    typeof value.redactions === 'number'
  );
}

// What a content script may leave to the background to parse, bounded as capture bounds it: its file cap,
// and its line cap with room for each file's headers and each hunk's `@@` line.
const MAX_PENDING_FILES = githubLimits.files;
const MAX_PENDING_LINES = 2 * githubLimits.diffLines;
// The page holds the reading to the data cap (as JSON) before sending it; some room for escaping aside.
const MAX_PENDING_CHARS = DEFAULT_CAPTURE_LIMITS.maxDataChars;

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

function isPendingDiff(value: unknown): value is PendingDiffFile[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_PENDING_FILES) return false;
  let lines = 0;
  let chars = 0;
  for (const entry of value) {
    if (!isRecord(entry) || !Array.isArray(entry.lines) || !isCount(entry.total) || !isCount(entry.additions) || !isCount(entry.deletions)) return false;
    lines += entry.lines.length;
    if (lines > MAX_PENDING_LINES) return false;
    for (const line of entry.lines) {
      if (typeof line !== 'string') return false;
      chars += line.length;
    }
    if (chars > MAX_PENDING_CHARS) return false;
  }
  return true;
}

/** A page as the content script read it: a PageContext, with a pull request's (commit's, compare's) `.diff` left to parse. */
export function isPageReading(value: unknown): value is PageReading {
  if (!isRecord(value) || !isPageContext(value.context)) return false;
  if (value.pendingDiff === undefined) return true;
  const data = value.context.data;
  // The parsed files take the place of `data.files`, which is empty until then.
  return (data.type === 'pull' || data.type === 'commit' || data.type === 'compare') && Array.isArray(data.files) && data.files.length === 0 && isPendingDiff(value.pendingDiff);
}

export const backgroundGuards: InputGuards = {
  'content-ready': (input): input is { url: string } => isRecord(input) && typeof input.url === 'string',
  'context-update': (input): input is { reading: PageReading } => isRecord(input) && isPageReading(input.reading),
  'tab-view-get': (input): input is { tabId: number } => isRecord(input) && isTabId(input.tabId),
  'script-rerun': (input): input is { tabId: number; code: string; skill?: string } =>
    isRecord(input) && isTabId(input.tabId) && typeof input.code === 'string' && input.code.length <= 200_000 &&
    (input.skill === undefined || (typeof input.skill === 'string' && /^[\w-]{1,80}$/.test(input.skill))),
  'proposal-update': (input): input is { conversationId: string; turnId: string; callId: string; decision: ProposalDecision } =>
    isRecord(input) && isConversationId(input.conversationId) && isConversationId(input.turnId) &&
    typeof input.callId === 'string' && input.callId.length > 0 && input.callId.length <= 200 && isProposalDecision(input.decision),
  'conversation-list': (input): input is Record<string, never> => isRecord(input),
  'conversation-get': (input): input is { id: string } => isRecord(input) && isConversationId(input.id),
  'conversation-delete': (input): input is { id: string } => isRecord(input) && isConversationId(input.id),
  'provider-test': (input): input is { provider: ProviderSettings } => isRecord(input) && isProviderSettings(input.provider),
  'action-execute': (input): input is { tabId: number; proposal: ProposalRef } =>
    isRecord(input) && Object.keys(input).length === 2 && isTabId(input.tabId) && isProposalRef(input.proposal),
  'action-preview': (input): input is { tabId: number; action: Action | null } =>
    isRecord(input) && isTabId(input.tabId) && (input.action === null || validateAction(input.action).ok),
  'action-undo': (input): input is { tabId: number; undoToken: string } =>
    isRecord(input) && isTabId(input.tabId) && typeof input.undoToken === 'string' && input.undoToken.length <= 200,
  'suggestion-feedback': (input): input is { tabId: number; suggestionId: string; verdict: 'accept' | 'dismiss' } =>
    isRecord(input) && isTabId(input.tabId) && typeof input.suggestionId === 'string' && input.suggestionId.length <= 200 &&
    (input.verdict === 'accept' || input.verdict === 'dismiss'),
  'context-exclude': (input): input is { tabId: number; section: string; excluded: boolean } =>
    isRecord(input) && isTabId(input.tabId) && typeof input.section === 'string' && /^\w{1,40}$/.test(input.section) &&
    typeof input.excluded === 'boolean',
  'help-open': (input): input is { request: HelpRequest } => isRecord(input) && isHelpRequest(input.request),
  'help-take': (input): input is { tabId: number } => isRecord(input) && isTabId(input.tabId),
  'skill-list': (input): input is { tabId: number } => isRecord(input) && isTabId(input.tabId),
  // Its fields are checked by the handler, which answers with every problem it finds for the user to fix.
  'user-skill-save': (input): input is { skill: UserSkillDraft } => isRecord(input) && isRecord(input.skill),
  'user-skill-delete': (input): input is { id: string } => isRecord(input) && isUserSkillIdText(input.id),
  'settings-import': (input): input is { text: string } => isRecord(input) && typeof input.text === 'string' && input.text.length <= MAX_IMPORT_CHARS,
};

/** A proposal named by where it is stored: a conversation's turn, or a card of the tab's suggestion deck. */
export function isProposalRef(value: unknown): value is ProposalRef {
  if (!isRecord(value)) return false;
  if ('suggestionId' in value) return Object.keys(value).length === 1 && typeof value.suggestionId === 'string' && value.suggestionId.length > 0 && value.suggestionId.length <= 200;
  return Object.keys(value).length === 3 && isConversationId(value.conversationId) && isConversationId(value.turnId) &&
    typeof value.callId === 'string' && value.callId.length > 0 && value.callId.length <= 200;
}

/** A card by its rule id, or one of Tandem's own questions with a bounded quote: what an in-page help button may ask for. */
export function isHelpRequest(value: unknown): value is HelpRequest {
  if (!isRecord(value)) return false;
  if (typeof value.ask === 'string') {
    const keys = Object.keys(value).length;
    return IN_PAGE_QUESTIONS.includes(value.ask) && (keys === 1 || (keys === 2 && isPageQuote(value.quote, MAX_QUOTE_CHARS)));
  }
  return typeof value.suggestionRule === 'string' && /^[a-z0-9-]{1,80}$/.test(value.suggestionRule) &&
    typeof value.title === 'string' && value.title.length <= 200 && Object.keys(value).length === 2;
}

const QUOTE_SOURCES: readonly string[] = ['selection', 'file path'] satisfies PageQuote['of'][];

export function isPageQuote(value: unknown, maxChars: number): value is PageQuote {
  return isRecord(value) && Object.keys(value).length === 2 && typeof value.of === 'string' && QUOTE_SOURCES.includes(value.of) &&
    typeof value.text === 'string' && value.text.trim() !== '' && value.text.length <= maxChars;
}

const ACTION_STATUSES: readonly string[] = ['proposed', 'done', 'dismissed', 'failed', 'undone'] satisfies ActionStatus[];

export function isProposalDecision(value: unknown): value is ProposalDecision {
  if (!isRecord(value) || typeof value.status !== 'string' || !ACTION_STATUSES.includes(value.status)) return false;
  const message = value.message === undefined || (typeof value.message === 'string' && value.message.length <= 2_000);
  const undoToken = value.undoToken === undefined || (typeof value.undoToken === 'string' && value.undoToken.length <= 200);
  return message && undoToken && Object.keys(value).every((key) => key === 'status' || key === 'message' || key === 'undoToken');
}

export function isConversationId(value: unknown): value is string {
  return typeof value === 'string' && /^[\w-]{1,80}$/.test(value);
}

export function isProviderSettings(value: unknown): value is ProviderSettings {
  return (
    isRecord(value) &&
    typeof value.baseUrl === 'string' &&
    /^https?:\/\//.test(value.baseUrl) &&
    typeof value.model === 'string' &&
    (value.apiKey === undefined || typeof value.apiKey === 'string')
  );
}

/** The run port's start command: checked here with every other message shape. */
export function isRunStart(command: RunCommand): command is Extract<RunCommand, { type: 'run-start' }> {
  if (command.type !== 'run-start' || !isTabId(command.tabId)) return false;
  if (command.conversationId !== null && !isConversationId(command.conversationId)) return false;
  const request = command.request as unknown;
  if (!isRecord(request)) return false;
  if (request.type === 'ask') {
    return typeof request.question === 'string' && request.question.trim().length > 0 && request.question.length <= 20_000 &&
      (request.quote === undefined || isPageQuote(request.quote, 20_000)) &&
      (request.title === undefined || (typeof request.title === 'string' && request.title.trim().length > 0 && request.title.length <= 500));
  }
  return request.type === 'skill' && typeof request.skill === 'string' && typeof request.title === 'string';
}
