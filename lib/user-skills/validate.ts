// Checks the stored and imported shape of saved skills, naming what is wrong and where. Pure: the worker
// checks what the panel sends, the options page checks a file before anything is written.
import type { PageKind } from '../context/types';
import { pageKinds } from '../context/page-kinds';
import { urlPatternProblem } from './url-pattern';
import { USER_SKILL_PREFIX, type SkillOffer, type UserSkill, type UserSkillDraft } from './types';

export const PAGE_KIND_LABELS: Record<PageKind, string> = {
  'github.pull': 'Pull request',
  'github.pull.files': 'Pull request files',
  'github.issue': 'Issue',
  'github.blob': 'File on GitHub',
  'github.actions': 'Actions job log',
  'github.repo': 'Repository',
  'github.commit': 'Commit',
  'github.compare': 'Compare view',
  'github.tree': 'Folder on GitHub',
  'github.releases': 'Releases',
  'github.discussion': 'Discussion',
  docs: 'Article or docs',
  dashboard: 'Dashboard',
  generic: 'Any other page',
};
export const PAGE_KINDS: readonly PageKind[] = pageKinds;

export const MAX_NAME_CHARS = 60;
export const MAX_DESCRIPTION_CHARS = 200;
export const MAX_CODE_CHARS = 100_000;
export const MAX_USER_SKILLS = 200;

export type Checked<Value> = { ok: true; value: Value } | { ok: false; problems: string[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `Which endpoints lost a test?` → `which-endpoints-lost-a-test`. */
export function slugOf(name: string): string {
  const slug = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50);
  return slug === '' ? 'skill' : slug;
}

export function isUserSkillIdText(value: unknown): value is string {
  return typeof value === 'string' && new RegExp(`^${USER_SKILL_PREFIX}[a-z0-9-]{1,60}$`).test(value);
}

/** `user-<slug of the name>`, numbered when another skill (since renamed) took it. */
export function freeSkillId(name: string, taken: ReadonlySet<string>): string {
  const base = `${USER_SKILL_PREFIX}${slugOf(name)}`;
  let id = base;
  for (let copy = 2; taken.has(id); copy++) id = `${base}-${copy}`;
  return id;
}

/** A draft's fields, checked; `where` prefixes each problem ("skill 2 (“Rollbacks”)"). */
export function checkDraft(value: unknown, where = 'the skill'): Checked<UserSkillDraft> {
  if (!isRecord(value)) return { ok: false, problems: [`${where} is not an object`] };
  const problems: string[] = [];
  const { id, name, description, kinds, urlPattern, offer, code, enabled } = value;
  if (id !== undefined && !isUserSkillIdText(id)) problems.push(`${where}: its id is not of the form user-<letters, digits, dashes>`);
  if (typeof name !== 'string' || name.trim() === '') problems.push(`${where} has no name`);
  else if (name.trim().length > MAX_NAME_CHARS) problems.push(`${where}: the name is longer than ${MAX_NAME_CHARS} characters`);
  if (typeof description !== 'string') problems.push(`${where} has no description (one line on what it answers)`);
  else if (description.length > MAX_DESCRIPTION_CHARS) problems.push(`${where}: the description is longer than ${MAX_DESCRIPTION_CHARS} characters`);
  if (!Array.isArray(kinds) || kinds.length === 0) problems.push(`${where} names no page kind`);
  else {
    const unknown = kinds.filter((kind) => typeof kind !== 'string' || !PAGE_KINDS.includes(kind as PageKind));
    if (unknown.length > 0) problems.push(`${where}: unknown page kind ${unknown.map((kind) => JSON.stringify(kind)).join(', ')} (known: ${PAGE_KINDS.join(', ')})`);
  }
  if (typeof urlPattern !== 'string') problems.push(`${where} has no URL pattern (use "" for any page of its kinds)`);
  else {
    const problem = urlPatternProblem(urlPattern);
    if (problem) problems.push(`${where}: the URL pattern ${problem}`);
  }
  if (offer !== 'card' && offer !== 'on-demand') problems.push(`${where}: "offer" must be "card" or "on-demand"`);
  if (typeof code !== 'string' || code.trim() === '') problems.push(`${where} has no code`);
  else if (code.length > MAX_CODE_CHARS) problems.push(`${where}: the code is longer than ${MAX_CODE_CHARS.toLocaleString('en')} characters`);
  if (typeof enabled !== 'boolean') problems.push(`${where}: "enabled" must be true or false`);
  if (problems.length > 0) return { ok: false, problems };
  const draft: UserSkillDraft = {
    name: (name as string).trim(),
    description: (description as string).trim(),
    kinds: [...new Set(kinds as PageKind[])],
    urlPattern: (urlPattern as string).trim(),
    offer: offer as SkillOffer,
    code: code as string,
    enabled: enabled as boolean,
  };
  if (id !== undefined) draft.id = id as string;
  return { ok: true, value: draft };
}

/** A stored skill: a draft's fields plus its id and times. */
export function checkStoredSkill(value: unknown, where = 'the skill'): Checked<UserSkill> {
  const draft = checkDraft(value, where);
  if (!draft.ok) return draft;
  const { id, createdAt, updatedAt } = value as Record<string, unknown>;
  const problems: string[] = [];
  if (!isUserSkillIdText(id)) problems.push(`${where} has no id of the form user-<letters, digits, dashes>`);
  if (typeof createdAt !== 'number' || !Number.isFinite(createdAt)) problems.push(`${where}: "createdAt" is not a time`);
  if (typeof updatedAt !== 'number' || !Number.isFinite(updatedAt)) problems.push(`${where}: "updatedAt" is not a time`);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { ...draft.value, id: id as string, createdAt: createdAt as number, updatedAt: updatedAt as number } };
}

/** Names are how people tell skills apart (and the `/` list shows them): two with one name are refused. */
export function duplicateNames(skills: readonly { name: string }[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const skill of skills) {
    const key = skill.name.trim().toLowerCase();
    if (seen.has(key)) duplicates.add(skill.name.trim());
    seen.add(key);
  }
  return [...duplicates];
}

/**
 * The saved list with a draft saved into it: a draft with an id replaces that skill (keeping when it was
 * made), one without gets a fresh id from its name. Refused when another skill has the same name.
 */
export function withDraftSaved(saved: readonly UserSkill[], draft: UserSkillDraft, now: number): Checked<{ skills: UserSkill[]; skill: UserSkill }> {
  const existing = draft.id === undefined ? undefined : saved.find((skill) => skill.id === draft.id);
  if (draft.id !== undefined && !existing) return { ok: false, problems: [`there is no saved skill ${draft.id} (was it deleted?)`] };
  const clash = saved.find((skill) => skill.id !== draft.id && skill.name.trim().toLowerCase() === draft.name.trim().toLowerCase());
  if (clash) return { ok: false, problems: [`a skill named “${clash.name}” is already saved; choose another name`] };
  if (!existing && saved.length >= MAX_USER_SKILLS) return { ok: false, problems: [`${MAX_USER_SKILLS} skills are saved already; delete one first`] };
  const id = existing?.id ?? freeSkillId(draft.name, new Set(saved.map((skill) => skill.id)));
  const skill: UserSkill = { ...draft, id, createdAt: existing?.createdAt ?? now, updatedAt: now };
  const skills = existing ? saved.map((candidate) => (candidate.id === id ? skill : candidate)) : [...saved, skill];
  return { ok: true, value: { skills, skill } };
}

/** What storage holds, read defensively: an entry that is not a valid skill is left out (and reported). */
export function readStoredSkills(value: unknown): { skills: UserSkill[]; problems: string[] } {
  if (!Array.isArray(value)) return { skills: [], problems: value === undefined || value === null ? [] : ['the saved skills are not a list'] };
  const skills: UserSkill[] = [];
  const problems: string[] = [];
  value.forEach((entry, index) => {
    const checked = checkStoredSkill(entry, `saved skill ${index + 1}`);
    if (checked.ok) skills.push(checked.value);
    else problems.push(...checked.problems);
  });
  return { skills, problems };
}
