import { SKILL_SCRIPTS } from '../generated/sandbox-scripts';
import type { Skill } from './types';

export const treeOverview: Skill = {
  id: 'tree-overview',
  title: 'What is in this folder',
  description: 'A folder of a repository: its folders and files grouped as code, tests, configuration and docs, what its README says, and which entries changed last.',
  kinds: ['github.tree'],
  views: ['markdown', 'table'],
  script: SKILL_SCRIPTS['tree-overview'],
};
