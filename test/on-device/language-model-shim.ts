// A stand-in for Chrome's `LanguageModel` (the Prompt API), following its published shape, for tests: the
// real model cannot run in CI. Availability states, a download with 'downloadprogress' events that needs
// user activation, a context window with measuring and QuotaExceededError, streamed replies that stop on
// abort, and every reply checked against the call's responseConstraint (a reply the schema would not allow
// fails the call loudly unless a test asks for an off-schema reply on purpose).
//
// `installLanguageModelShim` must stay self-contained (no imports, nothing from module scope): the e2e tests
// hand it to puppeteer's evaluateOnNewDocument, which runs its source text in each extension page.

export type ShimAvailability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

export type ShimReply =
  /** A reply to stream as it is; must match the call's schema. */
  | string
  | { text: string; /** Allowed to break the schema (a model that ignored the constraint). */ offSchema?: boolean }
  /** An answer built from the last user message: `$1` is the pattern's first group (or "?" when absent). */
  | { answerFrom: { pattern: string; template: string } }
  /** The call fails with this DOMException name. */
  | { error: { name: string; message: string } }
  /** Streams `text` then writes nothing more until aborted (for Stop and the stall limit). */
  | { hangAfter: string };

export interface ShimConfig {
  availability: ShimAvailability;
  /** Tokens in a session's window. */
  contextWindow?: number;
  /** 'chrome-138': inputQuota / inputUsage / measureInputUsage; 'spec': contextWindow / contextUsage / measureContextUsage. */
  names?: 'chrome-138' | 'spec';
  downloadSteps?: number;
  downloadStepMs?: number;
  replies?: ShimReply[];
  chunkChars?: number;
  chunkDelayMs?: number;
  /** Where the download is remembered across pages of one origin (extension pages share localStorage). */
  storageKey?: string;
}

export interface ShimCall {
  initialPrompts: { role: string; content: string }[];
  input: string;
  schema: unknown;
  measured: number;
  contextWindow: number;
  outcome: 'streamed' | 'quota' | 'error' | 'aborted' | 'schema-violation';
}

export interface ShimRecord {
  calls: ShimCall[];
  creates: number;
  /** create() calls refused for want of user activation. */
  refusedWithoutActivation: number;
  progressEvents: number[];
  schemaViolations: string[];
}

export function installLanguageModelShim(config: ShimConfig): void {
  const scope = globalThis as unknown as Record<string, unknown>;
  const windowSize = config.contextWindow ?? 4096;
  const names = config.names ?? 'chrome-138';
  const storageKey = config.storageKey ?? 'tandem-shim-model-downloaded';
  const chunkChars = config.chunkChars ?? 16;
  const chunkDelayMs = config.chunkDelayMs ?? 2;
  const replies: ShimReply[] = [...(config.replies ?? [])];
  const record: ShimRecord = { calls: [], creates: 0, refusedWithoutActivation: 0, progressEvents: [], schemaViolations: [] };
  scope.__languageModelShim = record;

  const storage = (): Storage | null => {
    try {
      return (scope.localStorage as Storage | undefined) ?? null;
    } catch {
      return null;
    }
  };
  const downloaded = () => storage()?.getItem(storageKey) === 'yes';
  const availabilityNow = (): ShimAvailability => (config.availability !== 'unavailable' && downloaded() ? 'available' : config.availability);
  const tokensOf = (text: string) => Math.ceil(text.length / 4);
  const domError = (name: string, message: string, extra: Record<string, number> = {}) => Object.assign(new DOMException(message, name), extra);
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  /** The JSON Schema subset the reply schemas use: type, enum, const, properties, required, additionalProperties, anyOf, items. */
  function violations(value: unknown, schema: unknown, path: string): string[] {
    if (typeof schema !== 'object' || schema === null) return [];
    const rules = schema as Record<string, unknown>;
    if (Array.isArray(rules.anyOf)) {
      const branches = rules.anyOf.map((branch) => violations(value, branch, path));
      return branches.some((found) => found.length === 0) ? [] : [`${path}: matches none of anyOf (${branches.map((found) => found[0]).join(' | ')})`];
    }
    const problems: string[] = [];
    if (rules.const !== undefined && value !== rules.const) problems.push(`${path}: is not ${JSON.stringify(rules.const)}`);
    if (Array.isArray(rules.enum) && !rules.enum.includes(value)) problems.push(`${path}: is not one of ${JSON.stringify(rules.enum)}`);
    const type = rules.type;
    if (type === 'object') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [...problems, `${path}: is not an object`];
      const record = value as Record<string, unknown>;
      const properties = (rules.properties ?? {}) as Record<string, unknown>;
      for (const key of (rules.required ?? []) as string[]) if (!(key in record)) problems.push(`${path}.${key}: is missing`);
      for (const [key, child] of Object.entries(record)) {
        if (key in properties) problems.push(...violations(child, properties[key], `${path}.${key}`));
        else if (rules.additionalProperties === false) problems.push(`${path}.${key}: is not allowed`);
      }
    } else if (type === 'string' && typeof value !== 'string') problems.push(`${path}: is not a string`);
    else if (type === 'number' && typeof value !== 'number') problems.push(`${path}: is not a number`);
    else if (type === 'boolean' && typeof value !== 'boolean') problems.push(`${path}: is not a boolean`);
    else if (type === 'array') {
      if (!Array.isArray(value)) problems.push(`${path}: is not an array`);
      else value.forEach((item, index) => problems.push(...violations(item, rules.items, `${path}[${index}]`)));
    }
    return problems;
  }

  function replyText(reply: ShimReply, input: string): { text: string; offSchema: boolean; hang: boolean } {
    if (typeof reply === 'string') return { text: reply, offSchema: false, hang: false };
    if ('hangAfter' in reply) return { text: reply.hangAfter, offSchema: true, hang: true };
    if ('answerFrom' in reply) {
      const match = new RegExp(reply.answerFrom.pattern).exec(input);
      const markdown = reply.answerFrom.template.replace('$1', match?.[1] ?? '?');
      return { text: JSON.stringify({ tool: 'answer', markdown }), offSchema: false, hang: false };
    }
    if ('text' in reply) return { text: reply.text, offSchema: reply.offSchema === true, hang: false };
    return { text: '', offSchema: true, hang: false };
  }

  const promptText = (input: unknown): string =>
    typeof input === 'string' ? input : Array.isArray(input) ? input.map((message: { content?: unknown }) => String(message.content ?? '')).join('\n') : String(input);

  class ShimSession extends EventTarget {
    private usage: number;
    private destroyed = false;
    constructor(private readonly prompts: { role: string; content: string }[]) {
      super();
      this.usage = prompts.reduce((total, message) => total + tokensOf(message.content), 0);
      const window = windowSize;
      if (names === 'spec') {
        Object.defineProperty(this, 'contextWindow', { get: () => window });
        Object.defineProperty(this, 'contextUsage', { get: () => this.usage });
        Object.defineProperty(this, 'measureContextUsage', { value: (input: unknown, options?: { responseConstraint?: unknown }) => this.measure(input, options) });
      } else {
        Object.defineProperty(this, 'inputQuota', { get: () => window });
        Object.defineProperty(this, 'inputUsage', { get: () => this.usage });
        Object.defineProperty(this, 'measureInputUsage', { value: (input: unknown, options?: { responseConstraint?: unknown }) => this.measure(input, options) });
      }
    }

    private async measure(input: unknown, options?: { responseConstraint?: unknown }): Promise<number> {
      const schema = options?.responseConstraint === undefined ? 0 : tokensOf(JSON.stringify(options.responseConstraint));
      return tokensOf(promptText(input)) + schema;
    }

    promptStreaming(input: unknown, options: { responseConstraint?: unknown; signal?: AbortSignal } = {}): ReadableStream<string> {
      const text = promptText(input);
      const schema = options.responseConstraint;
      const measured = tokensOf(text) + (schema === undefined ? 0 : tokensOf(JSON.stringify(schema)));
      const call: ShimCall = { initialPrompts: this.prompts, input: text, schema, measured: this.usage + measured, contextWindow: windowSize, outcome: 'streamed' };
      record.calls.push(call);
      const signal = options.signal;
      let cancelled = false;
      return new ReadableStream<string>({
        start: async (controller) => {
          const fail = (outcome: ShimCall['outcome'], error: unknown) => {
            call.outcome = outcome;
            controller.error(error);
          };
          if (this.destroyed) return fail('error', domError('InvalidStateError', 'The session was destroyed'));
          if (signal?.aborted) return fail('aborted', domError('AbortError', 'The prompt was aborted'));
          if (schema !== undefined && (typeof schema !== 'object' || schema === null)) return fail('error', new TypeError('responseConstraint must be a JSON schema object'));
          if (call.measured > windowSize) {
            this.dispatchEvent(new Event('quotaoverflow'));
            return fail('quota', domError('QuotaExceededError', 'The input is too large.', { requested: call.measured, quota: windowSize }));
          }
          const reply = replies.shift();
          if (reply === undefined) return fail('error', domError('UnknownError', 'The shim has no scripted reply left'));
          if (typeof reply === 'object' && 'error' in reply) return fail('error', domError(reply.error.name, reply.error.message));
          const { text: output, offSchema, hang } = replyText(reply, text);
          if (schema !== undefined && !offSchema) {
            let parsed: unknown;
            let problems: string[];
            try {
              parsed = JSON.parse(output);
              problems = violations(parsed, schema, '$');
            } catch (error) {
              problems = [`$: not JSON (${String(error)})`];
            }
            if (problems.length > 0) {
              record.schemaViolations.push(...problems);
              return fail('schema-violation', domError('UnknownError', `Shim: the scripted reply breaks the responseConstraint: ${problems.join('; ')}`));
            }
          }
          const aborted = new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve(), { once: true }));
          for (let index = 0; index < output.length; index += chunkChars) {
            if (cancelled) return;
            if (signal?.aborted) return fail('aborted', domError('AbortError', 'The prompt was aborted'));
            controller.enqueue(output.slice(index, index + chunkChars));
            await sleep(chunkDelayMs);
          }
          if (hang) {
            await aborted;
            return fail('aborted', domError('AbortError', 'The prompt was aborted'));
          }
          this.usage += measured + tokensOf(output);
          controller.close();
        },
        cancel: () => {
          cancelled = true;
        },
      });
    }

    async prompt(input: unknown, options: { responseConstraint?: unknown; signal?: AbortSignal } = {}): Promise<string> {
      const reader = this.promptStreaming(input, options).getReader();
      let text = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return text;
        text += value;
      }
    }

    destroy(): void {
      this.destroyed = true;
    }
  }

  const LanguageModel = {
    async availability(): Promise<ShimAvailability> {
      return availabilityNow();
    },
    async params() {
      return { defaultTopK: 3, maxTopK: 128, defaultTemperature: 1, maxTemperature: 2 };
    },
    async create(options: { initialPrompts?: { role: string; content: string }[]; monitor?: (monitor: EventTarget) => void; signal?: AbortSignal } = {}) {
      record.creates++;
      const state = availabilityNow();
      if (state === 'unavailable') throw domError('NotSupportedError', 'The model is not available on this device.');
      if (options.signal?.aborted) throw domError('AbortError', 'create() was aborted');
      const activation = (scope.navigator as { userActivation?: { isActive?: boolean } } | undefined)?.userActivation;
      if (state === 'downloadable' && activation?.isActive !== true) {
        record.refusedWithoutActivation++;
        throw domError('NotAllowedError', 'Downloading the model requires a user gesture.');
      }
      const monitor = new EventTarget();
      options.monitor?.(monitor);
      if (state !== 'available') {
        const steps = config.downloadSteps ?? 4;
        for (let step = 0; step <= steps; step++) {
          const loaded = step / steps;
          record.progressEvents.push(loaded);
          monitor.dispatchEvent(Object.assign(new Event('downloadprogress'), { loaded, total: 1 }));
          if (step < steps) await sleep(config.downloadStepMs ?? 40);
        }
        storage()?.setItem(storageKey, 'yes');
      }
      const prompts = options.initialPrompts ?? [];
      const tokens = prompts.reduce((total, message) => total + tokensOf(message.content), 0);
      if (tokens > windowSize) throw domError('QuotaExceededError', 'The initial prompts are too large.', { requested: tokens, quota: windowSize });
      return new ShimSession(prompts);
    },
  };
  scope.LanguageModel = LanguageModel;
}
