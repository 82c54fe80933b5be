import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { realFixtures } from '../../../test/fixtures/paths';
import { chooseCheckLinks } from './check-links';
import type { ActionsData } from '../../context/types';
import { actionsWithLog, CheckLogFetchError, readCheckLog, type CheckLogReader, type FetchedText } from './check-log-reader';
import { readLogText } from './log-text';

const site = new URL('../../../test/fixtures/site/', import.meta.url).pathname;
const realLog = join(realFixtures, 'actions-logs', 'pytorch-inductor-huggingface-job.txt');
const origin = 'https://github.example.com';
const pageUrl = `${origin}/acme/widgets/pull/42`;
const sha = '9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b';

/** A reader over a table of answers that records every address asked for. */
function fakeReader(answers: Record<string, FetchedText | Error>): CheckLogReader & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async fetchText(url) {
      asked.push(url);
      const answer = answers[url] ?? { status: 404, contentType: 'text/plain', text: 'Not found' };
      if (answer instanceof Error) throw answer;
      return answer;
    },
    parseHtml: (html, url) => new JSDOM(html, { url }).window.document,
  };
}

const html = (text: string): FetchedText => ({ status: 200, contentType: 'text/html; charset=utf-8', text });
const plain = (text: string): FetchedText => ({ status: 200, contentType: 'text/plain; charset=utf-8', text });
const sampleJobPage = readFileSync(join(site, 'acme/widgets/actions/runs/9001/job/4242/index.html'), 'utf8');
const sampleStepLog = readFileSync(join(site, `acme/widgets/commit/${sha}/checks/4242/logs/5.txt`), 'utf8');
const target = (link: string, check = 'CI / test (20.x)') => {
  const [chosen] = chooseCheckLinks([{ name: check, state: 'failure', link }], pageUrl).targets;
  if (!chosen) throw new Error(`not followed: ${link}`);
  return chosen;
};

describe('readCheckLog on the sample job page (GitHub’s markup: steps listed, log loaded per step)', () => {
  it('goes from the check to the job page and the failed step’s log, and names the step, the error and the file', async () => {
    const reader = fakeReader({
      [`${origin}/acme/widgets/actions/runs/9001/job/4242?pr=42`]: html(sampleJobPage),
      [`${origin}/acme/widgets/commit/${sha}/checks/4242/logs/5`]: plain(sampleStepLog),
    });
    const log = await readCheckLog(target('/acme/widgets/actions/runs/9001/job/4242?pr=42'), pageUrl, reader);
    expect(log).toMatchObject({ read: true, job: 'test (20.x)', failedSteps: ['Run tests'] });
    expect(log.problem).toBeUndefined();
    expect(reader.asked).toEqual([`${origin}/acme/widgets/actions/runs/9001/job/4242?pr=42`, `${origin}/acme/widgets/commit/${sha}/checks/4242/logs/5`]);
    const first = log.errors[0];
    expect(first?.step).toBe('Run tests');
    expect(first?.lines[first.errorIndex]).toContain('SyncClient > reports the server\'s status when a pull fails');
    expect(log.errors.flatMap((excerpt) => excerpt.lines)).toContain("TypeError: Cannot read properties of undefined (reading 'get')");
    expect(log.locations.slice(0, 3).map((location) => `${location.path}:${location.line}`)).toEqual(['src/sync/client.ts:56', 'src/sync/retry.ts:30', 'src/sync/client.ts:54']);
  });

  it('goes from a run page to its failed job', async () => {
    const runPage = `<ul><li><a href="/acme/widgets/actions/runs/9001/job/4243"><svg class="octicon octicon-check-circle-fill" aria-label="completed successfully"></svg>lint</a></li>
      <li><a href="/acme/widgets/actions/runs/9001/job/4242"><svg class="octicon octicon-x-circle-fill" aria-label="failed"></svg>test (20.x)</a></li></ul>`;
    const reader = fakeReader({
      [`${origin}/acme/widgets/actions/runs/9001`]: html(runPage),
      [`${origin}/acme/widgets/actions/runs/9001/job/4242`]: html(sampleJobPage),
      [`${origin}/acme/widgets/commit/${sha}/checks/4242/logs/5`]: plain(sampleStepLog),
    });
    const log = await readCheckLog(target('/acme/widgets/actions/runs/9001'), pageUrl, reader);
    expect(log).toMatchObject({ read: true, job: 'test (20.x)', failedSteps: ['Run tests'] });
    expect(log.fetched).toHaveLength(3);
  });

  it('never asks another origin for a step log the job page names there', async () => {
    const elsewhere = sampleJobPage.replace(`data-log-url="/acme/widgets/commit/${sha}/checks/4242/logs/5"`, 'data-log-url="https://logs.evil.test/4242/5"')
      .replace(`href="/acme/widgets/commit/${sha}/checks/4242/logs"`, 'href="https://logs.evil.test/4242"');
    const reader = fakeReader({ [`${origin}/acme/widgets/actions/runs/9001/job/4242`]: html(elsewhere) });
    const log = await readCheckLog(target('/acme/widgets/actions/runs/9001/job/4242'), pageUrl, reader);
    expect(reader.asked.every((url) => url.startsWith(`${origin}/`))).toBe(true);
    expect(log.read).toBe(false);
    expect(log.problem).toContain('another site (logs.evil.test)');
  });
});

describe('readCheckLog says plainly why a log was not read', () => {
  const job = target('/acme/widgets/actions/runs/9001/job/4242');
  it.each([
    ['a 404', { status: 404, contentType: 'text/html', text: 'Not Found' }, 'answered 404'],
    ['a sign-in page', html('<title>Sign in to GitHub · GitHub</title><form action="/session" method="post"><input name="login" type="text"></form>'), 'sign-in page'],
    ['a redirect (not followed)', new CheckLogFetchError('GitHub answered with a redirect, which Tandem does not follow'), 'redirect'],
    ['a page too big', new CheckLogFetchError('the job page is larger than 4 MB, more than Tandem reads'), 'larger than 4 MB'],
    ['a page that is not HTML', plain('hello'), 'not a web page'],
  ])('%s', async (_case, answer, problem) => {
    const log = await readCheckLog(job, pageUrl, fakeReader({ [job.url]: answer }));
    expect(log.read).toBe(false);
    expect(log.problem).toContain(problem);
    expect(log.errors).toEqual([]);
  });

  it('a job page with neither log lines nor a log to follow', async () => {
    const bare = sampleJobPage.replace(/ data-log-url="[^"]*"/g, '').replace(/<a class="dropdown-item"[^>]*>View raw logs<\/a>/, '');
    const log = await readCheckLog(job, pageUrl, fakeReader({ [job.url]: html(bare) }));
    expect(log).toMatchObject({ read: false, failedSteps: ['Run tests'] });
    expect(log.problem).toContain('lists its steps but not their log');
  });
});

describe('a real raw job log (pytorch/pytorch, via pytorch/test-infra)', () => {
  const text = readFileSync(realLog, 'utf8');

  it('splits it into its steps and finds the two that logged an error', () => {
    const log = readLogText(text);
    expect(log.lines).toHaveLength(4694);
    expect(log.erroredSteps).toEqual(['Run mkdir -p .additional_ci_files', 'Run set -x']);
    // Timestamps and colour codes are gone; the log's own numbering stays.
    expect(log.lines.find((line) => line.number === 3186)?.text).toBe('mkdir -p .additional_ci_files');
  });

  it('read through a job page’s raw-log link: the last failed step, its first errors, and the repository file they come from', async () => {
    const jobPage = `<div class="CheckRun-header"><h2>test (inductor_huggingface, 1, 1, linux.g5.4xlarge.nvidia.gpu)</h2></div>
      <a href="/pytorch/pytorch/commit/c8ab2e8b637515b6488931f5e59f23848aae9991/checks/27137400000/logs">View raw logs</a>`;
    const page = 'https://github.com/pytorch/pytorch/pull/130000';
    const [chosen] = chooseCheckLinks([{ name: 'inductor / test', state: 'failure', link: '/pytorch/pytorch/actions/runs/9841000000/job/27137400000' }], page).targets;
    const reader = fakeReader({
      'https://github.com/pytorch/pytorch/actions/runs/9841000000/job/27137400000': html(jobPage),
      'https://github.com/pytorch/pytorch/commit/c8ab2e8b637515b6488931f5e59f23848aae9991/checks/27137400000/logs': plain(text),
    });
    const log = await readCheckLog(chosen!, page, reader);
    expect(log.read).toBe(true);
    expect(log.failedSteps).toEqual(['Run set -x', 'Run mkdir -p .additional_ci_files']);
    expect(log.errors[0]?.step).toBe('Run set -x');
    const firstLines = log.errors.map((excerpt) => excerpt.lines[excerpt.errorIndex]);
    expect(firstLines).toContain('TimeoutError: The read operation timed out');
    expect(firstLines.some((line) => line?.startsWith("OSError: We couldn't connect to 'https://huggingface.co'"))).toBe(true);
    expect(log.locations[0]).toMatchObject({ path: 'benchmarks/dynamo/huggingface.py', line: 404, own: true });
    expect(log.locations.slice(1).every((location) => !location.own)).toBe(true);
  });
});

describe('actionsWithLog: an Actions page that showed no log lines', () => {
  const bare: ActionsData = { type: 'actions', status: 'failure', jobs: [], steps: [{ name: 'Run tests', status: 'failure' }], failedSteps: [{ name: 'Run tests', status: 'failure' }], errors: [] };

  it('takes the errors and locations read from the failed step’s log', async () => {
    const reader = fakeReader({
      [`${origin}/acme/widgets/actions/runs/9001/job/4242`]: html(sampleJobPage),
      [`${origin}/acme/widgets/commit/${sha}/checks/4242/logs/5`]: plain(sampleStepLog),
    });
    const log = await readCheckLog(target(`${origin}/acme/widgets/actions/runs/9001/job/4242`, 'test (20.x)'), `${origin}/acme/widgets/actions/runs/9001/job/4242`, reader);
    const data = actionsWithLog(bare, log);
    expect(data.logRead).toEqual({ from: 'log' });
    expect(data.failedSteps).toEqual(bare.failedSteps);
    expect(data.errors[0]?.step).toBe('Run tests');
    expect(data.locations?.[0]).toMatchObject({ path: 'src/sync/client.ts', line: 56 });
  });

  it('says why when the log could not be read, and leaves a page that showed errors as it was', () => {
    const unread = { check: 'test', link: '/x', read: false, problem: 'the log answered 404 (not found, or not visible to this session)', fetched: [], failedSteps: [], errors: [], locations: [] };
    expect(actionsWithLog(bare, unread).logRead).toEqual({ from: 'none', problem: unread.problem });
    const shown = { ...bare, errors: [{ startLine: 1, lines: ['Error: x'], errorIndex: 0 }] };
    expect(actionsWithLog(shown, unread)).toBe(shown);
  });
});
