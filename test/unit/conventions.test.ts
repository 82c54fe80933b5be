// What every registered unit owes the project, checked for all of them at once: a new tool, skill, rule
// or action type that is not in its registry, has no test, or names something that does not exist fails
// here, with its name, before a reviewer has to notice.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionTypes } from '../../lib/actions/action-schema';
import { agentTools } from '../../lib/agent/tools';
import { HELPER_GROUP_GLOBALS } from '../../lib/sandbox/prelude/helper-groups';
import { skills } from '../../lib/skills';
import { rules } from '../../lib/suggest/rules';

const ROOT = join(import.meta.dirname, '../..');

function filesUnder(folder: string, keep: (file: string) => boolean): string[] {
  const absolute = join(ROOT, folder);
  return readdirSync(absolute).flatMap((entry) => {
    const path = join(absolute, entry);
    if (statSync(path).isDirectory()) return entry === 'node_modules' || entry === 'fixtures' ? [] : filesUnder(relative(ROOT, path), keep);
    return keep(entry) ? [relative(ROOT, path)] : [];
  });
}

const isTest = (file: string) => /\.(test|e2e)\.tsx?$/.test(file);
const isSource = (file: string) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts') && !isTest(file);
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** The text of every test: a unit is tested when a test names it. */
const testText = ['lib', 'test', 'cli', 'components', 'entrypoints']
  .flatMap((folder) => filesUnder(folder, isTest))
  .map(read)
  .join('\n');

const untested = (names: readonly string[]) => names.filter((name) => !testText.includes(`'${name}'`) && !testText.includes(`"${name}"`));

/** Names a folder's source files define with `export const name = …` and the given opening. */
function definedIn(folder: string, opening: RegExp): { file: string; name: string }[] {
  return filesUnder(folder, isSource).flatMap((file) =>
    [...read(file).matchAll(new RegExp(String.raw`export const (\w+)(?:: \w+)? = ${opening.source}`, 'g'))].map((match) => ({ file, name: match[1] ?? '' })),
  );
}

describe('agent tools', () => {
  it('every tool defined under lib/agent/tools/ is in the registry', () => {
    const registry = read('lib/agent/tools/index.ts');
    const defined = definedIn('lib/agent/tools', /defineTool\(/);
    expect(defined.length).toBeGreaterThan(0);
    expect(defined.filter(({ name }) => !new RegExp(String.raw`agentTools = \[[^\]]*\b${name}\b`).test(registry))).toEqual([]);
  });

  it('tool names are unique and each is named by a test', () => {
    const names = agentTools.map((tool) => tool.name);
    expect(new Set(names).size).toBe(names.length);
    expect(untested(names)).toEqual([]);
  });
});

describe('skills', () => {
  it('every skill defined under lib/skills/ is in the registry', () => {
    const registered = new Set(skills.map((skill) => skill.id));
    const defined = filesUnder('lib/skills', isSource).flatMap((file) =>
      /(?::\s*Skill\s*=|satisfies\s+Skill\b)/.test(read(file)) ? [...read(file).matchAll(/^\s*id:\s*'([\w-]+)'/gm)].map((match) => ({ file, id: match[1] ?? '' })) : [],
    );
    expect(defined.length).toBeGreaterThan(0);
    expect(defined.filter(({ id }) => !registered.has(id))).toEqual([]);
  });

  it('skill ids are unique and each is named by a test', () => {
    const ids = skills.map((skill) => skill.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(untested(ids)).toEqual([]);
  });
});

describe('suggestion rules', () => {
  it('rule ids are unique and each is named by a test', () => {
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(untested(ids)).toEqual([]);
  });

  it('every skill a rule runs exists', () => {
    const known = new Set(skills.map((skill) => skill.id));
    const referenced = filesUnder('lib/suggest/rules', isSource).flatMap((file) =>
      [...read(file).matchAll(/\bskill:\s*'([\w-]+)'/g)].map((match) => ({ file, skill: match[1] ?? '' })),
    );
    expect(referenced.length).toBeGreaterThan(0);
    expect(referenced.filter(({ skill }) => !known.has(skill))).toEqual([]);
  });
});

describe('action types', () => {
  it('each action type is checked by the gate\'s test and handled by the executor', () => {
    const gateTest = read('lib/actions/validate.test.ts');
    const executor = read('lib/actions/executor.ts');
    expect(actionTypes.filter((type) => !gateTest.includes(`type: '${type}'`))).toEqual([]);
    expect(actionTypes.filter((type) => !executor.includes(`'${type}'`))).toEqual([]);
  });
});

describe('sandbox helpers', () => {
  it('every helper global the prelude defines is declared for the scripts that use it', () => {
    const declarations = read('lib/sandbox/prelude-globals.d.ts');
    const names = Object.values(HELPER_GROUP_GLOBALS).flat();
    expect(names.filter((name) => !new RegExp(String.raw`^\s*(?:function|const)\s+${name}\b`, 'm').test(declarations))).toEqual([]);
  });
});
