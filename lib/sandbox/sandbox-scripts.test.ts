// The script text that runs in the sandbox (lib/generated/sandbox-scripts.ts): built from the current
// sources, and self-contained — nothing in it names a global the sandbox does not define.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { buildSandboxScripts, GENERATED_FILE } from '../../scripts/build-sandbox-scripts';
import { HELPER_SCRIPTS, PRELUDE_SCRIPT, SKILL_SCRIPTS } from '../generated/sandbox-scripts';
import { skills } from '../skills/index';
import { HELPER_GROUP_GLOBALS } from './prelude/helper-groups';

const PRELUDE_GLOBALS_FILE = join(process.cwd(), 'lib/sandbox/prelude-globals.d.ts');
// The prelude defines `console` as a global; prelude-globals.d.ts leaves it to the Node or DOM lib,
// which this check does not load.
const CONSOLE_FILE = '/sandbox/console.d.ts';
const CONSOLE_DECLARATION = `declare var console: { log(...values: unknown[]): void; info(...values: unknown[]): void;
  debug(...values: unknown[]): void; warn(...values: unknown[]): void; error(...values: unknown[]): void };`;

/** TypeScript's "cannot find name" family: 2304 plain, 2552 with a suggestion, 258x/259x "install types for …". */
const UNDEFINED_NAME_CODES = new Set([2304, 2552, 2580, 2581, 2582, 2583, 2584, 2591, 2592, 2593]);

/**
 * The names each script uses without defining them and that are not among `globals` (files of
 * declarations) or the ECMAScript 2022 built-ins: QuickJS has nothing else, no DOM, no Node, no timers.
 */
function undefinedNames(scripts: Record<string, string>, globals: Record<string, string | undefined>): Record<string, string[]> {
  const files = new Map(Object.entries(scripts).map(([name, text]) => [`/sandbox/${name}.js`, text]));
  const options: ts.CompilerOptions = {
    allowJs: true,
    checkJs: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    // Each script is checked on its own: its top-level declarations must not satisfy another's names.
    moduleDetection: ts.ModuleDetectionKind.Force,
    lib: ['lib.es2022.d.ts'],
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  const virtual = (fileName: string) => files.get(fileName) ?? globals[fileName];
  host.readFile = (fileName) => virtual(fileName) ?? readFile(fileName);
  host.fileExists = (fileName) => virtual(fileName) !== undefined || ts.sys.fileExists(fileName);
  host.getSourceFile = (fileName, language, onError) => {
    const text = virtual(fileName);
    return text === undefined ? getSourceFile(fileName, language, onError) : ts.createSourceFile(fileName, text, language);
  };
  const program = ts.createProgram([...files.keys(), ...Object.keys(globals)], options, host);
  const found: Record<string, string[]> = {};
  for (const [fileName] of files) {
    const names = program
      .getSemanticDiagnostics(program.getSourceFile(fileName))
      .filter((diagnostic) => UNDEFINED_NAME_CODES.has(diagnostic.code) && diagnostic.start !== undefined)
      .map((diagnostic) => diagnostic.file!.text.slice(diagnostic.start, diagnostic.start! + diagnostic.length!));
    found[fileName.slice('/sandbox/'.length, -'.js'.length)] = [...new Set(names)].sort();
  }
  return found;
}

const onlyBuiltIns = {};
const preludeGlobals = { [PRELUDE_GLOBALS_FILE]: undefined, [CONSOLE_FILE]: CONSOLE_DECLARATION };

function noneFor(scripts: Record<string, string>): Record<string, string[]> {
  return Object.fromEntries(Object.keys(scripts).map((name) => [name, []]));
}

describe('the sandbox scripts', () => {
  it('are built from the sources as they are now', async () => {
    // Vitest's global setup and the extension build regenerate the file; an edit since then shows up here.
    const fresh = readFileSync(GENERATED_FILE, 'utf8') === (await buildSandboxScripts());
    expect(fresh, 'lib/generated/sandbox-scripts.ts is stale: run `npm run sandbox-scripts`').toBe(true);
  });

  it('cover every helper group and every registered skill', () => {
    expect(Object.keys(HELPER_SCRIPTS).sort()).toEqual(Object.keys(HELPER_GROUP_GLOBALS).sort());
    expect(Object.keys(SKILL_SCRIPTS).sort()).toEqual(skills.map((skill) => skill.id).sort());
    for (const skill of skills) expect(skill.script).toBe(SKILL_SCRIPTS[skill.id as keyof typeof SKILL_SCRIPTS]);
  });

  it('carry no bundler or test-runner helpers', () => {
    for (const text of [PRELUDE_SCRIPT, ...Object.values(HELPER_SCRIPTS), ...Object.values(SKILL_SCRIPTS)]) {
      expect(text).not.toMatch(/\b(__name|__defProp|__export|__toESM|__commonJS|__require|__vite_ssr_\w+|__vi_\w+)\b/);
      expect(text).not.toMatch(/^\s*(import|export)\b/m);
    }
  });

  it('use nothing but the ECMAScript built-ins in the prelude and its helpers', () => {
    const scripts = { prelude: PRELUDE_SCRIPT, ...HELPER_SCRIPTS };
    expect(undefinedNames(scripts, onlyBuiltIns)).toEqual(noneFor(scripts));
  });

  it("use nothing but the built-ins and the prelude's globals in the skills", () => {
    expect(undefinedNames(SKILL_SCRIPTS, preludeGlobals)).toEqual(noneFor(SKILL_SCRIPTS));
  });

  it('would catch a name the sandbox does not define', () => {
    const scripts = { leaky: "__name(function f() {}, 'f'); document.title; setTimeout(() => view.markdown(page.title), 1); console.log(sum([1]));" };
    expect(undefinedNames(scripts, preludeGlobals)).toEqual({ leaky: ['__name', 'document', 'setTimeout'] });
  });

  it("show a skill's script readably: its helpers by name, one statement a line, no minification", () => {
    const script = SKILL_SCRIPTS['doc-tldr'];
    expect(script).toContain('function summarizeText(text, options = {}) {\n');
    expect(script).toContain('// lib/skills/scripts/doc-tldr.ts\nfunction docTldr(page) {\n');
    expect(script.trimEnd().endsWith('docTldr(page);')).toBe(true);
  });
});
