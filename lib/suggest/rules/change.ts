// Rules for a commit's page and a compare view: what the change does and the order to read it in.
import { commitData, compareData } from '../page-data';
import type { Rule } from '../types';
import { countOf, formatCount, shorten } from '../wording';

/** Files and +/− of a change: what was read, else what the page's header shows. */
function sizeWords(files: number, additions: number | undefined, deletions: number | undefined): string {
  const lines = additions !== undefined || deletions !== undefined ? `, +${formatCount(additions ?? 0)} −${formatCount(deletions ?? 0)}` : '';
  return `${countOf(files, 'file')}${lines}`;
}

export const commitChange: Rule = {
  id: 'commit-change',
  kinds: ['github.commit'],
  suggest(context) {
    const commit = commitData(context);
    if (!commit) return [];
    const fileCount = commit.read.diff ? commit.files.length : commit.shown.files ?? commit.files.length + commit.unread.length;
    if (fileCount === 0) return [];
    const additions = commit.read.diff ? commit.files.reduce((sum, file) => sum + file.additions, 0) : commit.shown.additions;
    const deletions = commit.read.diff ? commit.files.reduce((sum, file) => sum + file.deletions, 0) : commit.shown.deletions;
    return [
      {
        title: 'What does this commit change?',
        why: `“${shorten(commit.title || commit.sha.slice(0, 7), 60)}” changes ${sizeWords(fileCount, additions, deletions)}: the order to read them in and the spots to check.`,
        // The first thing anyone on a commit page wants; bigger commits need the map more.
        score: Math.min(0.8, 0.65 + 0.02 * Math.log2(1 + fileCount)),
        run: { skill: 'change-overview' },
      },
    ];
  },
};

export const compareChange: Rule = {
  id: 'compare-change',
  kinds: ['github.compare'],
  suggest(context) {
    const compare = compareData(context);
    if (!compare) return [];
    const fileCount = compare.read.diff ? compare.files.length : compare.shown.files ?? compare.files.length + compare.unread.length;
    if (fileCount === 0 && compare.commits.length === 0) return [];
    const range = `${compare.base || 'the default branch'}...${compare.head}`;
    return [
      {
        title: `What changed between ${shorten(compare.base || 'base', 24)} and ${shorten(compare.head, 24)}?`,
        why: `${countOf(compare.commits.length, 'commit')} and ${countOf(fileCount, 'file')} in ${shorten(range, 60)}: what they do, the order to read them in and the spots to check.`,
        score: Math.min(0.8, 0.65 + 0.02 * Math.log2(1 + fileCount)),
        run: { skill: 'change-overview' },
      },
    ];
  },
};

export const changeRules: Rule[] = [commitChange, compareChange];
