import type { Action, PageData, PageKind } from '../context/types';

export type SkillViewType = 'table' | 'markdown' | 'chart';

/**
 * A built-in skill: a sandbox script plus metadata. `main` and every function in `uses` must be
 * self-contained (no imports, no module scope, only the prelude globals): the sandbox source is
 * built from their `toString()`, see skill-source.ts.
 */
export interface Skill {
  id: string;
  title: string;
  description: string;
  kinds: PageKind[];
  views: SkillViewType[];
  main: (page: PageData) => unknown;
  // Any function shape: they are only ever serialised with toString().
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  uses?: Function[];
  /**
   * Runs in the host (not the sandbox) on the skill's value: an action the skill offers, which the user
   * must approve like any other (e.g. fill the review box with the drafted text).
   */
  propose?: (value: unknown) => { action: Action; why: string } | null;
}
