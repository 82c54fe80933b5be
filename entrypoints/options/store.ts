// The options page's state as signals, and the only place it touches extension APIs: storage,
// host permissions, and the background's connection test.
import { computed, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { sendToBackground } from '../../lib/messaging/send';
import { DEFAULT_SETTINGS, localEndpointOrigin, normalizeHost, readSettings, settingsItem, type Settings } from '../../lib/storage/settings';
import { MUTE_AFTER_DISMISSALS, type FeedbackLog } from '../../lib/suggest/types';
import { presetById, type PresetId } from '../../components/settings/provider-presets';
import {
  draftFromSettings,
  GITHUB_HOST,
  sameDraft,
  settingsFromDraft,
  validateDraft,
  type SettingsDraft,
} from '../../components/settings/settings-draft';
import type { ConnectionState, HostAccess, HostNotice, SaveState } from '../../components/settings/view-state';
import { checkOnDevice } from '../sidepanel/on-device';

/** Where the panel's suggestion feedback (accepts and dismissals per page kind and rule) is kept. */
const FEEDBACK_KEY = 'local:suggestion-feedback';

export const saved = signal<Settings | null>(null);
export const draft = signal<SettingsDraft | null>(null);
export const saveState = signal<SaveState>({ state: 'idle' });
export const connection = signal<ConnectionState>({ state: 'idle' });
export const models = signal<string[]>([]);
export const hostAccess = signal<Record<string, HostAccess>>({});
export const hostNotice = signal<HostNotice | null>(null);
export const feedbackMessage = signal<string | null>(null);

export const needsKey = computed(() => (draft.value?.preset ? presetById(draft.value.preset).needsKey : false));
export const errors = computed(() => (draft.value ? validateDraft(draft.value, needsKey.value) : {}));
export const dirty = computed(() => {
  if (!saved.value || !draft.value) return false;
  return !sameDraft(draft.value, draftFromSettings(saved.value));
});
export const canSave = computed(() => dirty.value && Object.keys(errors.value).length === 0 && saveState.value.state !== 'saving');

export async function startOptionsStore(): Promise<void> {
  // Where the browser's own model stands; it may choose it (and save) for a user with no provider.
  void checkOnDevice();
  const loaded = await readSettings();
  saved.value = loaded;
  draft.value = draftFromSettings(loaded);
  void refreshHostAccess(loaded.githubHosts);
  // Another Settings tab (or a test harness) may save meanwhile; follow it unless the user is mid-edit.
  settingsItem.watch((next) => {
    if (!next) return;
    const wasDirty = dirty.value;
    saved.value = { ...DEFAULT_SETTINGS, ...next };
    if (!wasDirty) draft.value = draftFromSettings(saved.value);
  });
  // The browser's own prompt (or chrome://extensions) may grant or revoke access while this page is open.
  const recheck = () => void refreshHostAccess(draft.value?.enterpriseHosts ?? []);
  browser.permissions.onAdded.addListener(recheck);
  browser.permissions.onRemoved.addListener(recheck);
}

export function updateDraft(patch: Partial<SettingsDraft>): void {
  if (!draft.value) return;
  const providerChanged = 'baseUrl' in patch || 'apiKey' in patch || 'preset' in patch || 'onDevice' in patch;
  draft.value = { ...draft.value, ...patch };
  if (saveState.value.state === 'saved' || saveState.value.state === 'failed') saveState.value = { state: 'idle' };
  // A test of another server or key says nothing about this one.
  if (providerChanged && connection.value.state !== 'testing') connection.value = { state: 'idle' };
}

export function choosePreset(id: PresetId): void {
  const current = draft.value;
  if (!current) return;
  const preset = presetById(id);
  const fromAnotherPreset = current.preset !== null && current.preset !== 'custom';
  // Custom keeps a URL the user typed, but not the previous preset's URL (that would look chosen).
  const baseUrl = preset.baseUrl !== '' ? preset.baseUrl : fromAnotherPreset ? '' : current.baseUrl;
  const apiKey = preset.needsKey || current.preset === null || current.preset === 'custom' ? current.apiKey : '';
  if (baseUrl !== current.baseUrl) models.value = [];
  updateDraft({ preset: id, baseUrl, apiKey, onDevice: false });
}

/** Chrome's on-device model instead of a server; its download, if needed, is its own click. */
export function chooseOnDevice(): void {
  models.value = [];
  updateDraft({ preset: null, baseUrl: '', apiKey: '', model: '', onDevice: true });
}

export function removeProvider(): void {
  models.value = [];
  updateDraft({ preset: null, baseUrl: '', apiKey: '', model: '', onDevice: false });
}

/** Asks for access to a local model server, so the background may reach it and strip its Origin header. */
function requestLocalEndpointAccess(baseUrl: string): void {
  const origin = localEndpointOrigin(baseUrl);
  if (!origin) return;
  const { protocol, hostname } = new URL(origin);
  // Called before any await: the browser only shows the prompt inside the click that asked for it.
  browser.permissions.request({ origins: [`${protocol}//${hostname}/*`] }).then(
    (granted) => {
      if (!granted) console.info(`Tandem: access to ${origin} was not granted; the server must allow extension origins itself.`);
    },
    (error: unknown) => console.warn(`Tandem: could not ask for access to ${origin}`, error),
  );
}

export async function testProvider(): Promise<void> {
  const current = draft.value;
  if (!current || current.preset === null || errors.value.baseUrl) return;
  requestLocalEndpointAccess(current.baseUrl);
  connection.value = { state: 'testing' };
  const provider = { baseUrl: current.baseUrl.trim().replace(/\/+$/, ''), apiKey: current.apiKey.trim(), model: current.model.trim() };
  try {
    const result = await sendToBackground('provider-test', { provider });
    if (result.ok) models.value = result.models;
    connection.value = { state: 'done', result, baseUrl: provider.baseUrl };
  } catch (error) {
    connection.value = { state: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

export async function save(): Promise<void> {
  const current = draft.value;
  const base = saved.value;
  if (!current || !base || !canSave.value) return;
  if (current.preset !== null) requestLocalEndpointAccess(current.baseUrl);
  saveState.value = { state: 'saving' };
  const next = settingsFromDraft(current, base);
  try {
    await settingsItem.setValue(next);
  } catch (error) {
    saveState.value = { state: 'failed', message: error instanceof Error ? error.message : String(error) };
    return;
  }
  saved.value = next;
  draft.value = draftFromSettings(next);
  saveState.value = { state: 'saved', at: Date.now() };
  void forgetRemovedHosts(base.githubHosts, next.githubHosts);
}

function hostOrigins(host: string): string[] {
  return [`https://${host}/*`, `http://${host}/*`];
}

async function refreshHostAccess(hosts: string[]): Promise<void> {
  const entries = await Promise.all(
    hosts.map(async (host): Promise<[string, HostAccess]> => {
      try {
        // Either scheme is enough: an Enterprise host is served on one of them.
        const granted = await browser.permissions.contains({ origins: [`https://${host}/*`] }) || await browser.permissions.contains({ origins: [`http://${host}/*`] });
        return [host, granted ? 'granted' : 'panel-only'];
      } catch (error) {
        console.warn(`Tandem: could not check access to ${host}`, error);
        return [host, 'panel-only'];
      }
    }),
  );
  hostAccess.value = { ...hostAccess.value, ...Object.fromEntries(entries) };
}

/** Validates and adds a GitHub Enterprise host; returns the problem to show by the input, if any. */
export function addHost(input: string): string | null {
  const current = draft.value;
  if (!current) return null;
  const checked = normalizeHost(input);
  if (!checked.ok) return checked.reason;
  const host = checked.host;
  if (host === GITHUB_HOST) return 'github.com is built in; use the switch above.';
  if (current.enterpriseHosts.includes(host)) return `${host} is already in the list.`;
  updateDraft({ enterpriseHosts: [...current.enterpriseHosts, host] });
  askForHost(host);
  return null;
}

/** Asks the browser for access to a host; synchronous up to the request so the click still counts as the user's. */
export function askForHost(host: string): void {
  hostAccess.value = { ...hostAccess.value, [host]: 'asking' };
  // The prompt may take a while (or, headless, never come): say now what holds until it is answered.
  hostNotice.value = {
    host,
    tone: 'neutral',
    text: `Tandem asked the browser for access to ${host}. Until you allow it, Tandem reads ${host} only when its panel is open.`,
  };
  let request: Promise<boolean>;
  try {
    request = browser.permissions.request({ origins: hostOrigins(host) });
  } catch (error) {
    settleHost(host, false, error);
    return;
  }
  request.then(
    (granted) => settleHost(host, granted),
    (error: unknown) => settleHost(host, false, error),
  );
}

function settleHost(host: string, granted: boolean, error?: unknown): void {
  hostAccess.value = { ...hostAccess.value, [host]: granted ? 'granted' : 'panel-only' };
  if (granted) {
    hostNotice.value = { host, tone: 'success', text: `Access granted: once saved, Tandem reads ${host} as you browse.` };
    return;
  }
  if (error !== undefined) console.warn(`Tandem: the browser did not ask for access to ${host}`, error);
  const reason = error instanceof Error ? ` (${error.message})` : '';
  hostNotice.value = {
    host,
    tone: 'warning',
    text: `Access to ${host} was not granted${reason}. The host is kept, but Tandem will read it only when its panel is open. Use “Allow” to ask again.`,
  };
}

export function removeHost(host: string): void {
  const current = draft.value;
  if (!current) return;
  updateDraft({ enterpriseHosts: current.enterpriseHosts.filter((candidate) => candidate !== host) });
  if (hostNotice.value?.host === host) hostNotice.value = null;
}

/** Gives back access to hosts the user removed and saved, so Tandem holds no more than it uses. */
async function forgetRemovedHosts(before: string[], after: string[]): Promise<void> {
  const removed = before.filter((host) => !after.includes(host));
  if (removed.length === 0) return;
  try {
    await browser.permissions.remove({ origins: removed.flatMap(hostOrigins) });
  } catch (error) {
    console.warn('Tandem: could not give back access to removed hosts', error);
  }
}

export async function resetMutedSuggestions(): Promise<void> {
  try {
    const log = (await storage.getItem<FeedbackLog>(FEEDBACK_KEY)) ?? {};
    const entries = Object.values(log);
    const muted = entries.filter((count) => count.dismissed >= MUTE_AFTER_DISMISSALS).length;
    await storage.removeItem(FEEDBACK_KEY);
    feedbackMessage.value =
      muted > 0
        ? `${muted} muted suggestion${muted === 1 ? '' : 's'} will show again.`
        : entries.length > 0
          ? `No suggestion was muted; ${entries.length} remembered reaction${entries.length === 1 ? ' was' : 's were'} cleared.`
          : 'No suggestion was muted.';
  } catch (error) {
    feedbackMessage.value = `Could not reset: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export function discardChanges(): void {
  if (!saved.value) return;
  draft.value = draftFromSettings(saved.value);
  connection.value = { state: 'idle' };
  hostNotice.value = null;
}

const FIELD_NAMES = { baseUrl: 'Base URL', apiKey: 'API key', model: 'Model', tokenBudget: 'Token budget' } as const;

/** Why a changed form cannot be saved yet, named by field. */
export const saveBlocker = computed(() => {
  const fields = Object.keys(errors.value) as (keyof typeof FIELD_NAMES)[];
  if (fields.length === 0) return null;
  const names = fields.map((field) => FIELD_NAMES[field]);
  return `To save, fill in or fix: ${names.join(', ')}.`;
});
