// One model step: a streamed Chat Completions request, retried while nothing has been shown yet.
import type { ChatCompletionChunk, ChatCompletionFunctionTool } from 'openai/resources/chat/completions';
import { AbortError, AgentError, ProviderError, StreamCutError, TimeoutError, toAgentError, type ErrorSettings } from './errors';
import type { AgentEvent } from './events';
import { maskExact } from './mask-exact';
import { isRetryable, retryDelayMs, type RetryPolicy } from './retry';
import type { AgentDeps, ChatMessage } from './types';

export interface ToolCallDraft {
  id: string;
  name: string;
  arguments: string;
}

export interface ModelReply {
  text: string;
  toolCalls: ToolCallDraft[];
  finishReason: string;
}

export interface StepSettings {
  deps: AgentDeps;
  policy: RetryPolicy;
  stallTimeoutMs: number;
  errorSettings: ErrorSettings;
  tools: ChatCompletionFunctionTool[];
  /** Turned off for the rest of the run when the server says the model cannot use tools. */
  toolsEnabled: boolean;
  step: number;
}

/** Tool-call deltas arrive as fragments keyed by index: the first names the call, the rest extend its arguments. */
export class ReplyAccumulator {
  private text = '';
  private readonly calls: ToolCallDraft[] = [];
  private readonly slotByIndex = new Map<number, ToolCallDraft>();
  private finishReason: string | undefined;

  constructor(private readonly step: number) {}

  /** Adds a chunk; returns the text it carried, if any. */
  add(chunk: ChatCompletionChunk): string {
    let added = '';
    for (const choice of chunk.choices ?? []) {
      const delta = choice.delta ?? {};
      if (typeof delta.content === 'string' && delta.content !== '') added += delta.content;
      for (const fragment of delta.tool_calls ?? []) this.addToolFragment(fragment);
      if (choice.finish_reason) this.finishReason = choice.finish_reason;
    }
    this.text += added;
    return added;
  }

  private addToolFragment(fragment: NonNullable<ChatCompletionChunk.Choice.Delta['tool_calls']>[number]): void {
    const index = fragment.index ?? this.calls.length;
    let slot = this.slotByIndex.get(index);
    // A new id at a known index means a server that numbers every call 0: start a new call.
    if (!slot || (fragment.id && slot.id && fragment.id !== slot.id)) {
      slot = { id: fragment.id ?? '', name: '', arguments: '' };
      this.slotByIndex.set(index, slot);
      this.calls.push(slot);
    }
    if (fragment.id && !slot.id) slot.id = fragment.id;
    if (fragment.function?.name) slot.name += fragment.function.name;
    if (fragment.function?.arguments) slot.arguments += fragment.function.arguments;
  }

  get finished(): boolean {
    return this.finishReason !== undefined;
  }

  reply(): ModelReply {
    const toolCalls = this.calls.map((call, position) => ({ ...call, id: call.id || `call_${this.step}_${position}` }));
    return { text: this.text, toolCalls, finishReason: this.finishReason ?? 'unknown' };
  }
}

/**
 * Aborts the request when the user stops, or when the answer stalls: once the server has answered, the
 * first chunk may take as long as the request itself may (a local server can still be loading the model
 * or reading a long prompt), and each later chunk at most the stall timeout. Before the server answers,
 * the SDK's own request timeout applies.
 */
class Watchdog {
  readonly controller = new AbortController();
  private stalledAfterMs: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly onUserAbort = () => this.controller.abort(this.userSignal.reason);

  constructor(
    private readonly userSignal: AbortSignal,
    private readonly stallTimeoutMs: number,
    private readonly requestTimeoutMs: number,
  ) {
    if (userSignal.aborted) this.controller.abort(userSignal.reason);
    else userSignal.addEventListener('abort', this.onUserAbort, { once: true });
  }

  /** The server answered: its first chunk is due within the request timeout. */
  answered(): void {
    this.arm(Math.max(this.stallTimeoutMs, this.requestTimeoutMs));
  }

  /** A chunk arrived: the next is due within the stall timeout. */
  touch(): void {
    this.arm(this.stallTimeoutMs);
  }

  private arm(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.stalledAfterMs = ms;
      this.controller.abort(this.stallError(ms));
    }, ms);
  }

  private stallError(ms: number): TimeoutError {
    return new TimeoutError(ms / 1000, 'stall');
  }

  /** Why the request ended early, if it was us who ended it. */
  tripped(): AgentError | undefined {
    if (this.userSignal.aborted) return new AbortError();
    if (this.stalledAfterMs !== undefined) return this.stallError(this.stalledAfterMs);
    return undefined;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.userSignal.removeEventListener('abort', this.onUserAbort);
  }
}

function cannotUseTools(error: AgentError, settings: StepSettings): boolean {
  return settings.toolsEnabled && error instanceof ProviderError && error.status === 400 && /tool/i.test(error.message);
}

/**
 * Streams one reply, yielding its text as it comes. Failures before the first token of this step
 * are retried (429, 5xx); after it, the user has seen text, so the failure is final.
 */
export async function* streamModelReply(messages: ChatMessage[], settings: StepSettings): AsyncGenerator<AgentEvent, ModelReply> {
  const { deps, policy } = settings;
  for (let retry = 0; ; ) {
    const watchdog = new Watchdog(deps.signal, settings.stallTimeoutMs, deps.client.timeout);
    let yieldedText = false;
    let streaming = false;
    try {
      const stream = await deps.client.chat.completions.create(
        {
          model: deps.model,
          messages: maskExact(messages, deps.maskedStrings),
          stream: true,
          ...(settings.toolsEnabled && settings.tools.length > 0 ? { tools: settings.tools } : {}),
          ...(deps.temperature !== undefined ? { temperature: deps.temperature } : {}),
        },
        { signal: watchdog.controller.signal },
      );
      streaming = true;
      watchdog.answered();
      const accumulator = new ReplyAccumulator(settings.step);
      for await (const chunk of stream) {
        watchdog.touch();
        const text = accumulator.add(chunk);
        if (text !== '') {
          yieldedText = true;
          yield { type: 'text-delta', text };
        }
      }
      // The SDK ends the iteration quietly when its request is aborted: find out whether we did it.
      const tripped = watchdog.tripped();
      if (tripped) throw tripped;
      if (!accumulator.finished) throw new StreamCutError('no finish_reason');
      return accumulator.reply();
    } catch (thrown) {
      const error = explain(thrown, watchdog, streaming, settings.errorSettings);
      if (!yieldedText && cannotUseTools(error, settings)) {
        settings.toolsEnabled = false;
        continue;
      }
      if (yieldedText || !isRetryable(error) || retry >= policy.attempts) throw error;
      retry += 1;
      const delayMs = retryDelayMs(error, retry, policy);
      yield { type: 'retry', attempt: retry, delayMs, reason: error.message };
      await sleepOrAbort(delayMs, deps.signal, policy);
    } finally {
      watchdog.dispose();
    }
  }
}

function explain(thrown: unknown, watchdog: Watchdog, streaming: boolean, errorSettings: ErrorSettings): AgentError {
  const tripped = watchdog.tripped();
  if (tripped) return tripped;
  if (thrown instanceof AgentError) return thrown;
  const error = toAgentError(thrown, errorSettings);
  // Once the body is flowing, a dropped connection is a cut stream, not an unreachable server.
  if (streaming && !(error instanceof ProviderError)) {
    return new StreamCutError(thrown instanceof Error ? thrown.message : String(thrown));
  }
  return error;
}

async function sleepOrAbort(delayMs: number, signal: AbortSignal, policy: RetryPolicy): Promise<void> {
  try {
    await policy.sleep(delayMs, signal);
  } catch (error) {
    if (signal.aborted) throw new AbortError();
    throw error;
  }
}
