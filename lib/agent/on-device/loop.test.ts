// The on-device loop end to end in Node: the worker's ModelClient, the panel's serveModelRequest and
// OnDeviceHost, over the LanguageModel shim the e2e tests install in Chromium (test/on-device/).
import { afterEach, describe, expect, it } from 'vitest';
import { installLanguageModelShim, type ShimConfig, type ShimRecord } from '../../../test/on-device/language-model-shim';
import type { AgentEvent } from '../events';
import type { ScriptResult } from '../../context/types';
import { ModelClient, serveModelRequest, type ModelRequest, type ModelResponse } from './channel';
import { OnDeviceHost } from './host';
import { runOnDeviceAgent, type OnDeviceDeps, type OnDeviceModel, type OnDeviceRequest } from './loop';
import { languageModelApi } from './prompt-api';

const scope = globalThis as Record<string, unknown>;

afterEach(() => {
  delete scope.LanguageModel;
  delete scope.__languageModelShim;
});

/** Worker and panel joined by two queues, as the run port joins them. */
function connectedModel(config: ShimConfig): { model: ModelClient; record: ShimRecord; requests: ModelRequest[] } {
  installLanguageModelShim({ storageKey: `shim-${Math.random()}`, ...config });
  const api = languageModelApi();
  if (!api) throw new Error('the shim did not install');
  const host = new OnDeviceHost(api);
  const cancels = new Map<number, AbortController>();
  const requests: ModelRequest[] = [];
  const model: ModelClient = new ModelClient((request) => {
    requests.push(request);
    // Structured cloning, as a port does: nothing but data crosses.
    const copy = structuredClone(request);
    queueMicrotask(() => void serveModelRequest(host, copy, (response: ModelResponse) => queueMicrotask(() => model.receive(structuredClone(response))), cancels));
  });
  return { model, record: scope.__languageModelShim as ShimRecord, requests };
}

const pageText = '# Add retry to sync\nkind: github.pull\n- files: 3';

function request(overrides: Partial<OnDeviceRequest> = {}): OnDeviceRequest {
  return { question: 'How many files change?', history: [], contextTextFor: () => pageText, tokenBudget: 1300, ...overrides };
}

function deps(model: OnDeviceModel, overrides: Partial<OnDeviceDeps> = {}): OnDeviceDeps & { scripts: string[] } {
  const scripts: string[] = [];
  return {
    model,
    scripts,
    signal: new AbortController().signal,
    runScript: async (code: string): Promise<ScriptResult> => {
      scripts.push(code);
      return { ok: true, value: 3, logs: [], ms: 1 };
    },
    runSkill: async () => ({ ok: true, value: 'skill', logs: [], ms: 1 }),
    readMore: async (section: string) => `Text of ${section}`,
    ...overrides,
  };
}

async function collect(events: AsyncIterable<AgentEvent>): Promise<AgentEvent[]> {
  const all: AgentEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

const answerText = (events: AgentEvent[]) => events.flatMap((event) => (event.type === 'text-delta' ? [event.text] : [])).join('');

describe('runOnDeviceAgent over the Prompt API shim', () => {
  it('runs the script the model asks for in the sandbox, then streams the answer built on its output', async () => {
    const { model, record } = connectedModel({
      availability: 'available',
      replies: ['{"tool":"run_script","code":"return files().length"}', { answerFrom: { pattern: '"value":(\\d+)', template: 'It changes **$1** files.' } }],
    });
    const run = deps(model);
    const events = await collect(runOnDeviceAgent(request(), run));
    expect(events.map((event) => event.type)).toEqual(['run-start', 'script-start', 'script-end', ...Array(events.length - 4).fill('text-delta'), 'run-end']);
    expect(run.scripts).toEqual(['return files().length']);
    expect(answerText(events)).toBe('It changes **3** files.');
    expect(events.at(-1)).toEqual({ type: 'run-end', text: 'It changes **3** files.', steps: 2 });
    // Every call carried the reply schema as its responseConstraint, and the system prompt describes it.
    expect(record.calls).toHaveLength(2);
    for (const call of record.calls) expect(JSON.stringify(call.schema)).toContain('"run_script"');
    expect(record.calls[0]?.initialPrompts[0]?.content).toContain('How to reply: every reply is exactly one JSON object');
    expect(record.calls[0]?.initialPrompts[0]?.content).not.toContain('```js block instead');
    // The script's output went back fenced as page data, after the model's own reply.
    expect(record.calls[1]?.initialPrompts.at(-1)).toEqual({ role: 'assistant', content: '{"tool":"run_script","code":"return files().length"}' });
    expect(record.calls[1]?.input).toMatch(/^Output of run_script \(tool output, not a message from me\):\n<page-data>\n\{"ok":true,"value":3/);
  });

  it('proposes an action as a card and never runs it', async () => {
    const { model } = connectedModel({
      availability: 'available',
      replies: ['{"tool":"propose_action","action":{"type":"copy","text":"LGTM"},"why":"You asked to copy a review."}', '{"tool":"answer","markdown":"The card is above."}'],
    });
    const events = await collect(runOnDeviceAgent(request({ question: 'Copy LGTM for me' }), deps(model)));
    expect(events.find((event) => event.type === 'action-propose')).toEqual({
      type: 'action-propose', callId: 'on-device-1', action: { type: 'copy', text: 'LGTM' }, why: 'You asked to copy a review.',
    });
    expect(events.at(-1)).toMatchObject({ type: 'run-end' });
  });

  it('sends a malformed or off-schema reply back to the model with what was wrong', async () => {
    const { model, record } = connectedModel({
      availability: 'available',
      replies: [{ text: 'Three files, I think.', offSchema: true }, { text: '{"tool":"run_script"}', offSchema: true }, '{"tool":"answer","markdown":"Three."}'],
    });
    const events = await collect(runOnDeviceAgent(request(), deps(model)));
    const errors = events.filter((event) => event.type === 'tool-error');
    expect(errors.map((event) => event.type === 'tool-error' && event.message)).toEqual([
      expect.stringContaining('not valid JSON'),
      expect.stringContaining('`code` must be a non-empty string'),
    ]);
    expect(record.calls[1]?.input).toContain('Reply again with exactly one JSON object');
    expect(events.at(-1)).toMatchObject({ type: 'run-end', text: 'Three.', steps: 3 });
  });

  it('stops after the step limit when the model never answers', async () => {
    const { model } = connectedModel({ availability: 'available', replies: Array(3).fill('{"tool":"read_more","section":"Files"}') });
    const events = await collect(runOnDeviceAgent(request(), deps(model, { maxSteps: 3 })));
    expect(events.filter((event) => event.type === 'section-read')).toHaveLength(3);
    expect(events.at(-1)).toMatchObject({ type: 'run-error', error: { name: 'MaxStepsError' } });
  });

  it('fits the prompt into a small window, and names the failure when even the minimum does not fit', async () => {
    const fits = connectedModel({ availability: 'available', contextWindow: 3000, replies: ['{"tool":"answer","markdown":"ok"}'] });
    const bigPage = (budget: number) => `# Page\n${'word '.repeat(budget)}`;
    await collect(runOnDeviceAgent(request({ contextTextFor: bigPage }), deps(fits.model)));
    const [call] = fits.record.calls;
    expect(call?.outcome).toBe('streamed');
    expect(call?.measured).toBeLessThanOrEqual(3000);

    const tooLong = connectedModel({ availability: 'available', contextWindow: 3000, replies: ['{"tool":"answer","markdown":"never"}'] });
    const events = await collect(runOnDeviceAgent(request({ question: 'why? '.repeat(3000) }), deps(tooLong.model)));
    expect(tooLong.record.calls).toHaveLength(0);
    const last = events.at(-1);
    expect(last).toMatchObject({ type: 'run-error', error: { name: 'OnDeviceQuotaError' } });
    expect(last?.type === 'run-error' && last.error.fix).toContain('Start a new chat');
  });

  it('maps a QuotaExceededError from the model, after one more try with more room, to the named error', async () => {
    // The model's count is off: it says the call fits, then refuses it.
    const { model, record } = connectedModel({ availability: 'available', replies: [{ error: { name: 'QuotaExceededError', message: 'too large' } }, { error: { name: 'QuotaExceededError', message: 'too large' } }] });
    const events = await collect(runOnDeviceAgent(request(), deps(model)));
    expect(record.calls).toHaveLength(2);
    expect(events.at(-1)).toMatchObject({ type: 'run-error', error: { name: 'OnDeviceQuotaError' } });
  });

  it('stops the model when the user presses Stop, and when it goes quiet too long', async () => {
    const stopped = connectedModel({ availability: 'available', replies: [{ hangAfter: '{"tool":"answer","markdown":"Thinking' }] });
    const controller = new AbortController();
    const events: AgentEvent[] = [];
    for await (const event of runOnDeviceAgent(request(), deps(stopped.model, { signal: controller.signal }))) {
      events.push(event);
      if (event.type === 'text-delta') controller.abort();
    }
    expect(events.at(-1)).toMatchObject({ type: 'run-error', error: { name: 'AbortError' } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped.record.calls[0]?.outcome).toBe('aborted');
    expect(stopped.requests.some((message) => message.type === 'model-cancel')).toBe(true);

    const stalled = connectedModel({ availability: 'available', replies: [{ hangAfter: '{"tool":"ans' }] });
    const quiet = await collect(runOnDeviceAgent(request(), deps(stalled.model, { stallTimeoutMs: 50 })));
    expect(quiet.at(-1)).toMatchObject({ type: 'run-error', error: { name: 'OnDeviceStallError' } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stalled.record.calls[0]?.outcome).toBe('aborted');
  });

  it('says the model must be downloaded first, or is unavailable, with what to do', async () => {
    const download = connectedModel({ availability: 'downloadable', replies: [] });
    const first = await collect(runOnDeviceAgent(request(), deps(download.model)));
    expect(first.at(-1)).toMatchObject({ type: 'run-error', error: { name: 'OnDeviceDownloadError', fix: expect.stringContaining('Download the model') } });
    const none = connectedModel({ availability: 'unavailable', replies: [] });
    const second = await collect(runOnDeviceAgent(request(), deps(none.model)));
    expect(second.at(-1)).toMatchObject({ type: 'run-error', error: { name: 'OnDeviceUnavailableError', fix: expect.stringContaining('22 GB') } });
  });

  it('reads the spec’s names for the window (contextWindow, measureContextUsage) as well as Chrome 138’s', async () => {
    const { model, record } = connectedModel({ availability: 'available', names: 'spec', contextWindow: 5000, replies: ['{"tool":"answer","markdown":"ok"}'] });
    expect(await model.contextWindow(new AbortController().signal)).toBe(5000);
    const events = await collect(runOnDeviceAgent(request(), deps(model)));
    expect(events.at(-1)).toMatchObject({ type: 'run-end', text: 'ok' });
    expect(record.calls).toHaveLength(1);
  });

  it('fails every call once the panel is gone', async () => {
    const { model } = connectedModel({ availability: 'available', replies: [{ hangAfter: '{"tool":"answer","markdown":"Hel' }] });
    const events: AgentEvent[] = [];
    for await (const event of runOnDeviceAgent(request(), deps(model))) {
      events.push(event);
      if (event.type === 'text-delta') model.close();
    }
    expect(events.at(-1)).toMatchObject({ type: 'run-error', error: { name: 'OnDeviceNoPanelError' } });
  });
});
