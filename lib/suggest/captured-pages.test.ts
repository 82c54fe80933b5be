// The rules on real GitHub pages (saved by others, read-only), captured the way the extension captures them.
import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { capturePage } from '../capture/index';
import type { PageContext, Suggestion } from '../context/types';
import { suggestWithDiagnostics } from './index';
import { realFixtures } from '../../test/fixtures/paths';

const fixtures = `${realFixtures}/github`;

async function capture(file: string, url: string, capturedAt = 1): Promise<PageContext> {
  // Saved pages carry CSS jsdom cannot parse; its complaints are noise here.
  const document = new JSDOM(readFileSync(`${fixtures}/${file}`, 'utf8'), { url, virtualConsole: new VirtualConsole() }).window.document;
  return capturePage(document, url, { githubHosts: [], viewport: null, now: () => capturedAt });
}

function cardsFor(context: PageContext): Suggestion[] {
  const report = suggestWithDiagnostics(context, {}, { limit: 10 });
  expect(report.errors).toEqual([]);
  return report.suggestions;
}

describe('suggestions on captured GitHub pages', () => {
  const pages: Record<string, PageContext> = {};

  beforeAll(async () => {
    pages.issue = await capture('issue-kepano-defuddle-56.html', 'https://github.com/kepano/defuddle/issues/56');
    pages.conversation = await capture('pr-conversation-kepano-defuddle-151.html', 'https://github.com/kepano/defuddle/pull/151');
    pages.testOnlyFiles = await capture('pr-files-facebook-react-14876-with-comment.html', 'https://github.com/facebook/react/pull/14876/files');
    pages.largeFiles = await capture('pr-files-facebook-react-15141.html', 'https://github.com/facebook/react/pull/15141/files');
    pages.repoHome = await capture('repo-home-steventroughtonsmith-marzipanify.html', 'https://github.com/steventroughtonsmith/marzipanify');
  }, 120_000);

  it('an issue with six comments offers where it stands and a code search', () => {
    const cards = cardsFor(pages.issue!);
    expect(cards.map((card) => card.rule)).toEqual(['issue-discussion', 'issue-find-code']);
    // masylum's comment of 2 Jun 2025 asks @kepano, the owner, whether he would merge a port; no comment of his follows.
    expect(cards[0]?.why).toBe('@kepano was asked on 2 Jun 2025 by masylum and has not replied; no maintainer has commented.');
    // The issue text mentions `JSDOM` in backticks.
    expect(cards[1]?.why).toContain('`JSDOM`');
  });

  it('a repository home offers how to run it, from its Usage section and its Xcode project', () => {
    const cards = cardsFor(pages.repoHome!);
    expect(cards.map((card) => [card.rule, card.run])).toEqual([['repo-how-to-run', { skill: 'repo-overview' }]]);
    expect(cards[0]?.why).toBe('The README gives commands under “Usage”; the file list has marzipanify.xcodeproj; last commit 7 Jul 2020.');
  });

  it('a pull request conversation with two open threads on src/markdown.ts', () => {
    const cards = cardsFor(pages.conversation!);
    expect(cards.map((card) => card.rule)).toEqual(['pull-open-threads', 'pull-review-draft']);
    expect(cards[0]?.why).toBe('2 review threads unresolved on src/markdown.ts.');
    expect(cards[1]?.why).toBe('Pull request #151 by shuuul shows 6 files (+1,483 −1); Tandem could not read its diff.');
  });

  it('a test-only change is not flagged as lacking tests', () => {
    const rules = cardsFor(pages.testOnlyFiles!).map((card) => card.rule);
    expect(rules).toContain('pull-open-threads');
    expect(rules).not.toContain('pull-untested-changes');
    expect(rules).not.toContain('pull-large-change');
  });

  it('a merged 13-file change gets a walkthrough, and the one source its new test never names, not the flag files', () => {
    const cards = cardsFor(pages.largeFiles!);
    expect(cards.map((card) => card.rule)).toEqual(['pull-large-change', 'pull-untested-changes']);
    // The page header reads +659 −12 over 13 files; the only test is under packages/react/src/__tests__.
    expect(cards[0]?.why).toBe('13 files changed, +659 −12 lines.');
    expect(cards[1]?.why).toBe(
      '1 of 3 changed source files is tested only indirectly (packages/react/src/ReactElementValidator.js): no changed test names what it adds; 9 one-line or flag changes not counted.',
    );
  });

  it('keeps card ids across two captures of the same page', async () => {
    const again = await capture('pr-conversation-kepano-defuddle-151.html', 'https://github.com/kepano/defuddle/pull/151', 2);
    expect(again.capturedAt).not.toBe(pages.conversation!.capturedAt);
    expect(cardsFor(again).map((card) => card.id)).toEqual(cardsFor(pages.conversation!).map((card) => card.id));
  }, 60_000);
});
