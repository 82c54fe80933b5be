// Giving the page a turn during long capture work, so a huge page stays responsive while it is read.

/** Work on the page's main thread past which capture gives the page a turn before its next stage. */
export const LONG_STAGE_MS = 50;

/**
 * A function to call between pieces of work: it yields through `yieldToPage` once `afterMs` have gone by
 * since the last turn, and otherwise returns at once. Time spent awaiting (a fetch) counts too: after such
 * a wait the page has had its turns, and one more costs it a task hop. Without `yieldToPage` (the CLI,
 * tests) it never yields.
 */
export function turnTaker(yieldToPage: (() => Promise<void>) | undefined, afterMs: number): () => Promise<void> {
  let lastTurn = performance.now();
  return async () => {
    if (!yieldToPage || performance.now() - lastTurn < afterMs) return;
    await yieldToPage();
    lastTurn = performance.now();
  };
}
