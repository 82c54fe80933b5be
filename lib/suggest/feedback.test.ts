import { describe, expect, it } from 'vitest';
import { adjustScore, feedbackKey, isMuted, recordFeedback, resetFeedback } from './feedback';
import { MUTE_AFTER_DISMISSALS, type FeedbackLog } from './types';

describe('feedback log', () => {
  it('counts per page kind and rule without touching the log passed in', () => {
    const empty: FeedbackLog = {};
    const once = recordFeedback(empty, 'github.pull', 'pull-large-change', 'dismiss');
    const twice = recordFeedback(once, 'github.pull', 'pull-large-change', 'accept');
    expect(empty).toEqual({});
    expect(once).toEqual({ 'github.pull:pull-large-change': { dismissed: 1, accepted: 0 } });
    expect(twice).toEqual({ 'github.pull:pull-large-change': { dismissed: 1, accepted: 1 } });
  });

  it('mutes a rule after three dismissals on that kind only', () => {
    expect(MUTE_AFTER_DISMISSALS).toBe(3);
    let log: FeedbackLog = {};
    for (let time = 1; time <= 2; time++) log = recordFeedback(log, 'docs', 'docs-tldr', 'dismiss');
    expect(isMuted(log, 'docs', 'docs-tldr')).toBe(false);
    log = recordFeedback(log, 'docs', 'docs-tldr', 'dismiss');
    expect(isMuted(log, 'docs', 'docs-tldr')).toBe(true);
    expect(isMuted(log, 'generic', 'docs-tldr')).toBe(false);
    expect(isMuted(log, 'docs', 'docs-code-samples')).toBe(false);
  });

  it('resets everything, one kind, or one rule on one kind', () => {
    let log: FeedbackLog = {};
    log = recordFeedback(log, 'github.pull', 'a', 'dismiss');
    log = recordFeedback(log, 'github.pull', 'b', 'dismiss');
    log = recordFeedback(log, 'github.pull.files', 'a', 'dismiss');
    expect(resetFeedback()).toEqual({});
    expect(resetFeedback(log)).toEqual({});
    expect(Object.keys(resetFeedback(log, { kind: 'github.pull' }))).toEqual(['github.pull.files:a']);
    expect(Object.keys(resetFeedback(log, { kind: 'github.pull', ruleId: 'a' }))).toEqual(['github.pull:b', 'github.pull.files:a']);
    expect(Object.keys(log)).toHaveLength(3);
  });

  it('lowers the score per dismissal, raises it a little per accept, and stays in 0..1', () => {
    expect(adjustScore(0.5, { dismissed: 0, accepted: 0 })).toBe(0.5);
    expect(adjustScore(0.5, { dismissed: 2, accepted: 0 })).toBeCloseTo(0.3);
    expect(adjustScore(0.5, { dismissed: 0, accepted: 1 })).toBeCloseTo(0.55);
    expect(adjustScore(0.5, { dismissed: 0, accepted: 100 })).toBeCloseTo(0.65);
    expect(adjustScore(0.98, { dismissed: 0, accepted: 3 })).toBe(1);
    expect(adjustScore(0.05, { dismissed: 2, accepted: 0 })).toBe(0);
    expect(feedbackKey('docs', 'x')).toBe('docs:x');
  });
});
