// Which changed source files come without a test change, for the "Which changes lack tests?" card. The
// same language-aware matching as the pr-risk skill the card runs (lib/skills/test-matching.ts), so the card
// never promises a file the answer then calls tested; flag files and one-line changes are not counted.
import type { DiffFile } from '../context/types';
import { untestedChanges } from '../skills/untested-changes';

export interface TestCoverageOfChange {
  /** Source files counted: changed, not removed, and more than a one-line or flag change. */
  sources: string[];
  /** Test files changed. */
  tests: string[];
  /** Sources no changed test covers, by name, folder, import or call. */
  untested: string[];
  /** Sources only a test in their folder covers, which never names what they add. */
  indirect: string[];
  /** Changed source files left out of the count (one-line, flag, comment-only). */
  notCounted: number;
}

export function testCoverageOfChange(files: readonly DiffFile[]): TestCoverageOfChange {
  // The card needs the counts, not the words: a smaller detail budget keeps suggest() quick on huge changes.
  const answer = untestedChanges(files, { detailLines: 2_000, describe: false });
  return {
    sources: answer.coverage.sources.map((source) => source.path),
    tests: answer.coverage.tests.map((test) => test.path),
    untested: answer.coverage.sources.filter((source) => source.links.length === 0).map((source) => source.path),
    indirect: answer.indirect.map((finding) => finding.path),
    notCounted: answer.coverage.notCounted.filter((entry) => entry.why !== 'generated' && entry.why !== 'deleted').length,
  };
}
