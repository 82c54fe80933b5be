// The registry of built-in suggestion rules; the engine runs those whose kinds match the page.
import type { Rule } from '../types';
import { actionsRules } from './actions';
import { blobRules } from './blob';
import { changeRules } from './change';
import { dashboardRules } from './dashboard';
import { docsRules } from './docs';
import { issueRules } from './issue';
import { pullRules } from './pull';
import { repoRules } from './repo';
import { repositoryPageRules } from './repository-pages';
import { selectionRules } from './selection';
import { tablesRules } from './tables';

export const rules: readonly Rule[] = [
  ...pullRules,
  ...actionsRules,
  ...issueRules,
  ...repoRules,
  ...blobRules,
  ...docsRules,
  ...dashboardRules,
  ...tablesRules,
  ...selectionRules,
  ...changeRules,
  ...repositoryPageRules,
];

export function getRule(id: string): Rule | undefined {
  return rules.find((rule) => rule.id === id);
}
