// What the pr-checks skill runs in the sandbox (its card: ../pr-checks.ts), built into script text by
// scripts/build-sandbox-scripts.ts. It sees the prelude's globals (../../sandbox/prelude-globals.d.ts).
import type { PageData } from '../../context/types';
import { checksNotReadNote } from '../pull-reading';

export function prChecks(page: PageData) {
  if (page.type !== 'pull') throw new Error('pr-checks needs a pull request page');
  if (!page.read.checks) {
    view.markdown(`**Checks not read.** ${checksNotReadNote(page)}`);
    return { checksRead: false, failing: [], passing: 0, pending: 0, other: 0, total: 0 };
  }
  const failedStates = ['failure', 'cancelled'];
  const failing = page.checks
    .filter((check) => failedStates.includes(check.state))
    .map((check) => ({ name: check.name, state: check.state, link: check.link ?? null, description: check.description ?? null }));
  const passing = page.checks.filter((check) => check.state === 'success').length;
  const pending = page.checks.filter((check) => check.state === 'pending').length;
  const other = page.checks.length - failing.length - passing - pending;
  const summary = `${failing.length} failing, ${passing} passing, ${pending} pending` + (other > 0 ? `, ${other} other` : '');
  const lines = [page.checks.length === 0 ? 'No checks on this pull request.' : `**Checks:** ${summary}.`];
  for (const check of failing) {
    const name = check.link ? `[${check.name}](${check.link})` : check.name;
    lines.push(`- **${check.state === 'cancelled' ? 'Cancelled' : 'Failed'}:** ${name}` + (check.description ? ` — ${check.description}` : ''));
  }
  if (failing.some((check) => check.link)) lines.push('', 'Open a failing check’s details: on the job log, Tandem finds the first errors and the step they belong to.');
  view.markdown(lines.join('\n'));
  return { checksRead: true, failing, passing, pending, other, total: page.checks.length };
}
