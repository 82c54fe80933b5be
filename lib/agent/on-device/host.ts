// The model calls themselves, over the Prompt API, in a window that has it (the side panel). The API is
// handed in, so the same code runs against Chrome's `LanguageModel` and against the test shim.
import type { ModelServer } from './channel';
import { OnDeviceDownloadError, OnDeviceUnavailableError } from './errors';
import type { OnDeviceCall } from './fit-prompt';
import {
  contextWindowOf,
  measureUsage,
  MODEL_OPTIONS,
  type Availability,
  type LanguageModelApi,
  type LanguageModelSession,
} from './prompt-api';

/** Each message's role markers cost a few tokens that measuring the joined text does not see. */
const TOKENS_PER_MESSAGE = 8;

export class OnDeviceHost implements ModelServer {
  /** An empty session, kept for measuring and for the window's size: making one costs a model load. */
  private idle: Promise<LanguageModelSession> | null = null;

  constructor(private readonly api: LanguageModelApi) {}

  async contextWindow(): Promise<number> {
    return contextWindowOf(await this.idleSession());
  }

  async measure(call: OnDeviceCall): Promise<number> {
    const session = await this.idleSession();
    const text = [call.system, ...call.messages.map((message) => message.content)].join('\n\n');
    const tokens = await measureUsage(session, text, { responseConstraint: call.schema });
    return tokens + TOKENS_PER_MESSAGE * (call.messages.length + 1);
  }

  async *stream(call: OnDeviceCall, signal: AbortSignal): AsyncGenerator<string> {
    const prompt = call.messages.at(-1);
    if (prompt?.role !== 'user') throw new Error('A model call must end with the user’s message');
    await this.ensureReady();
    // One session per call: the worker owns the conversation and fits each call anew, so nothing is kept here.
    const session = await this.api.create({
      ...MODEL_OPTIONS,
      initialPrompts: [{ role: 'system', content: call.system }, ...call.messages.slice(0, -1)],
      signal,
    });
    try {
      const reader = session.promptStreaming(prompt.content, { responseConstraint: call.schema, signal }).getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          yield value;
        }
      } finally {
        reader.releaseLock();
      }
    } finally {
      session.destroy();
    }
  }

  private async ensureReady(): Promise<void> {
    const availability: Availability = await this.api.availability(MODEL_OPTIONS);
    if (availability === 'available') return;
    if (availability === 'unavailable') throw new OnDeviceUnavailableError('Chrome says its on-device model is unavailable on this device');
    throw new OnDeviceDownloadError(availability === 'downloading' ? 'The on-device model is still downloading' : undefined);
  }

  private idleSession(): Promise<LanguageModelSession> {
    this.idle ??= this.ensureReady().then(() => this.api.create(MODEL_OPTIONS));
    // A failure is not kept: the model may be downloaded by the next question.
    this.idle.catch(() => {
      this.idle = null;
    });
    return this.idle;
  }
}

export interface DownloadProgress {
  /** Share downloaded, 0 to 1. */
  loaded: number;
}

/**
 * Starts the one-time download (or just loads the model). Call it straight from a click handler, before any
 * await: Chrome starts a download only with the user's activation.
 */
export async function downloadModel(api: LanguageModelApi, onProgress: (progress: DownloadProgress) => void): Promise<void> {
  const session = await api.create({
    ...MODEL_OPTIONS,
    monitor(monitor) {
      monitor.addEventListener('downloadprogress', (event) => {
        const loaded = (event as Event & { loaded?: unknown }).loaded;
        if (typeof loaded === 'number') onProgress({ loaded: Math.max(0, Math.min(1, loaded)) });
      });
    },
  });
  session.destroy();
}
