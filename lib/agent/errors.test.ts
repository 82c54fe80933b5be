import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { describe, expect, it } from 'vitest';
import {
  AbortError,
  AuthError,
  MaxStepsError,
  ModelNotFoundError,
  NetworkError,
  ProviderError,
  RateLimitError,
  ServerError,
  StreamCutError,
  TimeoutError,
  retryAfterSeconds,
  toAgentError,
} from './errors';

const cloud = { baseUrl: 'https://api.example.com/v1', model: 'gpt-test', timeoutMs: 45_000 };
const ollama = { baseUrl: 'http://localhost:11434/v1', model: 'llama3.2' };

function statusError(status: number, headers: Record<string, string> = {}, message = 'boom'): APIError {
  return APIError.generate(status, { error: { message } }, undefined, new Headers(headers));
}

describe('toAgentError', () => {
  it('maps HTTP statuses to named errors', () => {
    expect(toAgentError(statusError(401), cloud)).toBeInstanceOf(AuthError);
    expect(toAgentError(statusError(403), cloud)).toBeInstanceOf(AuthError);
    expect(toAgentError(statusError(404), cloud)).toBeInstanceOf(ModelNotFoundError);
    expect(toAgentError(statusError(429), cloud)).toBeInstanceOf(RateLimitError);
    expect(toAgentError(statusError(500), cloud)).toBeInstanceOf(ServerError);
    expect(toAgentError(statusError(503), cloud)).toBeInstanceOf(ServerError);
    expect(toAgentError(statusError(400), cloud)).toBeInstanceOf(ProviderError);
  });

  it('names the model on 404 and keeps the server message on 5xx', () => {
    expect(toAgentError(statusError(404), cloud).message).toContain('"gpt-test"');
    expect(toAgentError(statusError(502, {}, 'upstream down'), cloud).message).toContain('upstream down');
  });

  it('reads retry-after into a RateLimitError', () => {
    const error = toAgentError(statusError(429, { 'retry-after': '7' }), cloud);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterSeconds).toBe(7);
    expect(error.fix).toContain('7 s');
  });

  it('points Ollama users at OLLAMA_ORIGINS on a 403', () => {
    const error = toAgentError(statusError(403), ollama);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.fix).toContain('OLLAMA_ORIGINS');
  });

  it('maps connection failures, timeouts and user aborts', () => {
    const refused = toAgentError(new APIConnectionError({ cause: new Error('connect ECONNREFUSED 127.0.0.1:11434') }), ollama);
    expect(refused).toBeInstanceOf(NetworkError);
    expect(refused.message).toContain('http://localhost:11434/v1');
    expect(refused.message).toContain('ECONNREFUSED');
    const timeout = toAgentError(new APIConnectionTimeoutError(), cloud);
    expect(timeout).toBeInstanceOf(TimeoutError);
    expect(timeout.message).toContain('45 s');
    expect(toAgentError(new APIUserAbortError(), cloud)).toBeInstanceOf(AbortError);
  });

  it('keeps agent errors as they are and wraps anything else', () => {
    const cut = new StreamCutError();
    expect(toAgentError(cut, cloud)).toBe(cut);
    expect(toAgentError('weird', cloud).name).toBe('UnexpectedError');
  });
});

describe('error classes', () => {
  it('have stable names and a fix that survive toInfo()', () => {
    const errors = [new AuthError(401), new ModelNotFoundError('m', 'u'), new RateLimitError(), new ServerError(500), new TimeoutError(30, 'stall'),
      new NetworkError('u', 'x'), new StreamCutError(), new MaxStepsError(6), new AbortError()];
    expect(errors.map((error) => error.toInfo().name)).toEqual([
      'AuthError', 'ModelNotFoundError', 'RateLimitError', 'ServerError', 'TimeoutError', 'NetworkError', 'StreamCutError', 'MaxStepsError', 'AbortError',
    ]);
    for (const error of errors) expect(error.toInfo().fix?.length).toBeGreaterThan(10);
  });
});

describe('retryAfterSeconds', () => {
  it('reads seconds, milliseconds and HTTP dates', () => {
    expect(retryAfterSeconds(new Headers({ 'retry-after': '3' }))).toBe(3);
    expect(retryAfterSeconds(new Headers({ 'retry-after-ms': '1500', 'retry-after': '9' }))).toBe(1.5);
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(retryAfterSeconds(new Headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:10 GMT' }), now)).toBe(10);
    expect(retryAfterSeconds(new Headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(retryAfterSeconds(new Headers())).toBeUndefined();
  });
});
