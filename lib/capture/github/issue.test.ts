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
        <div class="timeline-comment"><a class="author" href="/hubot">hubot</a><relative-time datetime="2020-01-02T00:00:00Z"></relative-time>
          <div class="comment-body markdown-body js-comment-body"><p>Fixed in <code>abc</code>.</p></div></div>
      </div>
      <div class="discussion-sidebar-item sidebar-assignee">Assignees <a class="assignee" href="/hubot"><span>hubot</span></a></div>
      <div class="js-issue-labels"><a class="IssueLabel">bug</a><a class="IssueLabel">p1</a></div>
      <textarea>half-typed reply</textarea>
    </body></html>`;
    const issueUrl = 'https://github.com/acme/widgets/issues/7';
    const output = await issueAdapter.capture(documentFromHtml(html, issueUrl), new URL(issueUrl), 'github.issue', { githubHosts: [] });
    expect(output.data).toEqual({
      type: 'issue', number: 7, title: 'Crash on start', state: 'closed', author: 'octocat',
      labels: ['bug', 'p1'], assignees: ['hubot'], body: 'It crashes.',
      comments: [{ author: 'hubot', body: 'Fixed in `abc`.', createdAt: '2020-01-02T00:00:00Z' }],
    });
    expect(JSON.stringify(output)).not.toContain('half-typed');
  });
});
