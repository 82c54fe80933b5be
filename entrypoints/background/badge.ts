// The toolbar badge: how many cards Tandem has for the page in that tab.
import { browser } from 'wxt/browser';

export async function showSuggestionCount(tabId: number, count: number): Promise<void> {
  // Firefox's Manifest V2 build has the same toolbar button under its older name.
  const button = browser.action ?? browser.browserAction;
  try {
    await button.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
    if (count > 0) await button.setBadgeBackgroundColor({ tabId, color: '#0969da' });
  } catch (error) {
    // The tab closed between the capture and the badge update: nothing to show it on.
    console.debug('Tandem: badge not updated', error);
  }
}
