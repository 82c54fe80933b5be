import { SKILL_SCRIPTS } from '../generated/sandbox-scripts';
import type { Skill } from './types';

export const actionsLogErrors: Skill = {
  id: 'actions-log-errors',
  title: 'First errors in the log',
  description: 'The first error lines of a failed workflow run, with the step and the lines around them.',
  kinds: ['github.actions'],
  views: ['markdown'],
  script: SKILL_SCRIPTS['actions-log-errors'],
  // GitHub's job page has no log lines until its scripts load them: the failed step's log is read from its link.
  reads: 'check-logs',
};
