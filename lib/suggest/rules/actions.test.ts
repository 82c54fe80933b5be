import { describe, expect, it } from 'vitest';
import { actions, contextOf } from '../../../test/fixtures/suggest/contexts';
import { actionsFailedJob } from './actions';

describe('actions-failed-job', () => {
  it('names the failed job and step and counts the error lines', () => {
    const data = actions({
      status: 'failure',
      jobs: [
        { name: 'lint', status: 'success' },
        { name: 'test', status: 'failure' },
      ],
      failedSteps: [{ name: 'Run npm test', status: 'failure', job: 'test' }],
      errors: [
        { startLine: 10, lines: ['Error: boom'], errorIndex: 0 },
        { startLine: 40, lines: ['FAIL x.test.ts'], errorIndex: 0 },
      ],
    });
    const [card] = actionsFailedJob.suggest(contextOf('github.actions', data));
    expect(card?.title).toBe('Find the error in this log');
    expect(card?.why).toBe('Job test failed at step Run npm test; 2 error lines found in the log.');
    expect(card?.run).toEqual({ skill: 'actions-log-errors' });
    expect(card?.score).toBeGreaterThanOrEqual(0.85);
  });

  it('falls back to the workflow when the jobs are not listed', () => {
    const [card] = actionsFailedJob.suggest(contextOf('github.actions', actions({ status: 'failure', workflow: 'CI' })));
    expect(card?.why).toBe('The CI run failed.');
  });

  it('stays quiet on a green run', () => {
    const data = actions({ status: 'success', jobs: [{ name: 'test', status: 'success' }] });
    expect(actionsFailedJob.suggest(contextOf('github.actions', data))).toEqual([]);
  });
});
