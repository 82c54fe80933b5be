import type { Skill } from './types';

/**
 * A bundler may rename a module-level function to avoid a clash (rolldown writes `rankFileRisks$1`)
 * while `main` still calls it by its written name. The renamed declaration keeps the bundle's internal
 * calls working; an alias under the written name serves `main`.
 */
function helperSource(helper: { name: string; toString(): string }): string {
  const written = helper.name.replace(/\$\d+$/, '');
  const alias = written !== helper.name && /^[\w$]+$/.test(helper.name) ? `\nvar ${written} = ${helper.name};` : '';
  return `${helper.toString()}${alias}`;
}

/**
 * The sandbox script for a skill: its helper functions as declarations, then a call of `main` with
 * the `page` global. The script runs as a function body, so `return` hands back the value.
 */
export function skillSource(skill: Skill): string {
  const helpers = [...new Set(skill.uses ?? [])].map(helperSource);
  return `${helpers.join('\n')}\nreturn (${skill.main.toString()})(page);`;
}
