// A reading order for a pull request, the way a reviewer would go through it: the entry point and the core
// changes the rest depends on first, then their callers, then the tests, then flags, configuration and
// docs; generated files and lock files set aside, named but not read. Each group gets one line on why it
// matters, taken from the diff (what it adds, who calls it, what the tests exercise). Pure.
import {
  type DiffFileLike,
  type SymbolChange,
  addedText,
  changedLines,
  constantsOnlyChange,
  directoryOf,
  exposedNames,
  filesInDetail,
  fileName,
  importsIn,
  isMeaningfulLine,
  isNewFile,
  moduleStem,
  symbolChanges,
  testNamesAdded,
  wordsAdded,
  wordsAnywhere,
} from './diff-facts';
import { isGeneratedPath, isSourcePath, isTestPath, sensitivePathReasons } from './file-risk';
import { sourceStem } from './test-matching';
import { code, listWords, plural } from './answer-words';
import { describeSymbolChanges } from './untested-changes';

export type ReadingRole = 'entry' | 'core' | 'callers' | 'source' | 'tests' | 'flags' | 'config' | 'docs' | 'set-aside';

export interface ReadingGroup {
  role: ReadingRole;
  /** The group's name as shown: "Entry point", "Core", … */
  label: string;
  files: string[];
  /** One line on why the group matters, from the diff. */
  why: string;
  /** Per file, when the group has more than one: what that file does. */
  details: { path: string; text: string }[];
}

const LABELS: Record<ReadingRole, string> = {
  entry: 'Entry point',
  core: 'Core',
  callers: 'Callers',
  source: 'Other code',
  tests: 'Tests',
  flags: 'Flags and constants',
  config: 'Configuration',
  docs: 'Docs',
  'set-aside': 'Set aside (generated or lock files, not read)',
};

const ENTRY_NAMES = /^(?:index|main|app|server|cli|lib|mod|__init__|__main__|entry|public[-_]api)$/i;

/** An entry point by convention (index.ts, main.go, __init__.py, lib.rs, cmd/…), or a module named after its package (packages/react/src/React.js). */
export function isEntryPoint(path: string): boolean {
  const stem = sourceStem(path);
  if (ENTRY_NAMES.test(stem) || /(^|\/)cmd\/[^/]+\/main\.go$/.test(path)) return true;
  const folders = directoryOf(path).toLowerCase().split('/');
  return stem.length > 2 && folders.includes(stem.toLowerCase()) && !folders.includes('src' + stem.toLowerCase());
}

function isDocPath(path: string): boolean {
  return /\.(md|mdx|rst|adoc|txt)$/i.test(path) || /(^|\/)(docs?|documentation)\//i.test(path) || /^(license|changelog|authors|contributing)/i.test(fileName(path));
}

/** Unique short names: the file name, or as many trailing folders as it takes to tell two apart. */
export function shortNames(paths: readonly string[]): Map<string, string> {
  const names = new Map<string, string>();
  const depth = new Map(paths.map((path) => [path, 1]));
  for (let round = 0; round < 6; round++) {
    const tails = new Map<string, string[]>();
    for (const path of paths) {
      const tail = path.split('/').slice(-depth.get(path)!).join('/');
      tails.set(tail, [...(tails.get(tail) ?? []), path]);
    }
    let clash = false;
    for (const [tail, owners] of tails) {
      if (owners.length === 1) names.set(owners[0]!, tail);
      else {
        clash = true;
        for (const owner of owners) depth.set(owner, depth.get(owner)! + 1);
      }
    }
    if (!clash) break;
  }
  for (const path of paths) if (!names.has(path)) names.set(path, path);
  return names;
}

interface SourceFacts {
  file: DiffFileLike;
  symbols: SymbolChange[];
  /** Names other files can use: changed definitions and names exposed by assignment. */
  provides: Set<string>;
  /** Changed files this one uses, with the names it uses from each. */
  uses: Map<string, string[]>;
  usedBy: string[];
  branchesOn: string[];
}

/** Words a condition added on this file tests: `if (enableJSXTransformAPI)` → enableJSXTransformAPI. */
function conditionsAdded(file: DiffFileLike): string[] {
  const names = new Set<string>();
  const pattern = /^[ \t]*(?:\}[ \t]*else[ \t]+)?(?:if|elif|unless|when)[ \t]*\(?[ \t]*!?[ \t]*([A-Za-z_$][\w$.]*)[ \t]*\)?[ \t]*(?:\{|:|then)?[ \t]*$/gm;
  for (const match of addedText(file).matchAll(pattern)) names.add(match[1]!.split('.').pop()!);
  return [...names];
}

function signed(file: DiffFileLike): string {
  return isNewFile(file) ? `new, +${file.additions}` : `+${file.additions} −${file.deletions}`;
}

function sourceFacts(sources: readonly DiffFileLike[], extraNames: Map<string, string>, detail: Set<DiffFileLike>): Map<string, SourceFacts> {
  const facts = new Map<string, SourceFacts>();
  for (const file of sources) {
    // A file past the detail budget is placed by its path and size only.
    const read = detail.has(file);
    const symbols = read ? symbolChanges(file) : [];
    const provides = new Set([...symbols.filter((symbol) => symbol.change !== 'removed').map((symbol) => symbol.name), ...(read ? exposedNames(file) : [])]);
    facts.set(file.path, { file, symbols, provides, uses: new Map(), usedBy: [], branchesOn: read ? conditionsAdded(file) : [] });
  }
  // A name defined in a file is provided by that file; a name only assigned (`React.jsx = …`) by the assigner.
  const providers = new Map<string, string[]>();
  const defined = new Set<string>();
  for (const fact of facts.values()) for (const symbol of fact.symbols) if (symbol.change !== 'removed') defined.add(symbol.name);
  for (const [path, fact] of facts) {
    for (const provided of fact.provides) {
      if (provided.length < 3) continue;
      if (defined.has(provided) && !fact.symbols.some((symbol) => symbol.name === provided)) continue;
      providers.set(provided, [...(providers.get(provided) ?? []), path]);
    }
  }
  for (const [provided, path] of extraNames) providers.set(provided, [...(providers.get(provided) ?? []), path]);
  const byStem = new Map<string, string[]>();
  for (const path of facts.keys()) byStem.set(sourceStem(path).toLowerCase(), [...(byStem.get(sourceStem(path).toLowerCase()) ?? []), path]);
  for (const [path, fact] of facts) {
    const use = (other: string, name?: string) => {
      if (other === path || !facts.has(other)) return;
      const names = fact.uses.get(other) ?? [];
      if (name && !names.includes(name)) names.push(name);
      fact.uses.set(other, names);
    };
    if (!detail.has(fact.file)) continue;
    for (const word of wordsAdded(fact.file)) {
      if (fact.provides.has(word)) continue;
      for (const other of providers.get(word) ?? []) use(other, word);
    }
    for (const specifier of importsIn(fact.file)) for (const other of byStem.get(moduleStem(specifier)) ?? []) if (fact.uses.has(other) || specifier.startsWith('.')) use(other);
    for (const other of fact.uses.keys()) facts.get(other)!.usedBy.push(path);
  }
  return facts;
}

/** Sources in the order a reader needs them: what others use before what uses it. */
function dependencyOrder(paths: readonly string[], facts: Map<string, SourceFacts>): string[] {
  const ordered: string[] = [];
  const visit = (path: string, trail: Set<string>) => {
    if (ordered.includes(path) || trail.has(path) || !paths.includes(path)) return;
    trail.add(path);
    for (const other of facts.get(path)!.uses.keys()) visit(other, trail);
    ordered.push(path);
  };
  const bySize = [...paths].sort((left, right) => churn(facts.get(right)!.file) - churn(facts.get(left)!.file));
  for (const path of bySize) visit(path, new Set());
  return ordered;
}

function churn(file: DiffFileLike): number {
  return file.additions + file.deletions;
}

export function readingOrder(files: readonly DiffFileLike[]): ReadingGroup[] {
  const names = shortNames(files.map((file) => file.path));
  const name = (path: string) => code(names.get(path) ?? path);
  const setAside = files.filter((file) => isGeneratedPath(file.path));
  const tests = files.filter((file) => !isGeneratedPath(file.path) && isTestPath(file.path));
  const rest = files.filter((file) => !isGeneratedPath(file.path) && !isTestPath(file.path));
  const detail = filesInDetail(files);
  const flags = rest.filter((file) => isSourcePath(file.path) && file.status !== 'removed' && detail.has(file) && constantsOnlyChange(file));
  const sources = rest.filter((file) => isSourcePath(file.path) && !flags.includes(file));
  const docs = rest.filter((file) => !isSourcePath(file.path) && isDocPath(file.path));
  const config = rest.filter((file) => !isSourcePath(file.path) && !docs.includes(file));

  // Flags set in their own files are names the code branches on.
  const flagNames = new Map<string, string>();
  for (const file of flags) for (const constant of constantsOnlyChange(file) ?? []) if (!flagNames.has(constant.name)) flagNames.set(constant.name, file.path);
  const facts = sourceFacts(sources, new Map(), detail);
  const allProvided = new Set([...[...facts.values()].flatMap((fact) => [...fact.provides]), ...flagNames.keys()]);

  const entries = sources.filter((file) => isEntryPoint(file.path) && facts.get(file.path)!.uses.size + facts.get(file.path)!.usedBy.length > 0 || (isEntryPoint(file.path) && sources.length === 1));
  // Core: what other changed code (not only the entry point) builds on; a file only the entry point uses is a caller.
  const entryPaths = new Set(entries.map((file) => file.path));
  const core = sources.filter((file) => !entries.includes(file) && facts.get(file.path)!.usedBy.some((user) => !entryPaths.has(user)));
  const callers = sources.filter((file) => !entries.includes(file) && !core.includes(file) && facts.get(file.path)!.uses.size > 0);
  const others = sources.filter((file) => !entries.includes(file) && !core.includes(file) && !callers.includes(file));

  const describeSource = (file: DiffFileLike): string => {
    const fact = facts.get(file.path)!;
    const parts: string[] = [];
    const exposed = exposedNames(file);
    const flagsUsed = fact.branchesOn.filter((condition) => flagNames.has(condition) || /^[A-Z][A-Z0-9_]{2,}$/.test(condition));
    const behind = flagsUsed.length > 0 ? ` behind ${listWords(flagsUsed.map(code))}` : '';
    if (exposed.length > 0) parts.push(`exposes ${listWords(exposed.map(code))}${behind}`);
    const what = describeSymbolChanges(fact.symbols);
    if (what) parts.push(what);
    if (behind && exposed.length === 0) parts.push(behind.trim());
    const usedNames = [...new Set([...fact.uses.values()].flat())].filter((used) => !exposed.includes(used));
    if (usedNames.length > 0) parts.push(`uses ${listWords(usedNames.map(code))}`);
    if (fact.usedBy.length > 0) parts.push(`used by ${listWords(fact.usedBy.map(name))}`);
    const sensitive = sensitivePathReasons(file.path)[0];
    if (sensitive) parts.push(sensitive.reason);
    if (file.status === 'removed') parts.push('deleted');
    else if (file.status === 'renamed' && file.previousPath) parts.push(`renamed from ${code(file.previousPath)}`);
    if (parts.length > 0) return parts.join('; ');
    const lines = file.hunks.length > 0 ? changedLines(file).added.filter((line) => isMeaningfulLine(line.text)).length : file.additions + file.deletions;
    return `${plural(lines, 'line')} of code changed`;
  };

  const groups: ReadingGroup[] = [];
  const labels = { ...LABELS };
  const push = (role: ReadingRole, members: readonly DiffFileLike[], why: string, details: { path: string; text: string }[] = []) => {
    if (members.length === 0) return;
    groups.push({ role, label: labels[role], files: members.map((file) => file.path), why, details: members.length > 1 ? details : [] });
  };
  const sourceGroup = (role: ReadingRole, members: readonly DiffFileLike[]) => {
    const ordered = role === 'entry' ? [...members] : dependencyOrder(members.map((file) => file.path), facts).map((path) => members.find((file) => file.path === path)!);
    const details = ordered.map((file) => ({ path: file.path, text: `${name(file.path)} (${signed(file)}): ${describeSource(file)}` }));
    push(role, ordered, ordered.length === 1 ? `${details[0]!.text}.` : groupSummary(ordered), details.slice(0, 8));
  };
  /** For a group of several files: the order to read them in, what they add, and who outside the group uses it. */
  const groupSummary = (members: readonly DiffFileLike[]): string => {
    const paths = new Set(members.map((file) => file.path));
    const symbols = members.flatMap((file) => facts.get(file.path)!.symbols.filter((symbol) => !symbol.type));
    const added = symbols.filter((symbol) => symbol.change === 'added').length;
    const changed = symbols.filter((symbol) => symbol.change !== 'added' && symbol.change !== 'removed').length;
    const counts = [added > 0 ? `${plural(added, 'new function')}` : '', changed > 0 ? `${changed} changed` : ''].filter(Boolean).join(' and ');
    const outside = [...new Set(members.flatMap((file) => facts.get(file.path)!.usedBy.filter((user) => !paths.has(user))))];
    const order = members.length <= 4 ? members.map((file) => name(file.path)).join(', then ') : `${members.length} files, the most used first`;
    const users = outside.length > 0 ? `${counts ? ', ' : ''}used by ${listWords(outside.map(name), 3)}` : '';
    return `${order}${counts || users ? ': ' : ''}${counts}${users}.`;
  };
  if (entries.length + core.length + callers.length === 0) labels.source = 'Code';
  sourceGroup('entry', entries);
  sourceGroup('core', core);
  sourceGroup('callers', callers);
  sourceGroup('source', others);

  if (tests.length > 0) {
    const testNames = tests.flatMap((file) => testNamesAdded(file));
    const exercised = new Set<string>();
    for (const file of tests) if (detail.has(file)) for (const word of wordsAnywhere(file)) if (allProvided.has(word)) exercised.add(word);
    const count = testNames.length;
    const what = count > 0 ? `${count} new test${count === 1 ? '' : 's'}` : 'changed tests';
    const where = tests.length === 1 ? `${name(tests[0]!.path)} (${signed(tests[0]!)}): ` : `${tests.length} files: `;
    const covers = exercised.size > 0
      ? ` exercising ${listWords([...exercised].map(code), 4)}`
      : sources.length === 0 ? `, with no code change beside ${count === 1 ? 'it' : 'them'}` : allProvided.size > 0 ? ', naming none of the changed functions' : '';
    const example = testNames[0] ? `, e.g. “${testNames[0].length > 70 ? `${testNames[0].slice(0, 69)}…` : testNames[0]}”` : '';
    push('tests', tests, `${where}${what}${covers}${example}.`, tests.map((file) => ({ path: file.path, text: `${name(file.path)} (${signed(file)}): ${plural(testNamesAdded(file).length, 'new test')}` })));
  }

  if (flags.length > 0) {
    const values = new Map<string, Map<string, string[]>>();
    for (const file of flags) {
      for (const constant of constantsOnlyChange(file) ?? []) {
        const byValue = values.get(constant.name) ?? new Map<string, string[]>();
        byValue.set(constant.value, [...(byValue.get(constant.value) ?? []), file.path]);
        values.set(constant.name, byValue);
      }
    }
    const branchedOn = new Set([...facts.values()].flatMap((fact) => fact.branchesOn));
    const phrases = [...values].slice(0, 3).map(([constant, byValue]) => {
      const sorted = [...byValue].sort((left, right) => right[1].length - left[1].length);
      const settings = sorted.map(([value, paths], index) =>
        `${code(value)} in ${index === 0 && paths.length > 2 ? `${paths.length}` : listWords(paths.map(name), 3)}`);
      const role = branchedOn.has(constant) ? ', which the code above branches on' : '';
      return `${code(constant)}${role}: ${settings.join(', ')}`;
    });
    const where = flags.length === 1 ? `${name(flags[0]!.path)} sets` : `${flags.length} files set`;
    push('flags', flags, `${where} ${phrases.join('; ')}.`);
  }
  if (config.length > 0) {
    const reasons = config.map((file) => {
      const sensitive = sensitivePathReasons(file.path)[0];
      return `${name(file.path)} (${signed(file)}${sensitive ? `, ${sensitive.reason}` : ''})`;
    });
    push('config', config, listWords(reasons, 4) + '.');
  }
  if (docs.length > 0) {
    const headings = docs.flatMap((file) => changedLines(file).added.flatMap((line) => /^#{1,4}\s+(.+)$/.exec(line.text)?.[1] ?? []));
    const removed = docs.filter((file) => file.status === 'removed');
    const what = headings.length > 0
      ? `adds the section${headings.length === 1 ? '' : 's'} ${listWords(headings.map((heading) => `“${heading.trim()}”`), 3)}`
      : removed.length === docs.length ? (docs.length === 1 ? 'deleted' : 'all deleted') : `+${docs.reduce((total, file) => total + file.additions, 0)} −${docs.reduce((total, file) => total + file.deletions, 0)} lines`;
    push('docs', docs, `${listWords(docs.map((file) => name(file.path)), 3)}: ${what}.`);
  }
  if (setAside.length > 0) {
    push('set-aside', setAside, listWords(setAside.map((file) => `${name(file.path)} (+${file.additions} −${file.deletions})`), 6) + '.');
  }
  return groups;
}

/** The groups as Markdown: one numbered line per group, the files under it when there are several. */
export function readingOrderMarkdown(groups: readonly ReadingGroup[]): string {
  const lines: string[] = [];
  let number = 0;
  for (const group of groups) {
    if (group.role === 'set-aside') {
      lines.push('', `**${group.label}:** ${group.why}`);
      continue;
    }
    number += 1;
    lines.push(`${number}. **${group.label}**: ${group.why}`);
    for (const detail of group.details) lines.push(`   - ${detail.text}`);
  }
  return lines.join('\n').trim();
}
