import { SKILL_SCRIPTS } from '../generated/sandbox-scripts';
import type { Skill } from './types';

export const prChecks: Skill = {
  id: 'pr-checks',
  title: 'Failing checks',
  description: 'Why the checks fail: for each failing check, its failed step, the first error lines and the files and lines they point to, read from its job log on this site; and how many passed or are pending.',
  kinds: ['github.pull', 'github.pull.files'],
  views: ['markdown'],
  script: SKILL_SCRIPTS['pr-checks'],
  reads: 'check-logs',
};
