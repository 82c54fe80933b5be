// Run failures the user sees: each class has a stable `name` (kept across minification and the
// message port) and a `fix` telling the user what to do about it.
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';

/** What crosses the port to the panel: plain data, no prototype. */
export interface AgentErrorInfo {
  name: string;
  message: string;
  fix?: string;
}

/** The part of the provider settings an error message may name. */
export interface ErrorSettings {
  baseUrl: string;
  model: string;
  timeoutMs?: number;
}

export abstract class AgentError extends Error {
  abstract override readonly name: string;
  abstract readonly fix: string;

  toInfo(): AgentErrorInfo {
    return { name: this.name, message: this.message, fix: this.fix };
  }
}

export class AuthError extends AgentError {
  override readonly name = 'AuthError';
  readonly fix = 'The API key was refused — open Settings and check the key (and that it may use this model).';
  constructor(
    readonly status: number,
    detail?: string,
  ) {
    super(`The server refused the API key (HTTP ${status})${detail ? `: ${detail}` : ''}`);
  }
}

export class ModelNotFoundError extends AgentError {
  override readonly name = 'ModelNotFoundError';
  readonly fix: string;
  constructor(
    readonly model: string,
    baseUrl: string,
  ) {
    super(`The model "${model}" was not found at ${baseUrl}`);
    this.fix = `Open Settings and pick a model the server lists ("Test connection" shows them); also check the base URL ends with /v1.`;
  }
}

/** The base URL answers, but not like an OpenAI-compatible API (404 on /models). */
export class EndpointNotFoundError extends AgentError {
  override readonly name = 'EndpointNotFoundError';
  readonly fix: string;
  constructor(readonly baseUrl: string) {
    super(`No OpenAI-compatible API answered at ${baseUrl}`);
    this.fix = 'Check the base URL in Settings: it usually ends with /v1 (for example http://localhost:11434/v1).';
  }
}

export class RateLimitError extends AgentError {
  override readonly name = 'RateLimitError';
  readonly fix: string;
  constructor(readonly retryAfterSeconds?: number) {
    super(
      retryAfterSeconds === undefined
        ? 'The provider is rate-limiting requests (HTTP 429)'
        : `The provider is rate-limiting requests (HTTP 429); it asked to wait ${retryAfterSeconds} s`,
    );
    this.fix =
      retryAfterSeconds === undefined
        ? 'Wait a little and try again, or use another model or key.'
        : `Wait ${retryAfterSeconds} s and try again, or use another model or key.`;
  }
}

export class ServerError extends AgentError {
  override readonly name = 'ServerError';
  readonly fix = 'The model server failed; try again in a moment. If it keeps failing, check the server logs.';
  constructor(
    readonly status: number,
    detail?: string,
  ) {
    super(`The model server failed (HTTP ${status})${detail ? `: ${detail}` : ''}`);
  }
}

/** Any other refusal of the request (400, 422, an error event inside the stream…). */
export class ProviderError extends AgentError {
  override readonly name = 'ProviderError';
  readonly fix = 'The server rejected the request. Check that the model supports chat (and tool calling) in Settings.';
  constructor(
    readonly status: number | undefined,
    detail: string,
  ) {
    super(status === undefined ? `The server reported an error: ${detail}` : `The server rejected the request (HTTP ${status}): ${detail}`);
  }
}

export class TimeoutError extends AgentError {
  override readonly name = 'TimeoutError';
  readonly fix: string;
  constructor(
    readonly seconds: number,
    readonly kind: 'stall' | 'total',
  ) {
    super(
      kind === 'stall'
        ? `The model sent nothing for ${seconds} s`
        : `The model server did not answer within ${seconds} s`,
    );
    this.fix = 'The server may be overloaded or still loading the model; try again in a moment.';
  }
}

export class NetworkError extends AgentError {
  override readonly name = 'NetworkError';
  readonly fix: string;
  constructor(
    readonly baseUrl: string,
    detail: string,
    fix?: string,
  ) {
    super(`Could not reach ${baseUrl}: ${detail}`);
    this.fix =
      fix ??
      `Check the base URL in Settings. A local server (Ollama, LM Studio, vLLM) must be running and listening at ${baseUrl}.`;
  }
}

export class StreamCutError extends AgentError {
  override readonly name = 'StreamCutError';
  readonly fix = 'The connection dropped in the middle of the answer; try again.';
  constructor(detail?: string) {
    super(`The answer stream ended before the model finished${detail ? ` (${detail})` : ''}`);
  }
}

export class MaxStepsError extends AgentError {
  override readonly name = 'MaxStepsError';
  readonly fix: string;
  constructor(readonly maxSteps: number) {
    super(`Stopped after ${maxSteps} model steps without a final answer`);
    this.fix = 'Ask something narrower, or split the question into parts.';
  }
}

export class AbortError extends AgentError {
  override readonly name = 'AbortError';
  readonly fix = 'You stopped the run; ask again to continue.';
  constructor() {
    super('Stopped');
  }
}

/** Every await in a run is followed by this, so Stop ends the run where it is. */
export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new AbortError();
}

/** Anything that fits no other class: still named, still shown with a fix. */
export class UnexpectedError extends AgentError {
  override readonly name = 'UnexpectedError';
  readonly fix = 'Something unexpected failed; try again, and report it if it keeps happening.';
}

const ollamaOriginsFix =
  'Ollama refuses requests from browser extensions by default: restart it with OLLAMA_ORIGINS="chrome-extension://*,moz-extension://*" set (for example `OLLAMA_ORIGINS="chrome-extension://*" ollama serve`).';

export function looksLikeOllama(baseUrl: string): boolean {
  try {
    const url = new URL(baseUrl);
    return url.port === '11434' || /ollama/i.test(url.hostname);
  } catch (error) {
    // An unparsable base URL cannot be Ollama's; the request itself will report the bad URL.
    void error;
    return false;
  }
}

/** Seconds from `retry-after-ms` / `retry-after` (seconds or an HTTP date), if present and sane. */
export function retryAfterSeconds(headers: Headers | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const milliseconds = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds / 1000;
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  if (Number.isFinite(date)) return Math.max(0, (date - now) / 1000);
  return undefined;
}

function isAbortLike(error: unknown): boolean {
  return error instanceof APIUserAbortError || (error instanceof Error && error.name === 'AbortError');
}

function detailOf(error: APIError): string {
  const body = error.error as { message?: unknown } | undefined;
  if (body && typeof body.message === 'string') return body.message;
  return error.message;
}

function causeMessage(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const inner = (cause as { cause?: unknown }).cause;
    if (inner instanceof Error && inner.message) return `${cause.message} (${inner.message})`;
    return cause.message;
  }
  return error.message;
}

function fromStatus(error: APIError, status: number, settings: ErrorSettings): AgentError {
  const detail = detailOf(error);
  if (status === 403 && looksLikeOllama(settings.baseUrl)) {
    return new NetworkError(settings.baseUrl, `HTTP 403 ${detail}`, ollamaOriginsFix);
  }
  if (status === 401 || status === 403) return new AuthError(status, detail);
  if (status === 404) return new ModelNotFoundError(settings.model, settings.baseUrl);
  if (status === 429) return new RateLimitError(retryAfterSeconds(error.headers ?? undefined));
  if (status >= 500) return new ServerError(status, detail);
  return new ProviderError(status, detail);
}

/** Maps anything thrown by the openai SDK (or fetch) to one of the named run failures. */
export function toAgentError(error: unknown, settings: ErrorSettings): AgentError {
  if (error instanceof AgentError) return error;
  if (isAbortLike(error)) return new AbortError();
  if (error instanceof APIConnectionTimeoutError) {
    return new TimeoutError((settings.timeoutMs ?? 0) / 1000, 'total');
  }
  if (error instanceof APIConnectionError) return new NetworkError(settings.baseUrl, causeMessage(error));
  if (error instanceof APIError) {
    if (typeof error.status === 'number') return fromStatus(error, error.status, settings);
    return new ProviderError(undefined, detailOf(error));
  }
  if (error instanceof TypeError && /fetch failed|network/i.test(error.message)) {
    return new NetworkError(settings.baseUrl, causeMessage(error));
  }
  if (error instanceof Error) return new UnexpectedError(error.message);
  return new UnexpectedError(String(error));
}
