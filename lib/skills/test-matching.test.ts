import { describe, expect, it } from 'vitest';
import type { DiffFile } from '../context/types';
import { added, changed } from '../../test/fixtures/skills/diff-files';
import { assessTestCoverage, hasOwnTestChange, notCountedReason, sourceStem, testNamedFor, testStem } from './test-matching';

/** A change big enough to count: several lines of code. */
const code = (path: string, body: readonly string[] = ['run();', 'stop();', 'again();']) => added(path, body);

function linksOf(files: DiffFile[]): Record<string, string[]> {
  const report = assessTestCoverage(files);
  return Object.fromEntries(report.sources.map((source) => [source.path, source.links.map((link) => `${link.how}:${link.test}`)]));
}

describe('test names by language', () => {
  it('takes each convention’s markers off', () => {
    expect(testStem('src/parser.test.ts')).toBe('parser');
    expect(testStem('src/parser.spec.tsx')).toBe('parser');
    expect(testStem('src/__tests__/ReactElementJSX-test.internal.js')).toBe('ReactElementJSX');
    expect(testStem('tests/test_api.py')).toBe('api');
    expect(testStem('app/api_test.py')).toBe('api');
    expect(testStem('pkg/server_test.go')).toBe('server');
    expect(testStem('src/test/java/a/WidgetTest.java')).toBe('Widget');
    expect(testStem('src/test/kotlin/a/WidgetTests.kt')).toBe('Widget');
    expect(testStem('spec/models/user_spec.rb')).toBe('user');
    expect(sourceStem('packages/shared/forks/ReactFeatureFlags.www.js')).toBe('ReactFeatureFlags');
  });

  it('ties a test to a source by name only in the same language, and a generic name only where its tests live', () => {
    expect(testNamedFor('src/parser.ts', 'test/parser.test.ts')).toBe(true);
    expect(testNamedFor('packages/react/src/ReactElement.js', 'packages/react/src/__tests__/ReactElementJSX-test.internal.js')).toBe(true);
    expect(testNamedFor('packages/react/src/React.js', 'packages/react/src/__tests__/ReactElementJSX-test.internal.js')).toBe(false);
    expect(testNamedFor('app/parser.py', 'web/parser.test.ts')).toBe(false);
    expect(testNamedFor('src/a/index.ts', 'src/b/index.test.ts')).toBe(false);
    expect(testNamedFor('src/a/index.ts', 'src/a/__tests__/index.test.ts')).toBe(true);
  });
});

describe('which changed tests cover which sources', () => {
  it('JS/TS: *.test.*, *.spec.*, __tests__ beside the source, and what the test imports or calls', () => {
    expect(
      linksOf([
        code('src/parser.ts'),
        code('src/parser.spec.ts'),
        code('src/render/dom.ts'),
        code('src/render/__tests__/helpers.test.ts'),
        added('src/sync/retry.ts', ['export function withRetry(task) {', '  return task();', '}']),
        added('test/sync.test.ts', [`import { withRetry } from '../src/sync/retry';`, `it('retries', () => withRetry(job));`]),
        code('src/other/lexer.ts'),
      ]),
    ).toEqual({
      'src/parser.ts': ['name:src/parser.spec.ts'],
      'src/render/dom.ts': ['folder:src/render/__tests__/helpers.test.ts'],
      'src/sync/retry.ts': ['imports:test/sync.test.ts'],
      'src/other/lexer.ts': [],
    });
  });

  it('Python: test_*.py and *_test.py anywhere by name, tests/ beside the package', () => {
    expect(linksOf([code('app/pricing.py'), code('tests/test_pricing.py'), code('app/db/models.py'), code('app/db/tests/test_queries.py'), code('app/views.py')])).toEqual({
      'app/pricing.py': ['name:tests/test_pricing.py'],
      'app/db/models.py': ['folder:app/db/tests/test_queries.py'],
      'app/views.py': [],
    });
  });

  it('Go: a _test.go file covers its package’s directory, and no other', () => {
    expect(linksOf([code('pkg/api/handler.go'), code('pkg/api/router_test.go'), code('pkg/store/db.go'), code('cmd/serve.go')])).toEqual({
      'pkg/api/handler.go': ['folder:pkg/api/router_test.go'],
      'pkg/store/db.go': [],
      'cmd/serve.go': [],
    });
  });

  it('Rust: tests/ of the same crate, and #[cfg(test)] changes in the file itself', () => {
    const ownTests = changed('core/src/parse.rs', [' fn parse() {}', ' #[cfg(test)]', ' mod tests {', '+    #[test]', '+    fn parses() { assert!(parse()); }', ' }']);
    expect(hasOwnTestChange(ownTests)).toBe(true);
    expect(hasOwnTestChange(changed('core/src/parse.rs', ['+fn more() {}', '+fn again() {}']))).toBe(false);
    expect(linksOf([ownTests, code('core/src/lex.rs'), code('core/tests/lex.rs'), code('cli/src/args.rs')])).toEqual({
      'core/src/parse.rs': ['same-file:core/src/parse.rs', 'folder:core/tests/lex.rs'],
      'core/src/lex.rs': ['name:core/tests/lex.rs'],
      'cli/src/args.rs': [],
    });
  });

  it('Java and Kotlin: src/test/… mirrors src/main/…, by class name or package', () => {
    expect(
      linksOf([
        code('svc/src/main/java/com/acme/Widget.java'),
        code('svc/src/test/java/com/acme/WidgetTest.java'),
        code('svc/src/main/kotlin/com/acme/Gadget.kt'),
        code('svc/src/test/kotlin/com/acme/GizmoTest.kt'),
        code('svc/src/main/java/com/other/Thing.java'),
      ]),
    ).toEqual({
      'svc/src/main/java/com/acme/Widget.java': ['name:svc/src/test/java/com/acme/WidgetTest.java', 'folder:svc/src/test/kotlin/com/acme/GizmoTest.kt'],
      // Kotlin and Java share the JVM's package folders.
      'svc/src/main/kotlin/com/acme/Gadget.kt': ['folder:svc/src/test/java/com/acme/WidgetTest.java', 'folder:svc/src/test/kotlin/com/acme/GizmoTest.kt'],
      'svc/src/main/java/com/other/Thing.java': [],
    });
  });

  it('Ruby: spec/…_spec.rb for app/ and lib/', () => {
    expect(linksOf([code('app/models/user.rb'), code('spec/models/user_spec.rb'), code('lib/billing/invoice.rb'), code('spec/billing/tax_spec.rb'), code('app/jobs/mail.rb')])).toEqual({
      'app/models/user.rb': ['name:spec/models/user_spec.rb'],
      'lib/billing/invoice.rb': ['folder:spec/billing/tax_spec.rb'],
      'app/jobs/mail.rb': [],
    });
  });
});

describe('what is not counted', () => {
  it('leaves out one-line changes, flag and constant files, comment-only changes, deletions and generated files', () => {
    expect(notCountedReason(changed('src/a.ts', [' a();', '+b();']))).toBe('one-line change');
    expect(notCountedReason(changed('packages/shared/ReactFeatureFlags.js', ['+', '+// New API', '+export const enableJSXTransformAPI = false;']))).toBe('sets `enableJSXTransformAPI`');
    expect(notCountedReason(changed('src/config.ts', ['+export const A = 1;', '+export const B = "x";']))).toBe('sets 2 constants');
    expect(notCountedReason(changed('src/a.ts', ['+// why', '+']))).toBe('only comments or blank lines');
    expect(notCountedReason({ ...code('src/a.ts'), status: 'removed' })).toBe('deleted');
    expect(notCountedReason(code('dist/bundle.js'))).toBe('generated');
    expect(notCountedReason(code('src/a.ts'))).toBeUndefined();
  });

  it('never counts a test file as a source', () => {
    const report = assessTestCoverage([code('src/__tests__/big-test.js', Array.from({ length: 300 }, (_unused, index) => `check(${index});`))]);
    expect(report.sources).toEqual([]);
    expect(report.tests.map((test) => test.path)).toEqual(['src/__tests__/big-test.js']);
  });
});

describe('generic names', () => {
  it('needs a generic name such as util.py to sit with its test, not just share the name', () => {
    expect(linksOf([code('app/util.py'), code('tests/test_util.py')])).toEqual({ 'app/util.py': [] });
  });
});
