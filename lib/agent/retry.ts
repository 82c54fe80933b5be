// When and how long to wait before asking the model again.
import { AgentError, RateLimitError, ServerError } from './errors';
import type { RetryOptions } from './types';

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (milliseconds: number, signal: AbortSignal) => Promise<void>;
  random: () => number;
}

export function retryPolicy(options: RetryOptions = {}): RetryPolicy {
  return {
    attempts: options.attempts ?? 3,
    baseDelayMs: options.baseDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 20_000,
    sleep: options.sleep ?? abortableSleep,
    random: options.random ?? Math.random,
  };
}

/** Rate limits and server failures may pass; a refused key or a missing model will not. */
export function isRetryable(error: AgentError): boolean {
  return error instanceof RateLimitError || error instanceof ServerError;
}

/**
 * The server's retry-after when it gave one (capped), otherwise exponential backoff with
 * jitter between half and all of the step, so parallel clients spread out.
 */
export function retryDelayMs(error: AgentError, retry: number, policy: RetryPolicy): number {
  if (error instanceof RateLimitError && error.retryAfterSeconds !== undefined) {
    return Math.min(policy.maxDelayMs, Math.round(error.retryAfterSeconds * 1000));
  }
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(step * (0.5 + policy.random() * 0.5));
}

export function abortableSleep(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
