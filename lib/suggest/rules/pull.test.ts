import { describe, expect, it } from 'vitest';
import { diffFile, pullContext } from '../../../test/fixtures/suggest/contexts';
import { pullFailingChecks, pullLargeChange, pullOpenThreads, pullReviewDraft, pullUntestedChanges } from './pull';

describe('pull-failing-checks', () => {
  it('names every failing check and runs pr-checks', () => {
    const context = pullContext({
      checks: [
        { name: 'lint', state: 'success' },
        { name: 'test (ubuntu)', state: 'failure' },
        { name: 'build', state: 'failure' },
        { name: 'deploy', state: 'pending' },
      ],
    });
    const [card, ...rest] = pullFailingChecks.suggest(context);
    expect(rest).toEqual([]);
    expect(card?.title).toBe('Explain the failing checks');
    expect(card?.why).toBe('2 checks are failing: test (ubuntu) and build.');
    expect(card?.run).toEqual({ skill: 'pr-checks' });
    expect(card?.score).toBeGreaterThanOrEqual(0.9);
  });

  it('stays quiet when nothing fails', () => {
    const context = pullContext({ checks: [{ name: 'lint', state: 'success' }, { name: 'e2e', state: 'cancelled' }] });
    expect(pullFailingChecks.suggest(context)).toEqual([]);
  });

  it('uses the singular for one failure', () => {
    const [card] = pullFailingChecks.suggest(pullContext({ checks: [{ name: 'ci', state: 'failure' }] }));
    expect(card?.title).toBe('Explain the failing check');
    expect(card?.why).toBe('1 check is failing: ci.');
  });
});

describe('pull-large-change', () => {
  it('fires at ten files even when the lines are few', () => {
    const files = Array.from({ length: 10 }, (_unused, index) => diffFile(`src/file-${index}.ts`, 2, 1));
    const [card] = pullLargeChange.suggest(pullContext({ files }));
    expect(card?.title).toBe('Walk me through this PR');
    expect(card?.why).toBe('10 files changed, +20 −10 lines.');
    expect(card?.run).toEqual({ skill: 'pr-overview' });
  });

  it('fires at 400 changed lines in few files', () => {
    const [card] = pullLargeChange.suggest(pullContext({ files: [diffFile('src/a.ts', 300, 100)] }));
    expect(card?.why).toBe('1 file changed, +300 −100 lines.');
  });

  it('stays quiet for a small change', () => {
    const files = Array.from({ length: 9 }, (_unused, index) => diffFile(`src/file-${index}.ts`, 20, 20));
    expect(pullLargeChange.suggest(pullContext({ files }))).toEqual([]);
  });

  it('ranks a bigger change higher but never above failing checks', () => {
    const small = pullLargeChange.suggest(pullContext({ files: [diffFile('a.ts', 400, 0)] }))[0]!;
    const huge = pullLargeChange.suggest(pullContext({ files: [diffFile('a.ts', 40_000, 0)] }))[0]!;
    expect(huge.score).toBeGreaterThan(small.score);
    expect(huge.score).toBeLessThan(0.9);
  });
});

describe('pull-open-threads', () => {
  it('counts unresolved threads and names their files once each', () => {
    const comment = { author: 'reviewer', body: 'Please rename.' };
    const context = pullContext({
      threads: [
        { path: 'src/a.ts', resolved: false, comments: [comment] },
        { path: 'src/a.ts', resolved: false, comments: [comment] },
        { path: 'src/b.ts', resolved: false, comments: [comment] },
        { path: 'src/c.ts', resolved: true, comments: [comment] },
      ],
    });
    const [card] = pullOpenThreads.suggest(context);
    expect(card?.title).toBe('Summarise the open threads');
    expect(card?.why).toBe('3 review threads unresolved on src/a.ts and src/b.ts.');
    expect(card?.run).toHaveProperty('ask');
  });

  it('stays quiet when every thread is resolved', () => {
    const context = pullContext({ threads: [{ path: 'a.ts', resolved: true, comments: [] }] });
    expect(pullOpenThreads.suggest(context)).toEqual([]);
  });
});

describe('pull-untested-changes', () => {
  it('lists the sources without a matching test when no test changed', () => {
    const context = pullContext({ files: [diffFile('src/parser.ts', 12), diffFile('src/lexer.ts', 8, 2), diffFile('README.md', 5)] });
    const [card] = pullUntestedChanges.suggest(context);
    expect(card?.title).toBe('Which changes lack tests?');
    expect(card?.why).toBe('2 of 2 changed source files have no matching test change (src/parser.ts and src/lexer.ts); no test file changed.');
    expect(card?.run).toEqual({ skill: 'pr-risk' });
  });

  it('counts a test with the same name or in the same package as coverage', () => {
    const context = pullContext({
      files: [diffFile('lib/parser.ts', 10), diffFile('test/parser.test.ts', 20), diffFile('pkg/a/index.ts', 4), diffFile('pkg/a/tests/x.test.ts', 9), diffFile('other/lexer.ts', 6)],
    });
    const [card] = pullUntestedChanges.suggest(context);
    expect(card?.why).toBe('1 of 3 changed source files have no matching test change (other/lexer.ts); only 2 test files changed.');
  });

  it('stays quiet when every source has its test, or only docs changed, or only one-line changes', () => {
    expect(pullUntestedChanges.suggest(pullContext({ files: [diffFile('src/a.ts', 9), diffFile('src/a.test.ts', 9)] }))).toEqual([]);
    expect(pullUntestedChanges.suggest(pullContext({ files: [diffFile('src/a.ts', 1), diffFile('src/flags.ts', 1)] }))).toEqual([]);
    expect(pullUntestedChanges.suggest(pullContext({ files: [diffFile('docs/guide.md'), diffFile('package-lock.json')] }))).toEqual([]);
  });

  it('ignores removed sources', () => {
    expect(pullUntestedChanges.suggest(pullContext({ files: [diffFile('src/old.ts', 0, 40, 'removed')] }))).toEqual([]);
  });
});

describe('pull-review-draft', () => {
  it('is offered on every open pull request, below the cards with evidence', () => {
    const [card] = pullReviewDraft.suggest(pullContext({ files: [diffFile('a.ts', 5, 2), diffFile('b.ts', 1, 1)] }));
    expect(card?.title).toBe('Draft a review');
    expect(card?.why).toBe('Pull request #7 by octocat changes 2 files (+6 −3).');
    expect(card?.run).toEqual({ skill: 'review-draft' });
    expect(card?.score).toBeLessThan(0.4);
  });

  it('still shows on the conversation tab, where the files are unknown', () => {
    const [card] = pullReviewDraft.suggest(pullContext({ author: undefined }));
    expect(card?.why).toBe('Pull request #7 is open.');
  });

  it('says what the header shows when the diff was not read, rather than nothing', () => {
    const [card] = pullReviewDraft.suggest(pullContext({ read: { diff: false, checks: true, threads: true }, shown: { files: 6, additions: 1483, deletions: 1 } }));
    expect(card?.why).toBe('Pull request #7 by octocat shows 6 files (+1,483 −1); Tandem could not read its diff.');
  });

  it('is not offered once the pull request is merged', () => {
    expect(pullReviewDraft.suggest(pullContext({ state: 'merged' }))).toEqual([]);
  });
});
