// What a pull request page shows of itself whatever Tandem manages to read: the Files tab's counter,
// the header's +/− totals, and whether the conversation's comment box is there.
import type { PullShown } from '../../context/types';
import { parseCount, textOf } from './text';

/** The conversation's "Comment" box (a `<label for>` names it, in GitHub's markup and the sample's). */
export const COMMENT_BOX_SELECTOR = 'textarea#new_comment_field';

export function readPullShown(document: Document): PullShown {
  const shown: PullShown = {};
  const files = readFilesCounter(document);
  if (files !== undefined) shown.files = files;
  const lines = readLineTotals(document);
  if (lines) {
    shown.additions = lines.additions;
    shown.deletions = lines.deletions;
  }
  return shown;
}

export function hasCommentBox(document: Document): boolean {
  return document.querySelector(COMMENT_BOX_SELECTOR) !== null;
}

function readFilesCounter(document: Document): number | undefined {
  const classic = document.getElementById('files_tab_counter');
  if (classic) return parseCount(textOf(classic));
  // The React header: a tab link (to `/changes` since 2025, `/files` before) whose text is "Files changed" followed by its counter.
  for (const link of Array.from(document.querySelectorAll('#prs-files-anchor-tab, a[href$="/files"], a[href$="/changes"]'))) {
    const counter = link.querySelector('.Counter, [class*="CounterLabel"]');
    if (counter && /Files changed/i.test(link.textContent ?? '')) return parseCount(textOf(counter));
  }
  return undefined;
}

function readLineTotals(document: Document): { additions: number; deletions: number } | undefined {
  // The React header says it in words for screen readers: "Lines changed: 1483 additions & 1 deletion".
  const wrapper = document.querySelector('[class*="diffStatesWrapper"]');
  const words = /Lines changed:\s*([\d,]+) additions? & ([\d,]+) deletions?/i.exec(wrapper?.textContent ?? '');
  if (words) return { additions: parseCount(words[1] ?? '') ?? 0, deletions: parseCount(words[2] ?? '') ?? 0 };
  const diffstat = document.getElementById('diffstat');
  if (!diffstat) return undefined;
  const added = diffstat.querySelector('.text-green, .color-fg-success');
  const removed = diffstat.querySelector('.text-red, .color-fg-danger');
  if (!added && !removed) return undefined;
  return { additions: parseCount(textOf(added)) ?? 0, deletions: parseCount(textOf(removed)) ?? 0 };
}
