// What the review-draft skill runs in the sandbox (its card: ../review-draft.ts), built into script text by
// scripts/build-sandbox-scripts.ts. It sees the prelude's globals (../../sandbox/prelude-globals.d.ts).
import type { PageData } from '../../context/types';
import { rankFileRisks } from '../file-risk';
import { notReadNotes, shownTotals } from '../pull-reading';

export function reviewDraft(page: PageData) {
  if (page.type !== 'pull') throw new Error('review-draft needs a pull request page');
  const risks = page.read.diff ? rankFileRisks(page.files).slice(0, 8) : [];
  const failing = page.checks.filter((check) => check.state === 'failure' || check.state === 'cancelled');
  const lines: string[] = [];
  if (!page.read.diff) {
    // Nothing read is not nothing found: the draft makes no claim about code it has not seen.
    const totals = shownTotals(page);
    lines.push(`Thanks for the change! I have not been through the diff${totals ? ` (${totals})` : ''} yet; comments on the code to follow.`);
    if (failing.length > 0) lines.push('', `- Failing checks: ${failing.map((check) => check.name).join(', ')}`);
  } else if (risks.length === 0 && failing.length === 0) {
    lines.push(page.read.checks
      ? 'Thanks! I found nothing that stands out as risky in this change set.'
      : 'Thanks! Nothing in the changed files stands out as risky; I have not seen the checks yet.');
  } else {
    lines.push('Thanks for the change! A few things worth a closer look before merging:', '');
    for (const risk of risks) lines.push(`- \`${risk.path}\`: ${risk.reasons.join(', ')}`);
    if (failing.length > 0) lines.push(`- Failing checks: ${failing.map((check) => check.name).join(', ')}`);
    const untested = risks.filter((risk) => risk.reasons.some((reason) => reason.includes('without a matching test')));
    if (untested.length > 0) lines.push('', `Could you add or update tests for ${untested.length === 1 ? 'this file' : 'these files'}?`);
  }
  const text = lines.join('\n');
  const notes = notReadNotes(page);
  // The notes are for the reader of the panel, not part of the comment that may be filled into the page.
  view.markdown(notes.length > 0 ? `${notes.map((note) => `> ${note}`).join('\n>\n')}\n\n${text}` : text);
  return { text, risks, read: page.read };
}
