import { SKILL_SCRIPTS } from '../generated/sandbox-scripts';
import type { Skill } from './types';

export const issueSummary: Skill = {
  id: 'issue-summary',
  title: 'Where this issue stands',
  description: 'Who is waiting on whom, what the opener asks, workarounds and offers on the thread, linked pull requests and decisions so far, read from the issue page.',
  kinds: ['github.issue'],
  views: ['markdown'],
  script: SKILL_SCRIPTS['issue-summary'],
};
