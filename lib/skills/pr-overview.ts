import { SKILL_SCRIPTS } from '../generated/sandbox-scripts';
import type { Skill } from './types';

export const prOverview: Skill = {
  id: 'pr-overview',
  title: 'Walk through the pull request',
  description: 'A reading order from the diff: the entry point and core changes first, then their callers, tests, flags, configuration and docs, with one line per group on what it adds or changes; generated and lock files named and set aside.',
  kinds: ['github.pull', 'github.pull.files'],
  views: ['markdown', 'table'],
  script: SKILL_SCRIPTS['pr-overview'],
};
