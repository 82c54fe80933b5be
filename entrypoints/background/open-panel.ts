// Opens Tandem's panel for a tab from an in-page click: the side panel where the browser allows it, else
// the same panel page in a small window of its own bound to the tab.
import { browser } from 'wxt/browser';

export type OpenedAs = 'side-panel' | 'window';

/**
 * Must be called synchronously in the message handler of the click: Chrome (116+) carries a content script's
 * user gesture into the background's handler, and `sidePanel.open()` is refused once an await has passed.
 * Firefox's sidebar cannot be opened from a message handler at all, so it gets the window.
 */
/** Firefox's panel is its sidebar, which the toolbar button shows only when told to (Chrome: setPanelBehavior). */
export function toggleSidebarOnToolbarClick(): void {
  const sidebar = (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction;
  if (!sidebar || !browser.browserAction) return;
  // toggle() must run within the click's handler, before any await, or Firefox refuses it.
  browser.browserAction.onClicked.addListener(() => {
    sidebar.toggle().catch((error: unknown) => console.error('Tandem: could not open the sidebar', error));
  });
}

export function openPanelFor(tabId: number): Promise<OpenedAs> {
  if (!browser.sidePanel?.open) return openPanelWindow(tabId);
  return browser.sidePanel.open({ tabId }).then(
    () => 'side-panel' as const,
    (error: unknown) => {
      console.info('Tandem: side panel not available here, opening the panel in a window', error);
      return openPanelWindow(tabId);
    },
  );
}

async function openPanelWindow(tabId: number): Promise<OpenedAs> {
  const url = `${browser.runtime.getURL('/sidepanel.html')}?tabId=${tabId}`;
  await browser.windows.create({ url, type: 'popup', width: 420, height: 760 });
  return 'window';
}
