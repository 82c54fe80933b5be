// Before a skill that goes and looks runs (pr-checks: `reads: 'check-logs'`), the tab's content script follows
// the failing checks' links on the page's own origin and reads their logs; the skill then sees them as
// `page.checkLogs`. A tab that cannot answer gives each check a plain reason instead.
import type { CheckLog, PageContext } from '../../lib/context/types';
import { sendToTab } from '../../lib/messaging/send';
import { getSkill } from '../../lib/skills/index';

export async function contextForSkill(tabId: number, context: PageContext, skillId: string): Promise<PageContext> {
  const data = context.data;
  if (getSkill(skillId)?.reads !== 'check-logs' || data.type !== 'pull') return context;
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

/** The reply comes from our content script, but carries page text: only well-formed entries are used. */
function isCheckLog(value: unknown): value is CheckLog {
  if (typeof value !== 'object' || value === null) return false;
  const log = value as Record<string, unknown>;
  return typeof log.check === 'string' && typeof log.link === 'string' && typeof log.read === 'boolean'
    && Array.isArray(log.fetched) && Array.isArray(log.failedSteps) && Array.isArray(log.errors) && Array.isArray(log.locations);
}
