import { SKILL_SCRIPTS } from '../generated/sandbox-scripts';
import type { Skill } from './types';

export const prRisk: Skill = {
  id: 'pr-risk',
  title: 'Changes without tests',
  description: 'Changed source files no changed test covers (matched by each language’s test names and folders, imports and calls), ranked by what they add, with reasons in words; one-line and flag changes not counted.',
  kinds: ['github.pull', 'github.pull.files'],
  views: ['markdown'],
  script: SKILL_SCRIPTS['pr-risk'],
};
