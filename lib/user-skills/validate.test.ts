import { describe, expect, it } from 'vitest';
import { checkDraft, checkStoredSkill, duplicateNames, readStoredSkills, slugOf, withDraftSaved } from './validate';
import type { UserSkill, UserSkillDraft } from './types';

const draft: UserSkillDraft = {
  name: 'Migrations without rollback',
  description: 'Did anyone touch a migration without a rollback?',
  kinds: ['github.pull', 'github.pull.files'],
  urlPattern: 'github.com/acme/*/pull/*',
  offer: 'card',
  code: "return files().filter((file) => file.path.includes('migrations/')).length",
  enabled: true,
};

describe('saved skill shape', () => {
  it('accepts a well-formed draft and trims what the user typed', () => {
    const checked = checkDraft({ ...draft, name: '  Migrations without rollback ', kinds: ['github.pull', 'github.pull'] });
    expect(checked).toEqual({ ok: true, value: { ...draft, kinds: ['github.pull'] } });
  });

  it('names every problem, and where', () => {
    const checked = checkDraft({ ...draft, name: '', kinds: ['github.pull', 'gitlab.mr'], offer: 'always', code: '  ', urlPattern: 'a b' }, 'skill 2');
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toEqual([
      'skill 2 has no name',
      expect.stringContaining('skill 2: unknown page kind "gitlab.mr"'),
      'skill 2: the URL pattern has a space in it',
      'skill 2: "offer" must be "card" or "on-demand"',
      'skill 2 has no code',
    ]);
    expect(checkDraft('x')).toEqual({ ok: false, problems: ['the skill is not an object'] });
  });

  it('a stored skill needs an id and its times', () => {
    expect(checkStoredSkill({ ...draft, id: 'user-migrations', createdAt: 1, updatedAt: 2 }).ok).toBe(true);
    const checked = checkStoredSkill({ ...draft, id: 'pr-risk', createdAt: 1 });
    expect(checked.ok ? [] : checked.problems).toEqual([
      'the skill: its id is not of the form user-<letters, digits, dashes>',
    ]);
  });

  it('reads storage defensively: a broken entry is skipped and reported', () => {
    const good = { ...draft, id: 'user-a', createdAt: 1, updatedAt: 1 };
    const read = readStoredSkills([good, { name: 'half' }]);
    expect(read.skills.map((skill) => skill.id)).toEqual(['user-a']);
    expect(read.problems[0]).toMatch(/^saved skill 2/);
    expect(readStoredSkills(undefined)).toEqual({ skills: [], problems: [] });
  });
});

describe('saving a draft into the list', () => {
  it('gives a new skill an id from its name, and keeps it through a rename', () => {
    const first = withDraftSaved([], draft, 100);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.value.skill).toMatchObject({ id: 'user-migrations-without-rollback', createdAt: 100, updatedAt: 100 });
    const renamed = withDraftSaved(first.value.skills, { ...draft, id: first.value.skill.id, name: 'Rollbacks' }, 200);
    expect(renamed.ok && renamed.value.skills).toEqual([{ ...draft, name: 'Rollbacks', id: 'user-migrations-without-rollback', createdAt: 100, updatedAt: 200 }]);
  });

  it('refuses a second skill of the same name (any case) and an edit of a deleted one', () => {
    const saved: UserSkill[] = [{ ...draft, id: 'user-x', createdAt: 1, updatedAt: 1 }];
    expect(withDraftSaved(saved, { ...draft, name: 'MIGRATIONS without rollback' }, 2)).toEqual({
      ok: false,
      problems: ['a skill named “Migrations without rollback” is already saved; choose another name'],
    });
    expect(withDraftSaved(saved, { ...draft, id: 'user-gone' }, 2).ok).toBe(false);
  });

  it('numbers an id taken by a renamed skill', () => {
    const saved: UserSkill[] = [{ ...draft, name: 'Other', id: 'user-migrations-without-rollback', createdAt: 1, updatedAt: 1 }];
    const next = withDraftSaved(saved, draft, 2);
    expect(next.ok && next.value.skill.id).toBe('user-migrations-without-rollback-2');
  });

  it('finds duplicate names and makes slugs', () => {
    expect(duplicateNames([{ name: 'A' }, { name: 'b' }, { name: ' a' }])).toEqual(['a']);
    expect(slugOf('Which endpoints lost a test?')).toBe('which-endpoints-lost-a-test');
    expect(slugOf('¿¿')).toBe('skill');
  });
});
