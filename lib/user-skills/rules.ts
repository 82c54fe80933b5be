// Saved skills offered as cards become suggestion rules, so they are ranked with the built-in rules and
// the same feedback, mute and prefetch apply to them (all keyed by rule id, which is the skill's id).
import type { Rule } from '../suggest/types';
import { appliesToPage } from './as-skill';
import type { UserSkill } from './types';

/**
 * Below the built-in cards that report a problem on the page (a failing check is 0.95), level with the
 * walkthrough cards: the user chose this check for these pages, but it has no evidence of its own yet.
 */
export const USER_SKILL_CARD_SCORE = 0.6;

export function userSkillRules(skills: readonly UserSkill[]): Rule[] {
  return skills
    .filter((skill) => skill.offer === 'card' && skill.enabled)
    .map((skill) => ({
      id: skill.id,
      kinds: skill.kinds,
      suggest: (context) =>
        appliesToPage(skill, context)
          ? [{ title: skill.name, why: `Your skill${skill.urlPattern ? ` for ${skill.urlPattern}` : ''}: ${skill.description || 'saved from an answer'}`, score: USER_SKILL_CARD_SCORE, run: { skill: skill.id } }]
          : [],
    }));
}
