import { describe, expect, it } from 'vitest';
import { isGeneratedPath, isSourcePath, isTestPath, sensitivePathReasons } from './file-risk';

describe('path classes', () => {
  it('recognises generated and lock files', () => {
    for (const path of ['package-lock.json', 'web/yarn.lock', 'pnpm-lock.yaml', 'go.sum', 'Cargo.lock', 'static/app.min.js', 'dist/index.js', 'src/__snapshots__/a.snap', 'api/client.generated.ts']) {
      expect(isGeneratedPath(path), path).toBe(true);
    }
    for (const path of ['src/index.ts', 'package.json', 'distance.ts', 'README.md']) expect(isGeneratedPath(path), path).toBe(false);
  });

  it('recognises tests in each convention, and never calls a test source', () => {
    for (const path of ['src/foo.test.ts', 'src/foo.spec.tsx', 'packages/react/src/__tests__/ReactElementJSX-test.internal.js', 'pkg/server_test.go', 'tests/test_api.py', 'spec/user_spec.rb', 'src/test/java/a/WidgetTest.java', 'core/tests/lex.rs']) {
      expect(isTestPath(path), path).toBe(true);
      expect(isSourcePath(path), path).toBe(false);
    }
    for (const path of ['src/latest.ts', 'packages/shared/forks/ReactFeatureFlags.test-renderer.js', 'src/contest.py']) expect(isTestPath(path), path).toBe(false);
    expect(isSourcePath('src/latest.ts')).toBe(true);
    expect(isSourcePath('src/types.d.ts')).toBe(false);
    expect(isSourcePath('README.md')).toBe(false);
  });

  it('names sensitive areas by whole path words', () => {
    expect(sensitivePathReasons('server/auth/token.ts').map((reason) => reason.reason)).toEqual(['security-sensitive path (auth/security/crypto)']);
    expect(sensitivePathReasons('db/migrations/001.sql').map((reason) => reason.reason)).toEqual(['database migration']);
    expect(sensitivePathReasons('.github/workflows/release.yml').map((reason) => reason.reason)).toEqual(['CI workflow']);
    expect(sensitivePathReasons('src/tokenizer.ts')).toEqual([]);
    expect(sensitivePathReasons('src/oracle.ts')).toEqual([]);
  });
});
