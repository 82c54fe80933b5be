// The one way an action reaches a page: the user approved a proposal in the panel, and it is still the
// undecided (or failed) proposal it was, made in this tab on the page the tab shows now.
import { browser } from 'wxt/browser';
import type { Action } from '../../lib/context/types';
import { claimProposal, placeRefusal, type ApprovalPlace, type ProposalRef } from '../../lib/conversation/claim-proposal';
import { withProposalDecision } from '../../lib/conversation/merge-turns';
import { pageKey } from '../../lib/conversation/page-key';
import type { ActionOutcome } from '../../lib/messaging/protocol';
import { sendToTab } from '../../lib/messaging/send';
import { updateConversation } from '../../lib/storage/conversations';
import { getTabView } from './tab-store';
import { cardOf } from './tab-views';

/** Deck cards already run, per tab and page: a card is a proposal too, and runs once. */
const ranCards = new Set<string>();

export async function runApprovedProposal(tabId: number, ref: ProposalRef): Promise<ActionOutcome> {
  const place: ApprovalPlace = { tabId, url: (await browser.tabs.get(tabId)).url ?? '' };
  if ('suggestionId' in ref) return runApprovedCard(place, ref.suggestionId);
  let claimed: Action | null = null;
  let refusal = 'No such proposal.';
  // Claimed through the conversation queue, so it sees the run's latest write and no second approval slips in.
  await updateConversation(ref.conversationId, (stored) => {
    const claim = claimProposal(stored, ref.turnId, ref.callId, place);
    if (!claim.ok) {
      refusal = claim.reason;
      return null;
    }
    claimed = claim.action;
    return claim.conversation;
  });
  if (claimed === null) return refused(refusal);
  const outcome = await runAction(tabId, claimed);
  const decision = outcome.ok
    ? { status: 'done' as const, message: outcome.message, ...(outcome.undoToken ? { undoToken: outcome.undoToken } : {}) }
    : { status: 'failed' as const, message: outcome.error.message };
  await updateConversation(ref.conversationId, (stored) => (stored ? withProposalDecision(stored, ref.turnId, ref.callId, decision) : null));
  return outcome;
}

async function runApprovedCard(place: ApprovalPlace, suggestionId: string): Promise<ActionOutcome> {
  const view = await getTabView(place.tabId);
  const card = view ? cardOf(view, suggestionId) : undefined;
  if (!view || !card || !('action' in card.run)) return refused('This card is not on the page any more.');
  const refusal = placeRefusal({ tabId: view.tabId, url: view.context.url }, place);
  if (refusal) return refused(refusal);
  const key = `${place.tabId} ${pageKey(place.url)} ${suggestionId}`;
  if (ranCards.has(key)) return refused('This card was already run on this page.');
  ranCards.add(key);
  // A card that failed changed nothing on the page: its Retry may run it again.
  let outcome: ActionOutcome | undefined;
  try {
    outcome = await runAction(place.tabId, card.run.action);
    return outcome;
  } finally {
    if (!outcome?.ok) ranCards.delete(key);
  }
}

async function runAction(tabId: number, action: Action): Promise<ActionOutcome> {
  if (action.type === 'open') {
    await browser.tabs.create({ url: action.url, openerTabId: tabId });
    return { ok: true, message: `Opened ${action.url}` };
  }
  // Copy needs the panel's user gesture for the clipboard; the panel does it itself.
  if (action.type === 'copy') return refused('Copy runs in the panel.', 'UnsupportedActionError');
  return sendToTab(tabId, 'action-execute', { action });
}

function refused(message: string, name = 'UnboundProposalError'): ActionOutcome {
  return { ok: false, error: { name, message } };
}
