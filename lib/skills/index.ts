// The registry of built-in skills.
import type { PageKind } from '../context/types';
import { actionsLogErrors } from './actions-log-errors';
import { changeOverview } from './change-overview';
import { docOutline } from './doc-outline';
import { docTldr } from './doc-tldr';
import { fileOutline } from './file-outline';
import { issueSummary } from './issue-summary';
import { metricChange } from './metric-change';
import { prChecks } from './pr-checks';
import { prOverview } from './pr-overview';
import { prRisk } from './pr-risk';
import { repoOverview } from './repo-overview';
import { reviewDraft } from './review-draft';
import { tableSummary } from './table-summary';
import { treeOverview } from './tree-overview';
import type { Skill } from './types';

export type { Skill, SkillViewType } from './types';

export const skills: Skill[] = [
  prOverview,
  prRisk,
  prChecks,
  reviewDraft,
  actionsLogErrors,
  issueSummary,
  repoOverview,
  fileOutline,
  docOutline,
  docTldr,
  metricChange,
  tableSummary,
  changeOverview,
  treeOverview,
];

export function getSkill(id: string): Skill | undefined {
  return skills.find((skill) => skill.id === id);
}

export function skillsForKind(kind: PageKind): Skill[] {
  return skills.filter((skill) => skill.kinds.includes(kind));
}

/**
 * Built-in skills are the team's own scripts, but they run over whole pages (long series, big diffs):
 * they get a longer deadline than model-written scripts. Memory and output limits stay the default.
 */
export const SKILL_LIMITS = { timeoutMs: 5000 } as const;
