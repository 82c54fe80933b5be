import { SKILL_SCRIPTS } from '../generated/sandbox-scripts';
import type { Skill } from './types';

export const fileOutline: Skill = {
  id: 'file-outline',
  title: 'Outline this file',
  description: 'The functions, classes and types in the lines the file view shows, with line numbers; what the file imports; its TODO and FIXME markers; and which declaration a selected line range sits in.',
  kinds: ['github.blob'],
  views: ['markdown'],
  script: SKILL_SCRIPTS['file-outline'],
};
