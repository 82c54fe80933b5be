// Which changed tests cover which changed source files, language by language: by naming convention
// (foo.test.ts, test_foo.py, foo_test.go, FooTest.java, foo_spec.rb, tests/foo.rs), by test folder
// (__tests__, tests/, the Go package, src/test/… mirroring src/main/…), by what the test imports or
// calls, or by tests in the same file (Rust's #[cfg(test)]). Pure: the skills' scripts and the
// suggestion rule both use it, so the card and its answer agree.
import {
  type DiffFileLike,
  type SymbolChange,
  constantsOnlyChange,
  directoryOf,
  DETAIL_BUDGET_LINES,
  filesInDetail,
  fileName,
  importsIn,
  languageOf,
  meaningfulChurn,
  moduleStem,
  symbolChanges,
  wordsAnywhere,
} from './diff-facts';
import { isGeneratedPath, isSourcePath, isTestPath } from './file-risk';

/** How a test was tied to a source: the first four are direct, `folder` only says the test sits where the source's tests live. */
export type TestLinkKind = 'same-file' | 'name' | 'imports' | 'calls' | 'folder';

export interface TestLink {
  test: string;
  how: TestLinkKind;
  /** The changed function the test calls, for `calls`. */
  symbol?: string;
}

/** The file name without directories and extensions (all of them: `ReactFeatureFlags.www.js` → `ReactFeatureFlags`). */
export function sourceStem(path: string): string {
  const name = fileName(path);
  const dot = name.indexOf('.', 1);
  return dot === -1 ? name : name.slice(0, dot);
}

/** A test's name with its test markers taken off: `foo.test.ts`, `test_foo.py`, `foo_test.go`, `FooTest.java`, `foo_spec.rb`, `ReactElementJSX-test.internal.js`. */
export function testStem(path: string): string {
  return sourceStem(path)
    .replace(/^test_|^Test(?=[A-Z])/, '')
    .replace(/[-_.](?:test|tests|spec|specs|e2e)$/i, '')
    .replace(/(?<=[a-z0-9])(?:Tests?|IT|Spec)$/, '');
}

/** Names too common to tie a test to a source by name alone. */
const GENERIC_STEMS = new Set(['index', 'main', 'mod', 'lib', 'app', 'utils', 'util', 'helpers', 'types', 'init', '__init__', 'common', 'config', 'constants']);

const TEST_FOLDER = /^(?:__tests__|__test__|tests?|specs?|e2e|testing|integration|unit)$/;

/** The directory a test stands for once its test folders are taken out: `src/render/__tests__` → `src/render`, `src/test/java/a` → `src/java/a`. */
function testedDirectory(testPath: string): string {
  return directoryOf(testPath)
    .split('/')
    .filter((segment) => !TEST_FOLDER.test(segment))
    .join('/');
}

/** `src/main/java/a/b` → `a/b`: the package path that src/test/java/a/b mirrors (Java, Kotlin, Scala). */
function jvmPackageDirectory(path: string): string | undefined {
  const match = /(?:^|\/)src\/(?:main|test)\/(?:java|kotlin|scala)\/(.*)$/.exec(directoryOf(path));
  return match ? match[1] : undefined;
}

/** Ruby: app/models/user.rb and lib/a/b.rb are tested from spec/models/user_spec.rb and spec/a/b_spec.rb. */
function rubyTestedDirectory(path: string, isTest: boolean): string {
  const directory = directoryOf(path);
  return isTest ? directory.replace(/^(?:.*\/)?(?:spec|test)(?:\/|$)/, '') : directory.replace(/^(?:.*\/)?(?:app|lib)(?:\/|$)/, '');
}

/** The crate a Rust file belongs to: the directory holding its `src/` or `tests/`. */
function rustCrate(path: string): string | undefined {
  const match = /^(.*?)(?:^|\/)(?:src|tests)\//.exec(path);
  return match ? match[1] : undefined;
}

/** True when `testName` is `sourceName` or extends it at a word boundary: ReactElement → ReactElementJSX, parser → parser_errors. */
function namesMatch(sourceName: string, testName: string): boolean {
  if (testName.toLowerCase() === sourceName.toLowerCase()) return true;
  if (sourceName.length < 4 || !testName.startsWith(sourceName)) return false;
  // One more word only: ReactElementJSX tests ReactElement, but not React.
  return /^(?:[A-Z][a-z0-9]*|[A-Z0-9]+|[_.-][a-z0-9]+)$/.test(testName.slice(sourceName.length));
}

/** Whether a test sits where the source's tests live, by the source language's convention. */
export function inTestFolderOf(sourcePath: string, testPath: string): boolean {
  const language = languageOf(sourcePath);
  const sourceDirectory = directoryOf(sourcePath);
  if (language === 'go') return directoryOf(testPath) === sourceDirectory && testPath.endsWith('_test.go');
  if (language === 'rust') {
    const crate = rustCrate(sourcePath);
    return crate !== undefined && crate === rustCrate(testPath) && /(^|\/)tests\//.test(testPath);
  }
  if (language === 'java' || language === 'kotlin') {
    const sourcePackage = jvmPackageDirectory(sourcePath);
    return sourcePackage !== undefined && sourcePackage === jvmPackageDirectory(testPath);
  }
  if (language === 'ruby') return rubyTestedDirectory(sourcePath, false) === rubyTestedDirectory(testPath, true);
  return sourceDirectory !== '' && testedDirectory(testPath) === sourceDirectory;
}

/** Whether the test's name ties it to the source, where the convention puts it. */
export function testNamedFor(sourcePath: string, testPath: string): boolean {
  const source = sourceStem(sourcePath);
  const test = testStem(testPath);
  if (!namesMatch(source, test)) return false;
  // "index.test.ts" names nothing on its own: it must also sit with the source's tests.
  if (GENERIC_STEMS.has(source.toLowerCase())) return inTestFolderOf(sourcePath, testPath) || directoryOf(sourcePath) === directoryOf(testPath);
  const language = languageOf(sourcePath);
  // The same name in another language is another file's test (`parser.py` is not tested by `parser.test.ts`).
  return language === 'other' || languageOf(testPath) === language;
}

/** Rust keeps unit tests in the file they test: changed lines under #[cfg(test)] or a #[test] count as a test change. */
export function hasOwnTestChange(file: DiffFileLike): boolean {
  if (languageOf(file.path) !== 'rust') return false;
  for (const hunk of file.hunks) {
    let inTests = false;
    for (const line of hunk.lines) {
      if (/#\[cfg\(test\)\]|^\s*mod tests\b|#\[(?:tokio::)?test\]/.test(line.slice(1))) inTests = true;
      if (inTests && (line[0] === '+' || line[0] === '-')) return true;
    }
  }
  return false;
}

/** Why a changed source file is left out of the count: too small, settings only, or not hand-written code. */
export function notCountedReason(file: DiffFileLike): string | undefined {
  if (file.status === 'removed') return 'deleted';
  if (isGeneratedPath(file.path)) return 'generated';
  const churn = meaningfulChurn(file);
  if (churn === 0) return file.status === 'renamed' && file.hunks.length === 0 ? 'renamed only' : 'only comments or blank lines';
  const constants = constantsOnlyChange(file);
  if (constants) return constants.length === 1 ? `sets \`${constants[0]!.name}\`` : `sets ${constants.length} constants`;
  if (/(^|\/|[._-])(flags?|feature[_-]?flags?|settings|config|constants)([._-][^/]*)?\.[a-z]+$/i.test(file.path) || /FeatureFlags/.test(file.path)) {
    if (churn <= 3) return 'flag or settings file';
  }
  if (churn === 1) return 'one-line change';
  return undefined;
}

export interface SourceCoverage {
  path: string;
  /** Direct links first; empty when no changed test touches the source. */
  links: TestLink[];
  /** What the source adds or changes (functions, classes, branches). */
  symbols: SymbolChange[];
  churn: number;
}

export interface TestFileFacts {
  path: string;
  /** The changed source files it covers, directly or by folder. */
  covers: string[];
}

export interface CoverageReport {
  /** Changed source files counted, with how tests cover them. */
  sources: SourceCoverage[];
  /** Changed source files left out, and why. */
  notCounted: { path: string; why: string }[];
  tests: TestFileFacts[];
}

const DIRECT: readonly TestLinkKind[] = ['same-file', 'name', 'imports', 'calls'];

export function isDirect(link: TestLink): boolean {
  return DIRECT.includes(link.how);
}

/** A function name a test would only use to call that function: `withRetry`, `parse_header`, not `render`. */
function distinctive(name: string): boolean {
  return !GENERIC_STEMS.has(name.toLowerCase()) && (name.length >= 8 || /^.+[A-Z_]/.test(name));
}

/**
 * Every changed source file with the changed tests that cover it. Linear in the number of files: tests are
 * indexed by stem and folder once, and by import and word only when some source has no test by name, so a
 * 300-file change is not 300 × 300 comparisons. Files past `detailLines` of diff are matched by path only;
 * `describe: false` skips reading what an untested file adds when nothing needs the words (the card's count).
 */
export function assessTestCoverage(
  files: readonly DiffFileLike[],
  { detailLines = DETAIL_BUDGET_LINES, describe = true }: { detailLines?: number; describe?: boolean } = {},
): CoverageReport {
  const tests = files.filter((file) => file.status !== 'removed' && isTestPath(file.path) && !isGeneratedPath(file.path));
  const detail = filesInDetail(files, detailLines);
  const byStem = new Map<string, DiffFileLike[]>();
  const byFolder = new Map<string, DiffFileLike[]>();
  const add = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const test of tests) {
    // Index every prefix at a word boundary, so ReactElementJSX-test is found from ReactElement.
    const stem = testStem(test.path);
    add(byStem, stem.toLowerCase(), test);
    for (let index = 4; index < stem.length; index++) if (/[A-Z_.-]/.test(stem[index]!)) add(byStem, stem.slice(0, index).toLowerCase(), test);
    add(byFolder, testedDirectory(test.path), test);
    add(byFolder, directoryOf(test.path), test);
  }
  // What the tests import and say, read only once a source needs it.
  let content: { byImport: Map<string, string[]>; byWord: Map<string, string[]> } | undefined;
  const testContent = () => {
    if (content) return content;
    content = { byImport: new Map(), byWord: new Map() };
    for (const test of tests) {
      if (!detail.has(test)) continue;
      for (const specifier of importsIn(test)) add(content.byImport, moduleStem(specifier), test.path);
      for (const word of wordsAnywhere(test)) if (distinctive(word)) add(content.byWord, word, test.path);
    }
    return content;
  };

  const sources: SourceCoverage[] = [];
  const notCounted: { path: string; why: string }[] = [];
  const covers = new Map<string, string[]>(tests.map((test) => [test.path, []]));
  for (const file of files) {
    if (isTestPath(file.path) || !isSourcePath(file.path)) continue;
    const why = notCountedReason(file);
    if (why) {
      notCounted.push({ path: file.path, why });
      continue;
    }
    const links: TestLink[] = [];
    const seen = new Set<string>();
    const link = (test: string, how: TestLinkKind, symbol?: string) => {
      if (seen.has(test)) return;
      seen.add(test);
      links.push(symbol ? { test, how, symbol } : { test, how });
    };
    if (hasOwnTestChange(file)) link(file.path, 'same-file');
    const stem = sourceStem(file.path);
    for (const test of byStem.get(stem.toLowerCase()) ?? []) if (testNamedFor(file.path, test.path)) link(test.path, 'name');
    // Symbols are read only where they decide something: no test by name, so imports, calls and what it adds matter.
    let symbols: SymbolChange[] = [];
    if (links.length === 0 && tests.length > 0) {
      const { byImport, byWord } = testContent();
      if (!GENERIC_STEMS.has(stem.toLowerCase())) for (const test of byImport.get(stem.toLowerCase()) ?? []) link(test, 'imports');
      if (links.length === 0 && detail.has(file)) {
        symbols = symbolChanges(file);
        for (const symbol of symbols) {
          if (symbol.change === 'removed' || !distinctive(symbol.name)) continue;
          for (const test of byWord.get(symbol.name) ?? []) link(test, 'calls', symbol.name);
        }
      }
    } else if (describe && tests.length === 0 && detail.has(file)) {
      symbols = symbolChanges(file);
    }
    // JS and Python tests live in or under the source's folder (indexed); other languages have their own layouts.
    const language = languageOf(file.path);
    const elsewhere = language === 'js' || language === 'python' ? [] : tests.filter((test) => inTestFolderOf(file.path, test.path));
    const candidates = new Set([...(byFolder.get(directoryOf(file.path)) ?? []), ...elsewhere]);
    for (const test of candidates) if (inTestFolderOf(file.path, test.path) || directoryOf(test.path) === directoryOf(file.path)) link(test.path, 'folder');
    for (const { test } of links) covers.get(test)?.push(file.path);
    sources.push({ path: file.path, links, symbols, churn: meaningfulChurn(file) });
  }
  return { sources, notCounted, tests: tests.map((test) => ({ path: test.path, covers: covers.get(test.path) ?? [] })) };
}
