// Links in answers: a link on the page's own site opens like the page's links would; one that leaves it
// waits in pendingLink until the user has seen the whole address (components/link-preview.tsx).
import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { checkLink, pageTextOf, type LinkCheck } from '../../lib/actions/link-check';
import { runError, servedTabId, tabView } from './store';

export const pendingLink = signal<LinkCheck | null>(null);

export function requestLink(href: string): void {
  const view = tabView.value;
  const check = checkLink(href, view?.context.url ?? '', view ? pageTextOf(view.context) : '');
  if (!check) {
    runError.value = `Not a web address: ${href.slice(0, 200)}`;
    return;
  }
  if (check.sameSite) openLink(check.href);
  else pendingLink.value = check;
}

/** A new tab has no opener and sends no referrer, whatever the link asked for. */
export function openLink(href: string): void {
  pendingLink.value = null;
  const openerTabId = servedTabId.value ?? undefined;
  browser.tabs.create({ url: href, openerTabId }).catch((error: unknown) => {
    runError.value = `Could not open the link: ${error instanceof Error ? error.message : String(error)}`;
  });
}

export function cancelLink(): void {
  pendingLink.value = null;
}
