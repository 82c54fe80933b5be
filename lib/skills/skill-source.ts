import type { Skill } from './types';

/**
 * The sandbox script for a skill: its helper functions as declarations, then a call of `main` with
 * the `page` global. The script runs as a function body, so `return` hands back the value.
 */
export function skillSource(skill: Skill): string {
  const helpers = [...new Set(skill.uses ?? [])].map((helper) => helper.toString());
  return `${helpers.join('\n')}\nreturn (${skill.main.toString()})(page);`;
}
