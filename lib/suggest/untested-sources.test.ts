import { describe, expect, it } from 'vitest';
import { added, changed } from '../../test/fixtures/skills/diff-files';
import { testCoverageOfChange } from './untested-sources';

const code = (path: string) => added(path, ['run();', 'stop();', 'again();']);

describe('testCoverageOfChange', () => {
  it('finds sources without tests by the language’s conventions', () => {
    const coverage = testCoverageOfChange([
      code('src/render/dom.ts'),
      code('src/render/__tests__/helpers.test.ts'),
      code('src/pricing.py'),
      code('tests/test_pricing.py'),
      code('main.go'),
      code('cmd/serve.go'),
      code('docs/readme.md'),
      { ...code('src/gone.ts'), status: 'removed' },
    ]);
    expect(coverage.sources).toEqual(['src/render/dom.ts', 'src/pricing.py', 'main.go', 'cmd/serve.go']);
    expect(coverage.tests).toEqual(['src/render/__tests__/helpers.test.ts', 'tests/test_pricing.py']);
    expect(coverage.untested).toEqual(['main.go', 'cmd/serve.go']);
    expect(coverage.indirect).toEqual([]);
  });

  it('tells a source tested only from its folder, adding functions no test names, from a tested one', () => {
    const coverage = testCoverageOfChange([
      added('src/validator.js', ['export function validate(x) {', '  if (!x) warn();', '  return x;', '}']),
      added('src/element.js', ['export function jsx(type) {', '  return make(type);', '}']),
      added('src/__tests__/element-test.js', [`it('makes elements', () => expect(jsx('div')).toBeTruthy());`]),
    ]);
    expect(coverage.untested).toEqual([]);
    expect(coverage.indirect).toEqual(['src/validator.js']);
  });

  it('does not count one-line or flag changes, nor a test file as a source', () => {
    const coverage = testCoverageOfChange([
      changed('src/a.ts', [' a();', '+b();']),
      changed('packages/shared/forks/ReactFeatureFlags.www.js', ['+export const enableJSXTransformAPI = true;']),
      added('src/__tests__/big-test.js', Array.from({ length: 50 }, (_unused, index) => `check(${index});`)),
    ]);
    expect(coverage).toEqual({ sources: [], tests: ['src/__tests__/big-test.js'], untested: [], indirect: [], notCounted: 2 });
  });

  it('stays linear on a 600-file change', () => {
    const files = Array.from({ length: 300 }, (_unused, index) => [code(`pkg${index % 30}/mod${index}.ts`), code(`pkg${index % 30}/__tests__/mod${index}.test.ts`)]).flat();
    const coverage = testCoverageOfChange(files);
    expect(coverage.sources).toHaveLength(300);
    expect(coverage.untested).toEqual([]);
  });
});
