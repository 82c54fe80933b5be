// The options page's side of saved skills: the list (from storage, followed live), edits through the
// worker (the only writer), a try on the tab the user last looked at, and the settings file.
import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { ScriptResult } from '../../lib/context/types';
import { sendToBackground } from '../../lib/messaging/send';
import { readSettings } from '../../lib/storage/settings';
import { readUserSkills, userSkillsItem } from '../../lib/storage/user-skills';
import { buildExport } from '../../lib/user-skills/export-file';
import type { UserSkill } from '../../lib/user-skills/types';

export const userSkills = signal<UserSkill[] | null>(null);
/** The skill whose code is open in the editor, and what it holds now. */
export const editing = signal<{ id: string; code: string } | null>(null);
export const skillNotice = signal<{ id: string; tone: 'ok' | 'error'; text: string } | null>(null);
export const tried = signal<{ id: string; page: string; result: ScriptResult } | null>(null);
export const transferNotice = signal<{ tone: 'ok' | 'error'; lines: string[] } | null>(null);

export async function startUserSkills(): Promise<void> {
  userSkills.value = await readUserSkills();
  userSkillsItem.watch(() => {
    void readUserSkills().then((skills) => {
      userSkills.value = skills;
    });
  });
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function save(skill: UserSkill, patch: Partial<UserSkill>, done: string): Promise<boolean> {
  const { id, name, description, kinds, urlPattern, offer, code, enabled } = { ...skill, ...patch };
  try {
    const outcome = await sendToBackground('user-skill-save', { skill: { id, name, description, kinds, urlPattern, offer, code, enabled } });
    skillNotice.value = outcome.ok ? { id, tone: 'ok', text: done } : { id, tone: 'error', text: outcome.problems.join('; ') };
    return outcome.ok;
  } catch (error) {
    skillNotice.value = { id, tone: 'error', text: describeError(error) };
    return false;
  }
}

export function setEnabled(skill: UserSkill, enabled: boolean): Promise<boolean> {
  return save(skill, { enabled }, enabled ? `“${skill.name}” is on.` : `“${skill.name}” is off: no card, no / entry.`);
}

export async function saveEditedCode(skill: UserSkill): Promise<void> {
  const open = editing.value;
  if (!open || open.id !== skill.id) return;
  if (await save(skill, { code: open.code }, `Saved the code of “${skill.name}”.`)) editing.value = null;
}

export async function deleteSkill(skill: UserSkill): Promise<void> {
  try {
    await sendToBackground('user-skill-delete', { id: skill.id });
    if (editing.value?.id === skill.id) editing.value = null;
    skillNotice.value = null;
  } catch (error) {
    skillNotice.value = { id: skill.id, tone: 'error', text: describeError(error) };
  }
}

/** The web page the user last looked at (this settings page aside): the "current tab" to try a skill on. */
async function lastWebTab(): Promise<{ id: number; title: string } | null> {
  const tabs = await browser.tabs.query({});
  const web = tabs.filter((tab) => tab.id !== undefined && /^https?:/.test(tab.url ?? ''));
  web.sort((left, right) => (right.lastAccessed ?? 0) - (left.lastAccessed ?? 0));
  const tab = web[0];
  return tab?.id === undefined ? null : { id: tab.id, title: tab.title || tab.url || 'the page' };
}

/** Runs the code in the editor (or the saved code) on that tab's captured page, under the skill limits. */
export async function tryOnCurrentTab(skill: UserSkill): Promise<void> {
  const code = editing.value?.id === skill.id ? editing.value.code : skill.code;
  const tab = await lastWebTab();
  if (!tab) {
    skillNotice.value = { id: skill.id, tone: 'error', text: 'No web page is open to try it on: open one in a tab, then try again.' };
    return;
  }
  const result = await sendToBackground('script-rerun', { tabId: tab.id, code, skill: skill.id }).catch(
    (error: unknown): ScriptResult => ({ ok: false, error: describeError(error), logs: [], ms: 0 }),
  );
  tried.value = { id: skill.id, page: tab.title, result };
}

/** Settings and skills as one file, without the API key, saved through the browser's download. */
export async function exportFile(): Promise<void> {
  const [settings, skills] = await Promise.all([readSettings(), readUserSkills()]);
  const text = JSON.stringify(buildExport(settings, skills, new Date()), null, 2);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  link.download = `tandem-settings-${new Date().toISOString().slice(0, 10)}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  transferNotice.value = { tone: 'ok', lines: [`Exported your settings and ${skills.length} ${skills.length === 1 ? 'skill' : 'skills'} (without the API key).`] };
}

export async function importFile(file: File): Promise<void> {
  try {
    const outcome = await sendToBackground('settings-import', { text: await file.text() });
    transferNotice.value = outcome.ok
      ? { tone: 'ok', lines: [`Imported ${file.name}: settings, ${outcome.added} new and ${outcome.replaced} replaced ${outcome.added + outcome.replaced === 1 ? 'skill' : 'skills'}. Your API key was kept here.`] }
      : { tone: 'error', lines: [`${file.name} was not imported; nothing changed:`, ...outcome.problems] };
  } catch (error) {
    transferNotice.value = { tone: 'error', lines: [`${file.name} was not imported; nothing changed: ${describeError(error)}`] };
  }
}
