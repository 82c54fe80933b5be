import { describe, expect, it } from 'vitest';
import { eventSplittingFetch, sseEventChunks } from './sse-event-chunks';

async function piecesOf(chunks: string[]): Promise<string[]> {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  const pieces: string[] = [];
  for await (const piece of source.pipeThrough(sseEventChunks())) pieces.push(decoder.decode(piece));
  return pieces;
}

describe('sseEventChunks', () => {
  it('cuts a read after each event, keeping every byte in order', async () => {
    const wire = 'data: {"a":1}\n\ndata: {"b":2}\r\n\r\ndata: [DONE]\n\n';
    const pieces = await piecesOf([wire.slice(0, 20), wire.slice(20)]);
    expect(pieces.join('')).toBe(wire);
    expect(pieces).toEqual(['data: {"a":1}\n\n', 'data:', ' {"b":2}\r\n\r\n', 'data: [DONE]\n\n']);
  });

  it('passes through a read without a blank line as it is', async () => {
    expect(await piecesOf(['data: {"partial":'])).toEqual(['data: {"partial":']);
  });
});

describe('eventSplittingFetch', () => {
  it('splits event streams and leaves other responses alone', async () => {
    const stream = await eventSplittingFetch(async () => new Response('data: 1\n\ndata: 2\n\n', { headers: { 'content-type': 'text/event-stream; charset=utf-8' } }))('http://x');
    const reader = stream.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('data: 1\n\n');
    const json = new Response('{"data":[]}', { headers: { 'content-type': 'application/json' } });
    expect(await eventSplittingFetch(async () => json)('http://x')).toBe(json);
  });
});
