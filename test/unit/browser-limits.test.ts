// The settings page's "In this browser" notes: nothing in Chrome, what Firefox lacks in Firefox.
import { describe, expect, it } from 'vitest';
import { browserLimits } from '../../entrypoints/options/browser-limits';

describe('browserLimits', () => {
  it('has nothing to say where the side panel and storage access levels exist (Chrome, Edge, Brave)', () => {
    expect(browserLimits({ sidePanel: {}, storage: { local: { setAccessLevel: () => Promise.resolve() } } })).toEqual([]);
  });

  it('names the sidebar and the open storage where they are missing (Firefox)', () => {
    const limits = browserLimits({ storage: { local: {} } });
    expect(limits.map((limit) => limit.id)).toEqual(['no-side-panel', 'storage-open-to-content-scripts']);
    expect(limits[0]?.text).toContain('Alt+Shift+T');
    expect(limits[1]?.text).toContain('API key');
  });
});
