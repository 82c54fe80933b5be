import { describe, expect, it } from 'vitest';
import type { RepoData } from '../../context/types';
import { documentFromHtml, loadDocument, realGithubPages } from '../../../test/fixtures/github/load-document';
import { repoAdapter } from './repo';

describe('repo adapter on a repository home (steventroughtonsmith/marzipanify)', () => {
  it('reads description, README text and outline', async () => {
    const url = 'https://github.com/steventroughtonsmith/marzipanify';
    const document = loadDocument(`${realGithubPages}/repo-home-steventroughtonsmith-marzipanify.html`, url);
    const output = await repoAdapter.capture(document, new URL(url), 'github.repo', { githubHosts: [] });
    const data = output.data as RepoData;
    expect(data).toMatchObject({
      owner: 'steventroughtonsmith',
      name: 'marzipanify',
      description: 'Convert an iOS Simulator app bundle to an iOSMac (Marzipan) one (Unsupported & undocumented, WIP)',
      topics: [],
    });
    expect(data.outline).toEqual([
      { level: 1, text: 'marzipanify', id: 'marzipanify' },
      { level: 1, text: 'Usage', id: 'usage' },
      { level: 1, text: 'Screenshot', id: 'screenshot' },
    ]);
    expect(data.readme?.startsWith('# marzipanify\n\nmarzipanify is an unsupported commandline tool')).toBe(true);
    expect(data.readme).toContain('# Usage\n\n`marzipanify MyApp.app|MyFramework.framework|MyBinary`');
    expect(output.facts).toMatchObject({ repository: 'steventroughtonsmith/marzipanify', readme: true });
  });

  it('reads topics and caps a huge README', async () => {
    const paragraph = `<p>${'word '.repeat(2_000)}</p>`;
    const html = `<a class="topic-tag" href="/topics/cli">cli</a><a class="topic-tag" href="/topics/rust">rust</a>
      <div id="readme"><article class="markdown-body">${paragraph.repeat(10)}</article></div>`;
    const url = 'https://github.com/o/big';
    const output = await repoAdapter.capture(documentFromHtml(html, url), new URL(url), 'github.repo', { githubHosts: [] });
    const data = output.data as RepoData;
    expect(data.topics).toEqual(['cli', 'rust']);
    expect(data.readme?.length).toBeLessThan(31_000);
    expect(output.cut).toEqual(['README after 30000 characters']);
  });
});
