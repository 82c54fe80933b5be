// The order to read a change in (a commit, a compare view): the code first, shared modules before the
// code that uses them, then its tests, then configuration, then docs and assets; generated and lock
// files last. Pure: the change skills' scripts import it, and the build bundles it into them.
import { isGeneratedPath, isSourcePath, isTestPath, sensitivePathReasons } from './file-risk';

export type ReadingGroup = 'source' | 'tests' | 'config' | 'docs' | 'generated';

export const READING_GROUPS: readonly { group: ReadingGroup; label: string }[] = [
  { group: 'source', label: 'Code' },
  { group: 'tests', label: 'Tests' },
  { group: 'config', label: 'Build, configuration and CI' },
  { group: 'docs', label: 'Docs, samples and assets' },
  { group: 'generated', label: 'Generated and lock files (skim or skip)' },
];

export interface ReadingFile {
  path: string;
  status: string;
  /** Unknown when the file's lines were not read. */
  additions?: number;
  deletions?: number;
}

export function readingGroup(path: string): ReadingGroup {
  if (isGeneratedPath(path)) return 'generated';
  if (isTestPath(path)) return 'tests';
  const name = (path.split('/').pop() ?? path).toLowerCase();
  const configLike = /(^|\/)(\.github|\.circleci|scripts?|config|\.husky|\.vscode)\//i.test(path) ||
    /^\.|\.config\.[cm]?[jt]s$|^(tsconfig.*|jsconfig|package|manifest|dockerfile|makefile|rakefile|gemfile|cargo|go)\.?|\.(ya?ml|toml|ini|cfg|lock|json|jsonc)$/.test(name) ||
    sensitivePathReasons(path).some((reason) => reason.reason === 'dependency manifest' || reason.reason === 'CI workflow' || reason.reason === 'container build');
  if (isSourcePath(path) && !configLike) return 'source';
  if (configLike) return 'config';
  if (/\.(css|scss|sass|less|html?)$/.test(name)) return 'source';
  return 'docs';
}

/** Shared code (lib, shared, core, utils, types…) is read before what uses it. */
function isSharedPath(path: string): boolean {
  return /(^|\/)(lib|libs|shared|common|core|utils?|helpers?|types?|models?|internal|pkg)\//i.test(path);
}

const churn = (file: ReadingFile): number => (file.additions ?? 0) + (file.deletions ?? 0);

/** The files in reading order, grouped; within a group shared code first, then the bigger change, then by path. */
export function readingOrder(files: readonly ReadingFile[]): { group: ReadingGroup; label: string; files: ReadingFile[] }[] {
  return READING_GROUPS.map(({ group, label }) => ({
    group,
    label,
    files: files
      .filter((file) => readingGroup(file.path) === group)
      .sort((left, right) =>
        Number(isSharedPath(right.path)) - Number(isSharedPath(left.path)) ||
        churn(right) - churn(left) ||
        (left.path < right.path ? -1 : left.path > right.path ? 1 : 0)),
  })).filter((entry) => entry.files.length > 0);
}

/** Added lines worth a second look whatever the file: code run from strings, raw HTML, secrets, shell, loose ends. */
export const RISKY_LINE_PATTERNS: readonly { pattern: RegExp; reason: string }[] = [
  { pattern: /\beval\s*\(|new Function\s*\(/, reason: 'runs code from a string' },
  { pattern: /\.innerHTML\s*=|dangerouslySetInnerHTML|\.outerHTML\s*=|document\.write\s*\(/, reason: 'writes raw HTML' },
  { pattern: /child_process|\bexecSync\s*\(|\bspawn\s*\(|subprocess\.|os\.system\s*\(/, reason: 'runs a shell command' },
  { pattern: /(password|secret|api[_-]?key|token)\s*[:=]\s*['"][^'"]{6,}/i, reason: 'a literal that looks like a credential' },
  { pattern: /\b(TODO|FIXME|XXX|HACK)\b/, reason: 'a loose end (TODO/FIXME)' },
  { pattern: /\bdebugger\b|console\.log\s*\(/, reason: 'debugging left in' },
  { pattern: /--no-verify|--force\b|rm -rf/, reason: 'a forceful command' },
];

export interface ChangeRisk {
  path: string;
  reasons: string[];
  weight: number;
}

/** The file name without folders, extensions and test markers: `src/a/view.test.ts` → `view`. */
function stem(path: string): string {
  return (path.split('/').pop() ?? path).toLowerCase().replace(/\.[^.]*$/, '').replace(/([._-](test|spec|e2e))$/, '').replace(/^test_/, '');
}

/**
 * Files worth a second look, by what the path and the counts say: size, sensitive areas (migrations,
 * auth, CI, containers, dependencies), code changed with no test of the same name in the change, deletions.
 * Riskiest first; generated files never.
 */
export function changeRisks(files: readonly ReadingFile[]): ChangeRisk[] {
  const testStems = new Set(files.filter((file) => isTestPath(file.path)).map((file) => stem(file.path)));
  const risks: ChangeRisk[] = [];
  for (const file of files) {
    if (isGeneratedPath(file.path)) continue;
    const risk: ChangeRisk = { path: file.path, reasons: [], weight: 0 };
    const add = (weight: number, reason: string) => {
      risk.weight += weight;
      risk.reasons.push(reason);
    };
    const changed = churn(file);
    if (changed >= 500) add(3, `very large change (${changed} lines)`);
    else if (changed >= 200) add(2, `large change (${changed} lines)`);
    for (const sensitive of sensitivePathReasons(file.path)) add(sensitive.weight, sensitive.reason);
    if (file.status === 'removed') add(1, 'file deleted');
    else if (file.additions !== undefined && isSourcePath(file.path) && !testStems.has(stem(file.path))) add(1, 'code changed without a test of the same name in this change');
    if (risk.weight > 0) risks.push(risk);
  }
  const sizes = new Map(files.map((file) => [file.path, churn(file)]));
  const size = (risk: ChangeRisk): number => sizes.get(risk.path) ?? 0;
  return risks.sort((left, right) => right.weight - left.weight || size(right) - size(left) || (left.path < right.path ? -1 : 1));
}
