import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IssueData } from '../../context/types';
import type { AdapterOutput } from '../adapter';
import { documentFromHtml, loadDocument, realGithubPages } from '../../../test/fixtures/github/load-document';
import { issueAdapter } from './issue';

const url = 'https://github.com/kepano/defuddle/issues/56';

/** Plain words of markdown: links to their text, emphasis and code marks dropped, whitespace collapsed. */
function plain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*`|]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('issue adapter on the React issue viewer (kepano/defuddle#56)', () => {
  let output: AdapterOutput;
  let data: IssueData;
  beforeAll(async () => {
    output = await issueAdapter.capture(loadDocument(`${realGithubPages}/issue-kepano-defuddle-56.html`, url), new URL(url), 'github.issue', { githubHosts: [] });
    data = output.data as IssueData;
  });

  it('matches the oracle for title and author', () => {
    const oracle = readFileSync(`${realGithubPages}/issue-kepano-defuddle-56.expected-defuddle.md`, 'utf8');
    const meta = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(oracle)?.[1] ?? '{}') as { title: string; author: string };
    expect(data.title).toBe(meta.title.replace(/ · Issue #\d+$/, ''));
    expect(data.author).toBe(meta.author);
    expect(data).toMatchObject({ number: 56, state: 'open', labels: [], assignees: [] });
  });

  it('contains every paragraph of the oracle body', () => {
    const oracle = readFileSync(`${realGithubPages}/issue-kepano-defuddle-56.expected-defuddle.md`, 'utf8');
    const body = oracle.slice(oracle.indexOf('Example repo here'));
    const paragraphs = body.split(/\n\s*\n/).map((paragraph) => plain(paragraph.replace(/^```\w*$/gm, ''))).filter((paragraph) => paragraph.length > 0);
    expect(paragraphs.length).toBeGreaterThan(8);
    const ours = plain(data.body);
    for (const paragraph of paragraphs) expect(ours).toContain(paragraph);
    expect(data.body).toContain('```ts\nconst sheets = Array.from(doc.styleSheets ?? [])\n```');
  });

  it('reads the six comments with author, body and time', () => {
    expect(data.comments.map((comment) => comment.author)).toEqual(['jmorrell', 'masylum', 'nbbaier', 'nbbaier', 'masylum', 'nbbaier']);
    expect(data.comments[0]?.createdAt).toBe('2025-05-25T22:14:08.000Z');
    expect(data.comments[0]?.body).toContain('[browser rendering worker](https://developers.cloudflare.com/browser-rendering/)');
    expect(data.comments[4]?.body).toBe('wrong link to fork');
    expect(output.facts).toMatchObject({ number: 56, state: 'open', comments: 6, author: 'jmorrell' });
  });
});

describe('issue adapter on classic markup', () => {
  it('reads title, state, labels, assignees and the timeline', async () => {
    const html = `<html><head><title>Crash on start · Issue #7 · acme/widgets</title></head><body>
      <div id="partial-discussion-header"><h1><span class="js-issue-title">Crash on start</span></h1>
        <div class="gh-header-meta"><span class="State State--red" title="Status: Closed">Closed</span><a class="author" href="/octocat">octocat</a></div></div>
      <div class="js-discussion">
        <div class="timeline-comment"><a class="author" href="/octocat">octocat</a><relative-time datetime="2020-01-01T00:00:00Z"></relative-time>
          <div class="comment-body markdown-body js-comment-body"><p>It crashes.</p></div></div>
        <div class="timeline-comment"><div class="timeline-comment-header"><a class="author" href="/hubot">hubot</a><relative-time datetime="2020-01-02T00:00:00Z"></relative-time>
          <span class="Label" aria-label="This user is a member of the acme organization.">Member</span><span class="Label">Author</span></div>
          <div class="comment-body markdown-body js-comment-body"><p>Fixed in <code>abc</code>.</p></div></div>
        <div class="js-timeline-item"><div class="TimelineItem"><div class="TimelineItem-badge"><svg class="octicon octicon-cross-reference"></svg></div>
          <div class="TimelineItem-body"><a class="author" href="/hubot">hubot</a> mentioned this issue <relative-time datetime="2020-01-02T01:00:00Z">Jan 2, 2020</relative-time>
            <div><svg class="octicon octicon-git-merge" aria-label="Merged"></svg><a class="Link--primary" href="/acme/widgets/pull/9">Fix crash on start</a> <span>#9</span></div></div></div></div>
        <div class="js-timeline-item"><div class="TimelineItem"><div class="TimelineItem-body"><a class="author" href="/hubot">hubot</a> closed this as completed in <a href="/acme/widgets/pull/9">#9</a> <relative-time datetime="2020-01-02T02:00:00Z">Jan 2, 2020</relative-time></div></div></div>
      </div>
      <div class="discussion-sidebar-item sidebar-assignee">Assignees <a class="assignee" href="/hubot"><span>hubot</span></a></div>
      <div class="js-issue-labels"><a class="IssueLabel">bug</a><a class="IssueLabel">p1</a></div>
      <div class="discussion-sidebar-item">Development <a href="https://github.com/acme/widgets/pull/9"><svg class="octicon octicon-git-merge"></svg>Fix crash on start</a> <a href="/acme/widgets/issues/7">this issue</a></div>
      <textarea>half-typed reply</textarea>
    </body></html>`;
    const issueUrl = 'https://github.com/acme/widgets/issues/7';
    const output = await issueAdapter.capture(documentFromHtml(html, issueUrl), new URL(issueUrl), 'github.issue', { githubHosts: [] });
    const pull9 = { kind: 'pull', number: 9, url: 'https://github.com/acme/widgets/pull/9' };
    expect(output.data).toEqual({
      type: 'issue', number: 7, title: 'Crash on start', state: 'closed', author: 'octocat', createdAt: '2020-01-01T00:00:00Z',
      labels: ['bug', 'p1'], assignees: ['hubot'], body: 'It crashes.',
      comments: [{ author: 'hubot', body: 'Fixed in `abc`.', createdAt: '2020-01-02T00:00:00Z', association: 'Member' }],
      events: [
        { actor: 'hubot', at: '2020-01-02T01:00:00Z', text: 'hubot mentioned this issue Jan 2, 2020 Fix crash on start #9', references: [{ ...pull9, title: 'Fix crash on start', state: 'merged' }] },
        { actor: 'hubot', at: '2020-01-02T02:00:00Z', text: 'hubot closed this as completed in #9 Jan 2, 2020', references: [pull9] },
      ],
      // The sidebar's link back to the issue itself is not a linked item.
      linked: [{ ...pull9, title: 'Fix crash on start', state: 'merged' }],
    });
    expect(JSON.stringify(output)).not.toContain('half-typed');
  });
});
