// The pull-request skills on saved real GitHub pages, captured as the extension captures them and run in
// the QuickJS sandbox: what they say when a part of the pull request could not be read, and whether the
// drafted review's fill finds GitHub's real comment box.
import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { createExecutor } from '../actions/executor';
import { capturePage } from '../capture/index';
import { listSections } from '../context/sections';
import { serializeForPrompt } from '../context/serialize';
import type { PageContext, PullData, View } from '../context/types';
import { runScript } from '../sandbox/run-script';
import { realFixtures } from '../../test/fixtures/paths';
import { SKILL_LIMITS, getSkill } from './index';

const CONVERSATION = { file: 'pr-conversation-kepano-defuddle-151.html', url: 'https://github.com/kepano/defuddle/pull/151' };
const FILES = { file: 'pr-files-facebook-react-15141.html', url: 'https://github.com/facebook/react/pull/15141/files' };

function load(page: { file: string; url: string }): Document {
  // Saved pages carry CSS jsdom cannot parse; its complaints are noise here.
  return new JSDOM(readFileSync(`${realFixtures}/github/${page.file}`, 'utf8'), { url: page.url, virtualConsole: new VirtualConsole() }).window.document;
}

function capture(page: { file: string; url: string }): Promise<PageContext> {
  return capturePage(load(page), page.url, { githubHosts: [], viewport: null, now: () => 1 });
}

function pullOf(context: PageContext): PullData {
  if (context.data.type !== 'pull') throw new Error(`expected a pull request, got ${context.data.type}`);
  return context.data;
}

async function runSkill(id: string, context: PageContext): Promise<{ value: unknown; markdown: string; views: View[] }> {
  const skill = getSkill(id);
  if (!skill) throw new Error(`no skill ${id}`);
  const result = await runScript(skill.script, { page: context.data, context: { url: context.url, title: context.title, kind: context.kind, facts: context.facts } }, SKILL_LIMITS);
  expect(result.error).toBeUndefined();
  const views = result.views ?? [];
  const markdown = views.flatMap((view) => (view.type === 'markdown' ? [view.text] : [])).join('\n\n');
  return { value: result.value, markdown, views };
}

describe('pull request skills on the defuddle #151 conversation (no diff on the page)', () => {
  let context: PageContext;
  beforeAll(async () => {
    context = await capture(CONVERSATION);
  }, 60_000);

  it('records that the diff was not read, what the header shows, and the comment box', () => {
    const pull = pullOf(context);
    // The page's header: "Files changed 6", "+1,483 −1"; its merge box lists no checks; two review threads.
    expect(pull.read).toEqual({ diff: false, checks: true, threads: true });
    expect(pull.shown).toEqual({ files: 6, additions: 1483, deletions: 1 });
    expect(pull.commentBox).toBe(true);
    expect(context.facts).toMatchObject({ diff: 'not read', files_shown: 6, additions_shown: 1483, deletions_shown: 1, checks: 0, threads: 2 });
    expect(context.facts).not.toHaveProperty('files');
  });

  it('the context details and the model’s summary say the diff was not read', () => {
    expect(listSections(context)).toContainEqual({ id: 'files', label: 'Changed files and diff', size: 'not read — the page shows 6 files, +1,483 −1', notRead: true });
    expect(serializeForPrompt(context).text).toContain('NOT READ (unknown, not empty): diff; the page header shows 6 files, +1,483 −1');
  });

  it('pr-overview and pr-risk say the diff was not read instead of counting 0 files or finding nothing risky', async () => {
    const overview = await runSkill('pr-overview', context);
    expect(overview.markdown).toContain('**The diff was not read.** Tandem could not read the diff on this page (the page shows 6 files, +1,483 −1)');
    expect(overview.markdown).not.toMatch(/0 files changed/);
    const risk = await runSkill('pr-risk', context);
    expect(risk.markdown).toContain('**Tests not assessed.**');
    expect(risk.markdown).not.toMatch(/Every changed source file has a test/);
  });

  it('review-draft makes no claim about code it did not read, and proposes filling GitHub’s “Comment” box', async () => {
    const draft = await runSkill('review-draft', context);
    const text = (draft.value as { text: string }).text;
    expect(text).not.toMatch(/nothing that stands out|went through/);
    // What the conversation shows: two outdated Copilot threads the author answered with one commit, as one point.
    expect(text).toBe(
      'I have not been through the diff (6 files, +1,483 −1) yet, so this covers the conversation only:\n\n' +
        '- The 2 open threads on `src/markdown.ts` (lines 286 and 277), now outdated, are answered as fixed in `4219bb2`; they can be resolved once that commit is checked.',
    );
    expect(draft.markdown).toContain('> Tandem could not read the diff on this page (the page shows 6 files, +1,483 −1)');
    const offer = getSkill('review-draft')?.propose?.(draft.value, context);
    expect(offer?.action).toEqual({ type: 'fill', selector: 'textarea#new_comment_field', label: 'Comment', text });

    // The proposal as the content script would run it, on the saved page itself.
    const document = load(CONVERSATION);
    const executor = createExecutor(document);
    const result = await executor.execute(offer!.action);
    expect(result).toMatchObject({ ok: true, message: `Filled “Comment” with ${text.length} characters.` });
    expect((document.getElementById('new_comment_field') as HTMLTextAreaElement).value).toBe(text);
  });
});

describe('pull request skills on the React #15141 Files tab (2019 markup, no comment box; its counter says 13 files)', () => {
  let context: PageContext;
  beforeAll(async () => {
    context = await capture(FILES);
  }, 60_000);

  it('reads the diff and the header’s counts, and sees no comment box', () => {
    const pull = pullOf(context);
    expect(pull.read.diff).toBe(true);
    expect(pull.shown).toEqual({ files: 13, additions: 659, deletions: 12 });
    expect(pull.commentBox).toBe(false);
  });

  it('pr-checks says the Files tab shows no checks instead of “No checks on this pull request”', async () => {
    const checks = await runSkill('pr-checks', context);
    expect(checks.markdown).toContain('**Checks not read.** The checks are not shown on the Files changed tab');
    expect(checks.markdown).not.toContain('No checks on this pull request');
  });

  it('review-draft still gives its text, but offers no fill for a box the page does not have', async () => {
    const draft = await runSkill('review-draft', context);
    expect((draft.value as { text: string }).text).toMatch(/^I went through the 13 changed files \(\+659 −12\)/);
    expect(getSkill('review-draft')?.propose?.(draft.value, context)).toBeNull();
  });

  it('pr-overview gives a reading order from the diff: the entry point, the core in dependency order, tests, flags', async () => {
    const overview = await runSkill('pr-overview', context);
    const groups = (overview.value as { groups: { role: string; files: string[]; why: string }[] }).groups;
    expect(groups.map((group) => [group.role, group.files.map((path) => path.split('/').pop())])).toEqual([
      ['entry', ['React.js']],
      ['core', ['ReactElement.js']],
      ['callers', ['ReactElementValidator.js']],
      ['tests', ['ReactElementJSX-test.internal.js']],
      ['flags', expect.arrayContaining(['ReactFeatureFlags.js', 'ReactFeatureFlags.www.js'])],
    ]);
    const why = Object.fromEntries(groups.map((group) => [group.role, group.why]));
    expect(why.entry).toBe('`React.js` (+21 −1): exposes `jsxDEV`, `jsx` and `jsxs` behind `enableJSXTransformAPI`; uses `jsxWithValidation`, `jsxWithValidationStatic` and `jsxWithValidationDynamic`.');
    expect(why.core).toBe('`ReactElement.js` (+135 −2): adds `jsxDEV` and `jsx` (15 branches); used by `React.js` and `ReactElementValidator.js`.');
    expect(why.callers).toContain('adds `jsxWithValidation`, `jsxWithValidationStatic`, `jsxWithValidationDynamic` and 1 more');
    expect(why.tests).toBe('`ReactElementJSX-test.internal.js` (new, +364): 15 new tests exercising `jsx`, `enableJSXTransformAPI` and `jsxs`, e.g. “allows static methods to be called using the type property”.');
    // The saved page: enableJSXTransformAPI is true in the two www forks and test-renderer.www, false in the other six.
    expect(why.flags).toBe(
      '9 files set `enableJSXTransformAPI`, which the code above branches on: `false` in 6, `true` in `ReactFeatureFlags.test-renderer.www.js`, `ReactFeatureFlags.www-new-scheduler.js` and `ReactFeatureFlags.www.js`.',
    );
    expect(overview.markdown).not.toMatch(/Biggest changes|By directory|\|/);
  });

  it('pr-risk never ranks the test or the one-line flag files, and names the source no test names', async () => {
    const risk = await runSkill('pr-risk', context);
    const value = risk.value as { untested: unknown[]; indirect: { path: string }[]; tested: { path: string }[]; notCounted: { path: string }[] };
    expect(value.untested).toEqual([]);
    expect(value.indirect.map((finding) => finding.path)).toEqual(['packages/react/src/ReactElementValidator.js']);
    expect(value.tested.map((entry) => entry.path)).toEqual(['packages/react/src/React.js', 'packages/react/src/ReactElement.js']);
    expect(value.notCounted).toHaveLength(9);
    expect(risk.markdown).toContain('**Not counted:** 9 files that only set `enableJSXTransformAPI`.');
    expect(risk.markdown).not.toMatch(/score|table above|ReactElementJSX-test\.internal\.js` \(/);
  });

  it('review-draft cites the added TODOs and the block jsxDEV repeats from jsx, each once', async () => {
    const text = ((await runSkill('review-draft', context)).value as { text: string }).text;
    expect(text).toContain('2 new TODOs (`packages/react/src/ReactElementValidator.js:327` and `packages/react/src/__tests__/ReactElementJSX-test.internal.js:361`)');
    expect(text).toContain('`packages/react/src/ReactElement.js:234` repeats 20 lines added at `packages/react/src/ReactElement.js:174`; could `jsx` and `jsxDEV` share it?');
    expect(text).not.toMatch(/source changed without a matching test/);
    expect(text.match(/ReactElementValidator\.js:269/g)).toHaveLength(1);
  });
});

describe('pull request skills on the React #14876 Files tab (one test file, two open review threads)', () => {
  const PAGE = { file: 'pr-files-facebook-react-14876-with-comment.html', url: 'https://github.com/facebook/react/pull/14876/files' };
  let context: PageContext;
  beforeAll(async () => {
    context = await capture(PAGE);
  }, 60_000);

  it('review-draft says only a test changed and whom each open thread waits on', async () => {
    const text = ((await runSkill('review-draft', context)).value as { text: string }).text;
    expect(text.split('\n')[0]).toBe('This changes only tests (`ReactMemo-test.internal.js`, +50), with no code change alongside. Still open:');
    expect(text).toContain(
      '`packages/react-reconciler/src/__tests__/ReactMemo-test.internal.js:197`: @gaearon asked “Can you rewrite this test to check render count rather than whether `props` are referentially equal?”; @Andarist wrote last, so it waits on @gaearon.',
    );
    expect(text).toContain('ReactMemo-test.internal.js:192`: @Jessidhia suggested “You can just use `useContext` here');
  });

  it('pr-risk and pr-overview say there is no code for the test to cover', async () => {
    expect((await runSkill('pr-risk', context)).markdown).toBe('**Only tests changed** (`ReactMemo-test.internal.js`, +50 −0): there is no code change here for them to cover.');
    expect((await runSkill('pr-overview', context)).markdown).toContain(
      '1. **Tests**: `ReactMemo-test.internal.js` (+50 −0): 1 new test, with no code change beside it, e.g. “bails out on props equality during context change”.',
    );
  });
});
