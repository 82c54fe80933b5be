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

  it('reads the language bar, the file list, the latest commit, the commit count and the licence', async () => {
    const url = 'https://github.com/steventroughtonsmith/marzipanify';
    const document = loadDocument(`${realGithubPages}/repo-home-steventroughtonsmith-marzipanify.html`, url);
    const data = (await repoAdapter.capture(document, new URL(url), 'github.repo', { githubHosts: [] })).data as RepoData;
    expect(data.languages).toEqual([{ name: 'Objective-C', percent: 100 }]);
    expect(data.files).toEqual(['marzipanify.xcodeproj', 'marzipanify', 'LICENSE.md', 'README.md']);
    expect(data.lastCommit).toEqual({ message: 'Merge pull request #7 from 916253/patch-1 — Update for building with Xcode 11', at: '2020-07-07T12:10:51Z', author: 'steventroughtonsmith' });
    expect(data.commits).toBe(21);
    expect(data.license).toBe('Unlicense license');
  });

  it('reads the same from the React overview (2024 markup), and the file list from its payload when not rendered', async () => {
    const html = `<table aria-labelledby="folders-and-files"><tbody>
        <tr class="react-directory-row"><td><a aria-label="src, (Directory)" title="src" class="Link--primary" href="/o/r/tree/main/src">src</a></td></tr>
        <tr class="react-directory-row"><td><a aria-label="package.json, (File)" title="package.json" class="Link--primary" href="/o/r/blob/main/package.json">package.json</a></td></tr></tbody></table>
      <div data-testid="latest-commit"><a data-hovercard-type="user" href="/mona">mona</a><span data-testid="latest-commit-html"><a href="/o/r/commit/abc">Release 2.0</a></span><relative-time datetime="2024-05-01T00:00:00Z"></relative-time></div>
      <a href="/o/r/commits/main/"><span>1,204 Commits</span></a>
      <div class="BorderGrid-cell"><h2>Languages</h2><ul><li><a href="/o/r/search?l=typescript"><span>TypeScript</span> <span>88.5%</span></a></li><li><span><span>CSS</span> <span>11.5%</span></span></li></ul></div>
      <a href="/o/r#MIT-1-ov-file"><svg class="octicon octicon-law"></svg> MIT license</a>`;
    const url = 'https://github.com/o/r';
    const data = (await repoAdapter.capture(documentFromHtml(html, url), new URL(url), 'github.repo', { githubHosts: [] })).data as RepoData;
    expect(data).toMatchObject({
      files: ['src', 'package.json'],
      lastCommit: { message: 'Release 2.0', at: '2024-05-01T00:00:00Z', author: 'mona' },
      commits: 1204,
      languages: [{ name: 'TypeScript', percent: 88.5 }, { name: 'CSS', percent: 11.5 }],
      license: 'MIT license',
    });
    const payload = `<script type="application/json" data-target="react-app.embeddedData">{"payload":{"tree":{"items":[{"name":"cmd","contentType":"directory"},{"name":"go.mod","contentType":"file"}]}}}</script>`;
    expect(((await repoAdapter.capture(documentFromHtml(payload, url), new URL(url), 'github.repo', { githubHosts: [] })).data as RepoData).files).toEqual(['cmd', 'go.mod']);
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
