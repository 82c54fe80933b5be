// A saved skill as the runner sees a built-in one: the same sandbox, the same limits, the same trail.
import type { PageContext } from '../context/types';
import type { Skill } from '../skills/types';
import { matchesUrlPattern } from './url-pattern';
import type { UserSkill } from './types';

export function asSkill(skill: UserSkill): Skill {
  return { id: skill.id, title: skill.name, description: skill.description, kinds: skill.kinds, views: [], script: skill.code };
}

/** Whether the skill is enabled and fits this page: its kinds, and its URL pattern. */
export function appliesToPage(skill: UserSkill, context: Pick<PageContext, 'kind' | 'url'>): boolean {
  return skill.enabled && skill.kinds.includes(context.kind) && matchesUrlPattern(skill.urlPattern, context.url);
}
