import { SKILL_SCRIPTS } from '../generated/sandbox-scripts';
import type { Skill } from './types';

export const repoOverview: Skill = {
  id: 'repo-overview',
  title: 'What is this and how do I run it?',
  description: 'The README’s install, build and usage commands, what the file list says about the build, what it needs, its caveats, and its last commit, languages and licence.',
  kinds: ['github.repo'],
  views: ['markdown'],
  script: SKILL_SCRIPTS['repo-overview'],
};
