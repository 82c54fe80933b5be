import { SKILL_SCRIPTS } from '../generated/sandbox-scripts';
import type { Skill } from './types';

export const prOverview: Skill = {
  id: 'pr-overview',
  title: 'Pull request overview',
  description: 'Changed files by top-level directory with totals, the biggest changes, renames, deletions, and generated or lock files set apart.',
  kinds: ['github.pull', 'github.pull.files'],
  views: ['markdown', 'table'],
  script: SKILL_SCRIPTS['pr-overview'],
};
