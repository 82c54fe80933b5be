// The part of Chrome's Prompt API (the `LanguageModel` global) Tandem uses, typed here because the DOM
// library has no declarations for it, and the one place that reads the global.
//
// Facts relied on (developer.chrome.com/docs/ai/prompt-api, developer.chrome.com/docs/extensions/ai/prompt-api,
// MDN's LanguageModel pages, the spec's IDL at webmachinelearning.github.io/prompt-api, and the
// web-platform-tests under ai/language-model; looked up December 2026):
// - Extensions have it since Chrome 138 with no manifest permission (the origin-trial permission
//   `aiLanguageModelOriginTrial` was only for Chrome 131–136).
// - `availability(options)` → 'unavailable' | 'downloadable' | 'downloading' | 'available'. Pass it the same
//   expectedInputs / expectedOutputs as `create()`.
// - `create({ initialPrompts, monitor, expectedInputs, expectedOutputs, signal })` makes a session and starts
//   the one-time model download when needed; while the model is 'downloadable' it refuses with a
//   NotAllowedError unless the page has user activation (a click). `monitor(m)` receives an EventTarget whose
//   'downloadprogress' events carry `loaded` in [0, 1].
// - `session.promptStreaming(input, { responseConstraint, signal })` returns a ReadableStream of text chunks
//   (each chunk the next piece, not the whole text so far); `responseConstraint` is a JSON schema the output
//   is made to match. `initialPrompts` may start with one 'system' message; prompts themselves take
//   'user' / 'assistant' messages or a string.
// - The context window: `inputQuota`, `inputUsage` and `measureInputUsage(input, options)` in Chrome 138;
//   renamed `contextWindow`, `contextUsage` and `measureContextUsage()` in the spec and MDN (Chrome 148).
//   Both spellings are read. Going over it rejects with a QuotaExceededError (and `create()` does so when
//   initialPrompts alone are too large).
// - Where: the spec exposes `LanguageModel` to windows only (`[Exposed=Window, SecureContext]`); Chromium
//   exposes it to workers only behind a separate flag (AIPromptAPIForWorkers). So Tandem never calls it from
//   the service worker: the side panel runs the model calls (see docs/architecture.md).
// - Hardware (Chrome's documented limits): Windows 10/11, macOS 13+, Linux or ChromeOS on a Chromebook Plus
//   (not Android or iOS); at least 22 GB free on the volume holding the Chrome profile; a GPU with strictly
//   more than 4 GB of VRAM, or a CPU with 16 GB of RAM and 4 or more cores; an unmetered connection for the
//   download. chrome://on-device-internals shows the model's state and size.

export type Availability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

export interface PromptMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ModelOptions {
  expectedInputs?: { type: 'text'; languages?: string[] }[];
  expectedOutputs?: { type: 'text'; languages?: string[] }[];
}

export interface CreateOptions extends ModelOptions {
  initialPrompts?: PromptMessage[];
  monitor?: (monitor: EventTarget) => void;
  signal?: AbortSignal;
}

export interface PromptOptions {
  responseConstraint?: object;
  signal?: AbortSignal;
}

export interface LanguageModelSession {
  promptStreaming(input: string | PromptMessage[], options?: PromptOptions): ReadableStream<string>;
  measureInputUsage?(input: string | PromptMessage[], options?: PromptOptions): Promise<number>;
  measureContextUsage?(input: string | PromptMessage[], options?: PromptOptions): Promise<number>;
  readonly inputQuota?: number;
  readonly inputUsage?: number;
  readonly contextWindow?: number;
  readonly contextUsage?: number;
  destroy(): void;
}

export interface LanguageModelApi {
  availability(options?: ModelOptions): Promise<Availability>;
  create(options?: CreateOptions): Promise<LanguageModelSession>;
}

/** What Tandem asks of the model: English text in, English text out. The same for availability() and create(). */
export const MODEL_OPTIONS: ModelOptions = {
  expectedInputs: [{ type: 'text', languages: ['en'] }],
  expectedOutputs: [{ type: 'text', languages: ['en'] }],
};

/** The browser's `LanguageModel`, or null where there is none (Firefox, older Chrome, a worker). */
export function languageModelApi(scope: object = globalThis): LanguageModelApi | null {
  const candidate = (scope as { LanguageModel?: unknown }).LanguageModel;
  if (typeof candidate !== 'function' && (typeof candidate !== 'object' || candidate === null)) return null;
  const api = candidate as Partial<LanguageModelApi>;
  return typeof api.availability === 'function' && typeof api.create === 'function' ? (api as LanguageModelApi) : null;
}

/** The session's whole context window in tokens, under either name. */
export function contextWindowOf(session: LanguageModelSession): number {
  const value = session.contextWindow ?? session.inputQuota;
  return typeof value === 'number' && value > 0 ? value : 0;
}

/** Tokens the session already holds (its initial prompts), under either name. */
export function contextUsageOf(session: LanguageModelSession): number {
  const value = session.contextUsage ?? session.inputUsage;
  return typeof value === 'number' && value >= 0 ? value : 0;
}

/** Tokens `input` would take in this session, under either name of the method. */
export async function measureUsage(session: LanguageModelSession, input: string | PromptMessage[], options: PromptOptions = {}): Promise<number> {
  if (session.measureContextUsage) return session.measureContextUsage(input, options);
  if (session.measureInputUsage) return session.measureInputUsage(input, options);
  throw new Error('This browser’s LanguageModel cannot measure a prompt (no measureInputUsage).');
}

/** The documented requirements, for a device where the model is unavailable. */
export const HARDWARE_LIMITS =
  'Chrome’s on-device model needs Chrome 138 or later on Windows 10/11, macOS 13+, Linux or a Chromebook Plus; ' +
  '22 GB free on the disk that holds the Chrome profile; and a GPU with more than 4 GB of memory, or 16 GB of RAM and 4 CPU cores.';
