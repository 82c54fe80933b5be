// Tandem's settings: one typed item in the local area (the API key never syncs and is read only by the background).
import { storage } from 'wxt/utils/storage';

export type Proactivity = 'off' | 'suggest' | 'prefetch';

export interface ProviderSettings {
  baseUrl: string;
  apiKey: string;
  model: string;
  /** How long a started answer may pause before it counts as stalled; the agent loop's 30 s default when absent. */
  stallTimeoutMs?: number;
}

/**
 * Chrome's on-device model (the Prompt API) as the provider: 'undecided' until the user or Tandem picks,
 * 'chosen' when it answers (only while `provider` is null), 'declined' once the user picked otherwise.
 */
export type OnDeviceChoice = 'undecided' | 'chosen' | 'declined';

export interface Settings {
  provider: ProviderSettings | null;
  onDevice: OnDeviceChoice;
  proactivity: Proactivity;
  /** Hosts where Tandem captures without being asked; github.com plus GitHub Enterprise hosts. */
  ambientHosts: string[];
  /** Hosts served by GitHub Enterprise (besides github.com), read as GitHub pages. */
  githubHosts: string[];
  tokenBudget: number;
  inPageHelp: boolean;
  /**
   * Whether each capture leaves its timings on the page's performance timeline (for DevTools and
   * `npm run bench`). Off by default: the page can read its own timeline, and would learn Tandem read it.
   */
  captureTimings: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  provider: null,
  onDevice: 'undecided',
  proactivity: 'suggest',
  ambientHosts: ['github.com'],
  githubHosts: [],
  // Small on purpose: the full page data stays in the sandbox for scripts; the prompt carries an outline.
  tokenBudget: 1300,
  inPageHelp: true,
  captureTimings: false,
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export async function readSettings(): Promise<Settings> {
  const stored = await settingsItem.getValue();
  // Merge so settings saved by an older version gain new fields with their defaults.
  return { ...DEFAULT_SETTINGS, ...stored };
}

/** Which model answers questions: a server, the on-device model, or none (built-in skills only). */
export function modelSource(settings: Pick<Settings, 'provider' | 'onDevice'>): 'server' | 'on-device' | null {
  if (settings.provider) return 'server';
  return settings.onDevice === 'chosen' ? 'on-device' : null;
}

/**
 * The on-device model is what a new user gets: chosen without asking where no provider is set, the user has
 * not declined it, and it is ready (a model still to download waits for the user's click).
 */
export function choosesOnDeviceByDefault(settings: Pick<Settings, 'provider' | 'onDevice'>, availability: string): boolean {
  return settings.provider === null && settings.onDevice === 'undecided' && availability === 'available';
}

export { TOKEN_BUDGET_RANGE, normalizeHost, localEndpointOrigin, type HostCheck } from './settings-rules';
