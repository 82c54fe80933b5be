// The answer to "which changes lack tests?": changed source files no changed test touches, ranked by what
// they change, each with its reason in words; then the ones tested only from nearby; then what was not
// counted and why. Pure, over the coverage from test-matching.ts.
import { code, listWords, plural } from './answer-words';
import type { SymbolChange } from './diff-facts';
import { fileName } from './diff-facts';
import { sensitivePathReasons } from './file-risk';
import { type CoverageReport, type SourceCoverage, assessTestCoverage, isDirect } from './test-matching';
import type { DiffFileLike } from './diff-facts';

export interface UntestedFinding {
  path: string;
  /** Where the first thing it adds or changes is (exported first), for a file:line citation. */
  line?: number;
  /** What the change does, in words: "adds `withRetry` and 2 more (4 branches)". */
  what: string;
  /** What the change does and why it wants a test, in words. */
  reason: string;
  /** The sensitive area the path is in (a migration, auth code, CI), if any. */
  area?: string;
  /** For ranking only; never shown. */
  weight: number;
}

export interface UntestedAnswer {
  coverage: CoverageReport;
  /** No changed test touches these. */
  untested: UntestedFinding[];
  /** Only a test in the same folder changed, and it names none of what the source adds. */
  indirect: UntestedFinding[];
  /** Covered directly, with how. */
  tested: { path: string; by: string }[];
}

/**
 * What a file's change does, from its definitions: "adds `withRetry`, `isRetryable` and 2 more (4 branches);
 * changes the signature of `getSourceInfoErrorAddendum`; adds 3 branches to `commitRoot`". Types are left
 * out: they are names, not behaviour a test exercises.
 */
export function describeSymbolChanges(symbols: readonly SymbolChange[]): string {
  const code_ = symbols.filter((symbol) => !symbol.type);
  const parts: string[] = [];
  const added = code_.filter((symbol) => symbol.change === 'added').sort((left, right) => Number(right.exported) - Number(left.exported) || right.branches - left.branches);
  if (added.length > 0) {
    const branches = added.reduce((total, symbol) => total + symbol.branches, 0);
    parts.push(`adds ${listWords(added.map((symbol) => code(symbol.name)))}${branches > 0 ? ` (${plural(branches, 'branch')})` : ''}`);
  }
  const resigned = code_.filter((symbol) => symbol.change === 'changed');
  if (resigned.length > 0) parts.push(`changes the signature of ${listWords(resigned.map((symbol) => code(symbol.name)), 2)}`);
  const modified = code_.filter((symbol) => symbol.change === 'modified');
  const branching = modified.filter((symbol) => symbol.branches > 0).sort((left, right) => right.branches - left.branches).slice(0, 2);
  for (const symbol of branching) parts.push(`adds ${symbol.branches === 1 ? 'a branch' : plural(symbol.branches, 'branch')} to ${code(symbol.name)}`);
  const quiet = modified.filter((symbol) => !branching.includes(symbol));
  if (quiet.length > 0) parts.push(`changes ${listWords(quiet.map((symbol) => code(symbol.name)), 2)}`);
  const removed = code_.filter((symbol) => symbol.change === 'removed');
  if (removed.length > 0) parts.push(`removes ${listWords(removed.map((symbol) => code(symbol.name)), 2)}`);
  return parts.join('; ');
}

/** The line of the most important thing the file adds or changes: exported and branching first. */
function firstLine(source: SourceCoverage): number | undefined {
  const candidates = source.symbols
    .filter((symbol) => !symbol.type && symbol.change !== 'removed')
    .sort((left, right) => Number(right.change === 'added') - Number(left.change === 'added') || Number(right.exported) - Number(left.exported) || right.branches - left.branches);
  return candidates[0]?.line;
}

function weightOf(source: SourceCoverage): number {
  let weight = Math.min(source.churn, 300) / 30;
  for (const symbol of source.symbols) {
    if (symbol.type) continue;
    if (symbol.change === 'added') weight += symbol.exported ? 3 : 1.5;
    else if (symbol.change === 'changed') weight += 2;
    else if (symbol.change === 'modified') weight += 1;
    weight += Math.min(symbol.branches, 10);
  }
  for (const sensitive of sensitivePathReasons(source.path)) weight += sensitive.weight;
  return weight;
}

function sizeWords(source: SourceCoverage): string {
  return plural(source.churn, 'line');
}

function untestedReason(source: SourceCoverage): string {
  const what = describeSymbolChanges(source.symbols);
  const sensitive = sensitivePathReasons(source.path).map((reason) => reason.reason);
  const subject = what || `changes ${sizeWords(source)}`;
  const area = sensitive.length > 0 ? ` in a ${sensitive[0]!.replace(/ \(.*\)$/, '')}` : '';
  return `${subject}${area}; no changed test touches ${code(fileName(source.path))}`;
}

function indirectReason(source: SourceCoverage): string {
  const near = source.links.map((link) => code(fileName(link.test)));
  const what = describeSymbolChanges(source.symbols) || `changes ${sizeWords(source)}`;
  return `${what}; ${listWords(near, 2)} ${near.length === 1 ? 'sits' : 'sit'} beside it but never ${near.length === 1 ? 'names' : 'name'} any of it`;
}

function linkWords(source: SourceCoverage): string {
  const direct = source.links.filter(isDirect);
  const first = direct[0] ?? source.links[0]!;
  const test = code(fileName(first.test));
  switch (first.how) {
    case 'same-file':
      return 'its own #[cfg(test)] tests changed';
    case 'name':
      return `${test} is its test by name`;
    case 'imports':
      return `${test} imports it`;
    case 'calls':
      return `${test} calls ${code(first.symbol ?? '')}`;
    default:
      return `${test} sits beside it`;
  }
}

/** Sources with new names the nearby test never mentions are only tested indirectly, if at all. */
function addsUnnamedSymbols(source: SourceCoverage): boolean {
  return source.symbols.some((symbol) => !symbol.type && (symbol.change === 'added' || symbol.change === 'changed'));
}

export function untestedChanges(files: readonly DiffFileLike[], options?: Parameters<typeof assessTestCoverage>[1]): UntestedAnswer {
  const coverage = assessTestCoverage(files, options);
  const untested: UntestedFinding[] = [];
  const indirect: UntestedFinding[] = [];
  const tested: { path: string; by: string }[] = [];
  for (const source of coverage.sources) {
    const direct = source.links.some(isDirect);
    const finding = (reason: string): UntestedFinding => {
      const line = firstLine(source);
      const what = describeSymbolChanges(source.symbols) || `changes ${sizeWords(source)}`;
      const area = sensitivePathReasons(source.path)[0]?.reason.replace(/ \(.*\)$/, '');
      return { path: source.path, ...(line === undefined ? {} : { line }), what, reason, weight: weightOf(source), ...(area ? { area } : {}) };
    };
    if (source.links.length === 0) untested.push(finding(untestedReason(source)));
    else if (!direct && addsUnnamedSymbols(source)) indirect.push(finding(indirectReason(source)));
    else tested.push({ path: source.path, by: linkWords(source) });
  }
  const byWeight = (left: UntestedFinding, right: UntestedFinding) => right.weight - left.weight || (left.path < right.path ? -1 : 1);
  return { coverage, untested: untested.sort(byWeight), indirect: indirect.sort(byWeight), tested };
}
