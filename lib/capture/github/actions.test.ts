import { beforeAll, describe, expect, it } from 'vitest';
import type { ActionsData } from '../../context/types';
import type { AdapterOutput } from '../adapter';
import { documentFromHtml, loadDocument } from '../../../test/fixtures/github/load-document';
import { actionsAdapter } from './actions';
import { findErrorExcerpts, type LogLine } from './log-errors';

const fixtures = new URL('../../../test/fixtures/github/', import.meta.url).pathname;

describe('actions adapter on a failed job page', () => {
  const url = 'https://github.com/acme/widgets/actions/runs/777/job/888';
  let output: AdapterOutput;
  let data: ActionsData;
  beforeAll(async () => {
    output = await actionsAdapter.capture(loadDocument(`${fixtures}actions-job.html`, url), new URL(url), 'github.actions', { githubHosts: [] });
    data = output.data as ActionsData;
  });

  it('reads the run header and the job list', () => {
    expect(data).toMatchObject({ workflow: 'CI', runTitle: 'Retry uploads on 503', status: 'failure' });
    expect(data.jobs).toEqual([
      { name: 'integration', status: 'failure', link: '/acme/widgets/actions/runs/777/job/888' },
      { name: 'unit', status: 'success', link: '/acme/widgets/actions/runs/777/job/889' },
      { name: 'deploy-preview', status: 'skipped', link: '/acme/widgets/actions/runs/777/job/890' },
    ]);
  });

  it('reads the steps and singles out the failed one', () => {
    expect(data.steps.map((step) => [step.name, step.status])).toEqual([
      ['Set up job', 'success'],
      ['Run actions/checkout@v4', 'success'],
      ['Install dependencies', 'success'],
      ['Run tests', 'failure'],
      ['Post Run actions/checkout@v4', 'success'],
      ['Complete job', 'success'],
    ]);
    expect(data.failedSteps).toEqual([{ name: 'Run tests', status: 'failure', job: 'integration' }]);
  });

  it('cuts log excerpts around the first error lines, within their step', () => {
    // Steps 1-3 hold 4 + 4 + 3 = 11 lines, so "Run tests" line 10 (the ✖) is job line 21.
    const first = data.errors[0];
    expect(first?.step).toBe('Run tests');
    expect(first?.lines[first.errorIndex]).toBe(' ✖ test/upload.test.ts > upload > retries on 503');
    expect(first?.startLine).toBe(21 - 5);
    expect(first?.lines).toHaveLength(11);
    const last = data.errors[data.errors.length - 1];
    expect(last?.lines[last.errorIndex]).toBe('##[error]Process completed with exit code 1.');
    // The last line of the step: no context is borrowed from the next step.
    expect(last?.lines.at(-1)).toBe('##[error]Process completed with exit code 1.');
    expect(data.errors.every((excerpt) => excerpt.step === 'Run tests')).toBe(true);
    expect(output.facts).toMatchObject({ status: 'failure', jobs: 3, jobs_failing: 1, steps_failing: 1, run: '777', job: 'integration', workflow: 'CI' });
  });
});

describe('actions adapter on a run summary', () => {
  it('derives the run status from its jobs when no badge is shown', async () => {
    const html = `<a href="/o/r/actions/workflows/release.yml">Release</a>
      <ul><li><a href="/o/r/actions/runs/5/job/6"><svg class="octicon octicon-check-circle-fill" aria-label="completed successfully"></svg>build</a></li>
      <li><a href="/o/r/actions/runs/5/job/7"><svg class="octicon octicon-dot-fill" aria-label="in progress"></svg>publish</a></li></ul>`;
    const url = 'https://github.com/o/r/actions/runs/5';
    const output = await actionsAdapter.capture(documentFromHtml(html, url), new URL(url), 'github.actions', { githubHosts: [] });
    expect(output.data).toMatchObject({ workflow: 'Release', status: 'pending', steps: [], errors: [] });
    expect((output.data as ActionsData).jobs.map((job) => [job.name, job.status])).toEqual([['build', 'success'], ['publish', 'pending']]);
  });
});

describe('findErrorExcerpts', () => {
  const log = (texts: string[], step = 'build'): LogLine[] => texts.map((text, index) => ({ number: index + 1, text, step }));

  it('returns at most five excerpts that do not overlap, the last burst of errors (where the step stopped) first', () => {
    const texts = Array.from({ length: 200 }, (_, index) => (index % 20 === 0 ? `error #${index}` : `ok ${index}`));
    const excerpts = findErrorExcerpts(log(texts));
    expect(excerpts).toHaveLength(5);
    expect(excerpts.map((excerpt) => excerpt.lines[excerpt.errorIndex])).toEqual(['error #180', 'error #0', 'error #20', 'error #40', 'error #60']);
    expect(excerpts[2]).toMatchObject({ startLine: 16, errorIndex: 5 });
    expect(excerpts[2]?.lines).toHaveLength(11);
  });

  it('folds an error inside the previous excerpt into it', () => {
    const excerpts = findErrorExcerpts(log(['a', 'FATAL one', 'b', 'Exception two', 'c']));
    expect(excerpts).toHaveLength(1);
    expect(excerpts[0]?.lines).toEqual(['a', 'FATAL one', 'b', 'Exception two', 'c']);
  });

  it('finds nothing in a clean log, nor in settings the runner echoes or names that contain "error"', () => {
    expect(findErrorExcerpts(log(['compiling', 'done in 2s', '  continue-on-error: false', '  continue_on_error: false', 'CONTINUE_THROUGH_ERROR=False', 'inflating: build/bin/ProcessGroupNCCLErrorsTest']))).toEqual([]);
  });

  it('puts a failed step’s errors first, and an error message before a mere mention', () => {
    const lines: LogLine[] = [
      { number: 1, text: 'warning: 1 test failed to load, retried', step: 'setup' },
      { number: 2, text: 'Tests: 2 failed', step: 'test' },
      ...Array.from({ length: 8 }, (_, index) => ({ number: 3 + index, text: `ok ${index}`, step: 'test' })),
      { number: 11, text: 'TypeError: x is not a function', step: 'test' },
    ];
    const excerpts = findErrorExcerpts(lines, { failedSteps: ['test'] });
    expect(excerpts.map((excerpt) => excerpt.lines[excerpt.errorIndex])).toEqual(['TypeError: x is not a function', 'Tests: 2 failed', 'warning: 1 test failed to load, retried']);
  });
});
