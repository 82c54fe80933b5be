import { afterEach, describe, expect, it } from 'vitest';
import { collectEvents, okResult, recordingDeps } from '../../test/fake-llm/harness';
import { startFakeLlm, type FakeLlm } from '../../test/fake-llm/server';
import { runAgent } from './loop';
import { API_KEY_MARKER, maskExact } from './mask-exact';
import { buildMessages } from './prompt';

// Made up here, in no provider's format: only the exact string is looked for.
const apiKey = ['tandem', 'test', 'key', '7f3c9a'].join('-');

describe('maskExact', () => {
  it('replaces every occurrence at any depth and leaves the input alone', () => {
    const input = { role: 'user', content: [{ type: 'text', text: `key ${apiKey} and again ${apiKey}.` }], n: 3 };
    const masked = maskExact(input, [apiKey]);
    expect(masked).toEqual({ role: 'user', content: [{ type: 'text', text: `key ${API_KEY_MARKER} and again ${API_KEY_MARKER}.` }], n: 3 });
    expect(input.content[0]!.text).toContain(apiKey);
  });

  it('masks nothing for no key or one too short to tell from a word', () => {
    const input = { content: 'ollama runs without a key' };
    expect(maskExact(input, undefined)).toBe(input);
    expect(maskExact(input, [''])).toBe(input);
    expect(maskExact(input, ['key'])).toBe(input);
  });
});

describe('the configured API key in a run', () => {
  let server: FakeLlm | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('never reaches the model, whether the page, the question or a script shows it', async () => {
    server = await startFakeLlm({
      turns: [{ toolCalls: [{ name: 'run_script', arguments: JSON.stringify({ code: 'page.settings' }), id: 'call_a' }] }, { text: 'Done.' }],
    });
    const deps = recordingDeps(server.url, { runScript: async () => okResult({ apiKey }, [`using ${apiKey}`]), maskedStrings: [apiKey] });
    const messages = buildMessages({ contextText: `Settings page: API key ${apiKey}`, question: `Is ${apiKey} valid?` });
    await collectEvents(runAgent({ runId: 'run-1', messages }, deps));
    const bodies = server.chatCalls().map((call) => JSON.stringify(call.body));
    expect(bodies).toHaveLength(2);
    for (const body of bodies) expect(body).not.toContain(apiKey);
    expect(bodies[1]).toContain(API_KEY_MARKER);
  });
});
