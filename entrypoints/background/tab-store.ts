// The latest capture per tab. Kept in session storage too, because the service worker can die at any time.
import { browser } from 'wxt/browser';
import type { TabView } from '../../lib/messaging/protocol';

const memory = new Map<number, TabView>();
const key = (tabId: number) => `tab-view:${tabId}`;

export async function getTabView(tabId: number): Promise<TabView | null> {
  const cached = memory.get(tabId);
  if (cached) return cached;
  const stored = await browser.storage.session.get(key(tabId));
  const view = (stored[key(tabId)] as TabView | undefined) ?? null;
  if (view) memory.set(tabId, view);
  return view;
}

/** Makes the view the tab's current one at once; putTabView then stores it for a restarted worker. */
export function rememberTabView(view: TabView): void {
  memory.set(view.tabId, view);
}

/**
 * Stores the tab's current view for a restarted worker. A view that is no longer current (the tab moved
 * on, or a newer capture came while this one waited) is not stored: it would bring the old page back.
 */
export async function putTabView(view: TabView): Promise<void> {
  if (memory.get(view.tabId) !== view) return;
  await browser.storage.session.set({ [key(view.tabId)]: view });
}

export async function forgetTab(tabId: number): Promise<void> {
  memory.delete(tabId);
  await browser.storage.session.remove(key(tabId));
}
