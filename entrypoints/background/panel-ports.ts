// Open side panels, each watching one tab; the background pushes that tab's view whenever it changes.
import { browser, type Browser } from 'wxt/browser';
import type { Conversation } from '../../lib/conversation/types';
import type { BackgroundToPanel, PanelToBackground, TabView } from '../../lib/messaging/protocol';
import { PANEL_PORT } from '../../lib/messaging/protocol';
import { isRecord, isTabId } from '../../lib/messaging/guards';

type Port = Browser.runtime.Port;

const watchers = new Map<Port, number>();

export interface PanelPortHooks {
  /** Called when a panel starts watching a tab, to send it the current view (capturing if needed). */
  onWatch(tabId: number): Promise<TabView | null>;
  /** The conversation to show for the tab's page. */
  conversationFor(view: TabView): Promise<Conversation | null>;
}

export function acceptPanelPorts(extensionOrigin: string, hooks: PanelPortHooks): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PANEL_PORT) return;
    // Only our own pages may hold a panel port: a content script's port carries a tab and a page URL.
    if (!port.sender?.url?.startsWith(`${extensionOrigin}/`)) {
      port.disconnect();
      return;
    }
    port.onMessage.addListener((message: unknown) => {
      const typed = message as PanelToBackground;
      if (!isRecord(message) || typed.type !== 'tab-watch' || !isTabId(typed.tabId)) return;
      watchers.set(port, typed.tabId);
      void (async () => {
        const view = await hooks.onWatch(typed.tabId);
        post(port, { type: 'tab-view', tabId: typed.tabId, view });
        post(port, { type: 'conversation', tabId: typed.tabId, conversation: view ? await hooks.conversationFor(view) : null });
      })();
    });
    port.onDisconnect.addListener(() => watchers.delete(port));
  });
}

export function isWatched(tabId: number): boolean {
  for (const watched of watchers.values()) if (watched === tabId) return true;
  return false;
}

export function pushTabView(tabId: number, view: TabView | null): void {
  for (const [port, watched] of watchers) {
    if (watched === tabId) post(port, { type: 'tab-view', tabId, view });
  }
}

function post(port: Port, message: BackgroundToPanel): void {
  try {
    port.postMessage(message);
  } catch {
    // The panel closed between our check and the post; its disconnect handler cleans up.
    watchers.delete(port);
  }
}
