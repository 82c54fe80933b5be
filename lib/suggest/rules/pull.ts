// Rules for pull requests (conversation and files tabs): what a reviewer would want done first.
import type { PageKind } from '../../context/types';
import { pullData } from '../page-data';
import type { Rule } from '../types';
import { testCoverageOfChange } from '../untested-sources';
import { countOf, distinct, formatCount, listNames } from '../wording';

const PULL_KINDS: readonly PageKind[] = ['github.pull', 'github.pull.files'];

/** A change this big is hard to review file by file without a map. */
export const LARGE_CHANGE_FILES = 10;
export const LARGE_CHANGE_LINES = 400;

export const pullFailingChecks: Rule = {
  id: 'pull-failing-checks',
  kinds: PULL_KINDS,
  suggest(context) {
    const failing = pullData(context)?.checks.filter((check) => check.state === 'failure') ?? [];
    if (failing.length === 0) return [];
    const verb = failing.length === 1 ? 'is' : 'are';
    return [
      {
        title: failing.length === 1 ? 'Explain the failing check' : 'Explain the failing checks',
        why: `${countOf(failing.length, 'check')} ${verb} failing: ${listNames(distinct(failing.map((check) => check.name)))}.`,
        // Broken CI blocks the merge and is what the author has to act on first.
        score: 0.95,
        run: { skill: 'pr-checks' },
      },
    ];
  },
};

export const pullLargeChange: Rule = {
  id: 'pull-large-change',
  kinds: PULL_KINDS,
  suggest(context) {
    const files = pullData(context)?.files ?? [];
    let additions = 0;
    let deletions = 0;
    for (const file of files) {
      additions += file.additions;
      deletions += file.deletions;
    }
    const lines = additions + deletions;
    if (files.length < LARGE_CHANGE_FILES && lines < LARGE_CHANGE_LINES) return [];
    // Bigger changes need the map more: from 0.6 at the threshold up to 0.75.
    const size = Math.max(files.length / LARGE_CHANGE_FILES, lines / LARGE_CHANGE_LINES);
    return [
      {
        title: 'Walk me through this PR',
        why: `${countOf(files.length, 'file')} changed, +${formatCount(additions)} −${formatCount(deletions)} lines.`,
        score: Math.min(0.75, 0.6 + 0.05 * Math.log2(size)),
        run: { skill: 'pr-overview' },
      },
    ];
  },
};

export const pullOpenThreads: Rule = {
  id: 'pull-open-threads',
  kinds: PULL_KINDS,
  suggest(context) {
    const open = pullData(context)?.threads.filter((thread) => !thread.resolved) ?? [];
    if (open.length === 0) return [];
    const paths = distinct(open.flatMap((thread) => (thread.path ? [thread.path] : [])));
    const where = paths.length > 0 ? ` on ${listNames(paths)}` : '';
    return [
      {
        title: 'Summarise the open threads',
        why: `${countOf(open.length, 'review thread')} unresolved${where}.`,
        score: Math.min(0.75, 0.6 + 0.03 * open.length),
        run: {
          ask: 'Summarise the unresolved review threads on this pull request: for each, the file, what the reviewer asks for, and whether the author has answered it.',
        },
      },
    ];
  },
};

export const pullUntestedChanges: Rule = {
  id: 'pull-untested-changes',
  kinds: PULL_KINDS,
  suggest(context) {
    const files = pullData(context)?.files ?? [];
    if (files.length === 0) return [];
    const coverage = testCoverageOfChange(files);
    const tests = coverage.tests.length === 0 ? 'no test file changed' : `only ${countOf(coverage.tests.length, 'test file')} changed`;
    const skipped = coverage.notCounted > 0 ? `; ${countOf(coverage.notCounted, 'one-line or flag change')} not counted` : '';
    if (coverage.untested.length > 0) {
      return [
        {
          title: 'Which changes lack tests?',
          why: `${coverage.untested.length} of ${countOf(coverage.sources.length, 'changed source file')} have no matching test change (${listNames(coverage.untested)}); ${tests}${skipped}.`,
          score: coverage.tests.length === 0 ? 0.55 : 0.45,
          run: { skill: 'pr-risk' },
        },
      ];
    }
    if (coverage.indirect.length === 0) return [];
    // Every source has a test nearby, but some add functions no changed test names: worth a look, less urgent.
    return [
      {
        title: 'Which changes lack tests?',
        why: `${coverage.indirect.length} of ${countOf(coverage.sources.length, 'changed source file')} ${coverage.indirect.length === 1 ? 'is' : 'are'} tested only indirectly (${listNames(coverage.indirect)}): no changed test names what ${coverage.indirect.length === 1 ? 'it adds' : 'they add'}${skipped}.`,
        score: 0.4,
        run: { skill: 'pr-risk' },
      },
    ];
  },
};

export const pullReviewDraft: Rule = {
  id: 'pull-review-draft',
  kinds: PULL_KINDS,
  suggest(context) {
    const pull = pullData(context);
    if (!pull || pull.state === 'closed' || pull.state === 'merged') return [];
    const by = pull.author ? ` by ${pull.author}` : '';
    const additions = pull.files.reduce((total, file) => total + file.additions, 0);
    const deletions = pull.files.reduce((total, file) => total + file.deletions, 0);
    const { shown } = pull;
    // A diff not read is not an empty one: say what the header shows, and that the draft will not judge the code.
    const unread = !pull.read.diff && shown.files !== undefined
      ? ` shows ${countOf(shown.files, 'file')} (+${formatCount(shown.additions ?? 0)} −${formatCount(shown.deletions ?? 0)}); Tandem could not read its diff`
      : undefined;
    const size = unread ?? (pull.files.length > 0 ? ` changes ${countOf(pull.files.length, 'file')} (+${formatCount(additions)} −${formatCount(deletions)})` : ' is open');
    return [
      {
        title: 'Draft a review',
        why: `Pull request #${pull.number}${by}${size}.`,
        // Always available, so it never outranks a card with specific evidence.
        score: 0.3,
        run: { skill: 'review-draft' },
      },
    ];
  },
};

export const pullRules: Rule[] = [pullFailingChecks, pullLargeChange, pullOpenThreads, pullUntestedChanges, pullReviewDraft];
