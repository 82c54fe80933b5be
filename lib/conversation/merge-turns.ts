// Writing a run's turns into the stored conversation without losing what else was stored meanwhile:
// another run's turns (a second panel on the same conversation) and the user's decisions on proposed
// actions (approved, dismissed, undone), which the panel stores while the run holds an older copy.
import type { AssistantPart, Conversation, ProposedAction, Turn } from './types';

/** The stored conversation with `turns` put in place of their stored copies (or appended, in order). */
export function mergeTurns(stored: Conversation, turns: readonly Turn[], updatedAt: number): Conversation {
  const storedIds = new Set(stored.turns.map((turn) => turn.id));
  const merged = stored.turns.map((turn) => {
    const written = turns.find((candidate) => candidate.id === turn.id);
    return written === undefined ? turn : keepDecisions(written, turn);
  });
  for (const turn of turns) if (!storedIds.has(turn.id)) merged.push(turn);
  return { ...stored, updatedAt: Math.max(stored.updatedAt, updatedAt), turns: merged };
}

/** A run only ever proposes; a stored status other than 'proposed' is the user's and wins. */
function keepDecisions(written: Turn, stored: Turn): Turn {
  if (written.role !== 'assistant' || stored.role !== 'assistant') return written;
  const decided = new Map<string, ProposedAction>();
  for (const part of stored.parts) if (part.kind === 'action' && part.proposal.status !== 'proposed') decided.set(part.proposal.callId, part.proposal);
  if (decided.size === 0) return written;
  return { ...written, parts: written.parts.map((part) => withDecision(part, decided)) };
}

function withDecision(part: AssistantPart, decided: ReadonlyMap<string, ProposedAction>): AssistantPart {
  if (part.kind !== 'action') return part;
  const decision = decided.get(part.proposal.callId);
  return decision === undefined ? part : { kind: 'action', proposal: decision };
}

/** What the user may change about a proposal after the run: its outcome, never the action itself. */
export type ProposalDecision = Pick<ProposedAction, 'status' | 'message' | 'undoToken'>;

/** A proposal's decision as stored: only the fields it has. */
export function decisionOf(proposal: ProposedAction): ProposalDecision {
  const decision: ProposalDecision = { status: proposal.status };
  if (proposal.message !== undefined) decision.message = proposal.message;
  if (proposal.undoToken !== undefined) decision.undoToken = proposal.undoToken;
  return decision;
}

/** The conversation with one proposal's decision recorded, or null when there is no such proposal. */
export function withProposalDecision(conversation: Conversation, turnId: string, callId: string, decision: ProposalDecision): Conversation | null {
  let found = false;
  const turns = conversation.turns.map((turn): Turn => {
    if (turn.id !== turnId || turn.role !== 'assistant') return turn;
    const parts = turn.parts.map((part): AssistantPart => {
      if (part.kind !== 'action' || part.proposal.callId !== callId) return part;
      found = true;
      const proposal: ProposedAction = { ...part.proposal, status: decision.status };
      if (decision.message !== undefined) proposal.message = decision.message;
      else delete proposal.message;
      if (decision.undoToken !== undefined) proposal.undoToken = decision.undoToken;
      else delete proposal.undoToken;
      return { kind: 'action', proposal };
    });
    return { ...turn, parts };
  });
  return found ? { ...conversation, turns } : null;
}
