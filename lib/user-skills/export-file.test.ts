import { describe, expect, it } from 'vitest';
import { checkScriptSyntax } from '../sandbox/check-syntax';
import { DEFAULT_SETTINGS, type Settings } from '../storage/settings';
import { buildExport, mergeImportedSkills, readExportFile } from './export-file';
import type { UserSkill } from './types';
import { freeSkillId } from './validate';

const settings: Settings = { ...DEFAULT_SETTINGS, provider: { baseUrl: 'https://api.example.com/v1', apiKey: 'sk-secret-123', model: 'm' }, githubHosts: ['git.acme.test'] };
const skill: UserSkill = {
  id: 'user-rollbacks', name: 'Rollbacks', description: 'Migrations without a rollback', kinds: ['github.pull'], urlPattern: 'github.com/acme/*/pull/*',
  offer: 'card', code: 'return files().length', enabled: true, createdAt: 1, updatedAt: 2,
};

const exported = () => JSON.parse(JSON.stringify(buildExport(settings, [skill], new Date(0)))) as Record<string, unknown> & { skills: Record<string, unknown>[] };

describe('settings export file', () => {
  it('never carries the API key, and reads back what it wrote', async () => {
    const text = JSON.stringify(buildExport(settings, [skill], new Date(0)), null, 2);
    expect(text).not.toContain('sk-secret-123');
    expect(text).not.toContain('apiKey');
    const read = await readExportFile(text, checkScriptSyntax);
    expect(read).toEqual({
      ok: true,
      value: {
        settings: { ...settings, provider: { baseUrl: 'https://api.example.com/v1', model: 'm' } },
        skills: [{ name: 'Rollbacks', description: 'Migrations without a rollback', kinds: ['github.pull'], urlPattern: 'github.com/acme/*/pull/*', offer: 'card', code: 'return files().length', enabled: true }],
      },
    });
  });

  it('refuses malformed JSON, saying at which line and column', async () => {
    const read = await readExportFile('{\n  "format": "tandem-settings",\n  "version": 1,,\n}', checkScriptSyntax);
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.problems[0]).toMatch(/^the file is not JSON: .* at line 3, column 16$/);
  });

  it('refuses another file or another version', async () => {
    expect(await readExportFile('{"format":"x"}', checkScriptSyntax)).toEqual({ ok: false, problems: ['the file is not a Tandem settings export (its "format" should be "tandem-settings")'] });
    expect(await readExportFile(JSON.stringify({ ...exported(), version: 2 }), checkScriptSyntax)).toEqual({
      ok: false,
      problems: ["the file's version is 2; this Tandem reads version 1 (update Tandem to read it)"],
    });
  });

  it('names each bad skill: duplicate names, unknown kinds, code that does not parse', async () => {
    const file = exported();
    file.skills = [file.skills[0]!, { ...file.skills[0], name: 'rollbacks' }, { ...file.skills[0], name: 'Broken', code: 'return (' }, { ...file.skills[0], name: 'Odd', kinds: ['gitlab'] }];
    const read = await readExportFile(JSON.stringify(file), checkScriptSyntax);
    expect(read.ok ? [] : read.problems).toEqual([
      expect.stringMatching(/^skills\[2\] \(“Broken”\): the code does not parse \(line 1\): SyntaxError/),
      expect.stringMatching(/^skills\[3\] \(“Odd”\): unknown page kind "gitlab"/),
      'two skills are named “rollbacks”: names must differ',
    ]);
  });

  it('names bad settings', async () => {
    const file = exported();
    file.settings = { ...(file.settings as object), tokenBudget: 5, githubHosts: ['not a host/'] };
    const read = await readExportFile(JSON.stringify(file), checkScriptSyntax);
    expect(read.ok ? [] : read.problems).toEqual([expect.stringMatching(/^settings\.githubHosts\[0\]: /), 'settings.tokenBudget must be a whole number from 500 to 32000']);
  });

  it('an import replaces skills of the same name and keeps the rest', () => {
    const other: UserSkill = { ...skill, id: 'user-other', name: 'Other' };
    const merged = mergeImportedSkills([skill, other], [{ ...skill, name: 'ROLLBACKS', code: 'return 2' }, { ...skill, name: 'New one' }], 9, freeSkillId);
    expect(merged.map((entry) => [entry.id, entry.name, entry.code, entry.createdAt])).toEqual([
      ['user-rollbacks', 'ROLLBACKS', 'return 2', 1],
      ['user-other', 'Other', 'return files().length', 1],
      ['user-new-one', 'New one', 'return files().length', 9],
    ]);
  });
});

describe('jsonErrorOffset', () => {
  it('finds where JSON text first goes wrong, and nothing in valid JSON', async () => {
    const { jsonErrorOffset } = await import('./json-error-offset');
    const samples = ['{"a": [1, 2.5e3, true, null, "x\\"y"]}', '[]', ' {} ', '"\\u00e9"', '{"a":}', '[1,]', '{"a" 1}', '[01]', '{"a": "x', '[1] 2', '', '{"format": "tandem-settings",\n "skills": [}'];
    // The offending character of each (Node's JSON.parse names the same positions where it names one).
    const expected = [null, null, null, null, 5, 3, 5, 2, 8, 4, 0, 42];
    expect(samples.map((sample) => jsonErrorOffset(sample))).toEqual(expected);
  });
});
