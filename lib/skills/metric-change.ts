import { SKILL_SCRIPTS } from '../generated/sandbox-scripts';
import type { Skill } from './types';

export const metricChange: Skill = {
  id: 'metric-change',
  title: 'What changed in the metrics',
  description: 'Change points in every series of the dashboard: where a metric shifted, from what to what, and which other metrics moved at the same time.',
  kinds: ['dashboard'],
  views: ['markdown', 'chart'],
  script: SKILL_SCRIPTS['metric-change'],
};
