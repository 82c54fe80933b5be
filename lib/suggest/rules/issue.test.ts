import { describe, expect, it } from 'vitest';
import { contextOf, issue } from '../../../test/fixtures/suggest/contexts';
import { codeReferences, issueDiscussion, issueFindCode } from './issue';

describe('issue-discussion', () => {
  it('counts the comments and the people who wrote them', () => {
    const data = issue({
      comments: [
        { author: 'ana', body: 'Same here.' },
        { author: 'ben', body: 'Fixed in main?' },
        { author: 'ana', body: 'Not for me.' },
      ],
    });
    const [card] = issueDiscussion.suggest(contextOf('github.issue', data));
    expect(card?.title).toBe('Summarise the discussion');
    expect(card?.why).toBe('3 comments from 2 people (ana and ben) on issue #56.');
    expect(card?.run).toHaveProperty('ask');
  });

  it('stays quiet on an issue nobody answered', () => {
    expect(issueDiscussion.suggest(contextOf('github.issue', issue()))).toEqual([]);
  });
});

describe('issue-find-code', () => {
  it('quotes the paths and functions the issue mentions', () => {
    const data = issue({ body: 'Calling `parseHtml` crashes in src/parser/index.ts when readability.parse() returns null.' });
    const [card] = issueFindCode.suggest(contextOf('github.issue', data));
    expect(card?.title).toBe('Find the code this is about');
    expect(card?.why).toBe('Issue #56 mentions `parseHtml`, `src/parser/index.ts` and `readability.parse()`.');
    expect(card?.run).toHaveProperty('ask');
  });

  it('is still offered, lower, when the issue names no code', () => {
    const withCode = issueFindCode.suggest(contextOf('github.issue', issue({ body: 'see `main.go`' })))[0]!;
    const [card] = issueFindCode.suggest(contextOf('github.issue', issue({ body: 'It is slow on Mondays.' })));
    expect(card?.why).toContain('Crash on empty input');
    expect(card!.score).toBeLessThan(withCode.score);
  });

  it('finds references without duplicates or prose', () => {
    expect(codeReferences('Open `a/b.py` then a/b.py, and call run() twice: run().')).toEqual(['a/b.py', 'run()']);
    expect(codeReferences('Nothing technical here, e.g. just words.')).toEqual([]);
  });
});
