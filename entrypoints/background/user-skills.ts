// The worker's side of saved skills: the only writer of the saved list, the skills a run may find by id,
// the cards they add, and the composer's `/` list.
import type { SkillChoice, UserSkill, UserSkillDraft } from '../../lib/user-skills/types';
import type { SettingsImported, UserSkillSaved } from '../../lib/messaging/protocol';
import type { PageContext } from '../../lib/context/types';
import type { Skill } from '../../lib/skills/types';
import type { Rule } from '../../lib/suggest/types';
import { getSkill, skillsForKind } from '../../lib/skills/index';
import { appliesToPage, asSkill } from '../../lib/user-skills/as-skill';
import { userSkillRules } from '../../lib/user-skills/rules';
import { checkDraft, freeSkillId, withDraftSaved } from '../../lib/user-skills/validate';
import { mergeImportedSkills, readExportFile } from '../../lib/user-skills/export-file';
import { readSettings, settingsItem } from '../../lib/storage/settings';
import { checkScriptSyntax } from '../../lib/sandbox/check-syntax';
import { readUserSkills, updateUserSkills } from '../../lib/storage/user-skills';

/** Finds a skill by id among the built-in ones and the saved ones (a disabled skill does not run). */
export async function skillFinder(): Promise<(id: string) => Skill | undefined> {
  const saved = await readUserSkills();
  return (id) => {
    const builtIn = getSkill(id);
    if (builtIn) return builtIn;
    const skill = saved.find((candidate) => candidate.id === id && candidate.enabled);
    return skill ? asSkill(skill) : undefined;
  };
}

export async function userSkillCardRules(): Promise<Rule[]> {
  return userSkillRules(await readUserSkills());
}

/** Built-in skills for the page's kind, then the saved ones that fit it (on demand or as cards). */
export async function skillChoicesFor(context: PageContext): Promise<SkillChoice[]> {
  const builtIn = skillsForKind(context.kind).map((skill): SkillChoice => ({ id: skill.id, title: skill.title, description: skill.description, source: 'built-in' }));
  const saved = (await readUserSkills())
    .filter((skill) => appliesToPage(skill, context))
    .map((skill): SkillChoice => ({ id: skill.id, title: skill.name, description: skill.description, source: 'saved' }));
  return [...saved, ...builtIn];
}

export async function saveUserSkill(input: UserSkillDraft): Promise<UserSkillSaved> {
  const draft = checkDraft(input);
  if (!draft.ok) return draft;
  // Compiled (not run) by the engine that will run it: a skill that cannot parse is not saved.
  const syntax = await checkScriptSyntax(draft.value.code);
  if (!syntax.ok) return { ok: false, problems: [`the code does not parse${syntax.line === undefined ? '' : ` (line ${syntax.line})`}: ${syntax.message}`] };
  return updateUserSkills<UserSkillSaved>((saved) => {
    const next = withDraftSaved(saved, draft.value, Date.now());
    return next.ok ? { skills: next.value.skills, result: { ok: true as const, skill: next.value.skill } } : { skills: null, result: next };
  });
}

export function deleteUserSkill(id: string): Promise<{ deleted: boolean }> {
  return updateUserSkills<{ deleted: boolean }>((saved: UserSkill[]) => {
    const kept = saved.filter((skill) => skill.id !== id);
    return kept.length === saved.length ? { skills: null, result: { deleted: false } } : { skills: kept, result: { deleted: true } };
  });
}

/**
 * Imports an export file: everything is checked (every skill's code compiled) before anything is written,
 * so a bad file changes nothing. Skills replace saved ones of the same name; the others stay. The API key
 * stays the one typed here, kept when the file names the same provider.
 */
export async function importSettingsFile(text: string): Promise<SettingsImported> {
  const read = await readExportFile(text, checkScriptSyntax);
  if (!read.ok) return read;
  const { settings: imported, skills } = read.value;
  const current = await readSettings();
  const apiKey = current.provider && imported.provider?.baseUrl === current.provider.baseUrl ? current.provider.apiKey : '';
  const counts = await updateUserSkills<{ added: number; replaced: number }>((saved) => {
    const names = new Set(saved.map((skill) => skill.name.trim().toLowerCase()));
    const replaced = skills.filter((skill) => names.has(skill.name.trim().toLowerCase())).length;
    return { skills: mergeImportedSkills(saved, skills, Date.now(), freeSkillId), result: { added: skills.length - replaced, replaced } };
  });
  await settingsItem.setValue({ ...current, ...imported, provider: imported.provider ? { ...imported.provider, apiKey } : null });
  return { ok: true, ...counts };
}
