// The contract between the suggestion engine (index.ts) and its rules, plus the shape of remembered feedback.
import type { PageContext, PageKind, Suggestion } from '../context/types';

/** What a rule proposes; the engine adds the stable `id` and the `rule` that produced it. */
export type SuggestionDraft = Omit<Suggestion, 'id' | 'rule'>;

/**
 * One proactive rule: pure, offline and fast (it runs on every capture). `suggest` returns no cards
 * when its evidence is absent; `why` always names that evidence (numbers, names) for the user.
 */
export interface Rule {
  id: string;
  kinds: readonly PageKind[] | 'any';
  suggest(context: PageContext): SuggestionDraft[];
}

export interface FeedbackCount {
  dismissed: number;
  accepted: number;
}

/** Feedback per page kind and rule, keyed `${kind}:${ruleId}` (see feedbackKey). */
export type FeedbackLog = Record<string, FeedbackCount>;

export type FeedbackVerdict = 'accept' | 'dismiss';

/** A rule dismissed this many times on one page kind is no longer shown there until reset. */
export const MUTE_AFTER_DISMISSALS = 3;

/** A rule that threw or returned something that is not a list of cards; the other rules still ran. */
export interface RuleFailure {
  rule: string;
  error: string;
}

export interface SuggestOptions {
  /** Most cards returned, best first; default 5. */
  limit?: number;
  /** The rules to run; default the built-in registry (tests pass their own). */
  rules?: readonly Rule[];
  /**
   * Whether a model provider is configured. Without one, cards that ask the model are left out before the
   * cut to `limit`: they could only fail, and must not push an offline card off the deck. Default true.
   */
  modelAvailable?: boolean;
}

export interface SuggestReport {
  suggestions: Suggestion[];
  errors: RuleFailure[];
}
