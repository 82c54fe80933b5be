// What the pull-request skills say about the parts of a pull request Tandem could not read. Pure: the
// skills' scripts import it, and the build bundles it into them. A part not read is unknown, so the
// skills say so and use what the page's header shows instead of concluding from empty lists.
import type { PullData } from '../context/types';

/** "1,483": grouped by hand, because the sandbox has no Intl. */
export function groupDigits(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "6 files, +1,483 −1" from the header, or undefined when the header showed nothing. */
export function shownTotals(page: PullData): string | undefined {
  const { files, additions, deletions } = page.shown;
  const parts: string[] = [];
  if (files !== undefined) parts.push(`${groupDigits(files)} file${files === 1 ? '' : 's'}`);
  if (additions !== undefined || deletions !== undefined) parts.push(`+${groupDigits(additions ?? 0)} −${groupDigits(deletions ?? 0)}`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** One sentence for the diff when it was not read, naming what the header shows. */
export function diffNotReadNote(page: PullData): string {
  const totals = shownTotals(page);
  const where = page.tab === 'files' ? 'reload the Files changed tab' : 'open the Files changed tab';
  return `Tandem could not read the diff on this page${totals ? ` (the page shows ${totals})` : ''}, so nothing here judges the changed code; ${where} to let Tandem read it.`;
}

export function checksNotReadNote(page: PullData): string {
  return page.tab === 'files'
    ? 'The checks are not shown on the Files changed tab, so Tandem did not read them; the Conversation or Checks tab lists them.'
    : 'Tandem could not read the checks on this page (the merge box may not have loaded), so nothing here says whether they pass.';
}

export function threadsNotReadNote(): string {
  return 'The review threads were not read on this page; the Conversation tab shows them.';
}

/** The notes for every part not read, in the order diff, checks, threads. */
export function notReadNotes(page: PullData): string[] {
  const notes: string[] = [];
  if (!page.read.diff) notes.push(diffNotReadNote(page));
  if (!page.read.checks) notes.push(checksNotReadNote(page));
  if (!page.read.threads) notes.push(threadsNotReadNote());
  return notes;
}
