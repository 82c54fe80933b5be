import { SKILL_SCRIPTS } from '../generated/sandbox-scripts';
import type { Skill } from './types';

export const prChecks: Skill = {
  id: 'pr-checks',
  title: 'Failing checks',
  description: 'The failing checks with their links, and how many passed or are pending.',
  kinds: ['github.pull', 'github.pull.files'],
  views: ['markdown'],
  script: SKILL_SCRIPTS['pr-checks'],
};
