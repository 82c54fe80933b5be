import { SKILL_SCRIPTS } from '../generated/sandbox-scripts';
import type { Skill } from './types';

export const prRisk: Skill = {
  id: 'pr-risk',
  title: 'Riskiest files',
  description: 'Changed files ranked by risk: size, sensitive paths (migrations, auth, CI, containers, dependencies), missing test changes, deletions.',
  kinds: ['github.pull', 'github.pull.files'],
  views: ['table', 'markdown'],
  script: SKILL_SCRIPTS['pr-risk'],
};
