import type { Skill } from './types';

export const actionsLogErrors: Skill = {
  id: 'actions-log-errors',
  title: 'First errors in the log',
  description: 'The first error lines of a failed workflow run, with the step and the lines around them.',
  kinds: ['github.actions'],
  views: ['markdown'],
  main: (page) => {
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
  },
};
