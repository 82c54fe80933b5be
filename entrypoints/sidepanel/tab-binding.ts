// Which tab the panel serves: the tab named in ?tabId= (a panel opened for one tab), else the active tab of
// ?windowId= (a panel opened in a window of its own for another window), else the active tab of its own window.
import { browser } from 'wxt/browser';

export function boundTabIdFromUrl(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

/** Calls back with the served tab now and whenever the user switches tabs or the served tab navigates. */
function windowIdFromUrl(search: string): number | null {
  const raw = new URLSearchParams(search).get('windowId');
  return raw !== null && /^\d+$/.test(raw) ? Number(raw) : null;
}

export async function followServedTab(onTab: (tabId: number, reason: 'initial' | 'switch' | 'navigate') => void): Promise<void> {
  const bound = boundTabIdFromUrl(location.search);
  const windowId = windowIdFromUrl(location.search) ?? (await browser.windows.getCurrent()).id;
  let served = bound;
  if (served === null) {
    const [active] = await browser.tabs.query({ active: true, windowId });
    if (active?.id !== undefined) served = active.id;
  }
  if (served !== null) onTab(served, 'initial');

  if (bound === null) {
    const followedWindow = windowId;
    browser.tabs.onActivated.addListener(({ tabId, windowId }) => {
      if (windowId !== followedWindow) return;
      served = tabId;
      onTab(tabId, 'switch');
    });
  }
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (tabId === served && change.status === 'complete') onTab(tabId, 'navigate');
  });
}
