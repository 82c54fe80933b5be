// What the pr-checks skill runs in the sandbox (its card: ../pr-checks.ts), built into script text by
// scripts/build-sandbox-scripts.ts. It sees the prelude's globals (../../sandbox/prelude-globals.d.ts).
import type { CheckLog, PageData } from '../../context/types';
import { codeSpan, findingsMarkdown, locationText, summariseErrors } from '../log-findings';
import { checksNotReadNote } from '../pull-reading';

export function prChecks(page: PageData) {
  if (page.type !== 'pull') throw new Error('pr-checks needs a pull request page');
  if (!page.read.checks) {
    view.markdown(`**Checks not read.** ${checksNotReadNote(page)}`);
    return { checksRead: false, failing: [], passing: 0, pending: 0, other: 0, total: 0, logs: [] };
  }
  const failedStates = ['failure', 'cancelled'];
  const failing = page.checks
    .filter((check) => failedStates.includes(check.state))
    .map((check) => ({ name: check.name, state: check.state, link: check.link ?? null, description: check.description ?? null }));
  const passing = page.checks.filter((check) => check.state === 'success').length;
  const pending = page.checks.filter((check) => check.state === 'pending').length;
  const other = page.checks.length - failing.length - passing - pending;
  const summary = `${failing.length} failing, ${passing} passing, ${pending} pending` + (other > 0 ? `, ${other} other` : '');
  const logs = page.checkLogs ?? [];
  const lines = [page.checks.length === 0 ? 'No checks on this pull request.' : `**Checks:** ${summary}.`];
  // Checks whose log was read first: they say why; the others only what the page shows.
  const byLog = new Map(logs.map((log) => [log.check, log]));
  const ordered = [...failing.filter((check) => byLog.get(check.name)?.read), ...failing.filter((check) => !byLog.get(check.name)?.read)];
  for (const check of ordered) {
    const log = byLog.get(check.name);
    const plain = check.name.replace(/[\\*_`[\]<>#|~]/g, (character) => `\\${character}`);
    // A link the panel can open: an absolute one (the page's own, resolved when Tandem followed it).
    const href = [log?.fetched[0], check.link].find((link) => link && /^https?:\/\/[^\s()<>]+$/.test(link));
    const name = href ? `**[${plain}](${href})**` : `**${plain}**`;
    const shown = check.description ? ` The page says: ${codeSpan(check.description)}.` : '';
    lines.push('');
    if (log?.read) {
      // The job is named only when the check's name does not already end with it (`CI / test (20.x)`).
      lines.push(...findingsMarkdown(log, log.job && !check.name.endsWith(log.job) ? `${name} (job ${codeSpan(log.job)})` : name));
    } else if (log) {
      // The job page may have been read though its log was not: its failed step is still worth saying.
      const where = log.failedSteps[0] ? ` at step ${codeSpan(log.failedSteps[0])}` : '';
      lines.push(`${name} ${check.state === 'cancelled' ? 'was cancelled' : 'failed'}${where}; Tandem could not read its log: ${log.problem ?? 'no log was found'}.${shown}`);
    } else {
      lines.push(`${name} ${check.state === 'cancelled' ? 'was cancelled' : 'failed'}.${shown}`);
    }
  }
  if (logs.length === 0 && failing.some((check) => check.link)) lines.push('', 'Tandem did not open the checks’ logs for this answer; their links are on the page.');
  view.markdown(lines.join('\n'));
  return { checksRead: true, failing, passing, pending, other, total: page.checks.length, logs: logs.map(logSummary) };
}

function logSummary(log: CheckLog) {
  const first = summariseErrors(log.errors)[0];
  return {
    check: log.check,
    read: log.read,
    problem: log.problem ?? null,
    job: log.job ?? null,
    step: log.failedSteps[0] ?? null,
    error: first?.error ?? null,
    line: first?.line ?? null,
    locations: log.locations.filter((location) => location.own).map(locationText),
  };
}
