// What the actions-log-errors skill runs in the sandbox (its card: ../actions-log-errors.ts), built into script text by
// scripts/build-sandbox-scripts.ts. It sees the prelude's globals (../../sandbox/prelude-globals.d.ts).
import type { PageData } from '../../context/types';
import { findingsMarkdown, summariseErrors } from '../log-findings';

export function actionsLogErrors(page: PageData) {
  if (page.type !== 'actions') throw new Error('actions-log-errors needs a GitHub Actions run page');
  const failedSteps = page.failedSteps.map((step) => (step.job ? `${step.job} › ${step.name}` : step.name));
  const locations = page.locations ?? [];
  const errors = summariseErrors(page.errors.slice(0, 5)).map((error) => ({ step: error.step, line: error.line, error: error.error, context: error.lines }));
  const lines: string[] = [];
  if (page.errors.length === 0) {
    if (failedSteps.length > 0) lines.push(`**Failed steps:** ${failedSteps.join(', ')}`, '');
    lines.push(page.logRead?.from === 'none'
      ? `The page shows no log lines, and Tandem could not read the failed step’s log: ${page.logRead.problem}.`
      : 'No error lines were found in the captured log (GitHub shows a step’s log once it is expanded).');
  } else {
    lines.push(...findingsMarkdown({ failedSteps, errors: page.errors, locations }, 'The job'));
  }
  view.markdown(lines.join('\n'));
  return { status: page.status, failedSteps, errors, locations };
}
