import type { Action, PageContext, PageKind } from '../context/types';

export type SkillViewType = 'table' | 'markdown' | 'chart';

/**
 * A built-in skill: a sandbox script plus metadata. The script is the module of the same name in
 * scripts/, built into self-contained script text by scripts/build-sandbox-scripts.ts; that text is what
 * runs in the sandbox and what the panel's trail shows.
 */
export interface Skill {
  id: string;
  title: string;
  description: string;
  kinds: PageKind[];
  views: SkillViewType[];
  /** The script's text: top-level declarations, then a call with `page` whose value is the result. */
  script: string;
  /**
   * What the host reads for the skill before it runs, beyond the captured page: `check-logs` follows links on
   * the page's origin to job logs, a pull request's failing checks (added as `checkLogs`) or an Actions page's
   * own failed job when the page showed no log lines (its `errors`, `locations` and `logRead`).
   */
  reads?: 'check-logs';
  /**
   * Runs in the host (not the sandbox) on the skill's value: an action the skill offers, which the user
   * must approve like any other (e.g. fill the review box with the drafted text). The context says whether
   * the target is on the page: a card for a missing target is not offered.
   */
  propose?: (value: unknown, context: PageContext) => { action: Action; why: string } | null;
}
