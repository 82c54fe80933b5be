// Classes of a pull request's changed files by path (generated, test, source) and the sensitive areas a
// path is in. Pure functions: the pull-request skills' scripts import them, and the build bundles them in.

/**
 * A path's class, remembered: every answer asks each path the same questions several times, and in the
 * sandbox's interpreter each regex test costs tens of microseconds. Bounded, as the worker lives on.
 */
function rememberByPath(decide: (path: string) => boolean): (path: string) => boolean {
  const known = new Map<string, boolean>();
  return (path: string) => {
    const answer = known.get(path);
    if (answer !== undefined) return answer;
    if (known.size > 5_000) known.clear();
    const decided = decide(path);
    known.set(path, decided);
    return decided;
  };
}

const LOCK_FILES = new Set([
  'package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'npm-shrinkwrap.json', 'bun.lockb', 'bun.lock',
  'go.sum', 'Cargo.lock', 'Gemfile.lock', 'poetry.lock', 'Pipfile.lock', 'composer.lock', 'uv.lock',
  'mix.lock', 'pubspec.lock', 'Podfile.lock', 'flake.lock', 'packages.lock.json', 'gradle.lockfile',
]);

/** Lock files, build output, snapshots and other files nobody reviews line by line. */
export const isGeneratedPath = rememberByPath((path: string): boolean => {
  const name = path.split('/').pop() ?? path;
  if (LOCK_FILES.has(name)) return true;
  if (/\.min\.(js|css|mjs)$/i.test(name) || /\.(js|css)\.map$/i.test(name)) return true;
  if (/\.generated\.|\.g\.(cs|dart)$|_generated\.|\.pb\.go$|_pb2\.py$|\.snap$/i.test(name)) return true;
  return /(^|\/)(dist|build|out|vendor|node_modules|__snapshots__|__generated__|generated)\//.test(path);
});

/** Test files by the common conventions of JS/TS, Python, Go, Ruby, Java, Kotlin and Rust projects. */
export const isTestPath = rememberByPath((path: string): boolean => {
  const name = path.split('/').pop() ?? path;
  if (/[-_.](test|spec|e2e)(\.[a-z]+)?\.[cm]?[jt]sx?$/i.test(name)) return true;
  if (/^test_.*\.py$|_test\.(py|go|rb|exs?)$|_spec\.rb$|(Test|Tests|IT)\.(java|kt|scala|cs)$/.test(name)) return true;
  return /(^|\/)(__tests__|tests?|spec|specs|e2e|testing)\//.test(path);
});

/** Hand-written source code, the kind of file that should come with tests. */
export const isSourcePath = rememberByPath((path: string): boolean => {
  if (isGeneratedPath(path) || isTestPath(path)) return false;
  const name = path.split('/').pop() ?? path;
  if (/\.d\.ts$/.test(name)) return false;
  return /\.(m?[jt]sx?|cjs|py|go|rb|java|kt|scala|rs|c|cc|cpp|h|hpp|cs|php|swift|ex|exs|vue|svelte)$/i.test(name);
});

const MANIFESTS = new Set([
  'package.json', 'go.mod', 'pyproject.toml', 'setup.py', 'setup.cfg', 'pipfile', 'gemfile', 'cargo.toml', 'pom.xml',
  'build.gradle', 'build.gradle.kts', 'composer.json', 'mix.exs', 'pubspec.yaml',
]);

/** Sensitive areas by path: each match adds its weight and its reason. */
export function sensitivePathReasons(path: string): { weight: number; reason: string }[] {
  const lower = path.toLowerCase();
  const name = lower.split('/').pop() ?? lower;
  const found: { weight: number; reason: string }[] = [];
  if (/(^|\/)(migrations?|migrate|db\/schema)(\/|$)|\.sql$/.test(lower)) found.push({ weight: 3, reason: 'database migration' });
  // Whole words of the path (`auth/`, `session.ts`, `oauth_client.py`), so `tokenizer.ts` or `oracle.ts` do not count.
  if (/(^|[/_.-])(auth\w*|secur\w*|crypt\w*|permissions?|passwords?|secrets?|tokens?|sessions?|oauth\w*|saml|acls?|login)([/_.-]|$)/.test(lower)) {
    found.push({ weight: 3, reason: 'security-sensitive path (auth/security/crypto)' });
  }
  if (/^\.github\/workflows\/|(^|\/)\.gitlab-ci\.yml$|(^|\/)jenkinsfile$|^\.circleci\//.test(lower)) {
    found.push({ weight: 2, reason: 'CI workflow' });
  }
  if (/^dockerfile|\.dockerfile$|^docker-compose.*\.ya?ml$|^compose\.ya?ml$/.test(name)) found.push({ weight: 2, reason: 'container build' });
  if (MANIFESTS.has(name) || /^requirements.*\.(txt|in)$/.test(name)) found.push({ weight: 2, reason: 'dependency manifest' });
  return found;
}

// The per-file risk score the commit and compare overview (scripts/change-overview.ts) ranks files by.

/** The file name without directories, test markers and extensions: `src/a/foo.test.ts` → `foo`. */
export function baseStem(path: string): string {
  const name = (path.split('/').pop() ?? path).replace(/\.[^.]+$/, '');
  return name
    .replace(/([a-z0-9])(Tests?|IT|Spec)$/, '$1')
    .toLowerCase()
    .replace(/\.(test|spec|e2e)$/, '')
    .replace(/^test_/, '')
    .replace(/[._-](tests?|spec)$/, '');
}

export interface RiskFile {
  path: string;
  previousPath?: string;
  status: string;
  additions: number;
  deletions: number;
}

export interface FileRisk {
  path: string;
  score: number;
  reasons: string[];
  additions: number;
  deletions: number;
}

/** True when the change set touches a test for `path`: same base name, or any test in its package. */
export function hasMatchingTest(path: string, changedPaths: readonly string[]): boolean {
  const stem = baseStem(path);
  const directory = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  return changedPaths.some((candidate) => {
    if (candidate === path || !isTestPath(candidate)) return false;
    if (baseStem(candidate) === stem) return true;
    const candidateDirectory = candidate.includes('/') ? candidate.slice(0, candidate.lastIndexOf('/')) : '';
    return directory !== '' && (candidateDirectory === directory || candidateDirectory.startsWith(`${directory}/`));
  });
}

/** One file's risk score and the reasons behind it; generated files score 0. */
export function scoreFileRisk(file: RiskFile, changedPaths: readonly string[]): FileRisk {
  const result: FileRisk = { path: file.path, score: 0, reasons: [], additions: file.additions, deletions: file.deletions };
  if (isGeneratedPath(file.path)) return result;
  const add = (weight: number, reason: string) => {
    result.score += weight;
    result.reasons.push(reason);
  };
  const churn = file.additions + file.deletions;
  if (churn >= 500) add(3, `very large change (${churn} lines)`);
  else if (churn >= 200) add(2, `large change (${churn} lines)`);
  else if (churn >= 50) add(1, `sizeable change (${churn} lines)`);
  for (const sensitive of sensitivePathReasons(file.path)) add(sensitive.weight, sensitive.reason);
  if (file.status !== 'removed' && isSourcePath(file.path) && !hasMatchingTest(file.path, changedPaths)) {
    add(2, 'source changed without a matching test change');
  }
  if (file.status === 'removed') add(1, 'file deleted');
  else if (file.deletions >= 20 && file.deletions > 2 * file.additions) add(1, 'mostly deletions');
  return result;
}

/** Files with a positive risk score, riskiest first (ties: bigger change first, then path). */
export function rankFileRisks(files: readonly RiskFile[]): FileRisk[] {
  const paths = files.map((file) => file.path);
  return files
    .map((file) => scoreFileRisk(file, paths))
    .filter((risk) => risk.score > 0)
    .sort(
      (left, right) =>
        right.score - left.score ||
        right.additions + right.deletions - (left.additions + left.deletions) ||
        (left.path < right.path ? -1 : 1),
    );
}
