// Before a skill that goes and looks runs (`reads: 'check-logs'`), the tab's content script follows links on
// the page's own origin and reads job logs: a pull request's failing checks (the skill sees them as
// `page.checkLogs`), or an Actions page's own failed job when the page showed no log lines. A tab that
// cannot answer gives a plain reason instead.
import { actionsWithLog } from '../../lib/capture/github/check-log-reader';
import type { ActionsData, CheckLog, PageContext } from '../../lib/context/types';
import { sendToTab } from '../../lib/messaging/send';
import { getSkill } from '../../lib/skills/index';

export async function contextForSkill(tabId: number, context: PageContext, skillId: string): Promise<PageContext> {
  const data = context.data;
  if (getSkill(skillId)?.reads !== 'check-logs') return context;
  if (data.type === 'actions') return { ...context, data: await actionsPageLog(tabId, context, data) };
  if (data.type !== 'pull') return context;
  const failing = data.checks.filter((check) => (check.state === 'failure' || check.state === 'cancelled') && check.link);
  if (failing.length === 0) return context;
  let checkLogs: CheckLog[];
  try {
    const reply = await sendToTab(tabId, 'check-logs-read', { checks: failing.map(({ name, state, link }) => ({ name, state, link })) });
    checkLogs = Array.isArray(reply?.logs) ? reply.logs.filter(isCheckLog) : [];
  } catch (error) {
    const problem = `the page did not answer (${error instanceof Error ? error.message : String(error)}); reloading it lets Tandem try again`;
    checkLogs = failing.map((check) => ({ check: check.name, link: check.link ?? '', read: false, problem, fetched: [], failedSteps: [], errors: [], locations: [] }));
  }
  return { ...context, data: { ...data, checkLogs } };
}

/** GitHub's job page lists the steps but loads their log with scripts: the failed step's log is read from its link. */
async function actionsPageLog(tabId: number, context: PageContext, data: ActionsData): Promise<ActionsData> {
  const failed = data.status === 'failure' || data.failedSteps.length > 0 || data.jobs.some((job) => job.status === 'failure');
  if (data.errors.length > 0 || !failed) return data;
  const name = String(context.facts['job'] ?? data.workflow ?? 'this job');
  try {
    const reply = await sendToTab(tabId, 'check-logs-read', { checks: [{ name, state: 'failure', link: context.url }] });
    const log = Array.isArray(reply?.logs) ? reply.logs.find(isCheckLog) : undefined;
    return log ? actionsWithLog(data, log) : data;
  } catch (error) {
    return { ...data, logRead: { from: 'none', problem: `the page did not answer (${error instanceof Error ? error.message : String(error)}); reloading it lets Tandem try again` } };
  }
}

/** The reply comes from our content script, but carries page text: only well-formed entries are used. */
function isCheckLog(value: unknown): value is CheckLog {
  if (typeof value !== 'object' || value === null) return false;
  const log = value as Record<string, unknown>;
  return typeof log.check === 'string' && typeof log.link === 'string' && typeof log.read === 'boolean'
    && Array.isArray(log.fetched) && Array.isArray(log.failedSteps) && Array.isArray(log.errors) && Array.isArray(log.locations);
}
