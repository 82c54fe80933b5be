// One test per way a run can fail: each must end in one run-error naming the failure.
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeLlm, type FakeLlm, type FakeLlmOptions } from '../../test/fake-llm/server';
import { collectEvents, eventsOf, recordingDeps } from '../../test/fake-llm/harness';
import { createClient } from './client';
import type { AgentEvent } from './events';
import { runAgent } from './loop';
import { buildMessages } from './prompt';
import type { RunRequest } from './types';

let server: FakeLlm | undefined;

async function start(options: FakeLlmOptions): Promise<FakeLlm> {
  server = await startFakeLlm(options);
  return server;
}

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const request: RunRequest = { messages: buildMessages({ contextText: 'page', question: 'question' }) };

function runError(events: AgentEvent[]) {
  const errors = eventsOf(events, 'run-error');
  expect(errors).toHaveLength(1);
  expect(events.at(-1)?.type).toBe('run-error');
  return errors[0]!.error;
}

describe('runAgent: failures', () => {
  it('stops with MaxStepsError when the model never stops calling tools', async () => {
    const fake = await start({ fallback: { toolCalls: [{ name: 'run_script', arguments: '{"code":"1"}' }] } });
    const events = await collectEvents(runAgent(request, recordingDeps(fake.url, { maxSteps: 2 })));
    expect(runError(events)).toMatchObject({ name: 'MaxStepsError', message: expect.stringContaining('2') });
    expect(fake.chatCalls()).toHaveLength(2);
  });

  it('stops mid-stream when the user aborts, without finishing the text', async () => {
    const fake = await start({ turns: [{ text: 'word '.repeat(200), chunkDelayMs: 5 }] });
    const controller = new AbortController();
    const deps = recordingDeps(fake.url, { signal: controller.signal });
    const events: AgentEvent[] = [];
    const started = Date.now();
    for await (const event of runAgent(request, deps)) {
      events.push(event);
      if (event.type === 'text-delta' && eventsOf(events, 'text-delta').length === 3) controller.abort();
    }
    expect(runError(events).name).toBe('AbortError');
    expect(eventsOf(events, 'text-delta').length).toBeLessThan(10);
    expect(eventsOf(events, 'run-end')).toEqual([]);
    // 250 chunks at 5 ms would take over a second; stopping must not wait for them.
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('passes the signal into the sandbox and stops while a script runs', async () => {
    const fake = await start({ turns: [{ toolCalls: [{ name: 'run_script', arguments: '{"code":"while(true){}"}' }] }, { text: 'never' }] });
    const controller = new AbortController();
    let sandboxSawAbort = false;
    const deps = recordingDeps(fake.url, {
      signal: controller.signal,
      runScript: (_code, signal) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            sandboxSawAbort = true;
            reject(new Error('interrupted'));
          });
          setTimeout(() => controller.abort(), 20);
        }),
    });
    const events = await collectEvents(runAgent(request, deps));
    expect(sandboxSawAbort).toBe(true);
    expect(runError(events).name).toBe('AbortError');
    expect(eventsOf(events, 'script-end')).toEqual([]);
    expect(fake.chatCalls()).toHaveLength(1);
  });

  it('maps 401 to AuthError and does not retry', async () => {
    const fake = await start({ turns: [{ status: 401 }, { text: 'should not be reached' }] });
    const deps = recordingDeps(fake.url);
    const events = await collectEvents(runAgent(request, deps));
    const error = runError(events);
    expect(error.name).toBe('AuthError');
    expect(error.fix).toMatch(/Settings/);
    expect(eventsOf(events, 'retry')).toEqual([]);
    expect(deps.sleeps).toEqual([]);
    expect(fake.chatCalls()).toHaveLength(1);
  });

  it('sends the API key as a bearer token and maps a refused one to AuthError', async () => {
    const fake = await start({ requireApiKey: 'sk-right', fallback: { text: 'hello' } });
    const wrong = recordingDeps(fake.url, { client: createClient({ baseUrl: fake.url, apiKey: 'sk-wrong', model: 'fake-model' }) });
    expect(runError(await collectEvents(runAgent(request, wrong))).name).toBe('AuthError');
    const right = recordingDeps(fake.url, { client: createClient({ baseUrl: fake.url, apiKey: 'sk-right', model: 'fake-model' }) });
    const events = await collectEvents(runAgent(request, right));
    expect(eventsOf(events, 'run-end')[0]?.text).toBe('hello');
    expect(fake.chatCalls().at(-1)?.headers.authorization).toBe('Bearer sk-right');
  });

  it('maps 404 to ModelNotFoundError naming the model', async () => {
    const fake = await start({ turns: [{ status: 404 }] });
    const deps = recordingDeps(fake.url, { model: 'gpt-imaginary' });
    const error = runError(await collectEvents(runAgent(request, deps)));
    expect(error.name).toBe('ModelNotFoundError');
    expect(error.message).toContain('gpt-imaginary');
    expect(fake.chatCalls()).toHaveLength(1);
  });

  it('waits as long as retry-after says on 429, then succeeds', async () => {
    const fake = await start({ turns: [{ status: 429, retryAfter: 2 }, { text: 'after the wait' }] });
    const deps = recordingDeps(fake.url);
    const events = await collectEvents(runAgent(request, deps));
    expect(deps.sleeps).toEqual([2_000]);
    expect(eventsOf(events, 'retry')).toEqual([{ type: 'retry', attempt: 1, delayMs: 2_000, reason: expect.stringContaining('429') }]);
    expect(eventsOf(events, 'run-end')[0]?.text).toBe('after the wait');
  });

  it('caps a long retry-after at maxDelayMs', async () => {
    const fake = await start({ turns: [{ status: 429, retryAfter: 3_600 }, { text: 'ok' }] });
    const deps = recordingDeps(fake.url, { retry: { maxDelayMs: 5_000 } });
    await collectEvents(runAgent(request, deps));
    expect(deps.sleeps).toEqual([5_000]);
  });

  it('retries 500 twice with growing backoff, then succeeds', async () => {
    const fake = await start({ turns: [{ status: 500 }, { status: 500 }, { text: 'third time' }] });
    // random() = 0 picks the low end of the jitter: half of 100 ms, then half of 200 ms.
    const deps = recordingDeps(fake.url, { retry: { baseDelayMs: 100, random: () => 0 } });
    const events = await collectEvents(runAgent(request, deps));
    expect(deps.sleeps).toEqual([50, 100]);
    expect(eventsOf(events, 'retry').map((event) => event.attempt)).toEqual([1, 2]);
    expect(eventsOf(events, 'run-end')[0]?.text).toBe('third time');
    expect(fake.chatCalls()).toHaveLength(3);
  });

  it('keeps jittered backoff between half and all of the step', async () => {
    const fake = await start({ turns: [{ status: 503 }, { status: 502 }, { text: 'ok' }] });
    const deps = recordingDeps(fake.url, { retry: { baseDelayMs: 1_000, random: () => 0.999 } });
    await collectEvents(runAgent(request, deps));
    expect(deps.sleeps[0]).toBeGreaterThanOrEqual(500);
    expect(deps.sleeps[0]).toBeLessThanOrEqual(1_000);
    expect(deps.sleeps[1]).toBeGreaterThanOrEqual(1_000);
    expect(deps.sleeps[1]).toBeLessThanOrEqual(2_000);
  });

  it('gives up with ServerError when 500 never stops', async () => {
    const fake = await start({ fallback: { status: 500 } });
    const deps = recordingDeps(fake.url, { retry: { attempts: 3 } });
    const events = await collectEvents(runAgent(request, deps));
    expect(runError(events)).toMatchObject({ name: 'ServerError', message: expect.stringContaining('500') });
    expect(fake.chatCalls()).toHaveLength(4);
    expect(eventsOf(events, 'retry')).toHaveLength(3);
  });

  it('reports StreamCutError when the connection drops mid-answer, without retrying', async () => {
    const fake = await start({ turns: [{ cutAfterChars: 20, text: 'The answer starts here and then the line goes dead' }, { text: 'not used' }] });
    const deps = recordingDeps(fake.url);
    const events = await collectEvents(runAgent(request, deps));
    expect(runError(events).name).toBe('StreamCutError');
    expect(eventsOf(events, 'text-delta').map((event) => event.text).join('')).toBe('The answer starts he');
    expect(fake.chatCalls()).toHaveLength(1);
  });

  it('reports TimeoutError when the stream stalls', async () => {
    const fake = await start({ turns: [{ stallMs: 3_000 }] });
    const deps = recordingDeps(fake.url, { stallTimeoutMs: 150 });
    const started = Date.now();
    const events = await collectEvents(runAgent(request, deps));
    expect(runError(events)).toMatchObject({ name: 'TimeoutError', message: expect.stringContaining('0.15 s') });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('waits longer than the stall timeout for a server that is slow to start answering', async () => {
    // A local server loading its model answers late; only the request timeout (5 s here) bounds that wait.
    const fake = await start({ turns: [() => new Promise((resolve) => setTimeout(() => resolve({ text: 'Loaded, and here is the answer.' }), 600))] });
    const events = await collectEvents(runAgent(request, recordingDeps(fake.url, { stallTimeoutMs: 150 })));
    expect(eventsOf(events, 'run-end')[0]).toMatchObject({ text: 'Loaded, and here is the answer.' });
  });

  it('reports TimeoutError when the server does not start answering within the request timeout', async () => {
    const fake = await start({ turns: [() => new Promise((resolve) => setTimeout(() => resolve({ text: 'too late' }), 3_000))] });
    const client = createClient({ baseUrl: fake.url, model: 'fake-model', timeoutMs: 300 });
    const started = Date.now();
    const error = runError(await collectEvents(runAgent(request, recordingDeps(fake.url, { client, stallTimeoutMs: 150, retry: { attempts: 0 } }))));
    expect(error).toMatchObject({ name: 'TimeoutError', message: expect.stringContaining('0.3 s') });
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('reports NetworkError naming the base URL when nothing listens', async () => {
    const fake = await start({});
    const url = fake.url;
    await fake.close();
    server = undefined;
    const error = runError(await collectEvents(runAgent(request, recordingDeps(url))));
    expect(error.name).toBe('NetworkError');
    expect(error.message).toContain(url);
    expect(error.fix).toMatch(/must be running/);
  });

  it('maps another 4xx to ProviderError without retrying', async () => {
    // Nothing scripted: the double answers 400 "no scripted turn left".
    const fake = await start({});
    const deps = recordingDeps(fake.url);
    const events = await collectEvents(runAgent(request, deps));
    expect(runError(events)).toMatchObject({ name: 'ProviderError', message: expect.stringContaining('no scripted turn') });
    expect(deps.sleeps).toEqual([]);
    expect(fake.chatCalls()).toHaveLength(1);
  });
});
