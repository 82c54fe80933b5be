// A skill the user saved from a script trail (or imported, or a team shared): data only, so the panel,
// the worker, the options page and the CLI read the same shape.
import type { PageKind } from '../context/types';

/** Offered as a card on matching pages, or only when asked for (the composer's `/` list). */
export type SkillOffer = 'card' | 'on-demand';

export interface UserSkill {
  /** `user-<slug>`: made once from the first name, kept when the skill is renamed. */
  id: string;
  name: string;
  /** One line on what it answers; the card's "why". */
  description: string;
  /** The page kinds it applies to; never empty. */
  kinds: PageKind[];
  /** Where it applies: host and path with `*` wildcards (see url-pattern.ts); empty means any page of its kinds. */
  urlPattern: string;
  offer: SkillOffer;
  /** The script, as a trail shows it: a function body (`return` gives the value) or a program. */
  code: string;
  enabled: boolean;
  createdAt: number;
  updatedAt: number;
}

/** What the panel and the options page send to be saved: a new skill has no id yet. */
export type UserSkillDraft = Omit<UserSkill, 'id' | 'createdAt' | 'updatedAt'> & { id?: string };

export const USER_SKILL_PREFIX = 'user-';

export function isUserSkillId(id: string): boolean {
  return id.startsWith(USER_SKILL_PREFIX);
}

/** A skill in the composer's `/` list: a built-in one or a saved one that fits this page. */
export interface SkillChoice {
  id: string;
  title: string;
  description: string;
  source: 'built-in' | 'saved';
}
