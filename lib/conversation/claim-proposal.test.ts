import { describe, expect, it } from 'vitest';
import { claimProposal, placeRefusal } from './claim-proposal';
import type { AssistantTurn, Conversation } from './types';

const PAGE = 'https://github.com/acme/widgets/pull/42';
const fill = { type: 'fill' as const, selector: '#new_comment_field', label: 'Comment', text: 'Looks good' };

function conversation(turn: Partial<AssistantTurn> = {}): Conversation {
  return {
    id: 'conversation-1', url: PAGE, title: 'PR', kind: 'github.pull', tabId: 7, createdAt: 0, updatedAt: 0,
    turns: [{
      role: 'assistant', id: 'turn-1', at: 0, status: 'done', request: { type: 'ask', question: 'Draft a review' },
      page: { tabId: 7, url: PAGE },
      parts: [{ kind: 'action', proposal: { callId: 'call_1', action: fill, why: 'Drafted', status: 'proposed' } }],
      ...turn,
    }],
  };
}

describe('claimProposal', () => {
  it('hands over the stored action and marks it decided, so a second approval is refused', () => {
    const claim = claimProposal(conversation(), 'turn-1', 'call_1', { tabId: 7, url: `${PAGE}#discussion_r1` });
    expect(claim.ok && claim.action).toEqual(fill);
    if (!claim.ok) return;
    const again = claimProposal(claim.conversation, 'turn-1', 'call_1', { tabId: 7, url: PAGE });
    expect(again).toEqual({ ok: false, reason: 'This proposal was already decided.' });
  });

  it('refuses a proposal made on another page, in another tab, or before proposals recorded their page', () => {
    expect(claimProposal(conversation(), 'turn-1', 'call_1', { tabId: 7, url: 'https://github.com/acme/widgets/pull/43' })).toMatchObject({ ok: false, reason: expect.stringMatching(/another page/) });
    expect(claimProposal(conversation(), 'turn-1', 'call_1', { tabId: 8, url: PAGE })).toMatchObject({ ok: false, reason: expect.stringMatching(/another tab/) });
    expect(claimProposal(conversation({ page: undefined }), 'turn-1', 'call_1', { tabId: 7, url: PAGE })).toMatchObject({ ok: false });
  });

  it('refuses what was never proposed, or is gone', () => {
    expect(claimProposal(conversation(), 'turn-1', 'call_2', { tabId: 7, url: PAGE })).toMatchObject({ ok: false });
    expect(claimProposal(conversation(), 'turn-2', 'call_1', { tabId: 7, url: PAGE })).toMatchObject({ ok: false });
    expect(claimProposal(null, 'turn-1', 'call_1', { tabId: 7, url: PAGE })).toMatchObject({ ok: false });
    const dismissed = conversation({ parts: [{ kind: 'action', proposal: { callId: 'call_1', action: fill, why: '', status: 'dismissed' } }] });
    expect(claimProposal(dismissed, 'turn-1', 'call_1', { tabId: 7, url: PAGE })).toMatchObject({ ok: false });
  });
});

describe('claimProposal on a failed proposal', () => {
  it('lets a failed approval be retried once, and refuses a retry that is already running', () => {
    const failed = conversation({ parts: [{ kind: 'action', proposal: { callId: 'call_1', action: fill, why: '', status: 'failed', message: 'No element matches.' } }] });
    const retry = claimProposal(failed, 'turn-1', 'call_1', { tabId: 7, url: PAGE });
    expect(retry.ok && retry.action).toEqual(fill);
    if (!retry.ok) return;
    expect(claimProposal(retry.conversation, 'turn-1', 'call_1', { tabId: 7, url: PAGE })).toEqual({ ok: false, reason: 'This proposal was already decided.' });
  });

  it('still refuses a failed proposal from another page', () => {
    const failed = conversation({ parts: [{ kind: 'action', proposal: { callId: 'call_1', action: fill, why: '', status: 'failed' } }] });
    expect(claimProposal(failed, 'turn-1', 'call_1', { tabId: 7, url: 'https://github.com/acme/widgets/pull/43' })).toMatchObject({ ok: false, reason: expect.stringMatching(/another page/) });
  });
});

describe('placeRefusal', () => {
  it('treats the page without its fragment as the same page', () => {
    expect(placeRefusal({ tabId: 1, url: `${PAGE}/files#diff-1` }, { tabId: 1, url: `${PAGE}/files#diff-2` })).toBeUndefined();
  });
});
