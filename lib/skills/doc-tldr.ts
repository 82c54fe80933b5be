import { SKILL_SCRIPTS } from '../generated/sandbox-scripts';
import type { Skill } from './types';

export const docTldr: Skill = {
  id: 'doc-tldr',
  title: 'TL;DR',
  description:
    'An extractive summary: the most central sentences of the text, favouring its lead, quoted verbatim (citation markers dropped) in article order; never reference lists, captions, navigation, glossary entries or headings; plus a count of the code samples.',
  kinds: ['docs'],
  views: ['markdown'],
  script: SKILL_SCRIPTS['doc-tldr'],
};
