import { describe, expect, it } from 'vitest';
import { contextOf, issue } from '../../../test/fixtures/suggest/contexts';
import { codeReferences, issueDiscussion, issueFindCode } from './issue';

describe('issue-discussion', () => {
  it('offers the built-in summary and says who is left waiting', () => {
    const data = issue({
      author: 'ana',
      createdAt: '2025-03-01T10:00:00Z',
      comments: [
        { author: 'mo', association: 'Member', createdAt: '2025-03-02T10:00:00Z', body: 'Thanks. Could you share a minimal reproduction?' },
        { author: 'ben', createdAt: '2025-03-05T10:00:00Z', body: 'Same here.' },
      ],
    });
    const [card] = issueDiscussion.suggest(contextOf('github.issue', data));
    expect(card?.title).toBe('Where does this issue stand?');
    expect(card?.why).toBe('@ana was asked on 2 Mar 2025 by mo and has not replied.');
    expect(card?.run).toEqual({ skill: 'issue-summary' });
  });

  it('is offered on an issue nobody answered, saying so', () => {
    const [card] = issueDiscussion.suggest(contextOf('github.issue', issue({ author: 'ana', createdAt: '2025-03-01T10:00:00Z' })));
    expect(card?.why).toBe('Opened 1 Mar 2025 by ana; no replies yet.');
  });

  it('ranks a thread where someone waits above one where maintainers have answered', () => {
    const waiting = issueDiscussion.suggest(contextOf('github.issue', issue({ author: 'ana', comments: [{ author: 'ben', body: 'Same.' }] })))[0]!;
    const answered = issueDiscussion.suggest(contextOf('github.issue', issue({ author: 'ana', comments: [{ author: 'mo', association: 'Owner', body: 'Fixed in 2.1.' }] })))[0]!;
    expect(answered.why).toBe('Open; 1 reply from 1 person, maintainers among them.');
    expect(waiting.score).toBeGreaterThan(answered.score);
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
