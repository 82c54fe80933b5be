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
