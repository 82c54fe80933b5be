import { describe, expect, it } from 'vitest';
import { mergeTurns, withProposalDecision } from './merge-turns';
import type { AssistantTurn, Conversation, ProposedAction, UserTurn } from './types';

const proposal = (status: ProposedAction['status'], extra: Partial<ProposedAction> = {}): ProposedAction => ({
  callId: 'call-1',
  action: { type: 'copy', text: 'LGTM' },
  why: 'asked for a review',
  status,
  ...extra,
});

const user = (id: string): UserTurn => ({ role: 'user', id, text: `question ${id}`, at: 1 });
const assistant = (id: string, status: AssistantTurn['status'], parts: AssistantTurn['parts'] = []): AssistantTurn => ({
  role: 'assistant', id, at: 1, status, parts, request: { type: 'ask', question: 'q' },
});

function conversation(turns: Conversation['turns']): Conversation {
  return { id: 'c1', url: 'https://github.com/a/b/pull/1', title: 'PR', kind: 'github.pull', createdAt: 1, updatedAt: 5, turns };
}

describe('mergeTurns', () => {
  it('replaces the run’s turns in place and appends new ones, keeping turns another run stored', () => {
    const stored = conversation([user('u1'), assistant('a1', 'running'), user('u2'), assistant('a2', 'done')]);
    const merged = mergeTurns(stored, [user('u1'), assistant('a1', 'done', [{ kind: 'text', text: 'answer' }])], 9);
    expect(merged.turns.map((turn) => turn.id)).toEqual(['u1', 'a1', 'u2', 'a2']);
    expect(merged.turns[1]).toMatchObject({ status: 'done', parts: [{ kind: 'text', text: 'answer' }] });
    expect(merged.updatedAt).toBe(9);
    expect(mergeTurns(conversation([]), [user('u3'), assistant('a3', 'running')], 2).turns.map((turn) => turn.id)).toEqual(['u3', 'a3']);
  });

  it('keeps the user’s decision on a proposal over the run’s copy, which only ever proposes', () => {
    const stored = conversation([user('u1'), assistant('a1', 'running', [{ kind: 'action', proposal: proposal('done', { message: 'Copied.', undoToken: 't' }) }])]);
    const run = assistant('a1', 'done', [{ kind: 'action', proposal: proposal('proposed') }, { kind: 'text', text: 'Proposed a comment.' }]);
    const merged = mergeTurns(stored, [user('u1'), run], 9);
    expect(merged.turns[1]).toMatchObject({ status: 'done', parts: [{ kind: 'action', proposal: { status: 'done', undoToken: 't' } }, { kind: 'text' }] });
  });
});

describe('withProposalDecision', () => {
  it('records the status, message and undo token of one proposal', () => {
    const stored = conversation([user('u1'), assistant('a1', 'done', [{ kind: 'action', proposal: proposal('done', { undoToken: 'old' }) }])]);
    const undone = withProposalDecision(stored, 'a1', 'call-1', { status: 'undone', message: 'Undone.' });
    const part = (undone?.turns[1] as AssistantTurn).parts[0];
    expect(part).toEqual({ kind: 'action', proposal: { ...proposal('undone'), message: 'Undone.' } });
  });

  it('gives null for a proposal that is not there', () => {
    const stored = conversation([user('u1'), assistant('a1', 'done', [{ kind: 'action', proposal: proposal('proposed') }])]);
    expect(withProposalDecision(stored, 'a1', 'call-2', { status: 'dismissed' })).toBeNull();
    expect(withProposalDecision(stored, 'u1', 'call-1', { status: 'dismissed' })).toBeNull();
  });
});
