import { describe, expect, it } from 'vitest';
import type { PullData } from '../context/types';
import { pull } from '../../test/fixtures/suggest/contexts';
import { added, changed } from '../../test/fixtures/skills/diff-files';
import { reviewComment } from './review-comment';

const page = (overrides: Partial<PullData>): PullData => pull({ read: { diff: true, checks: true, threads: true }, ...overrides });

describe('the review comment', () => {
  it('puts the blocking points first and writes each once, citing file:line', () => {
    const { text, points } = reviewComment(
      page({
        checks: [{ name: 'test', state: 'failure' }, { name: 'lint', state: 'success' }],
        files: [
          added('src/retry.ts', ['export function withRetry(task) {', '  console.log("retrying", task);', '  if (!task) return;', '  // TODO: cap the delay', '  return task();', '}']),
          added('src/retry.test.ts', [`it.only('retries', () => withRetry(job));`]),
          changed('config/prod.env', ['+TOKEN=[redacted:GitHub token]']),
        ],
      }),
    );
    expect(points.map((point) => point.kind)).toEqual(['secret', 'checks', 'focused', 'debug', 'todo']);
    expect(text.split('\n')).toEqual([
      'I went through the 3 changed files (+8 −0). A few things:',
      '',
      '- `config/prod.env:1` adds what looks like a credential (Tandem masked a GitHub token); please take it out and rotate anything real.',
      '- `test` is failing; that needs fixing before this can merge.',
      '- `src/retry.test.ts:1` leaves a test focused (`.only`), so CI would run only that one.',
      '- `src/retry.ts:2` adds `console.log("retrying", task);`: leftover debug output?',
      '- `src/retry.ts:4` adds “TODO: cap the delay”: is there an issue to track it?',
    ]);
  });

  it('says what it read when there is nothing to raise, and does not claim checks it has not seen', () => {
    const files = [added('src/a.ts', ['export function parseHeader(x) {', '  return x.trim();', '}']), added('src/a.test.ts', [`it('parses', () => parseHeader(' a '));`])];
    expect(reviewComment(page({ files, checks: [{ name: 'ci', state: 'success' }] })).text).toBe(
      'I went through the 2 changed files (+4 −0): each changed source has a test beside it, and I found no debug output, TODOs or copied blocks added. The checks pass.',
    );
    expect(reviewComment(page({ files, read: { diff: true, checks: false, threads: false } })).text).not.toContain('checks');
  });

  it('never reads an unread diff as a clean one', () => {
    const { text } = reviewComment(page({ read: { diff: false, checks: true, threads: true }, shown: { files: 6, additions: 1483, deletions: 1 } }));
    expect(text).toBe('I have not been through the diff (6 files, +1,483 −1) yet; comments on the code to follow.');
  });
});
