// Where a button goes relative to the element it helps with, in viewport pixels. Pure arithmetic.

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Room kept between the button and its neighbours, as GitHub spaces controls in a row (Primer's 8px). */
export const GAP = 8;

/**
 * A spot inside the anchor's row that covers none of its content (`occupied`: boxes of what the row shows),
 * vertically centred. Preferred: just left of `before` (a Details link, a file's actions); then just after the
 * row's last content; then any free gap; and only when the row is full, over its right edge.
 */
export function besideAnchor(anchor: Box, before: Box | null, button: Size, occupied: Box[] = []): { left: number; top: number } {
  const top = Math.round(anchor.top + (anchor.bottom - anchor.top - button.height) / 2);
  const band = { top, bottom: top + button.height };
  const spans = occupied
    .filter((box) => box.bottom > band.top && box.top < band.bottom && box.right > box.left)
    .map((box) => ({ left: Math.max(box.left, anchor.left), right: Math.min(box.right, anchor.right) }))
    .sort((a, b) => a.left - b.left);
  const gaps: { left: number; right: number }[] = [];
  let cursor = anchor.left;
  for (const span of spans) {
    if (span.left > cursor) gaps.push({ left: cursor, right: span.left });
    cursor = Math.max(cursor, span.right);
  }
  gaps.push({ left: cursor, right: anchor.right });
  const needed = button.width + 2 * GAP;
  const fitting = gaps.filter((gap) => gap.right - gap.left >= needed);
  const trailing = gaps.at(-1)!;

  const beforeGap = before ? fitting.find((gap) => Math.abs(gap.right - before.left) < 1) : undefined;
  if (beforeGap) return { left: Math.round(beforeGap.right - GAP - button.width), top };
  if (fitting.includes(trailing)) {
    // Next to the content it belongs with when there is a reference element; else at the row's end, as GitHub aligns controls.
    return { left: Math.round(before ? trailing.left + GAP : trailing.right - GAP - button.width), top };
  }
  const last = fitting.at(-1);
  if (last) return { left: Math.round(last.right - GAP - button.width), top };
  return { left: Math.round(Math.max(anchor.left + GAP, anchor.right - GAP - button.width)), top };
}

/** Just below the end of a selection, kept inside the viewport horizontally. */
export function belowSelection(end: Box, button: Size, viewportWidth: number): { left: number; top: number } {
  const left = Math.min(Math.max(GAP, end.right - button.width), viewportWidth - button.width - GAP);
  return { left: Math.round(left), top: Math.round(end.bottom + 4) };
}
