// What the review-draft skill runs in the sandbox (its card: ../review-draft.ts), built into script text by
// scripts/build-sandbox-scripts.ts. It sees the prelude's globals (../../sandbox/prelude-globals.d.ts).
import type { PageData } from '../../context/types';
import { notReadNotes } from '../pull-reading';
import { reviewComment } from '../review-comment';

export function reviewDraft(page: PageData) {
  if (page.type !== 'pull') throw new Error('review-draft needs a pull request page');
  const { text, points } = reviewComment(page);
  const notes = notReadNotes(page);
  // The notes are for the reader of the panel, not part of the comment that may be filled into the page.
  view.markdown(notes.length > 0 ? `${notes.map((note) => `> ${note}`).join('\n>\n')}\n\n${text}` : text);
  return { text, points, read: page.read };
}
