import { SKILL_SCRIPTS } from '../generated/sandbox-scripts';
import type { Skill } from './types';

export const metricChange: Skill = {
  id: 'metric-change',
  title: 'What changed in the metrics',
  description:
    'Why a metric moved, in words: when each series changed and by how much, largest first, which other series moved within a few points of it and which did not, with the changes marked on charts.',
  kinds: ['dashboard'],
  views: ['markdown', 'chart'],
  script: SKILL_SCRIPTS['metric-change'],
};
