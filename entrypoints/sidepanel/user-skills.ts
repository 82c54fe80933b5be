// The panel's side of saved skills: saving a trail's script, and the skills the composer's `/` list offers.
import { signal } from '@preact/signals';
import type { SaveSkillDefaults } from '../../components/save-skill-form';
import type { AssistantTurn } from '../../lib/conversation/types';
import type { TabView, UserSkillSaved } from '../../lib/messaging/protocol';
import { sendToBackground } from '../../lib/messaging/send';
import type { SkillChoice, UserSkillDraft } from '../../lib/user-skills/types';
import { suggestedUrlPattern } from '../../lib/user-skills/url-pattern';

export const pageSkills = signal<SkillChoice[]>([]);

let listed: { tabId: number; url: string } | null = null;

/** Asks the worker for the page's skills; again whenever `/` opens the list, since one may have been saved since. */
export async function refreshPageSkills(view: TabView | null): Promise<void> {
  if (!view) {
    pageSkills.value = [];
    return;
  }
  listed = { tabId: view.tabId, url: view.context.url };
  const choices = await sendToBackground('skill-list', { tabId: view.tabId });
  // A tab switched meanwhile keeps its own list.
  if (listed.tabId === view.tabId && listed.url === view.context.url) pageSkills.value = choices;
}

export async function saveUserSkill(skill: UserSkillDraft): Promise<UserSkillSaved> {
  const saved = await sendToBackground('user-skill-save', { skill });
  return saved;
}

/** What the save form starts with: the question (or card) as the name, this page's kind and a pattern for pages like it. */
export function saveDefaultsFor(turn: AssistantTurn, view: TabView | null): SaveSkillDefaults | undefined {
  if (!view) return undefined;
  const request = turn.request;
  const name = request.type === 'ask' ? (request.title ?? request.question) : request.title;
  return { name: name.split('\n')[0]?.trim() ?? '', page: { url: view.context.url, kind: view.context.kind }, urlPattern: suggestedUrlPattern(view.context.url) };
}
