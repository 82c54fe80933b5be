// The on-device model over a message channel: the service worker runs the agent loop, but only a window
// (the side panel) has the Prompt API, so each model call goes to the panel as a message and its answer
// comes back as messages. `ModelClient` is the worker's end (an OnDeviceModel), `serveModelRequest` the
// panel's. Transport-free: both take a `send` function, so the run port carries them and tests need none.
import { AbortError } from '../errors';
import { OnDeviceNoPanelError } from './errors';
import type { OnDeviceCall } from './fit-prompt';
import type { OnDeviceModel } from './loop';

export type ModelRequest =
  | { type: 'model-request'; requestId: number; op: 'window' }
  | { type: 'model-request'; requestId: number; op: 'measure' | 'prompt'; call: OnDeviceCall }
  | { type: 'model-cancel'; requestId: number };

export interface ModelErrorInfo {
  name: string;
  message: string;
  /** A QuotaExceededError's numbers. */
  requested?: number;
  quota?: number;
}

export type ModelResponse =
  | { type: 'model-value'; requestId: number; value: number }
  | { type: 'model-chunk'; requestId: number; text: string }
  | { type: 'model-end'; requestId: number }
  | { type: 'model-error'; requestId: number; error: ModelErrorInfo };

/** The panel's replies are checked like any message before the worker acts on them. */
export function isModelResponse(value: unknown): value is ModelResponse {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  if (typeof message.requestId !== 'number') return false;
  switch (message.type) {
    case 'model-value':
      return typeof message.value === 'number' && Number.isFinite(message.value);
    case 'model-chunk':
      return typeof message.text === 'string';
    case 'model-end':
      return true;
    case 'model-error': {
      const error = message.error as Record<string, unknown> | null;
      return typeof error === 'object' && error !== null && typeof error.name === 'string' && typeof error.message === 'string';
    }
    default:
      return false;
  }
}

interface Pending {
  onValue(value: number): void;
  onChunk(text: string): void;
  onEnd(): void;
  onError(error: unknown): void;
}

/** The worker's end: an OnDeviceModel whose calls are answered by whoever reads `send`'s messages. */
export class ModelClient implements OnDeviceModel {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closed = false;

  constructor(private readonly send: (message: ModelRequest) => void) {}

  /** A reply from the panel; returns whether it was one of ours. */
  receive(message: unknown): boolean {
    if (!isModelResponse(message)) return false;
    const pending = this.pending.get(message.requestId);
    if (!pending) return true;
    switch (message.type) {
      case 'model-value':
        pending.onValue(message.value);
        return true;
      case 'model-chunk':
        pending.onChunk(message.text);
        return true;
      case 'model-end':
        pending.onEnd();
        return true;
      case 'model-error':
        pending.onError(message.error);
        return true;
    }
  }

  /** The panel went away: every open call fails, and so does every later one. */
  close(): void {
    this.closed = true;
    for (const pending of this.pending.values()) pending.onError(new OnDeviceNoPanelError());
    this.pending.clear();
  }

  contextWindow(signal: AbortSignal): Promise<number> {
    return this.ask({ op: 'window' }, signal);
  }

  measure(call: OnDeviceCall, signal: AbortSignal): Promise<number> {
    return this.ask({ op: 'measure', call }, signal);
  }

  stream(call: OnDeviceCall, signal: AbortSignal): AsyncIterable<string> {
    return { [Symbol.asyncIterator]: () => this.open(call, signal) };
  }

  private ask(request: { op: 'window' } | { op: 'measure'; call: OnDeviceCall }, signal: AbortSignal): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const requestId = this.start(signal, reject);
      if (requestId === null) return;
      const done = () => this.pending.delete(requestId);
      this.pending.set(requestId, {
        onValue: (value) => {
          done();
          resolve(value);
        },
        onChunk: () => undefined,
        onEnd: () => {
          done();
          reject(new Error('The panel ended a request without its value'));
        },
        onError: (error) => {
          done();
          reject(error);
        },
      });
      this.send({ type: 'model-request', requestId, ...request });
    });
  }

  /** An id for a new call, or null (and the call rejected) when it cannot start. */
  private start(signal: AbortSignal, reject: (error: unknown) => void): number | null {
    if (signal.aborted) {
      reject(new AbortError());
      return null;
    }
    if (this.closed) {
      reject(new OnDeviceNoPanelError());
      return null;
    }
    const requestId = this.nextId++;
    signal.addEventListener(
      'abort',
      () => {
        const pending = this.pending.get(requestId);
        if (!pending) return;
        this.send({ type: 'model-cancel', requestId });
        pending.onError(new AbortError());
      },
      { once: true },
    );
    return requestId;
  }

  private open(call: OnDeviceCall, signal: AbortSignal): AsyncIterator<string> {
    const chunks: string[] = [];
    let ended = false;
    let failure: { error: unknown } | null = null;
    let wake: (() => void) | null = null;
    const notify = () => {
      wake?.();
      wake = null;
    };
    const requestId = this.start(signal, (error) => {
      failure = { error };
    });
    if (requestId !== null) {
      const done = () => this.pending.delete(requestId);
      this.pending.set(requestId, {
        onValue: () => undefined,
        onChunk: (text) => {
          chunks.push(text);
          notify();
        },
        onEnd: () => {
          done();
          ended = true;
          notify();
        },
        onError: (error) => {
          done();
          failure = { error };
          notify();
        },
      });
      this.send({ type: 'model-request', requestId, op: 'prompt', call });
    }
    const cancel = () => {
      if (requestId === null || !this.pending.has(requestId)) return;
      this.pending.delete(requestId);
      this.send({ type: 'model-cancel', requestId });
    };
    return {
      next: async (): Promise<IteratorResult<string>> => {
        for (;;) {
          const chunk = chunks.shift();
          if (chunk !== undefined) return { done: false, value: chunk };
          if (failure) throw failure.error;
          if (ended) return { done: true, value: undefined };
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
        }
      },
      return: async (): Promise<IteratorResult<string>> => {
        cancel();
        return { done: true, value: undefined };
      },
    };
  }
}

/** What the panel's end needs of the model: the host over the Prompt API, or a test double. */
export interface ModelServer {
  contextWindow(): Promise<number>;
  measure(call: OnDeviceCall): Promise<number>;
  stream(call: OnDeviceCall, signal: AbortSignal): AsyncIterable<string>;
}

/** The panel's end: answers one request from the worker; `cancels` holds the controllers of calls under way. */
export async function serveModelRequest(
  server: ModelServer,
  request: ModelRequest,
  send: (message: ModelResponse) => void,
  cancels: Map<number, AbortController>,
): Promise<void> {
  if (request.type === 'model-cancel') {
    cancels.get(request.requestId)?.abort();
    cancels.delete(request.requestId);
    return;
  }
  const { requestId } = request;
  const controller = new AbortController();
  cancels.set(requestId, controller);
  try {
    if (request.op === 'window') send({ type: 'model-value', requestId, value: await server.contextWindow() });
    else if (request.op === 'measure') send({ type: 'model-value', requestId, value: await server.measure(request.call) });
    else {
      for await (const text of server.stream(request.call, controller.signal)) {
        if (controller.signal.aborted) break;
        send({ type: 'model-chunk', requestId, text });
      }
      send({ type: 'model-end', requestId });
    }
  } catch (error) {
    send({ type: 'model-error', requestId, error: errorInfoOf(error) });
  } finally {
    cancels.delete(requestId);
  }
}

/** A DOMException from the Prompt API as plain data (DOMException's fields do not survive structured cloning everywhere). */
export function errorInfoOf(error: unknown): ModelErrorInfo {
  if (typeof error !== 'object' || error === null) return { name: 'Error', message: String(error) };
  const { name, message, requested, quota } = error as { name?: unknown; message?: unknown; requested?: unknown; quota?: unknown };
  return {
    name: typeof name === 'string' ? name : 'Error',
    message: typeof message === 'string' ? message : String(error),
    ...(typeof requested === 'number' ? { requested } : {}),
    ...(typeof quota === 'number' ? { quota } : {}),
  };
}

/** Requests from the worker are checked too: the panel runs nothing but these three operations. */
export function isModelRequest(value: unknown): value is ModelRequest {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  if (typeof message.requestId !== 'number') return false;
  if (message.type === 'model-cancel') return true;
  if (message.type !== 'model-request') return false;
  if (message.op === 'window') return true;
  if (message.op !== 'measure' && message.op !== 'prompt') return false;
  const call = message.call as Record<string, unknown> | null;
  return (
    typeof call === 'object' &&
    call !== null &&
    typeof call.system === 'string' &&
    Array.isArray(call.messages) &&
    call.messages.every((entry: unknown) => {
      const item = entry as Record<string, unknown> | null;
      return typeof item === 'object' && item !== null && (item.role === 'user' || item.role === 'assistant') && typeof item.content === 'string';
    }) &&
    typeof call.schema === 'object' &&
    call.schema !== null
  );
}
