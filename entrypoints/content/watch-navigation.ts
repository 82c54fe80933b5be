// Calls back after SPA navigations (pushState, popstate, Turbo) and significant DOM changes, debounced.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { HELP_HOST_TAG } from './in-page-help/help-button';

const DEBOUNCE_MS = 400;
/** A page that never stops changing (a live log, a ticking dashboard) is still re-read this often. */
const MAX_WAIT_MS = 5_000;

export function watchNavigation(ctx: ContentScriptContext, onChange: () => void): void {
  let timer: number | undefined;
  let firstPending: number | undefined;
  let lastUrl = location.href;
  const fire = () => {
    timer = undefined;
    firstPending = undefined;
    onChange();
  };
  const schedule = () => {
    const now = Date.now();
    firstPending ??= now;
    if (timer !== undefined) clearTimeout(timer);
    const overdue = now - firstPending >= MAX_WAIT_MS;
    timer = ctx.setTimeout(fire, overdue ? 0 : DEBOUNCE_MS);
  };

  // WXT fires wxt:locationchange for pushState/replaceState/popstate navigations (it polls the URL).
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  ctx.addEventListener(document, 'turbo:load', schedule);

  // Large DOM swaps without a URL change (GitHub's tab panes, lazy diffs) also warrant a fresh look.
  const observer = new MutationObserver((records) => {
    let added = 0;
    // Tandem's own in-page buttons are not the page changing.
    for (const record of records) for (const node of Array.from(record.addedNodes)) if (node.nodeName.toLowerCase() !== HELP_HOST_TAG) added += 1;
    if (added >= 20 || location.href !== lastUrl) {
      lastUrl = location.href;
      schedule();
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
}
