import { SKILL_SCRIPTS } from '../generated/sandbox-scripts';
import type { Skill } from './types';

export const tableSummary: Skill = {
  id: 'table-summary',
  title: 'Summarise tables',
  description: 'Count, minimum, maximum, mean and median of every numeric column of the tables on the page.',
  kinds: ['dashboard', 'generic'],
  views: ['table'],
  script: SKILL_SCRIPTS['table-summary'],
};
