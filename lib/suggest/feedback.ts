// Remembered accepts and dismissals per page kind and rule; every function is pure and returns a new log.
import type { PageKind } from '../context/types';
import { MUTE_AFTER_DISMISSALS, type FeedbackCount, type FeedbackLog, type FeedbackVerdict } from './types';

/** How far one earlier dismissal lowers a card's score, and one accept raises it. */
const DISMISSAL_PENALTY = 0.1;
const ACCEPT_BONUS = 0.05;
/** Accepts beyond this stop adding: a habit should not bury urgent cards from other rules. */
const MAX_COUNTED_ACCEPTS = 3;

export function feedbackKey(kind: PageKind, ruleId: string): string {
  return `${kind}:${ruleId}`;
}

export function feedbackFor(log: FeedbackLog, kind: PageKind, ruleId: string): FeedbackCount {
  return log[feedbackKey(kind, ruleId)] ?? { dismissed: 0, accepted: 0 };
}

export function recordFeedback(log: FeedbackLog, kind: PageKind, ruleId: string, verdict: FeedbackVerdict): FeedbackLog {
  const current = feedbackFor(log, kind, ruleId);
  const next: FeedbackCount =
    verdict === 'dismiss' ? { ...current, dismissed: current.dismissed + 1 } : { ...current, accepted: current.accepted + 1 };
  return { ...log, [feedbackKey(kind, ruleId)]: next };
}

export function isMuted(log: FeedbackLog, kind: PageKind, ruleId: string): boolean {
  return feedbackFor(log, kind, ruleId).dismissed >= MUTE_AFTER_DISMISSALS;
}

/**
 * Forgets feedback: everything (no target), every rule on one kind, or one rule on one kind.
 * Returns a new log; the one passed in is left as it was.
 */
export function resetFeedback(log: FeedbackLog = {}, target?: { kind: PageKind; ruleId?: string }): FeedbackLog {
  if (!target) return {};
  if (target.ruleId !== undefined) {
    const { [feedbackKey(target.kind, target.ruleId)]: _forgotten, ...rest } = log;
    return rest;
  }
  const prefix = `${target.kind}:`;
  return Object.fromEntries(Object.entries(log).filter(([key]) => !key.startsWith(prefix)));
}

/** A rule's score after its history on this kind: lower for each dismissal, a little higher for accepts; kept in 0..1. */
export function adjustScore(score: number, feedback: FeedbackCount): number {
  const adjusted =
    score - DISMISSAL_PENALTY * feedback.dismissed + ACCEPT_BONUS * Math.min(feedback.accepted, MAX_COUNTED_ACCEPTS);
  return Math.min(1, Math.max(0, adjusted));
}
