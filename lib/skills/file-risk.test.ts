import { describe, expect, it } from 'vitest';
import { hasMatchingTest, isGeneratedPath, isSourcePath, isTestPath, rankFileRisks, scoreFileRisk, sensitivePathReasons } from './file-risk';

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

describe('matching tests for the per-file risk score', () => {
  it('matches tests by base name or package', () => {
    expect(hasMatchingTest('src/parser.ts', ['src/parser.ts', 'test/parser.spec.ts'])).toBe(true);
    expect(hasMatchingTest('pkg/api/handler.go', ['pkg/api/router_test.go'])).toBe(true);
    expect(hasMatchingTest('src/parser.ts', ['src/lexer.ts', 'other/thing.test.ts'])).toBe(false);
  });
});

describe('risk scoring', () => {
  it('adds up size, sensitive paths and missing tests with reasons', () => {
    const risk = scoreFileRisk({ path: 'server/auth/token.ts', status: 'modified', additions: 250, deletions: 10 }, ['server/auth/token.ts']);
    // 260 lines → 2, security path → 3, no test → 2.
    expect(risk.score).toBe(7);
    expect(risk.reasons).toHaveLength(3);
  });

  it('flags CI, containers, manifests and deletion-heavy changes', () => {
    expect(scoreFileRisk({ path: '.github/workflows/release.yml', status: 'modified', additions: 1, deletions: 1 }, []).reasons).toEqual(['CI workflow']);
    expect(scoreFileRisk({ path: 'Dockerfile', status: 'modified', additions: 1, deletions: 0 }, []).reasons).toEqual(['container build']);
    expect(scoreFileRisk({ path: 'backend/requirements.txt', status: 'modified', additions: 1, deletions: 0 }, []).reasons).toEqual(['dependency manifest']);
    expect(scoreFileRisk({ path: 'docs/a.md', status: 'modified', additions: 2, deletions: 40 }, []).reasons).toEqual(['mostly deletions']);
  });

  it('ranks riskiest first and leaves out lock files and harmless changes', () => {
    const ranked = rankFileRisks([
      { path: 'README.md', status: 'modified', additions: 3, deletions: 1 },
      { path: 'yarn.lock', status: 'modified', additions: 3000, deletions: 2000 },
      { path: 'src/view.ts', status: 'modified', additions: 10, deletions: 1 },
      { path: 'db/migrations/001.sql', status: 'added', additions: 80, deletions: 0 },
    ]);
    expect(ranked.map((risk) => risk.path)).toEqual(['db/migrations/001.sql', 'src/view.ts']);
  });
});
