// Adapter for Actions pages: a workflow run (jobs) and a job (steps and the log around errors).
import type { Adapter, AdapterOutput } from '../adapter';
import type { ActionsData, ActionsStep, CheckState } from '../../context/types';
import { stateFromWords, stateOfElement } from './check-state';
import { limits } from './limits';
import { findErrorExcerpts, type LogLine } from './log-errors';
import { findLocations } from './log-locations';
import { parseGithubPath } from './route';
import { firstText, textOf } from './text';

export const actionsAdapter: Adapter = {
  id: 'github-actions',
  kinds: ['github.actions'],
  capture: async (document, url) => captureActions(document, url),
};

function captureActions(document: Document, url: URL): AdapterOutput {
  const route = parseGithubPath(url);
  const cut: string[] = [];
  const jobs = readJobs(document, cut);
  const currentJob = route?.page === 'actions-job' ? jobs.find((job) => job.link?.includes(`/job/${route.jobId}`))?.name : undefined;
  const jobName = currentJob ?? (firstText(document, ['[data-testid="job-name"]', '.CheckRun-header h2', 'check-steps-header h2', '.js-check-run-title']) || undefined);
  const steps = readSteps(document, jobName, cut);
  const log = readLogLines(document, cut);
  const data: ActionsData = {
    type: 'actions',
    status: readRunStatus(document, jobs, steps),
    jobs,
    steps,
    failedSteps: steps.filter((step) => step.status === 'failure'),
    errors: findErrorExcerpts(log, { failedSteps: steps.filter((step) => step.status === 'failure').map((step) => step.name) }),
  };
  const locations = findLocations(log, data.failedSteps.map((step) => step.name));
  if (locations.length > 0) data.locations = locations;
  const workflow = firstText(document, ['[data-testid="workflow-name"]', 'a[href*="/actions/workflows/"]']);
  if (workflow) data.workflow = workflow;
  const runTitle = firstText(document, ['[data-testid="run-title"]', 'h1 .markdown-title', '.PageHeader-title .markdown-title', '.PageHeader-title', 'h1.h3']);
  if (runTitle) data.runTitle = runTitle;
  const facts: AdapterOutput['facts'] = {
    status: data.status,
    jobs: jobs.length,
    jobs_failing: jobs.filter((job) => job.status === 'failure').length,
    steps_failing: data.failedSteps.length,
    errors: data.errors.length,
  };
  if (route?.page === 'actions-run' || route?.page === 'actions-job') facts['run'] = route.runId;
  if (data.workflow) facts['workflow'] = data.workflow;
  if (jobName) facts['job'] = jobName;
  const output: AdapterOutput = { title: data.runTitle ?? data.workflow ?? document.title, facts, data };
  if (cut.length > 0) output.cut = cut;
  return output;
}

function readJobs(document: Document, cut: string[]): ActionsData['jobs'] {
  const jobs: ActionsData['jobs'] = [];
  const seen = new Set<string>();
  for (const link of Array.from(document.querySelectorAll('a[href*="/actions/runs/"][href*="/job/"]'))) {
    const href = link.getAttribute('href') ?? '';
    const jobId = /\/job\/(\d+)/.exec(href)?.[1];
    if (!jobId || seen.has(jobId)) continue;
    const name = textOf(link.querySelector('[data-testid="job-name"], .ActionListItem-label')) || textOf(link);
    if (name === '') continue;
    seen.add(jobId);
    const item = link.closest('li') ?? link;
    jobs.push({ name, status: stateOfElement(item), link: href });
  }
  if (jobs.length > limits.jobs) cut.push(`jobs after the first ${limits.jobs} of ${jobs.length}`);
  return jobs.slice(0, limits.jobs);
}

function readSteps(document: Document, job: string | undefined, cut: string[]): ActionsStep[] {
  const elements = Array.from(document.querySelectorAll('check-step, [data-testid="check-step"]'));
  if (elements.length > limits.steps) cut.push(`steps after the first ${limits.steps} of ${elements.length}`);
  return elements.slice(0, limits.steps).map((element) => {
    const name = element.getAttribute('data-name') ?? textOf(element.querySelector('.CheckStep-header-title, summary'));
    const conclusion = element.getAttribute('data-conclusion') ?? element.getAttribute('data-status') ?? '';
    const status = conclusion ? stateFromWords(conclusion) : stateOfElement(element);
    const step: ActionsStep = { name, status };
    if (job) step.job = job;
    return step;
  });
}

/** Every rendered log line, numbered through the whole job, each with the step it belongs to. */
export function readLogLines(document: Document, cut: string[]): LogLine[] {
  const lines: LogLine[] = [];
  let number = 0;
  const steps = Array.from(document.querySelectorAll('check-step, [data-testid="check-step"]'));
  const groups: { step?: string; container: ParentNode }[] = steps.length > 0
    ? steps.map((step) => ({ step: step.getAttribute('data-name') ?? undefined, container: step }))
    : [{ container: document }];
  for (const group of groups) {
    for (const lineElement of Array.from(group.container.querySelectorAll('.js-check-step-line, .CheckStep-line, [data-testid="log-line"]'))) {
      if (lines.length >= limits.logLines) {
        cut.push(`log lines after the first ${limits.logLines}`);
        return lines;
      }
      number += 1;
      const content = lineElement.querySelector('.js-check-line-content, .CheckStep-line-content, [data-testid="log-line-content"]') ?? lineElement;
      const line: LogLine = { number, text: (content.textContent ?? '').replace(/\s+$/, '') };
      if (group.step) line.step = group.step;
      lines.push(line);
    }
  }
  return lines;
}

function readRunStatus(document: Document, jobs: ActionsData['jobs'], steps: ActionsStep[]): CheckState {
  const badge = document.querySelector('[data-testid="run-status"], .PageHeader [aria-label^="Status"], [data-testid="job-status"]');
  const fromBadge = badge ? stateFromWords(`${badge.getAttribute('aria-label') ?? ''} ${textOf(badge)}`) : 'unknown';
  if (fromBadge !== 'unknown') return fromBadge;
  const states = [...jobs.map((job) => job.status), ...steps.map((step) => step.status)];
  if (states.includes('failure')) return 'failure';
  if (states.includes('pending')) return 'pending';
  if (states.includes('cancelled')) return 'cancelled';
  if (states.length > 0 && states.every((state) => state === 'success' || state === 'skipped')) return 'success';
  return 'unknown';
}
