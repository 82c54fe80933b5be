import { SKILL_SCRIPTS } from '../generated/sandbox-scripts';
import type { Skill } from './types';

export const changeOverview: Skill = {
  id: 'change-overview',
  title: 'What this change does',
  description: 'A commit or compare view: its message and size, the order to read its files in (code, tests, configuration, docs, generated), and the risky spots by path, size and added line.',
  kinds: ['github.commit', 'github.compare'],
  views: ['markdown', 'table'],
  script: SKILL_SCRIPTS['change-overview'],
};
