// suggest(context, feedback): every matching rule's cards, minus muted rules, re-scored by feedback,
// best first, with ids that stay the same when the same page is captured again.
import type { PageContext, Suggestion, SuggestionRun } from '../context/types';
import { adjustScore, feedbackFor } from './feedback';
import { rules as builtInRules } from './rules/index';
import { suggestionId } from './stable-id';
import {
  MUTE_AFTER_DISMISSALS,
  type FeedbackLog,
  type Rule,
  type RuleFailure,
  type SuggestionDraft,
  type SuggestOptions,
  type SuggestReport,
} from './types';

export { feedbackFor, feedbackKey, isMuted, recordFeedback, resetFeedback } from './feedback';
export { getRule, rules } from './rules/index';
export { suggestionId } from './stable-id';
export { MUTE_AFTER_DISMISSALS };
export type { FeedbackCount, FeedbackLog, FeedbackVerdict, Rule, RuleFailure, SuggestionDraft, SuggestOptions, SuggestReport } from './types';

export const DEFAULT_SUGGESTION_LIMIT = 5;

/** A rule returned something that is not a list of well-formed cards. */
export class RuleOutputError extends Error {
  override name = 'RuleOutputError';
}

function appliesTo(rule: Rule, context: PageContext): boolean {
  return rule.kinds === 'any' || rule.kinds.includes(context.kind);
}

/** Whether running the card needs the configured model: a question does, a skill or an action does not. */
export function needsModel(run: SuggestionRun): boolean {
  return 'ask' in run;
}

function isRun(run: unknown): run is SuggestionRun {
  if (typeof run !== 'object' || run === null) return false;
  const fields = run as Record<string, unknown>;
  if (typeof fields.skill === 'string' || typeof fields.ask === 'string') return true;
  return typeof fields.action === 'object' && fields.action !== null;
}

/** Cards reach the panel and the badge: a malformed one is the rule's bug, reported like a throw. */
function checkDrafts(drafts: unknown): SuggestionDraft[] {
  if (!Array.isArray(drafts)) throw new RuleOutputError(`expected a list of suggestions, got ${typeof drafts}`);
  for (const draft of drafts as Partial<SuggestionDraft>[]) {
    if (typeof draft?.title !== 'string' || draft.title === '') throw new RuleOutputError('a suggestion has no title');
    if (typeof draft.why !== 'string') throw new RuleOutputError(`“${draft.title}” has no why`);
    if (typeof draft.score !== 'number' || !Number.isFinite(draft.score)) throw new RuleOutputError(`“${draft.title}” has no numeric score`);
    if (!isRun(draft.run)) throw new RuleOutputError(`“${draft.title}” has no skill, ask or action to run`);
  }
  return drafts as SuggestionDraft[];
}

/** Three decimals: enough to rank, and no 0.5700000000000001 in the panel or the CLI's JSON. */
function roundScore(score: number): number {
  return Math.round(score * 1000) / 1000;
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Like suggest(), and also names the rules that failed (they are skipped, the others still count). */
export function suggestWithDiagnostics(context: PageContext, feedback: FeedbackLog = {}, options: SuggestOptions = {}): SuggestReport {
  const limit = options.limit ?? DEFAULT_SUGGESTION_LIMIT;
  const suggestions: Suggestion[] = [];
  const errors: RuleFailure[] = [];
  const usedIds = new Set<string>();
  const modelAvailable = options.modelAvailable ?? true;
  for (const rule of options.rules ?? builtInRules) {
    if (!appliesTo(rule, context)) continue;
    const history = feedbackFor(feedback, context.kind, rule.id);
    if (history.dismissed >= MUTE_AFTER_DISMISSALS) continue;
    let drafts: SuggestionDraft[];
    try {
      drafts = checkDrafts(rule.suggest(context));
    } catch (error) {
      // One broken rule must never take the other cards down with it; the failure is reported, not shown.
      errors.push({ rule: rule.id, error: describeError(error) });
      continue;
    }
    for (const draft of drafts) {
      if (!modelAvailable && needsModel(draft.run)) continue;
      let id = suggestionId(rule.id, context.url, draft.title);
      // Two cards of one rule with one title: numbered in rule order, which is stable for the same page.
      for (let copy = 2; usedIds.has(id); copy++) id = `${suggestionId(rule.id, context.url, draft.title)}-${copy}`;
      usedIds.add(id);
      suggestions.push({
        id,
        rule: rule.id,
        title: draft.title,
        why: draft.why,
        score: roundScore(adjustScore(Math.min(1, Math.max(0, draft.score)), history)),
        run: draft.run,
      });
    }
  }
  // Array.prototype.sort is stable: equal scores keep the registry's order.
  suggestions.sort((left, right) => right.score - left.score);
  return { suggestions: suggestions.slice(0, Math.max(0, limit)), errors };
}

/** The cards for this page, best first: pure, offline, and fast enough to run on every capture. */
export function suggest(context: PageContext, feedback: FeedbackLog = {}, options: SuggestOptions = {}): Suggestion[] {
  return suggestWithDiagnostics(context, feedback, options).suggestions;
}
