import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { capturePage } from '../capture/index';
import type { RepoData } from '../context/types';
import { realGithubPages } from '../../test/fixtures/github/load-document';
import { readmeSections, repoStart } from './repo-start';

function repo(overrides: Partial<RepoData> = {}): RepoData {
  return { type: 'repo', owner: 'o', name: 'r', topics: [], outline: [], languages: [], files: [], ...overrides };
}

describe('what is this and how do I run it: steventroughtonsmith/marzipanify (saved repository home)', () => {
  it('gives the usage line, the Xcode project, what it needs, the caveat and how old the last commit is', async () => {
    const url = 'https://github.com/steventroughtonsmith/marzipanify';
    const readAt = Date.parse('2025-07-01T00:00:00Z');
    const document = new JSDOM(readFileSync(`${realGithubPages}/repo-home-steventroughtonsmith-marzipanify.html`, 'utf8'), { url, virtualConsole: new VirtualConsole() }).window.document;
    const context = await capturePage(document, url, { githubHosts: [], viewport: null, now: () => readAt });
    const start = repoStart(context.data as RepoData, readAt);
    expect(start.commands).toEqual([{ section: 'Usage', command: 'marzipanify MyApp.app|MyFramework.framework|MyBinary' }]);
    expect(start.buildFiles).toEqual(['marzipanify.xcodeproj: an Xcode project (built in Xcode or with xcodebuild)']);
    expect(start.needs).toEqual(['You will still need all the relevant Marzipan-related enabler steps (like disabling SIP & AMFI) before a converted app will run with your signature.']);
    expect(start.caveats[0]).toContain('This isn\'t a tool to automatically port your iOS app to the Mac');
    expect(start.about[0]).toContain('minimum deployment target of iOS 12.0');
    expect(start.activity).toBe('last commit 7 Jul 2020, 5 years before the page was read: “Merge pull request #7 from 916253/patch-1 — Update for building with Xcode 11” · 21 commits · Objective-C 100% · Unlicense license.');
    expect(start.markdown.startsWith('**How to run it**\n- Usage: `marzipanify MyApp.app|MyFramework.framework|MyBinary`')).toBe(true);
  });
});

describe('repoStart on READMEs of other shapes', () => {
  const readme = [
    '# widget', '', 'A tiny widget renderer for terminals.', '',
    '## Installation', '', '```sh', '$ npm install -g widget', '```', '',
    '## Usage', '', '```', 'widget render --width 80 file.json', '```', '',
    '## Contributing', '', '```sh', 'git clone https://example.com/widget', 'npm test', '```',
  ].join('\n');

  it('takes commands only from install and usage sections, shell prompts removed', () => {
    const start = repoStart(repo({ readme, files: ['src', 'package.json', 'README.md'] }));
    expect(start.commands).toEqual([
      { section: 'Installation', command: 'npm install -g widget' },
      { section: 'Usage', command: 'widget render --width 80 file.json' },
    ]);
    expect(start.buildFiles).toEqual(['package.json: a Node.js package (npm, yarn or pnpm)']);
    expect(start.about).toEqual(['A tiny widget renderer for terminals.']);
  });

  it('says when the README gives no commands, and still reads the build from the file list', () => {
    const start = repoStart(repo({ readme: '# tool\n\nSome words about a tool that does things for people.', files: ['Cargo.toml'] }));
    expect(start.commands).toEqual([]);
    expect(start.markdown).toContain('- The README gives no install, build or usage commands.');
    expect(start.markdown).toContain('Cargo.toml: a Rust crate (cargo)');
  });

  it('does not read a heading inside a code block as a section', () => {
    expect(readmeSections('# A\n```\n# not a heading\n```\n## B\ntext').map((section) => section.heading)).toEqual(['A', 'B']);
  });
});
