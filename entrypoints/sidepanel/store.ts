// The panel's state as signals, fed by the background over one long-lived port.
import { signal } from '@preact/signals';
import { browser, type Browser } from 'wxt/browser';
import type { BackgroundToPanel, PanelToBackground, TabView } from '../../lib/messaging/protocol';
import { PANEL_PORT } from '../../lib/messaging/protocol';
import { followServedTab } from './tab-binding';

export const servedTabId = signal<number | null>(null);
export const tabView = signal<TabView | null>(null);
export const connection = signal<'connecting' | 'ready' | 'unreadable'>('connecting');

let port: Browser.runtime.Port | null = null;

function connect(): Browser.runtime.Port {
  const opened = browser.runtime.connect({ name: PANEL_PORT });
  opened.onMessage.addListener((message: unknown) => {
    const typed = message as BackgroundToPanel;
    if (typed.type === 'tab-view' && typed.tabId === servedTabId.value) {
      tabView.value = typed.view;
      connection.value = typed.view ? 'ready' : 'unreadable';
    }
  });
  // The service worker may be stopped at any time; reconnect and re-watch the served tab.
  opened.onDisconnect.addListener(() => {
    port = null;
    setTimeout(() => {
      port = connect();
      if (servedTabId.value !== null) watch(servedTabId.value);
    }, 100);
  });
  return opened;
}

function watch(tabId: number): void {
  port ??= connect();
  const message: PanelToBackground = { type: 'tab-watch', tabId };
  port.postMessage(message);
}

export function startPanelStore(): void {
  port = connect();
  void followServedTab((tabId, reason) => {
    if (reason !== 'navigate') {
      servedTabId.value = tabId;
      tabView.value = null;
      connection.value = 'connecting';
    }
    watch(tabId);
  });
}
