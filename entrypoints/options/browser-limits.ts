// What Tandem cannot do in this browser that it does in Chrome, found from the extension APIs present,
// so the settings page says it instead of leaving a feature to fail quietly (Firefox is the case today).
export type BrowserLimitId = 'no-side-panel' | 'storage-open-to-content-scripts';

export interface BrowserLimit {
  id: BrowserLimitId;
  text: string;
}

/** The parts of the extension API whose absence is a limit; the real `chrome` object in the page. */
export interface LimitProbe {
  sidePanel?: unknown;
  storage?: { local?: { setAccessLevel?: unknown } };
}

export function browserLimits(probe: LimitProbe): BrowserLimit[] {
  const limits: BrowserLimit[] = [];
  if (!probe.sidePanel) {
    limits.push({
      id: 'no-side-panel',
      text: 'Tandem’s panel is this browser’s sidebar: open it with the toolbar button or Alt+Shift+T. The Explain buttons inside pages open the panel in a small window instead, because only the browser’s own controls may open its sidebar.',
    });
  }
  if (typeof probe.storage?.local?.setAccessLevel !== 'function') {
    limits.push({
      id: 'storage-open-to-content-scripts',
      text: 'This browser cannot close extension storage to content scripts, so your API key is not walled off from Tandem’s own in-page script as it is in Chrome. Web pages still cannot read it.',
    });
  }
  return limits;
}

export function currentBrowserLimits(): BrowserLimit[] {
  // The raw `chrome` object, not the polyfill: setAccessLevel is a Chrome-only method the polyfill does not map.
  return browserLimits((globalThis as { chrome?: LimitProbe }).chrome ?? {});
}
