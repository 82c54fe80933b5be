import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { capturePage } from '../capture/index';
import type { IssueData } from '../context/types';
import { issue } from '../../test/fixtures/suggest/contexts';
import { realGithubPages } from '../../test/fixtures/github/load-document';
import { issueStanding, openQuestions, postsOf, repositoryOfUrl, spanOf, summariseIssue } from './issue-thread';

const DAY = 86_400_000;

async function captureIssue(file: string, url: string, readAt: number): Promise<IssueData> {
  const document = new JSDOM(readFileSync(`${realGithubPages}/${file}`, 'utf8'), { url, virtualConsole: new VirtualConsole() }).window.document;
  const context = await capturePage(document, url, { githubHosts: [], viewport: null, now: () => readAt });
  if (context.data.type !== 'issue') throw new Error(`not an issue page: ${context.kind}`);
  return context.data;
}

describe('issue summary on kepano/defuddle#56 (saved React issue page)', () => {
  const url = 'https://github.com/kepano/defuddle/issues/56';
  const readAt = Date.parse('2025-07-01T00:00:00Z');
  let data: IssueData;
  beforeAll(async () => {
    data = await captureIssue('issue-kepano-defuddle-56.html', url, readAt);
  });

  it('leads with who is waiting: the owner, asked by masylum on 2 Jun 2025, who never posts', () => {
    const summary = summariseIssue(data, { readAt, owner: 'kepano' }, 'kepano/defuddle');
    expect(summary.markdown.startsWith('**Waiting on @kepano (the repository’s owner).** masylum asked on 2 Jun 2025 (4 weeks before the page was read):')).toBe(true);
    expect(summary.waiting[0]).toContain('would you be interested on merging this or should I just maintain my own fork');
    // No comment on the page carries an Owner, Member or Collaborator label.
    expect(summary.waiting[1]).toBe('No one marked as owner, member or collaborator has commented: 6 replies from 3 people over 3 weeks.');
  });

  it('gives the ask, the opener’s proposed fallback and both error lines', () => {
    const summary = summariseIssue(data, { readAt, owner: 'kepano' }, 'kepano/defuddle');
    expect(summary.ask.join(' ')).toContain('Supporting this environment fully is likely challenging since `JSDOM` does not work within the Worker environment.');
    expect(summary.markdown).toContain('Proposed in the issue: “This could be silenced by falling back to `[]` if `doc.styleSheets` isn\'t present');
    expect(summary.errors).toEqual([
      'Defuddle: Error evaluating media queries: TypeError: undefined is not iterable (cannot read property Symbol(Symbol.iterator))',
      'Defuddle Error processing document: TypeError: e3.getComputedStyle is not a function',
    ]);
  });

  it('lists the workarounds with the links their authors gave, and counts the rest', () => {
    const summary = summariseIssue(data, { readAt, owner: 'kepano' }, 'kepano/defuddle');
    expect(summary.notes.map((note) => [note.post.author, note.kind])).toEqual([['jmorrell', 'workaround'], ['masylum', 'offer'], ['nbbaier', 'workaround']]);
    expect(summary.markdown).toContain('([link](https://github.com/jmorrell/defuddle-browser-worker-example))');
    expect(summary.markdown).toContain('([link](https://github.com/nbbaier/linkedom))');
    // masylum's question is quoted under "Waiting on"; his thread line says what he offered instead.
    expect(summary.markdown).toContain('masylum, 2 Jun 2025, offer: “it would be great to replace the dom calls to cheerio.”');
    expect(summary.markdown).toContain('3 other replies add agreement, thanks or a correction (nbbaier, masylum).');
  });

  it('says what is not there: no linked pull request, nothing decided; and the state line', () => {
    const summary = summariseIssue(data, { readAt, owner: 'kepano' }, 'kepano/defuddle');
    expect(summary.references).toEqual([]);
    expect(summary.markdown).toContain('**Linked:** no pull request or issue is linked or mentioned.');
    expect(summary.decisions).toEqual([]);
    expect(summary.state).toBe('Open · no labels · no one assigned · opened 25 May 2025 by jmorrell (Contributor) · 6 comments from 3 people · last comment 17 Jun 2025 by nbbaier, 13 days before the page was read.');
  });

  it('never restates the title', () => {
    const summary = summariseIssue(data, { readAt, owner: 'kepano' }, 'kepano/defuddle');
    expect(summary.markdown).not.toContain(data.title);
  });

  it('gives the card its line', () => {
    expect(issueStanding(data, { readAt, owner: 'kepano' })).toEqual({ waiting: true, why: '@kepano was asked on 2 Jun 2025 by masylum and has not replied; no maintainer has commented.' });
  });
});

describe('who is waiting on whom', () => {
  const readAt = Date.parse('2025-04-01T00:00:00Z');
  const asked = issue({
    author: 'ana',
    createdAt: '2025-03-01T10:00:00Z',
    comments: [
      { author: 'mo', association: 'Member', createdAt: '2025-03-10T10:00:00Z', body: 'Thanks for the report. Could you share a minimal reproduction, ideally a repository?' },
      { author: 'ben', createdAt: '2025-03-12T10:00:00Z', body: 'Same problem on 2.3.' },
    ],
  });

  it('a maintainer asked the opener for a repro three weeks before, and the opener has not answered', () => {
    const summary = summariseIssue(asked, { readAt, owner: 'acme' });
    expect(summary.waiting).toEqual([
      '**Waiting on @ana (who opened the issue).** mo (Member) asked on 10 Mar 2025 (3 weeks before the page was read): “Could you share a minimal reproduction, ideally a repository?” No reply from them since.',
    ]);
  });

  it('the opener answers: nobody is waiting on them, and the last maintainer reply is dated', () => {
    const answered: IssueData = { ...asked, comments: [...asked.comments, { author: 'ana', createdAt: '2025-03-20T10:00:00Z', body: 'Here it is: https://github.com/ana/repro' }] };
    const summary = summariseIssue(answered, { readAt, owner: 'acme' });
    expect(summary.waiting).toEqual(['**Last maintainer reply:** mo (Member) on 10 Mar 2025; 2 replies since, the opener’s among them.']);
  });

  it('an @mention makes the mentioned person the one asked, even when a maintainer asks', () => {
    const posts = postsOf(issue({ author: 'ana', comments: [{ author: 'mo', association: 'Owner', body: '@lee can you confirm this is the same crash as last week?' }] }), 'acme');
    expect(openQuestions(posts, 'ana').map((question) => question.addressees)).toEqual([['lee']]);
  });

  it('the repository owner counts as a maintainer on a personal repository, without a label', () => {
    const posts = postsOf(issue({ author: 'ana', comments: [{ author: 'Acme', body: 'Looking into it.' }] }), 'acme');
    expect(posts.map((post) => post.maintainer)).toEqual([false, true]);
  });

  it('a closed issue waits on no one and says how it was closed, with the pull request that closed it', () => {
    const pull = { kind: 'pull' as const, number: 9, title: 'Fix crash on start', state: 'merged', url: 'https://github.com/acme/widgets/pull/9' };
    const closed = issue({
      state: 'closed',
      author: 'ana',
      comments: [{ author: 'mo', association: 'Member', createdAt: '2025-03-02T10:00:00Z', body: 'Fixed in #9, released in 2.4.' }],
      events: [{ actor: 'mo', at: '2025-03-02T11:00:00Z', text: 'mo closed this as completed in #9', references: [pull] }],
      linked: [pull],
    });
    const summary = summariseIssue(closed, { readAt, owner: 'acme' }, 'acme/widgets');
    expect(summary.waiting).toEqual([]);
    expect(summary.decisions).toEqual(['mo closed this as completed in #9 (2 Mar 2025)', 'mo (Member) on 2 Mar 2025: “Fixed in #9, released in 2.4.”']);
    expect(summary.markdown).toContain('**Linked:** pull request #9 “Fix crash on start” (merged).');
  });

  it('an issue nobody answered waits on the maintainers', () => {
    const lonely = issue({ author: 'ana', createdAt: '2025-03-01T10:00:00Z' });
    expect(summariseIssue(lonely, { readAt }).waiting).toEqual(['**Waiting on the maintainers.** No one has replied in 4 weeks.']);
  });
});

describe('helpers', () => {
  it('spans read as people say them', () => {
    expect([0.5, 3, 20, 90, 800].map((days) => spanOf(days * DAY))).toEqual(['less than a day', '3 days', '3 weeks', '3 months', '2 years']);
  });

  it('reads owner and repository from a page address, Enterprise hosts included', () => {
    expect(repositoryOfUrl('https://ghe.example:8443/acme/widgets/issues/7')).toEqual({ owner: 'acme', repository: 'acme/widgets' });
    expect(repositoryOfUrl('not a url')).toEqual({});
  });
});
