// Which changed source files come without a matching test change. Same notion of "matching test" as the
// pr-risk skill (lib/skills/file-risk.ts: same base name, or a test in the file's directory or below), but
// computed in one pass over the files: a 300-file pull request must not cost 300 × 300 comparisons here.
import type { DiffFile } from '../context/types';
import { baseStem, isSourcePath, isTestPath } from '../skills/file-risk';

export interface TestCoverageOfChange {
  /** Source files changed (not removed). */
  sources: string[];
  /** Test files changed. */
  tests: string[];
  /** Sources with no test change of the same name, nor any in their directory or below. */
  untested: string[];
}

function directoryOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** The directory and every ancestor of it: a test there "covers" sources in any of them. */
function ancestorsOf(directory: string): string[] {
  const ancestors: string[] = [];
  for (let current = directory; current !== ''; current = directoryOf(current)) ancestors.push(current);
  return ancestors;
}

export function testCoverageOfChange(files: readonly Pick<DiffFile, 'path' | 'status'>[]): TestCoverageOfChange {
  const tests = files.filter((file) => isTestPath(file.path)).map((file) => file.path);
  const sources = files.filter((file) => file.status !== 'removed' && isSourcePath(file.path)).map((file) => file.path);
  const testStems = new Set(tests.map(baseStem));
  const coveredDirectories = new Set(tests.flatMap((test) => ancestorsOf(directoryOf(test))));
  const untested = sources.filter((path) => {
    if (testStems.has(baseStem(path))) return false;
    const directory = directoryOf(path);
    // Root-level sources only match by name, as in file-risk's hasMatchingTest.
    return directory === '' || !coveredDirectories.has(directory);
  });
  return { sources, tests, untested };
}
