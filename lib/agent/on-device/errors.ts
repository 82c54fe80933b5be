// Run failures of Chrome's on-device model, named like every other run failure (lib/agent/errors.ts), each
// with what to do about it, and the mapping from the DOMExceptions the Prompt API rejects with.
import { AbortError, AgentError, type AgentErrorInfo } from '../errors';
import { HARDWARE_LIMITS } from './prompt-api';

const otherProviders = 'Open Settings and pick another provider (OpenAI, Ollama, LM Studio or any OpenAI-compatible server).';

export class OnDeviceUnavailableError extends AgentError {
  override readonly name = 'OnDeviceUnavailableError';
  readonly fix = `${HARDWARE_LIMITS} ${otherProviders}`;
  constructor(detail = 'Chrome’s on-device model is not available in this browser or on this device') {
    super(detail);
  }
}

export class OnDeviceDownloadError extends AgentError {
  override readonly name = 'OnDeviceDownloadError';
  readonly fix = 'Press “Download the model” on Tandem’s welcome screen or in Settings: Chrome downloads it only after a click. chrome://on-device-internals shows how far it got.';
  constructor(detail = 'The on-device model is not downloaded yet') {
    super(detail);
  }
}

export class OnDeviceQuotaError extends AgentError {
  override readonly name = 'OnDeviceQuotaError';
  readonly fix =
    'Start a new chat, untick parts of the page in the context chip, or ask about less at once. A server provider (Settings) has a larger context window.';
  constructor(
    readonly tokens: number,
    readonly limit: number,
  ) {
    super(
      tokens > 0
        ? `The question and page need ${tokens} tokens; the on-device model takes ${limit}, even with the page and conversation cut short`
        : 'The question and page do not fit in the on-device model’s context window',
    );
  }
}

export class OnDeviceStallError extends AgentError {
  override readonly name = 'OnDeviceStallError';
  readonly fix = 'The on-device model may still be loading or the computer is busy; try again in a moment, or ask something shorter.';
  constructor(readonly seconds: number) {
    super(`The on-device model wrote nothing for ${seconds} s`);
  }
}

export class OnDeviceModelError extends AgentError {
  override readonly name = 'OnDeviceModelError';
  readonly fix = 'Try again. If it keeps failing, chrome://on-device-internals shows the model’s state; another provider can be picked in Settings.';
}

/** The on-device model answers from the side panel, which was closed or never opened for this run. */
export class OnDeviceNoPanelError extends AgentError {
  override readonly name = 'OnDeviceNoPanelError';
  readonly fix = 'Open Tandem’s side panel and ask there: the on-device model runs in the panel.';
  constructor() {
    super('The on-device model needs Tandem’s panel open');
  }
}

/** A DOMException (or anything) from the Prompt API, as it crossed the run port, to a named run failure. */
export function onDeviceErrorFrom(error: AgentErrorInfo | { name?: string; message?: string; requested?: number; quota?: number }): AgentError {
  const name = error.name ?? 'Error';
  const message = error.message ?? '';
  const quota = error as { requested?: unknown; quota?: unknown };
  switch (name) {
    case 'AbortError':
      return new AbortError();
    case 'QuotaExceededError':
      return new OnDeviceQuotaError(typeof quota.requested === 'number' ? quota.requested : 0, typeof quota.quota === 'number' ? quota.quota : 0);
    case 'NotAllowedError':
      // Refused without a click while 'downloadable', or by a permissions policy.
      return new OnDeviceDownloadError(message ? `The browser refused to start the on-device model: ${message}` : undefined);
    case 'NotSupportedError':
    case 'OnDeviceUnavailableError':
      return new OnDeviceUnavailableError(message || undefined);
    case 'OnDeviceDownloadError':
      return new OnDeviceDownloadError(message || undefined);
    default:
      return new OnDeviceModelError(message ? `The on-device model failed (${name}): ${message}` : `The on-device model failed (${name})`);
  }
}
