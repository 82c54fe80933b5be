// What the actions-log-errors skill runs in the sandbox (its card: ../actions-log-errors.ts), built into script text by
// scripts/build-sandbox-scripts.ts. It sees the prelude's globals (../../sandbox/prelude-globals.d.ts).
import type { PageData } from '../../context/types';

export function actionsLogErrors(page: PageData) {
  if (page.type !== 'actions') throw new Error('actions-log-errors needs a GitHub Actions run page');
  const errors = page.errors.slice(0, 5).map((excerpt) => ({
    step: excerpt.step ?? null,
    line: excerpt.startLine + excerpt.errorIndex,
    error: excerpt.lines[excerpt.errorIndex] ?? '',
    context: excerpt.lines,
    contextStartLine: excerpt.startLine,
  }));
  const failedSteps = page.failedSteps.map((step) => (step.job ? `${step.job} › ${step.name}` : step.name));
  const lines: string[] = [];
  if (failedSteps.length > 0) lines.push(`**Failed steps:** ${failedSteps.join(', ')}`);
  if (errors.length === 0) lines.push('No error lines were found in the captured log.');
  for (const error of errors) {
    const fence = error.context.some((line) => line.includes('```')) ? '~~~~' : '```';
    lines.push('', `**${error.step ?? 'Log'}**, line ${error.line}: \`${error.error.trim().slice(0, 200)}\``, fence + 'text', ...error.context, fence);
  }
  view.markdown(lines.join('\n'));
  return { status: page.status, failedSteps, errors };
}
