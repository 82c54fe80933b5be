import { SKILL_SCRIPTS } from '../generated/sandbox-scripts';
import type { Skill } from './types';

export const docOutline: Skill = {
  id: 'doc-outline',
  title: 'Outline and code samples',
  description: 'The headings of the document as an outline, and its code samples with their languages.',
  kinds: ['docs'],
  views: ['markdown', 'table'],
  script: SKILL_SCRIPTS['doc-outline'],
};
