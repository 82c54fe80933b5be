// What an extension page knows of Chrome's on-device model, as the welcome screen and Settings show it.
import type { Availability } from '../lib/agent/on-device/prompt-api';

export type OnDeviceStatus =
  /** No Prompt API in this browser (Firefox, Chrome before 138): the option is not offered at all. */
  | { state: 'absent' }
  | { state: 'checking' }
  | { state: Exclude<Availability, 'downloading'> }
  /** Downloading; `loaded` (0–1) once this page started or watches the download. */
  | { state: 'downloading'; loaded?: number }
  | { state: 'failed'; message: string };

/** Whether the option is offered (the Prompt API is there and does not say the device cannot run it). */
export function onDeviceOffered(status: OnDeviceStatus): boolean {
  return status.state !== 'absent' && status.state !== 'unavailable' && status.state !== 'checking';
}
