// An approved action runs only as the proposal it was shown as: one the background stored, not yet
// decided (a failed one may be retried), made in this tab on the page that is open now. The panel names the proposal; the action that
// runs is the stored one, so a page of the extension cannot ask for anything that was never proposed.
import type { Action } from '../context/types';
import { withProposalDecision } from './merge-turns';
import { pageKey } from './page-key';
import type { Conversation } from './types';

/** Which proposal the user approved: one in a conversation's turn, or a card from the suggestion deck. */
export type ProposalRef = { conversationId: string; turnId: string; callId: string } | { suggestionId: string };

/** Where the approval was given: the tab and the page it shows. */
export interface ApprovalPlace {
  tabId: number;
  url: string;
}

export type ProposalClaim = { ok: true; action: Action; conversation: Conversation } | { ok: false; reason: string };

/** While it runs, the proposal counts as decided, so a second approval cannot run it again. */
const RUNNING_MESSAGE = 'Approved; running on the page…';

export function claimProposal(stored: Conversation | null, turnId: string, callId: string, place: ApprovalPlace): ProposalClaim {
  if (!stored) return { ok: false, reason: 'This conversation is no longer stored, so its proposals cannot run.' };
  const turn = stored.turns.find((candidate) => candidate.id === turnId);
  if (!turn || turn.role !== 'assistant') return { ok: false, reason: 'No such answer in this conversation.' };
  const part = turn.parts.find((candidate) => candidate.kind === 'action' && candidate.proposal.callId === callId);
  if (part?.kind !== 'action') return { ok: false, reason: 'No such proposal in this answer.' };
  // A failed run changed nothing (the target was missing, or refused), so the user may approve it again.
  if (part.proposal.status !== 'proposed' && part.proposal.status !== 'failed') return { ok: false, reason: 'This proposal was already decided.' };
  const refusal = placeRefusal(turn.page, place);
  if (refusal) return { ok: false, reason: refusal };
  const conversation = withProposalDecision(stored, turnId, callId, { status: 'done', message: RUNNING_MESSAGE });
  return conversation ? { ok: true, action: part.proposal.action, conversation } : { ok: false, reason: 'No such proposal in this answer.' };
}

/** Why a proposal made at `made` may not run at `place`, or undefined when it may. */
export function placeRefusal(made: ApprovalPlace | undefined, place: ApprovalPlace): string | undefined {
  if (!made) return 'This proposal was made before Tandem recorded where proposals come from; ask again on this page.';
  if (made.tabId !== place.tabId) return 'This proposal was made in another tab; it can only run there.';
  if (pageKey(made.url) !== pageKey(place.url)) return 'This proposal was made on another page; open that page to act on it.';
  return undefined;
}
