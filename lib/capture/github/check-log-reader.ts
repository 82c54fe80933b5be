// Goes and looks, as a teammate would: from a failing check's link to its job page, and from there to the
// failed step's log, reading the first errors and the files and lines they point to. Pure: the caller
// brings the fetch (the content script's, same origin only) and the HTML parser.
import type { ActionsData, ActionsStep, CheckLog } from '../../context/types';
import { actionsAdapter, readLogLines } from './actions';
import { sameOriginActionsUrl, type CheckLogTarget } from './check-links';
import { findErrorExcerpts, type LogLine } from './log-errors';
import { findLocations } from './log-locations';
import { readLogText } from './log-text';

/** A page or log as fetched: always from the page's own origin (sameOriginActionsUrl), never redirected. */
export interface FetchedText {
  status: number;
  contentType: string;
  text: string;
}

/** A fetch that could not give a text at all; its message says why, in words for the answer. */
export class CheckLogFetchError extends Error {
  override name = 'CheckLogFetchError';
}

export interface CheckLogReader {
  /** Throws CheckLogFetchError for what is not an answer (a redirect, a size over the cap, the network). */
  fetchText(url: string, what: 'page' | 'log'): Promise<FetchedText>;
  parseHtml(html: string, url: string): Document;
}

/** At most this many failed steps' logs are fetched for one check. */
const MAX_STEP_LOGS = 2;

class NotRead extends Error {}

export async function readCheckLog(target: CheckLogTarget, pageUrl: string, reader: CheckLogReader): Promise<CheckLog> {
  const log: CheckLog = { check: target.check, link: target.link, read: false, fetched: [], failedSteps: [], errors: [], locations: [] };
  try {
    let { document, url } = await openPage(target.url, reader, log);
    let data = await readActions(document, url);
    // A run page lists jobs, not steps: the failed job is where the log is.
    const failedJob = data.steps.length === 0 ? data.jobs.find((job) => job.status === 'failure' && job.link) : undefined;
    if (failedJob?.link) {
      ({ document, url } = await openPage(followable(failedJob.link, pageUrl), reader, log));
      data = await readActions(document, url);
    }
    const job = jobNameOf(document, data, url);
    if (job) log.job = job;
    log.failedSteps = data.failedSteps.map((step) => step.name);
    const onPage = readLogLines(document, []);
    const lines = onPage.some((line) => line.step && log.failedSteps.includes(line.step)) ? { lines: onPage, steps: log.failedSteps } : await readLogs(document, pageUrl, reader, log);
    if (lines.lines.length === 0) {
      throw new NotRead(log.failedSteps.length > 0
        ? 'the job page lists its steps but not their log, and links to no log on this site that Tandem could read'
        : 'the page it links to shows no job steps or log');
    }
    log.read = true;
    log.errors = findErrorExcerpts(lines.lines, { failedSteps: lines.steps });
    log.locations = findLocations(lines.lines, lines.steps);
  } catch (error) {
    if (!(error instanceof NotRead || error instanceof CheckLogFetchError)) throw error;
    log.problem = error.message;
  }
  return log;
}

function followable(link: string, pageUrl: string): string {
  const verdict = sameOriginActionsUrl(link, pageUrl);
  if ('reason' in verdict) throw new NotRead(`the job's link was not followed: ${verdict.reason}`);
  return verdict.url;
}

async function openPage(url: string, reader: CheckLogReader, log: CheckLog): Promise<{ document: Document; url: string }> {
  const fetched = await fetchChecked(url, 'page', reader, log);
  if (!/html/i.test(fetched.contentType)) throw new NotRead(`the job page came back as ${fetched.contentType || 'an unknown type'}, not a web page`);
  const document = reader.parseHtml(fetched.text, url);
  if (isSignInPage(document)) throw new NotRead('GitHub showed a sign-in page instead of the job (this session may not see it)');
  return { document, url };
}

async function fetchChecked(url: string, what: 'page' | 'log', reader: CheckLogReader, log: CheckLog): Promise<FetchedText> {
  log.fetched.push(url);
  const fetched = await reader.fetchText(url, what);
  if (fetched.status === 404) throw new NotRead(`the ${what === 'page' ? 'job page' : 'log'} answered 404 (not found, or not visible to this session)`);
  if (fetched.status === 401 || fetched.status === 403) throw new NotRead(`the ${what === 'page' ? 'job page' : 'log'} answered ${fetched.status} (this session may not see it)`);
  if (fetched.status < 200 || fetched.status > 299) throw new NotRead(`the ${what === 'page' ? 'job page' : 'log'} answered HTTP ${fetched.status}`);
  return fetched;
}

function isSignInPage(document: Document): boolean {
  return document.querySelector('form[action$="/session"], form[action$="/login"], input[name="login"][type="text"], input#login_field') !== null
    || /^sign in\b/i.test(document.title.trim());
}

async function readActions(document: Document, url: string): Promise<ActionsData> {
  const output = await actionsAdapter.capture(document, new URL(url), 'github.actions', { githubHosts: [] });
  return output.data as ActionsData;
}

function jobNameOf(document: Document, data: ActionsData, url: string): string | undefined {
  const jobId = /\/job\/(\d+)/.exec(url)?.[1];
  const listed = jobId ? data.jobs.find((job) => job.link?.includes(`/job/${jobId}`))?.name : undefined;
  if (listed) return listed;
  return data.failedSteps[0]?.job ?? (document.querySelector('[data-testid="job-name"], .CheckRun-header h2, check-steps-header h2')?.textContent?.trim() || undefined);
}

/**
 * The failed steps' own logs (each `check-step` names its log in `data-log-url`), else the job's whole raw
 * log: the job page GitHub serves has no log lines in it, its scripts load them.
 */
async function readLogs(document: Document, pageUrl: string, reader: CheckLogReader, log: CheckLog): Promise<{ lines: LogLine[]; steps: string[] }> {
  const failedStepElements = Array.from(document.querySelectorAll('check-step[data-log-url]'))
    .filter((element) => /fail/i.test(element.getAttribute('data-conclusion') ?? ''))
    .slice(0, MAX_STEP_LOGS);
  const lines: LogLine[] = [];
  const problems: string[] = [];
  for (const element of failedStepElements) {
    const step = element.getAttribute('data-name') ?? element.querySelector('.CheckStep-header-title')?.textContent?.trim() ?? 'Failed step';
    try {
      const url = followable(element.getAttribute('data-log-url') ?? '', pageUrl);
      const stepLines = await fetchLogLines(url, step, reader, log);
      // Numbered within the step, as the job page numbers a step's lines.
      lines.push(...stepLines);
    } catch (error) {
      if (!(error instanceof NotRead || error instanceof CheckLogFetchError)) throw error;
      problems.push(error.message);
    }
  }
  if (lines.length > 0) return { lines, steps: log.failedSteps };
  const rawLink = Array.from(document.querySelectorAll('a[href]')).map((anchor) => anchor.getAttribute('href') ?? '').find((href) => /\/checks\/\d+\/logs\/?$/.test(href));
  if (rawLink) {
    const url = followable(rawLink, pageUrl);
    const fetched = await fetchChecked(url, 'log', reader, log);
    const text = readLogText(fetched.text);
    // The raw log names steps by their command (`Run npm test`), not as the page does: the steps that logged
    // `##[error]` failed, and the job stopped at the last one (earlier ones were allowed to fail).
    const steps = [...text.erroredSteps].reverse();
    if (log.failedSteps.length === 0) log.failedSteps = steps;
    return { lines: text.lines, steps };
  }
  if (problems.length > 0) throw new NotRead(problems[0] ?? 'the log could not be read');
  return { lines: [], steps: [] };
}

async function fetchLogLines(url: string, step: string, reader: CheckLogReader, log: CheckLog): Promise<LogLine[]> {
  const fetched = await fetchChecked(url, 'log', reader, log);
  if (/html/i.test(fetched.contentType)) {
    const document = reader.parseHtml(fetched.text, url);
    if (isSignInPage(document)) throw new NotRead('GitHub showed a sign-in page instead of the log');
    return readLogLines(document, []).map((line) => ({ ...line, step }));
  }
  return readLogText(fetched.text, step).lines;
}

/**
 * An Actions page whose log lines were not on the page, with what Tandem read by following the page's own
 * link (the job's failed step log); unchanged when the page showed errors already.
 */
export function actionsWithLog(data: ActionsData, log: CheckLog): ActionsData {
  if (data.errors.length > 0) return data;
  if (!log.read) return { ...data, logRead: { from: 'none', problem: log.problem ?? 'no log was found' } };
  const failedSteps: ActionsStep[] = data.failedSteps.length > 0 ? data.failedSteps : log.failedSteps.map((name) => ({ name, status: 'failure', ...(log.job ? { job: log.job } : {}) }));
  return { ...data, failedSteps, errors: log.errors, locations: log.locations, logRead: { from: 'log' } };
}
