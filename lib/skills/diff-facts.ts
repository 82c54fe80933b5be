// What one changed file's hunks say, read line by line: its language, the added lines with their numbers,
// the functions and classes it adds, changes or removes, the branches it adds, the tests it names, the
// modules it imports and the words its added lines use. Pure and regex-based (no parser for a dozen
// languages in the sandbox), so every fact is a hint a person can check at the line it cites.
import type { DiffFile } from '../context/types';

export type Language = 'js' | 'python' | 'go' | 'rust' | 'java' | 'kotlin' | 'ruby' | 'csharp' | 'php' | 'swift' | 'c' | 'other';

export type DiffFileLike = Pick<DiffFile, 'path' | 'status' | 'additions' | 'deletions' | 'hunks'> & { previousPath?: string };

/**
 * One answer per file object: the skills ask the same file the same question from several places, and the
 * sandbox is an interpreter, so reading a 10,000-line diff once rather than five times matters.
 */
function memo<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key: K) => {
    if (cache.has(key)) return cache.get(key)!;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}

export function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function directoryOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

const LANGUAGE_BY_EXTENSION: Record<string, Language> = {
  js: 'js', jsx: 'js', ts: 'js', tsx: 'js', mjs: 'js', cjs: 'js', mts: 'js', cts: 'js', vue: 'js', svelte: 'js',
  py: 'python', go: 'go', rs: 'rust', java: 'java', kt: 'kotlin', kts: 'kotlin', scala: 'java', rb: 'ruby',
  cs: 'csharp', php: 'php', swift: 'swift', c: 'c', cc: 'c', cpp: 'c', h: 'c', hpp: 'c',
};

export function languageOf(path: string): Language {
  const dot = path.lastIndexOf('.');
  if (dot === -1 || dot < path.lastIndexOf('/')) return 'other';
  return LANGUAGE_BY_EXTENSION[path.slice(dot + 1).toLowerCase()] ?? 'other';
}

export interface NumberedLine {
  /** New-side line number for an added line, old-side for a removed one. */
  line: number;
  text: string;
}

/** Added and removed lines, without their markers, with their line numbers. */
export const changedLines = memo((file: Pick<DiffFile, 'hunks'>): { added: NumberedLine[]; removed: NumberedLine[] } => {
  const added: NumberedLine[] = [];
  const removed: NumberedLine[] = [];
  for (const hunk of file.hunks) {
    let newLine = hunk.newStart;
    let oldLine = hunk.oldStart;
    for (const raw of hunk.lines) {
      const marker = raw[0];
      if (marker === '+') added.push({ line: newLine++, text: raw.slice(1) });
      else if (marker === '-') removed.push({ line: oldLine++, text: raw.slice(1) });
      else if (marker !== '\\') {
        newLine++;
        oldLine++;
      }
    }
  }
  return { added, removed };
});

/** A file whose only hunk starts at old line 0 is new, whatever status the page gave it. */
export function isNewFile(file: DiffFileLike): boolean {
  if (file.status === 'added') return true;
  return file.hunks.length === 1 && file.hunks[0]!.oldStart === 0 && file.hunks[0]!.oldLines === 0 && file.deletions === 0;
}

const COMMENT_LINE = /^\s*(\/\/|\/\*|\*|#(?![[!])|--|;|<!--|"""|''')/;

/** Blank lines and comment-only lines carry no behaviour. */
export function isMeaningfulLine(text: string): boolean {
  return text.trim() !== '' && !COMMENT_LINE.test(text);
}

/**
 * The line with string literals emptied (`"…"` → `""`) and a trailing `//` or ` # ` comment cut, so keywords
 * inside them do not count. Most lines have neither, and go through untouched.
 */
export function codeOf(text: string): string {
  const quoted = /["'`]/.test(text);
  if (!quoted && !text.includes('//') && !text.includes('# ')) return text;
  const emptied = quoted ? text.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, (literal) => `${literal[0]}${literal[0]}`) : text;
  return emptied.replace(/(^|\s)\/\/.*$/, '').replace(/(^|\s)#\s.*$/, '');
}

interface DefinitionPattern {
  pattern: RegExp;
  /** A type, interface or struct: a name, not behaviour to test. */
  type?: true;
  /** Whether a match at this line is visible outside its file. */
  exported: (text: string, name: string) => boolean;
}

const JS_DEFINITIONS: DefinitionPattern[] = [
  { pattern: /^\s*(?:export\s+)?(?:default\s+)?(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)\s*[(<]/, exported: (text) => /^\s*export\b/.test(text) },
  { pattern: /^\s*(?:export\s+)?(?:default\s+)?(?:abstract\s+)?class\s+([A-Za-z_$][\w$]*)/, exported: (text) => /^\s*export\b/.test(text) },
  { pattern: /^\s*(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*(?:async\s+)?(?:function\b|\([^)]*\)\s*(?::[^=]+)?=>|[A-Za-z_$][\w$]*\s*=>)/, exported: (text) => /^\s*export\b/.test(text) },
  { pattern: /^\s*(?:export\s+)?(?:declare\s+)?(?:interface|type|enum)\s+([A-Za-z_$][\w$]*)/, exported: (text) => /^\s*export\b/.test(text), type: true },
  // A method in a class body: `  async pull(since: number): Promise<…> {`.
  { pattern: /^\s*(?:(?:public|private|protected|static|async|override|readonly|get|set)\s+)*([A-Za-z_$][\w$]*)\s*\([^;]*\)\s*(?::\s*[^={;]+)?\{\s*$/, exported: (text, name) => !name.startsWith('_') && !/\b(private|protected)\b/.test(text) },
];

const DEFINITIONS: Record<Language, DefinitionPattern[]> = {
  js: JS_DEFINITIONS,
  python: [
    { pattern: /^\s*(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\(/, exported: (_text, name) => !name.startsWith('_') },
    { pattern: /^\s*class\s+([A-Za-z_]\w*)/, exported: (_text, name) => !name.startsWith('_') },
  ],
  go: [
    { pattern: /^func\s+(?:\([^)]*\)\s*)?([A-Za-z_]\w*)\s*[[(]/, exported: (_text, name) => /^[A-Z]/.test(name) },
    { pattern: /^type\s+([A-Za-z_]\w*)\s+(?:struct|interface)/, exported: (_text, name) => /^[A-Z]/.test(name), type: true },
  ],
  rust: [
    { pattern: /^\s*(pub(?:\([^)]*\))?\s+)?(?:async\s+)?(?:unsafe\s+)?(?:const\s+)?fn\s+([A-Za-z_]\w*)/, exported: (text) => /^\s*pub\b/.test(text) },
    { pattern: /^\s*(pub(?:\([^)]*\))?\s+)?(?:struct|enum|trait)\s+([A-Za-z_]\w*)/, exported: (text) => /^\s*pub\b/.test(text), type: true },
  ],
  java: [
    { pattern: /^\s*(?:(?:public|protected|private|static|final|abstract|synchronized|default)\s+)*(?:<[^>]+>\s+)?[\w<>[\],.? ]+\s+([a-zA-Z_]\w*)\s*\([^;]*$/, exported: (text) => /\b(public|protected)\b/.test(text) },
    { pattern: /^\s*(?:(?:public|protected|private|static|final|abstract)\s+)*(?:class|interface|enum|record)\s+([A-Z]\w*)/, exported: (text) => /\bpublic\b/.test(text) },
  ],
  kotlin: [
    { pattern: /^\s*(?:(?:public|internal|private|protected|override|suspend|inline|open)\s+)*fun\s+(?:<[^>]+>\s*)?(?:[\w.]+\.)?([a-zA-Z_]\w*)\s*\(/, exported: (text) => !/\b(private|internal)\b/.test(text) },
    { pattern: /^\s*(?:(?:public|internal|private|data|sealed|open|abstract)\s+)*(?:class|interface|object)\s+([A-Z]\w*)/, exported: (text) => !/\b(private|internal)\b/.test(text) },
  ],
  ruby: [
    { pattern: /^\s*def\s+(?:self\.)?([a-zA-Z_]\w*[?!=]?)/, exported: () => true },
    { pattern: /^\s*(?:class|module)\s+([A-Z]\w*)/, exported: () => true },
  ],
  csharp: [
    { pattern: /^\s*(?:(?:public|protected|private|internal|static|async|override|virtual|sealed)\s+)+[\w<>[\],.? ]+\s+([A-Z]\w*)\s*\(/, exported: (text) => /\bpublic\b/.test(text) },
    { pattern: /^\s*(?:(?:public|internal|static|sealed|abstract|partial)\s+)*(?:class|interface|record|struct)\s+([A-Z]\w*)/, exported: (text) => /\bpublic\b/.test(text) },
  ],
  php: [{ pattern: /^\s*(?:(?:public|protected|private|static|abstract|final)\s+)*function\s+([a-zA-Z_]\w*)\s*\(/, exported: (text) => !/\bprivate\b/.test(text) }],
  swift: [{ pattern: /^\s*(?:(?:public|open|internal|private|fileprivate|static|override|mutating)\s+)*func\s+([a-zA-Z_]\w*)/, exported: (text) => /\b(public|open)\b/.test(text) }],
  c: [{ pattern: /^(?:static\s+)?(?:inline\s+)?[A-Za-z_][\w\s*]*?\b([A-Za-z_]\w*)\s*\([^;]*$/, exported: (text) => !/^static\b/.test(text) }],
  other: [],
};

const NOT_NAMES = new Set(['if', 'for', 'while', 'switch', 'catch', 'return', 'function', 'else', 'new', 'do', 'try', 'constructor', 'super', 'await', 'typeof']);

export interface Definition {
  name: string;
  exported: boolean;
  line: number;
  type?: true;
}

// Words or shapes every definition line of the language has; a line without them is not tried against the patterns.
const MAY_DEFINE: Record<Language, RegExp> = {
  js: /\b(?:function|class|const|let|var|interface|type|enum)\b|\{\s*$/,
  python: /\b(?:def|class)\b/,
  go: /^(?:func|type)\b/,
  rust: /\b(?:fn|struct|enum|trait)\b/,
  java: /\(|\b(?:class|interface|enum|record)\b/,
  kotlin: /\b(?:fun|class|interface|object)\b/,
  ruby: /\b(?:def|class|module)\b/,
  csharp: /\(|\b(?:class|interface|record|struct)\b/,
  php: /\bfunction\b/,
  swift: /\bfunc\b/,
  c: /\(/,
  other: /(?!)/,
};

/** The function, class or type a line defines, if any. */
export function definitionOn(text: string, language: Language, line = 0): Definition | undefined {
  if (!MAY_DEFINE[language].test(text) || text.length > 400) return undefined;
  for (const { pattern, exported, type } of DEFINITIONS[language]) {
    const match = pattern.exec(text);
    // Rust's patterns capture `pub` first; the name is the last group.
    const name = match?.[match.length - 1];
    if (match && name && !NOT_NAMES.has(name)) return type ? { name, exported: exported(text, name), line, type } : { name, exported: exported(text, name), line };
  }
  return undefined;
}

export type SymbolChangeKind = 'added' | 'changed' | 'removed' | 'modified';

export interface SymbolChange {
  name: string;
  /** added: a new definition; changed: its signature line changed; removed; modified: lines inside it changed. */
  change: SymbolChangeKind;
  exported: boolean;
  /** Where it is (new side), or where it was (old side, for removed). */
  line: number;
  /** Branches (if, case, catch, …) it gains: all of a new one's, added minus removed inside a modified one. */
  branches: number;
  /** A type, interface or struct rather than code that runs. */
  type?: true;
}

const BRANCH_PATTERNS: Record<Language, RegExp> = {
  js: /\b(?:if|case|catch)\b|\?\?|[^?:\s]\s\?\s[^:]+\s:\s/g,
  python: /\b(?:if|elif|except|case)\b/g,
  go: /\b(?:if|case)\b/g,
  rust: /\bif\b|=>/g,
  java: /\b(?:if|case|catch)\b|\s\?\s/g,
  kotlin: /\b(?:if|when|catch)\b|\?:/g,
  ruby: /\b(?:if|elsif|unless|when|rescue)\b/g,
  csharp: /\b(?:if|case|catch)\b|\?\?/g,
  php: /\b(?:if|elseif|case|catch)\b/g,
  swift: /\b(?:if|guard|case|catch)\b/g,
  c: /\b(?:if|case)\b/g,
  other: /(?!)/g,
};

/** Branches a line of code adds: conditions, cases, catches, ternaries and nullish fallbacks. */
export function branchesIn(text: string, language: Language): number {
  if (!isMeaningfulLine(text)) return 0;
  return (codeOf(text).match(BRANCH_PATTERNS[language]) ?? []).length;
}

/** A line at the left margin that closes or leaves a top-level definition: `}` in brace languages, any code in Python or Ruby. */
function endsDefinition(text: string, language: Language): boolean {
  if (language === 'python' || language === 'ruby') return /^\S/.test(text) && isMeaningfulLine(text);
  return /^[}\])]/.test(text);
}

/**
 * Which definitions the change adds, removes, re-signs or modifies, with the branches added inside each.
 * A changed line belongs to the nearest definition above it in its hunk (context lines included), or to
 * the one the hunk header names when the definition starts above the hunk.
 */
export const symbolChanges = memo((file: DiffFileLike): SymbolChange[] => {
  const language = languageOf(file.path);
  if (language === 'other') return [];
  const byName = new Map<string, SymbolChange>();
  const addedNames = new Map<string, Definition>();
  const removedNames = new Map<string, Definition>();
  const touch = (definition: Definition | undefined, branches: number) => {
    if (!definition) return;
    const known = byName.get(definition.name);
    if (known) known.branches += branches;
    else byName.set(definition.name, { name: definition.name, change: 'modified', exported: definition.exported, line: definition.line, branches, ...(definition.type ? { type: true } : {}) });
  };
  for (const hunk of file.hunks) {
    let newLine = hunk.newStart;
    let oldLine = hunk.oldStart;
    const headerText = hunk.header.replace(/^@@[^@]*@@\s?/, '');
    let enclosing = definitionOn(headerText, language, Math.max(1, hunk.newStart - 1));
    for (const raw of hunk.lines) {
      const marker = raw[0];
      const text = raw.slice(1);
      if (marker === '+') {
        const definition = definitionOn(text, language, newLine);
        if (definition) {
          addedNames.set(definition.name, definition);
          enclosing = definition;
        } else if (isMeaningfulLine(text)) {
          touch(enclosing, branchesIn(text, language));
        }
        newLine++;
      } else if (marker === '-') {
        const definition = definitionOn(text, language, oldLine);
        if (definition) {
          removedNames.set(definition.name, definition);
          enclosing = addedNames.get(definition.name) ?? definition;
        } else if (isMeaningfulLine(text)) touch(enclosing, -branchesIn(text, language));
        oldLine++;
      } else if (marker !== '\\') {
        const definition = definitionOn(text, language, newLine);
        if (definition) enclosing = definition;
        else if (endsDefinition(text, language)) enclosing = undefined;
        newLine++;
        oldLine++;
      }
    }
  }
  const changes: SymbolChange[] = [];
  for (const [name, definition] of addedNames) {
    const kind: SymbolChangeKind = removedNames.has(name) ? 'changed' : 'added';
    const inside = byName.get(name);
    const branches = Math.max(0, inside?.branches ?? 0);
    changes.push({ name, change: kind, exported: definition.exported, line: definition.line, branches, ...(definition.type ? { type: true as const } : {}) });
    byName.delete(name);
  }
  for (const [name, definition] of removedNames) {
    if (!addedNames.has(name)) changes.push({ name, change: 'removed', exported: definition.exported, line: definition.line, branches: 0, ...(definition.type ? { type: true as const } : {}) });
    byName.delete(name);
  }
  for (const symbol of byName.values()) changes.push({ ...symbol, branches: Math.max(0, symbol.branches) });
  return changes;
});

/** The words (identifiers) used in the added lines, strings and comments left out. */
export const wordsAdded = memo((file: Pick<DiffFile, 'hunks'>): Set<string> => {
  // One match over the joined lines: in the sandbox's interpreter a native call per file beats one per line.
  const code = changedLines(file).added.filter((line) => isMeaningfulLine(line.text)).map((line) => codeOf(line.text)).join('\n');
  return new Set(code.match(/[A-Za-z_$][\w$]*/g) ?? []);
});

/** Every hunk line without its marker, joined: the text whole-file patterns run over. */
export const hunkText = memo((file: Pick<DiffFile, 'hunks'>): string =>
  file.hunks.map((hunk) => hunk.lines.map((line) => line.slice(1)).join('\n')).join('\n'));

/** The added lines, joined. */
export const addedText = memo((file: Pick<DiffFile, 'hunks'>): string => changedLines(file).added.map((line) => line.text).join('\n'));

/** Every word in the hunks, strings included: a test names what it exercises in strings too (`require('react')`). */
export const wordsAnywhere = memo((file: Pick<DiffFile, 'hunks'>): Set<string> => new Set(hunkText(file).match(/[A-Za-z_$][\w$]*/g) ?? []));

/** Module specifiers imported in the hunks (context lines too): './retry', 'shared/ReactFeatureFlags', 'app.models'. */
export const importsIn = memo((file: Pick<DiffFile, 'hunks' | 'path'>): string[] => {
  const found = new Set<string>();
  const patterns = [
    /\bfrom\s+['"]([^'"]+)['"]/g,
    /\b(?:require|require_relative|import)\s*\(?\s*['"]([^'"]+)['"]/g,
    /^\s*from\s+([\w.]+)\s+import\b/g,
    /^\s*import\s+([\w.]+)(?:\s+as\s+\w+)?\s*;?\s*$/g,
    /^\s*use\s+((?:crate|super|self)?(?:::\w+)+)/g,
    /^\s*"([\w./-]+)"\s*$/g,
  ];
  for (const hunk of file.hunks) {
    for (const raw of hunk.lines) {
      // Most lines import nothing; a plain substring test (native, cheap in the sandbox) skips them.
      if (!raw.includes('import') && !raw.includes('from') && !raw.includes('require') && !raw.includes('use ') && !raw.includes('"')) continue;
      const text = raw.slice(1);
      for (const pattern of patterns) {
        pattern.lastIndex = 0;
        for (let match = pattern.exec(text); match; match = pattern.exec(text)) found.add(match[1]!);
      }
    }
  }
  return [...found];
});

/** Lines of diff read in detail (definitions, branches, words) per answer; the rest is judged by path and size. */
export const DETAIL_BUDGET_LINES = 4_000;

/**
 * The files to read line by line, biggest first, within the budget: in the sandbox's interpreter a 12,000-line
 * diff read in full takes seconds, and the biggest changes are where a reviewer wants the detail.
 */
export function filesInDetail<T extends Pick<DiffFile, 'hunks'>>(files: readonly T[], budget = DETAIL_BUDGET_LINES): Set<T> {
  const size = (file: T) => file.hunks.reduce((total, hunk) => total + hunk.lines.length, 0);
  const chosen = new Set<T>();
  let used = 0;
  for (const file of [...files].sort((left, right) => size(right) - size(left))) {
    const lines = size(file);
    if (used + lines > budget) continue;
    chosen.add(file);
    used += lines;
  }
  return chosen;
}

/** The last segment of a module specifier, as a file stem: './sync/retry' → 'retry', 'app.models.user' → 'user'. */
export function moduleStem(specifier: string): string {
  const last = specifier.split(/[/.:]+/).filter((part) => part !== '' && part !== '..').pop() ?? specifier;
  return last.toLowerCase();
}

/** Names of the tests a test file's added lines declare: it('…'), def test_…, func Test…, #[test] fn …, @Test void …. */
export const testNamesAdded = memo((file: DiffFileLike): string[] => {
  const names: string[] = [];
  const text = addedText(file);
  const named = [
    /^[ \t]*(?:it|test|specify|fit|xit)(?:\.(?:only|skip|concurrent|each\([^)\n]*\)))?[ \t]*\([ \t]*(['"`])((?:\\.|(?!\1)[^\n])+)\1/gm,
    /^[ \t]*(?:it|scenario|specify)[ \t]+(['"])([^\n]+?)\1[ \t]*(?:,|do\b|\{)/gm,
    /^[ \t]*(?:async[ \t]+)?def[ \t]+()(test_\w+)[ \t]*\(/gm,
    /^func[ \t]+()((?:Test|Benchmark|Fuzz)\w*)[ \t]*\(/gm,
    // An annotation, then the function on the same or a following line: #[test] fn x, @Test void x(), @Test fun `x`.
    /(?:#\[(?:tokio::)?test\]|@(?:Test|ParameterizedTest)\b)[^\n]*\n?(?:[ \t]*(?:#\[[^\n]*|@[^\n]*)\n)*[^\n]*?\b(?:fn|fun|void)[ \t]+()(`[^`\n]+`|[^`(\s<]+)/g,
  ];
  const found: { index: number; name: string }[] = [];
  for (const pattern of named) for (const match of text.matchAll(pattern)) found.push({ index: match.index ?? 0, name: match[2]!.replace(/^`|`$/g, '') });
  for (const { name } of found.sort((left, right) => left.index - right.index)) names.push(name);
  return names;
});

export interface ConstantChange {
  name: string;
  value: string;
  line: number;
}

const CONSTANT_LINE =
  /^\s*(?:export\s+)?(?:(?:pub\s+)?(?:const|static|let|var|val|final)\s+)?(?:[\w<>[\]]+\s+)?([A-Za-z_$][\w$]*)\s*(?::\s*[\w<>[\]|. ]+)?\s*[:=]\s*(true|false|True|False|nil|null|None|-?\d[\d_.]*|(["'])[^"']*\3)\s*[;,]?\s*$/;

/** A line that sets a name to a literal: a flag, a constant, a setting. */
export function constantOn(text: string, line = 0): ConstantChange | undefined {
  const match = CONSTANT_LINE.exec(text);
  return match ? { name: match[1]!, value: match[2]!, line } : undefined;
}

/**
 * Flags and settings: every meaningful changed line sets a name to a literal (`export const enableX = false;`,
 * `TIMEOUT = 30`), with at least one such line. Such a change is configuration, not logic to test.
 */
export const constantsOnlyChange = memo((file: Pick<DiffFile, 'hunks'>): ConstantChange[] | undefined => {
  const { added, removed } = changedLines(file);
  const meaningful = [...added, ...removed].filter((line) => isMeaningfulLine(line.text));
  if (meaningful.length === 0) return undefined;
  const constants: ConstantChange[] = [];
  for (const line of meaningful) {
    const constant = constantOn(line.text, line.line);
    if (!constant) return undefined;
    if (added.includes(line)) constants.push(constant);
  }
  return constants;
});

/** Meaningful lines added plus removed (blank and comment lines left out); the page's counts when no hunks were read. */
export const meaningfulChurn = memo((file: DiffFileLike): number => {
  if (file.hunks.length === 0) return file.additions + file.deletions;
  const { added, removed } = changedLines(file);
  let count = 0;
  for (const line of added) if (isMeaningfulLine(line.text)) count++;
  for (const line of removed) if (isMeaningfulLine(line.text)) count++;
  return count;
});

/** Names a file makes public by assignment: `React.jsx = …`, `module.exports.run = …`, `exports.run = …`. */
export const exposedNames = memo((file: Pick<DiffFile, 'hunks'>): string[] => {
  const names = new Set<string>();
  for (const match of addedText(file).matchAll(/^[ \t]*(?:module\.exports|exports|[A-Z][\w$]*)\.([A-Za-z_$][\w$]*)[ \t]*=(?!=)/gm)) names.add(match[1]!);
  return [...names];
});
