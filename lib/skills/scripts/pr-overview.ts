// What the pr-overview skill runs in the sandbox (its card: ../pr-overview.ts, "Walk me through this PR"),
// built into script text by scripts/build-sandbox-scripts.ts. It sees the prelude's globals (../../sandbox/prelude-globals.d.ts).
import type { PageData } from '../../context/types';
import { diffNotReadNote, groupDigits } from '../pull-reading';
import { readingOrder, readingOrderMarkdown } from '../reading-order';

export function prOverview(page: PageData) {
  if (page.type !== 'pull') throw new Error('pr-overview needs a pull request page');
  if (!page.read.diff) {
    view.markdown(`**The diff was not read.** ${diffNotReadNote(page)}`);
    return { diffRead: false, shown: page.shown };
  }
  const groups = readingOrder(page.files);
  const additions = page.files.reduce((total, file) => total + file.additions, 0);
  const deletions = page.files.reduce((total, file) => total + file.deletions, 0);
  const count = page.files.length;
  view.markdown(`**Read in this order** (${count} file${count === 1 ? '' : 's'}, +${groupDigits(additions)} −${groupDigits(deletions)}):\n\n${readingOrderMarkdown(groups)}`);
  return { diffRead: true, groups: groups.map(({ role, files, why }) => ({ role, files, why })) };
}
