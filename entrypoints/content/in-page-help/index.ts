// Contextual help inside GitHub's pages: "Explain" beside a failing check, "Ask Tandem" on a diff file header,
// "Explain selection" under selected code. Each click opens the side panel on the matching card or question.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { HelpRequest } from '../../../lib/in-page-help/types';
import { sendToBackground } from '../../../lib/messaging/send';
import { createAnchoredButtons, isOwnMutation } from './anchored-buttons';
import { createSelectionButton } from './selection-button';

/** Long enough to let a React re-render or a lazy diff finish, short enough to feel immediate. */
const REFRESH_DELAY_MS = 150;

export interface InPageHelp {
  /** Turns the buttons on or off (the inPageHelp setting, as the background reports it for this page). */
  setEnabled(enabled: boolean): void;
}

export function startInPageHelp(ctx: ContentScriptContext): InPageHelp {
  let session: AbortController | null = null;

  function request(help: HelpRequest, button: HTMLButtonElement): void {
    button.setAttribute('aria-busy', 'true');
    // Sent from inside the click handler: Chrome lets the background open the side panel only on a user gesture.
    sendToBackground('help-open', { request: help })
      .catch((error: unknown) => {
        button.title = `Tandem could not open: ${error instanceof Error ? error.message : String(error)}`;
        console.warn('Tandem: in-page help could not open the panel', error);
      })
      .finally(() => button.removeAttribute('aria-busy'));
  }

  function enable(): AbortController {
    const controller = new AbortController();
    const { signal } = controller;
    const anchored = createAnchoredButtons(document, request);
    const selection = createSelectionButton(document, request);

    let timer: number | undefined;
    const schedule = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = ctx.setTimeout(() => {
        timer = undefined;
        if (!signal.aborted) anchored.refresh();
      }, REFRESH_DELAY_MS);
    };
    const observer = new MutationObserver((records) => {
      if (!records.every(isOwnMutation)) schedule();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    window.addEventListener('wxt:locationchange', schedule, { signal });
    document.addEventListener('turbo:load', schedule, { signal });
    window.addEventListener('resize', () => anchored.reposition(), { signal, passive: true });

    // The selection button follows the pointer's release and keyboard selection, never a drag in progress.
    const checkSelection = () => ctx.setTimeout(() => !signal.aborted && selection.update(), 0);
    document.addEventListener('mouseup', checkSelection, { signal });
    document.addEventListener('keyup', (event) => event.shiftKey && checkSelection(), { signal });
    document.addEventListener('selectionchange', () => document.getSelection()?.isCollapsed && selection.hide(), { signal });

    signal.addEventListener('abort', () => {
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
      anchored.removeAll();
      selection.hide();
    });
    anchored.refresh();
    return controller;
  }

  function disable(): void {
    session?.abort();
    session = null;
  }

  ctx.onInvalidated(disable);
  return {
    setEnabled(enabled) {
      if (ctx.isInvalid) return;
      if (enabled && !session) session = enable();
      if (!enabled) disable();
    },
  };
}
