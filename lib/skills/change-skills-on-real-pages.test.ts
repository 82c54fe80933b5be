// The change skills (commit, compare) run in the sandbox on captured pages, as the panel runs them.
import { describe, expect, it } from 'vitest';
import type { PageContext } from '../context/types';
import { loadDocument } from '../../test/fixtures/github/load-document';
import { capturePage } from '../capture/index';
import { runScript } from '../sandbox/run-script';
import { sandboxInputFromContext } from '../sandbox/sandbox-input';
import { suggest } from '../suggest/index';
import { getSkill, SKILL_LIMITS } from './index';
import { readingGroup } from './change-reading';

const localFixtures = new URL('../../test/fixtures/github/', import.meta.url).pathname;
const commitUrl = 'https://github.com/TingGeorge/excalidraw-github-extension-on-chrome/commit/2fa800062b33136871c6cd109d770279c9f88b4a';

async function captureCommit(fetchText?: () => Promise<string>): Promise<PageContext> {
  const document = loadDocument(`${localFixtures}commit-excalidraw-2fa8000.html`, commitUrl);
  return capturePage(document, commitUrl, fetchText ? { githubHosts: [], fetchText } : { githubHosts: [] });
}

async function runChangeOverview(context: PageContext) {
  const skill = getSkill('change-overview');
  if (!skill) throw new Error('change-overview is not registered');
  const result = await runScript(skill.script, sandboxInputFromContext(context), SKILL_LIMITS);
  expect(result.error).toBeUndefined();
  const markdown = (result.views ?? []).flatMap((view) => (view.type === 'markdown' ? [view.text] : [])).join('\n');
  return { value: result.value as { diffRead: boolean; order: { group: string; files: string[] }[]; risks: { path: string }[]; riskyLines: { path: string; line: number; reason: string }[] }, markdown };
}

// A commit's .diff, written for this test: source, its test, a lock file, config, a risky added line.
const riskyPatch = [
  'diff --git a/src/render/view.ts b/src/render/view.ts', 'index 1111111..2222222 100644', '--- a/src/render/view.ts', '+++ b/src/render/view.ts',
  '@@ -10,2 +10,4 @@ export function show(node: HTMLElement, html: string) {', '   const box = node;', '-  box.textContent = html;', '+  box.innerHTML = html;', '+  // TODO: sanitise', '+  return box;',
  'diff --git a/src/shared/format.ts b/src/shared/format.ts', 'index 3333333..4444444 100644', '--- a/src/shared/format.ts', '+++ b/src/shared/format.ts',
  '@@ -1,1 +1,2 @@', ' export const a = 1;', '+export const b = 2;',
  'diff --git a/src/render/view.test.ts b/src/render/view.test.ts', 'index 5555555..6666666 100644', '--- a/src/render/view.test.ts', '+++ b/src/render/view.test.ts',
  '@@ -1,1 +1,2 @@', " import { show } from './view';", "+it('shows', () => show(document.body, 'x'));",
  'diff --git a/package-lock.json b/package-lock.json', 'index 7777777..8888888 100644', '--- a/package-lock.json', '+++ b/package-lock.json',
  '@@ -1,1 +1,1 @@', '-  "version": "1.0.0"', '+  "version": "1.0.1"',
  'diff --git a/.github/workflows/ci.yml b/.github/workflows/ci.yml', 'index 9999999..aaaaaaa 100644', '--- a/.github/workflows/ci.yml', '+++ b/.github/workflows/ci.yml',
  '@@ -1,1 +1,1 @@', '-on: push', '+on: [push, pull_request]',
  '',
].join('\n');

describe('change-overview on the saved commit page', () => {
  it('without the .diff: the message, the header’s size, and a reading order by path that says what was read', async () => {
    const { value, markdown } = await runChangeOverview(await captureCommit());
    expect(markdown).toContain('**Add Excalidraw preview extension scaffold: viewer, content script, background**');
    expect(markdown).toContain('Commit 2fa8000 by claude, 2026-10-09; parent e4413ee.');
    expect(markdown).toContain('> - Content script adds Preview/Inline buttons on GitHub file pages');
    expect(markdown).not.toContain('Claude-Session');
    expect(markdown).toContain('**59 files, +12,505 −4** as the page header says; Tandem read the lines of 1 of them (+5 −0)');
    expect(value.diffRead).toBe(false);
    expect(value.order.map((entry) => entry.group)).toEqual(['source', 'tests', 'config', 'docs', 'generated']);
    expect(value.order.flatMap((entry) => entry.files)).toHaveLength(59);
    // Shared modules before their users; the lock file last; tests right after the code.
    expect(value.order[0]?.files[0]).toBe('src/shared/diff.ts');
    expect(value.order[1]?.files).toEqual(['test/e2e/fixtures.ts', 'test/e2e/smoke.spec.ts']);
    expect(value.order[4]?.files).toEqual(['package-lock.json']);
    expect(markdown).toContain('- `package.json`: dependency manifest');
  });

  it('with the .diff: counts from the diff, code before tests before CI, and the risky added lines found through addedLines()', async () => {
    const { value, markdown } = await runChangeOverview(await captureCommit(async () => riskyPatch));
    expect(value.diffRead).toBe(true);
    expect(markdown).toContain('**5 files changed**, +7 −3.');
    expect(value.order).toEqual([
      { group: 'source', files: ['src/shared/format.ts', 'src/render/view.ts'] },
      { group: 'tests', files: ['src/render/view.test.ts'] },
      { group: 'config', files: ['.github/workflows/ci.yml'] },
      { group: 'generated', files: ['package-lock.json'] },
    ]);
    expect(value.riskyLines).toEqual([
      { path: 'src/render/view.ts', line: 11, text: 'box.innerHTML = html;', reason: 'writes raw HTML' },
      { path: 'src/render/view.ts', line: 12, text: '// TODO: sanitise', reason: 'a loose end (TODO/FIXME)' },
    ]);
    expect(markdown).toContain('- `.github/workflows/ci.yml`: CI workflow');
    expect(markdown).toContain('- `src/render/view.ts:11` writes raw HTML: `box.innerHTML = html;`');
  });

  it('is offered as the commit page’s card, offline', async () => {
    const suggestions = suggest(await captureCommit(), {}, { modelAvailable: false });
    expect(suggestions[0]).toMatchObject({ rule: 'commit-change', title: 'What does this commit change?', run: { skill: 'change-overview' } });
    expect(suggestions[0]?.why).toBe('“Add Excalidraw preview extension scaffold: viewer, content…” changes 59 files, +12,505 −4: the order to read them in and the spots to check.');
  });
});

describe('readingGroup', () => {
  it.each([
    ['src/app/main.ts', 'source'], ['lib/x.py', 'source'], ['src/options/options.css', 'source'],
    ['tests/test_x.py', 'tests'], ['src/a.spec.ts', 'tests'],
    ['package.json', 'config'], ['tsconfig.json', 'config'], ['vite.config.ts', 'config'], ['.github/workflows/ci.yml', 'config'], ['scripts/build.mjs', 'config'], ['Dockerfile', 'config'],
    ['README.md', 'docs'], ['static/icons/icon.svg', 'docs'],
    ['yarn.lock', 'generated'], ['dist/app.js', 'generated'],
  ])('%s → %s', (path, group) => {
    expect(readingGroup(path)).toBe(group);
  });
});
