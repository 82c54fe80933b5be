// What the agent loop adds to time-to-first-token: runAgent against the fake LLM beside the openai SDK
// streaming the same request from the same server.
import { createClient } from '../lib/agent/client';
import { runAgent } from '../lib/agent/loop';
import { buildMessages } from '../lib/agent/prompt';
import { toolDefinitions } from '../lib/agent/tools';
import { recordingDeps } from '../test/fake-llm/harness';
import { startFakeLlm } from '../test/fake-llm/server';
import { median } from './measure';
import { BenchCheckError, benchRow, type BenchRow } from './rows';

const messages = buildMessages({ contextText: 'Title: a page\n'.repeat(50), question: 'What is this?' });

async function directFirstToken(url: string): Promise<number> {
  const client = createClient({ baseUrl: url, model: 'fake-model' });
  const started = performance.now();
  let first = Number.NaN;
  const stream = await client.chat.completions.create({ model: 'fake-model', messages, stream: true, tools: toolDefinitions({ skills: false }) });
  for await (const chunk of stream) {
    if (Number.isNaN(first) && chunk.choices[0]?.delta.content) first = performance.now() - started;
  }
  return first;
}

async function agentFirstToken(url: string): Promise<number> {
  const deps = recordingDeps(url);
  const started = performance.now();
  let first = Number.NaN;
  for await (const event of runAgent({ messages }, deps)) {
    if (Number.isNaN(first) && event.type === 'text-delta') first = performance.now() - started;
  }
  return first;
}

export async function firstTokenRows(runs: number): Promise<BenchRow[]> {
  const server = await startFakeLlm({ fallback: { text: 'The first token, then the rest of a short answer.' } });
  try {
    for (let warmup = 0; warmup < 5; warmup++) {
      await directFirstToken(server.url);
      await agentFirstToken(server.url);
    }
    const direct: number[] = [];
    const agent: number[] = [];
    // Interleaved, so a busy moment on the machine hits both sides alike.
    for (let round = 0; round < runs; round++) {
      direct.push(await directFirstToken(server.url));
      agent.push(await agentFirstToken(server.url));
    }
    if (![...direct, ...agent].every(Number.isFinite)) throw new BenchCheckError('a run streamed no text');
    const value = median(agent);
    const baseline = median(direct);
    return [
      benchRow({
        group: 'agent',
        name: 'time to first token: runAgent',
        unit: 'ms',
        value,
        baselineName: 'openai SDK stream, same server',
        baseline,
        target: { overheadAtMost: 25, why: 'the loop adds no noticeable delay' },
        note: `medians of ${runs} interleaved runs; overhead ${(value - baseline).toFixed(2)} ms`,
      }),
    ];
  } finally {
    await server.close();
  }
}
