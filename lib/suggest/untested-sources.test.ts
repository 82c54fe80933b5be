import { describe, expect, it } from 'vitest';
import { hasMatchingTest, isSourcePath } from '../skills/file-risk';
import { testCoverageOfChange } from './untested-sources';

describe('testCoverageOfChange', () => {
  it('finds sources without tests by name or package', () => {
    const coverage = testCoverageOfChange([
      { path: 'src/render/dom.ts', status: 'modified' },
      { path: 'src/render/__tests__/helpers.test.ts', status: 'added' },
      { path: 'src/util.py', status: 'modified' },
      { path: 'tests/test_util.py', status: 'modified' },
      { path: 'main.go', status: 'modified' },
      { path: 'cmd/serve.go', status: 'modified' },
      { path: 'docs/readme.md', status: 'modified' },
      { path: 'src/gone.ts', status: 'removed' },
    ]);
    expect(coverage.sources).toEqual(['src/render/dom.ts', 'src/util.py', 'main.go', 'cmd/serve.go']);
    expect(coverage.tests).toEqual(['src/render/__tests__/helpers.test.ts', 'tests/test_util.py']);
    expect(coverage.untested).toEqual(['main.go', 'cmd/serve.go']);
  });

  it('agrees with the pr-risk skill’s pairwise hasMatchingTest on generated change sets', () => {
    const directories = ['', 'src', 'src/a', 'src/a/b', 'lib', 'lib/tests', 'test', 'src/a/__tests__', 'pkg/x'];
    const names = ['index.ts', 'parser.ts', 'parser.test.ts', 'lexer.go', 'lexer_test.go', 'util.py', 'test_util.py', 'Widget.java', 'WidgetTest.java', 'notes.md'];
    let seed = 7;
    const random = (limit: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % limit;
    };
    for (let round = 0; round < 200; round++) {
      const paths = new Set<string>();
      const size = 1 + random(8);
      for (let index = 0; index < size; index++) {
        const directory = directories[random(directories.length)]!;
        const name = names[random(names.length)]!;
        paths.add(directory ? `${directory}/${name}` : name);
      }
      const files = [...paths].map((path) => ({ path, status: 'modified' as const }));
      const expected = [...paths].filter((path) => isSourcePath(path) && !hasMatchingTest(path, [...paths]));
      expect(testCoverageOfChange(files).untested, [...paths].join(' ')).toEqual(expected);
    }
  });
});
