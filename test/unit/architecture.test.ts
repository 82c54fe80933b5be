// Guards the module boundaries docs/architecture.md draws, so a reviewer does not have to.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const PURE = ['lib/capture', 'lib/context', 'lib/sandbox', 'lib/skills', 'lib/suggest', 'lib/user-skills'];
const EXTENSION_MODULES = /^(wxt(\/.*)?|webextension-polyfill|@wxt-dev\/.*|#imports)$/;

function sourceFiles(folder: string): string[] {
  const absolute = join(ROOT, folder);
  let entries: string[];
  try {
    entries = readdirSync(absolute);
  } catch {
    return []; // a folder that does not exist yet has nothing to break
  }
  return entries.flatMap((entry) => {
    const path = join(absolute, entry);
    if (statSync(path).isDirectory()) return sourceFiles(relative(ROOT, path));
    return /\.(ts|tsx)$/.test(entry) && !entry.endsWith('.d.ts') ? [relative(ROOT, path)] : [];
  });
}

interface ImportStatement {
  specifier: string;
  typeOnly: boolean;
}

export function importsOf(source: string): ImportStatement[] {
  const found: ImportStatement[] = [];
  const pattern = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (const match of source.matchAll(pattern)) {
    const specifier = match[3] ?? match[4] ?? match[5];
    if (specifier) found.push({ specifier, typeOnly: Boolean(match[2]) });
  }
  return found;
}

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file);

describe('architecture', () => {
  it('finds the pure modules to check', () => {
    expect(PURE.flatMap(sourceFiles).length).toBeGreaterThan(0);
  });

  for (const folder of PURE) {
    it(`${folder} uses no extension API, no WXT and not the agent`, () => {
      const offences: string[] = [];
      for (const file of sourceFiles(folder)) {
        const source = readFileSync(join(ROOT, file), 'utf8');
        for (const { specifier } of importsOf(source)) {
          if (EXTENSION_MODULES.test(specifier)) offences.push(`${file} imports ${specifier}`);
          if (/(^|\/)(lib\/)?agent(\/|$)/.test(specifier) && specifier.startsWith('.')) offences.push(`${file} imports the agent (${specifier})`);
        }
        if (!isTest(file) && /\b(browser|chrome)\.(runtime|tabs|storage|scripting|sidePanel|action|windows)\b/.test(withoutComments(source))) {
          offences.push(`${file} calls an extension API`);
        }
      }
      expect(offences).toEqual([]);
    });
  }

  it('components import lib only through messaging and types', () => {
    const offences: string[] = [];
    for (const file of sourceFiles('components')) {
      const source = readFileSync(join(ROOT, file), 'utf8');
      for (const { specifier, typeOnly } of importsOf(source)) {
        if (!specifier.includes('lib/')) continue;
        // Runtime imports only of the protocol, the data types and pure value rules (no extension API behind them):
        // the words on an action card come from the same pure function the CLI prints with.
        const allowed = typeOnly || /lib\/(messaging\/[\w-]+|context\/types|storage\/settings-rules|actions\/(describe|display-text)|user-skills\/(validate|url-pattern|slash-filter))$/.test(specifier);
        if (!allowed) offences.push(`${file} imports ${specifier}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('the import scanner sees the kinds of import it must judge', () => {
    const sample = "import { a } from 'wxt/browser';\nimport type { B } from '../lib/capture/x';\nimport './side-effect';\nconst c = await import('../agent/loop');";
    expect(importsOf(sample)).toEqual([
      { specifier: 'wxt/browser', typeOnly: false },
      { specifier: '../lib/capture/x', typeOnly: true },
      { specifier: './side-effect', typeOnly: false },
      { specifier: '../agent/loop', typeOnly: false },
    ]);
  });
});
