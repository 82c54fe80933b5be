import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BlobData } from '../context/types';
import { outlineCode } from './code-outline';

function blob(code: string, overrides: Partial<BlobData> = {}): BlobData {
  return { type: 'blob', path: 'src/file.ts', lineCount: code.split('\n').length, code, codeStartLine: 1, truncated: false, ...overrides };
}

describe('outlineCode', () => {
  it('outlines a real TypeScript module (this repository’s lib/skills/repo-start.ts)', () => {
    const code = readFileSync(new URL('./repo-start.ts', import.meta.url), 'utf8');
    const outline = outlineCode(blob(code, { path: 'lib/skills/repo-start.ts', language: 'TypeScript' }));
    const names = outline.declarations.map((declaration) => `${declaration.kind} ${declaration.name}`);
    expect(names).toEqual(expect.arrayContaining(['interface ReadmeSection', 'interface RepoStart', 'function readmeSections', 'function commandsIn', 'function isProse', 'function repoStart']));
    expect(outline.imports).toEqual(['../context/types', './issue-thread']);
    const line = code.split('\n').findIndex((text) => text.startsWith('export function repoStart')) + 1;
    expect(outline.declarations.find((declaration) => declaration.name === 'repoStart')?.line).toBe(line);
  });

  it('says which declaration a selected range sits in, by indentation', () => {
    const code = ['import os', '', 'class Cache:', '    def get(self, key):', '        value = self.store[key]', '        return value', '', 'def main():', '    pass'].join('\n');
    const outline = outlineCode(blob(code, { path: 'cache.py', language: 'Python', selection: { start: 5, end: 6 } }));
    expect(outline.declarations.map((declaration) => [declaration.line, declaration.kind, declaration.name])).toEqual([[3, 'class', 'Cache'], [4, 'function', 'get'], [8, 'function', 'main']]);
    expect(outline.enclosing).toMatchObject({ line: 4, name: 'get' });
    expect(outline.markdown.startsWith('**Lines 5–6** sit in function `get`, declared at line 4.')).toBe(true);
    expect(outline.imports).toEqual(['os']);
  });

  it('numbers lines from where the page’s excerpt starts, and says which lines were read', () => {
    const code = ['func helper() {}', '// TODO: drop after v2', 'type Config struct {', '}'].join('\n');
    const outline = outlineCode(blob(code, { path: 'main.go', language: 'Go', codeStartLine: 101, lineCount: 300 }));
    expect(outline.declarations.map((declaration) => declaration.line)).toEqual([101, 103]);
    expect(outline.markers).toEqual([{ line: 102, text: 'TODO: drop after v2' }]);
    expect(outline.markdown).toContain('(lines 101–104 of 300, as the page showed them)');
  });

  it('does not take control flow or calls for declarations', () => {
    const code = ['function run() {', '  if (ready) {', '    start();', '  }', '  for (const x of xs) {', '  }', '}'].join('\n');
    expect(outlineCode(blob(code)).declarations.map((declaration) => declaration.name)).toEqual(['run']);
  });
});
