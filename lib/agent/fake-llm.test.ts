// The fake server is only useful if it speaks the wire format real servers speak: checked raw here.
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeLlm, type FakeLlm } from '../../test/fake-llm/server';

let server: FakeLlm | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function post(url: string, body: unknown): Promise<Response> {
  return fetch(`${url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function sseEvents(response: Response): Promise<string[]> {
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('data: '))
    .map((block) => block.slice('data: '.length));
}

describe('fake LLM server', () => {
  it('streams a role chunk, split content, a finish reason and [DONE]', async () => {
    server = await startFakeLlm({ turns: [{ text: 'Hello, world!' }] });
    const response = await post(server.url, { model: 'm', stream: true, messages: [{ role: 'user', content: 'hi' }] });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const events = await sseEvents(response);
    expect(events.at(-1)).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((data) => JSON.parse(data));
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk' && chunk.model === 'm')).toBe(true);
    expect(chunks[0].choices[0].delta.role).toBe('assistant');
    const contents = chunks.map((chunk) => chunk.choices[0].delta.content).filter((content) => content);
    expect(contents.length).toBeGreaterThan(1);
    expect(contents.join('')).toBe('Hello, world!');
    expect(chunks.at(-1).choices[0].finish_reason).toBe('stop');
  });

  it('streams tool calls as id and name first, then argument fragments', async () => {
    const args = '{"code":"files().map((file) => file.path)"}';
    server = await startFakeLlm({ turns: [{ toolCalls: [{ name: 'run_script', arguments: args, id: 'call_x' }] }] });
    const events = await sseEvents(await post(server.url, { model: 'm', stream: true, messages: [] }));
    const deltas = events.slice(0, -1).map((data) => JSON.parse(data).choices[0]);
    const toolDeltas = deltas.filter((choice) => choice.delta.tool_calls).map((choice) => choice.delta.tool_calls[0]);
    expect(toolDeltas[0]).toEqual({ index: 0, id: 'call_x', type: 'function', function: { name: 'run_script', arguments: '' } });
    expect(toolDeltas.length).toBeGreaterThan(2);
    expect(toolDeltas.slice(1).every((delta) => delta.id === undefined && delta.function.name === undefined)).toBe(true);
    expect(toolDeltas.map((delta) => delta.function.arguments).join('')).toBe(args);
    expect(deltas.at(-1).finish_reason).toBe('tool_calls');
  });

  it('answers JSON when stream is false, and records the request', async () => {
    server = await startFakeLlm({ turns: [{ toolCalls: [{ name: 'read_more', arguments: '{"section":"a"}' }] }] });
    const response = await fetch(`${server.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test': 'yes' },
      body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'q' }] }),
    });
    const body = await response.json();
    expect(body.object).toBe('chat.completion');
    expect(body.choices[0].finish_reason).toBe('tool_calls');
    expect(body.choices[0].message.tool_calls[0].function).toEqual({ name: 'read_more', arguments: '{"section":"a"}' });
    expect(server.calls[0]).toMatchObject({ method: 'POST', path: '/v1/chat/completions', headers: { 'x-test': 'yes' }, body: { model: 'm' } });
  });

  it('serves faults with OpenAI-shaped error bodies and retry-after', async () => {
    server = await startFakeLlm({ turns: [{ status: 429, retryAfter: 4 }, { status: 404 }] });
    const limited = await post(server.url, { model: 'm', stream: true, messages: [] });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('4');
    const missing = await post(server.url, { model: 'nope', stream: true, messages: [] });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toMatchObject({ code: 'model_not_found', message: expect.stringContaining('nope') });
  });

  it('accepts turns and lists calls over its control routes', async () => {
    server = await startFakeLlm({});
    const base = server.url.replace(/\/v1$/, '');
    await fetch(`${base}/__fake/turns`, { method: 'POST', body: JSON.stringify([{ text: 'queued' }]) });
    const body = await (await post(server.url, { model: 'm', messages: [] })).json();
    expect(body.choices[0].message.content).toBe('queued');
    const calls = await (await fetch(`${base}/__fake/calls`)).json();
    expect(calls).toHaveLength(1);
  });
});
