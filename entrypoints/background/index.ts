import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { isEnvelope, routeBackgroundMessage, type BackgroundHandlers } from '../../lib/messaging/background-router';
import { backgroundGuards } from '../../lib/messaging/guards';
import { sendToTab } from '../../lib/messaging/send';
import type { SenderInfo } from '../../lib/messaging/sender-role';
import { readSettings } from '../../lib/storage/settings';
import { acceptPanelPorts, isWatched, pushTabView } from './panel-ports';
import { forgetTab, getTabView, putTabView } from './tab-store';
import { buildTabView } from './tab-views';

export default defineBackground(() => {
  const self = { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };

  const handlers = {
    async 'content-ready'({ url }, { tabId }) {
      const settings = await readSettings();
      const host = new URL(url).host.toLowerCase();
      const ambient = settings.proactivity !== 'off' && [...settings.ambientHosts, ...settings.githubHosts].includes(host);
      return { capture: ambient || (tabId !== undefined && isWatched(tabId)), githubHosts: settings.githubHosts };
    },
    async 'context-update'({ context }, { tabId }) {
      if (tabId === undefined) return { accepted: false };
      const view = buildTabView(tabId, context);
      await putTabView(view);
      pushTabView(tabId, view);
      return { accepted: true };
    },
    'tab-view-get': ({ tabId }) => getTabView(tabId),
  } satisfies BackgroundHandlers;

  // Every listener is registered synchronously so a woken service worker sees the event that woke it.
  browser.runtime.onMessage.addListener((message, sender) => {
    // Not ours: leave it unanswered (undefined) rather than claiming it with a promise.
    if (!isEnvelope(message)) return undefined;
    return routeBackgroundMessage(message, sender as SenderInfo, self, handlers, backgroundGuards);
  });

  acceptPanelPorts(self.origin, {
    async onWatch(tabId) {
      const existing = await getTabView(tabId);
      if (existing) return existing;
      return captureNow(tabId);
    },
  });

  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

  async function captureNow(tabId: number) {
    try {
      const context = await sendToTab(tabId, 'context-capture', {});
      const view = buildTabView(tabId, context);
      await putTabView(view);
      return view;
    } catch (error) {
      // No content script in that tab (a browser page, the Web Store, or a tab opened before install).
      console.info(`Tandem: tab ${tabId} cannot be read:`, error);
      return null;
    }
  }

  if (browser.sidePanel) {
    browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch((error: unknown) => {
      console.error('Tandem: could not make the toolbar button open the side panel', error);
    });
  }
});
