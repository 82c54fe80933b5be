// The options form's working copy of the settings: what the user is editing before Save, how it maps
// to and from the stored Settings, and what is wrong with it.
import type { Proactivity, Settings } from '../../lib/storage/settings';
import { TOKEN_BUDGET_RANGE } from '../../lib/storage/settings-rules';
import { presetForBaseUrl, type PresetId } from './provider-presets';

export const GITHUB_HOST = 'github.com';

export interface SettingsDraft {
  /** null: no server provider (the on-device model, or built-in skills only). */
  preset: PresetId | null;
  /** Chrome's on-device model answers (then `preset` is null). */
  onDevice: boolean;
  baseUrl: string;
  apiKey: string;
  model: string;
  proactivity: Proactivity;
  /** Whether github.com itself is read as you browse. */
  githubAmbient: boolean;
  enterpriseHosts: string[];
  /** Kept as typed, so a half-typed number is not snapped back while the user types. */
  tokenBudget: string;
  inPageHelp: boolean;
  captureTimings: boolean;
}

export type DraftField = 'baseUrl' | 'apiKey' | 'model' | 'tokenBudget';
export type DraftErrors = Partial<Record<DraftField, string>>;

export function draftFromSettings(settings: Settings): SettingsDraft {
  const provider = settings.provider;
  return {
    preset: provider ? presetForBaseUrl(provider.baseUrl) : null,
    onDevice: provider === null && settings.onDevice === 'chosen',
    baseUrl: provider?.baseUrl ?? '',
    apiKey: provider?.apiKey ?? '',
    model: provider?.model ?? '',
    proactivity: settings.proactivity,
    githubAmbient: settings.ambientHosts.includes(GITHUB_HOST),
    enterpriseHosts: [...settings.githubHosts],
    tokenBudget: String(settings.tokenBudget),
    inPageHelp: settings.inPageHelp,
    captureTimings: settings.captureTimings,
  };
}

/**
 * The settings to store. `base` supplies what the form does not edit (ambient hosts that are not
 * GitHub, fields added by later versions), so saving never drops them.
 */
export function settingsFromDraft(draft: SettingsDraft, base: Settings): Settings {
  const otherAmbient = base.ambientHosts.filter((host) => host !== GITHUB_HOST && !base.githubHosts.includes(host));
  const enterprise = [...new Set(draft.enterpriseHosts)];
  return {
    ...base,
    // Leaving the on-device model for a server, or for none, declines it: it is not chosen again by default.
    onDevice: draft.onDevice ? 'chosen' : base.onDevice === 'chosen' ? 'declined' : base.onDevice,
    provider:
      draft.preset === null || draft.onDevice
        ? null
        : { baseUrl: draft.baseUrl.trim().replace(/\/+$/, ''), apiKey: draft.apiKey.trim(), model: draft.model.trim() },
    proactivity: draft.proactivity,
    ambientHosts: [...(draft.githubAmbient ? [GITHUB_HOST] : []), ...enterprise, ...otherAmbient.filter((host) => !enterprise.includes(host))],
    githubHosts: enterprise,
    tokenBudget: Number(draft.tokenBudget),
    inPageHelp: draft.inPageHelp,
    captureTimings: draft.captureTimings,
  };
}

export function baseUrlError(baseUrl: string): string | undefined {
  const trimmed = baseUrl.trim();
  if (trimmed === '') return 'Enter the server’s base URL, for example http://localhost:11434/v1.';
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch (error) {
    void error; // The message below says what a valid value looks like, which the parser's does not.
    return 'This is not a URL. It should look like https://api.example.com/v1.';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'The base URL must start with http:// or https://.';
  return undefined;
}

export function validateDraft(draft: SettingsDraft, needsKey: boolean): DraftErrors {
  const errors: DraftErrors = {};
  if (draft.preset !== null) {
    const urlProblem = baseUrlError(draft.baseUrl);
    if (urlProblem) errors.baseUrl = urlProblem;
    if (draft.model.trim() === '') errors.model = 'Enter the model to use (Load models lists what the server has).';
    if (needsKey && draft.apiKey.trim() === '') errors.apiKey = 'This provider needs an API key.';
  }
  const budget = Number(draft.tokenBudget);
  if (draft.tokenBudget.trim() === '' || !Number.isInteger(budget) || budget < TOKEN_BUDGET_RANGE.min || budget > TOKEN_BUDGET_RANGE.max) {
    errors.tokenBudget = `Enter a whole number from ${TOKEN_BUDGET_RANGE.min} to ${TOKEN_BUDGET_RANGE.max}.`;
  }
  return errors;
}

export function sameDraft(left: SettingsDraft, right: SettingsDraft): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}
