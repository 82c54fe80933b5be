// How much the loop adds to time-to-first-token over a bare SDK stream against the same server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeLlm, type FakeLlm } from '../../test/fake-llm/server';
import { recordingDeps } from '../../test/fake-llm/harness';
import { createClient } from './client';
import { runAgent } from './loop';
import { buildMessages } from './prompt';
import { toolDefinitions } from './tools';

let server: FakeLlm;

beforeAll(async () => {
  server = await startFakeLlm({ fallback: { text: 'The first token, then the rest of a short answer.' } });
});

afterAll(async () => {
  await server.close();
});

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const messages = buildMessages({ contextText: 'Title: a page\n'.repeat(50), question: 'What is this?' });

async function directFirstToken(): Promise<number> {
  const client = createClient({ baseUrl: server.url, model: 'fake-model' });
  const started = performance.now();
  let first = Number.NaN;
  const stream = await client.chat.completions.create({ model: 'fake-model', messages, stream: true, tools: toolDefinitions({ skills: false }) });
  for await (const chunk of stream) {
    if (Number.isNaN(first) && chunk.choices[0]?.delta.content) first = performance.now() - started;
  }
  return first;
}

async function agentFirstToken(): Promise<number> {
  const deps = recordingDeps(server.url);
  const started = performance.now();
  let first = Number.NaN;
  for await (const event of runAgent({ messages }, deps)) {
    if (Number.isNaN(first) && event.type === 'text-delta') first = performance.now() - started;
  }
  return first;
}

describe('agent loop overhead', () => {
  it('adds little to time-to-first-token', async () => {
    for (let warmup = 0; warmup < 5; warmup++) {
      await directFirstToken();
      await agentFirstToken();
    }
    const direct: number[] = [];
    const agent: number[] = [];
    for (let round = 0; round < 40; round++) {
      direct.push(await directFirstToken());
      agent.push(await agentFirstToken());
    }
    const directMedian = median(direct);
    const agentMedian = median(agent);
    console.info(
      `time to first token over 40 runs: SDK direct median ${directMedian.toFixed(2)} ms, runAgent median ${agentMedian.toFixed(2)} ms, ` +
        `overhead ${(agentMedian - directMedian).toFixed(2)} ms (ratio ${(agentMedian / directMedian).toFixed(2)})`,
    );
    expect(agent.every(Number.isFinite)).toBe(true);
    // Generous bound for a shared 2-core machine; the figure itself goes in the report.
    expect(agentMedian - directMedian).toBeLessThan(25);
  });
});
