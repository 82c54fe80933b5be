// Rules for GitHub Actions run and job pages.
import { actionsData } from '../page-data';
import type { Rule } from '../types';
import { countOf, distinct, listNames } from '../wording';

export const actionsFailedJob: Rule = {
  id: 'actions-failed-job',
  kinds: ['github.actions'],
  suggest(context) {
    const run = actionsData(context);
    if (!run) return [];
    const failedJobs = run.jobs.filter((job) => job.status === 'failure').map((job) => job.name);
    const failedSteps = distinct(run.failedSteps.map((step) => step.name));
    const failed = run.status === 'failure' || failedJobs.length > 0 || failedSteps.length > 0;
    if (!failed) return [];
    const evidence: string[] = [];
    if (failedJobs.length > 0) evidence.push(`${failedJobs.length === 1 ? 'job' : 'jobs'} ${listNames(failedJobs)} failed`);
    else evidence.push(`the ${run.workflow ? `${run.workflow} ` : ''}run failed`);
    if (failedSteps.length > 0) evidence.push(`at ${failedSteps.length === 1 ? 'step' : 'steps'} ${listNames(failedSteps)}`);
    const errors = run.errors.length > 0 ? `; ${countOf(run.errors.length, 'error line')} found in the log` : '';
    const sentence = `${evidence.join(' ')}${errors}.`;
    return [
      {
        title: 'Find the error in this log',
        why: sentence.charAt(0).toUpperCase() + sentence.slice(1),
        score: 0.9,
        run: { skill: 'actions-log-errors' },
      },
    ];
  },
};

export const actionsRules: Rule[] = [actionsFailedJob];
