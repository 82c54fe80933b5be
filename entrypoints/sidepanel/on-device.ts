// Chrome's on-device model in an extension page (the side panel, the options page): whether this browser
// has it, the one-time download a click starts, and, in the panel, serving the worker's model calls.
import { signal } from '@preact/signals';
import type { Browser } from 'wxt/browser';
import type { OnDeviceStatus } from '../../components/on-device-state';
import { isModelRequest, serveModelRequest } from '../../lib/agent/on-device/channel';
import { downloadModel, OnDeviceHost } from '../../lib/agent/on-device/host';
import { languageModelApi, MODEL_OPTIONS } from '../../lib/agent/on-device/prompt-api';
import { choosesOnDeviceByDefault, DEFAULT_SETTINGS, readSettings, settingsItem } from '../../lib/storage/settings';

export const onDeviceStatus = signal<OnDeviceStatus>({ state: 'checking' });

/** Asks the browser where its model stands; chooses it for a user with no provider once it is ready. */
export async function checkOnDevice(): Promise<void> {
  const api = languageModelApi();
  if (!api) {
    onDeviceStatus.value = { state: 'absent' };
    return;
  }
  try {
    const availability = await api.availability(MODEL_OPTIONS);
    onDeviceStatus.value = availability === 'downloading' ? { state: 'downloading' } : { state: availability };
    const settings = await readSettings();
    if (choosesOnDeviceByDefault(settings, availability)) await settingsItem.setValue({ ...settings, onDevice: 'chosen' });
  } catch (error) {
    onDeviceStatus.value = { state: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The user's click on "Download": starts Chrome's download (it needs the click's activation, so nothing is
 * awaited before create()), shows its progress, and makes the model the provider once it is there.
 */
export function downloadOnDevice(): void {
  const api = languageModelApi();
  if (!api) return;
  onDeviceStatus.value = { state: 'downloading', loaded: 0 };
  const download = downloadModel(api, ({ loaded }) => {
    onDeviceStatus.value = { state: 'downloading', loaded };
  });
  download.then(
    async () => {
      onDeviceStatus.value = { state: 'available' };
      const settings = { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
      await settingsItem.setValue({ ...settings, provider: null, onDevice: 'chosen' });
    },
    (error: unknown) => {
      onDeviceStatus.value = { state: 'failed', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    },
  );
}

let host: OnDeviceHost | null = null;
const cancels = new Map<number, AbortController>();

/** A run port's message that is a model call from the worker: answered here. Returns whether it was one. */
export function serveOnDevice(port: Browser.runtime.Port, message: unknown): boolean {
  if (!isModelRequest(message)) return false;
  const api = languageModelApi();
  host ??= api ? new OnDeviceHost(api) : null;
  const reply = (response: Parameters<typeof port.postMessage>[0]) => {
    try {
      port.postMessage(response);
    } catch {
      // The run ended (its port closed) while the model was still writing: nobody is left to tell.
    }
  };
  if (!host) {
    if (message.type === 'model-request') reply({ type: 'model-error', requestId: message.requestId, error: { name: 'OnDeviceUnavailableError', message: 'This browser has no on-device model (Prompt API)' } });
    return true;
  }
  void serveModelRequest(host, message, reply, cancels);
  return true;
}

/** The user's "Use the model on this device", where it is ready but was not chosen. */
export async function useOnDevice(): Promise<void> {
  const settings = { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
  await settingsItem.setValue({ ...settings, provider: null, onDevice: 'chosen' });
}
