// Runs the fake LLM as a process for e2e tests:
//   npx tsx test/fake-llm/main.ts --port 0 --turns turns.json [--require-api-key KEY]
// turns.json is either an array of replies or { "turns": [...], "fallback": {...}, "models": [...] }.
// Prints the base URL (ending /v1) as the first line of stdout; stops on SIGINT/SIGTERM.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { startFakeLlm, type FakeLlmOptions, type FakeReply } from './server';

interface TurnsFile {
  turns?: FakeReply[];
  fallback?: FakeReply;
  models?: string[];
}

async function loadTurns(path: string | undefined): Promise<TurnsFile> {
  if (path === undefined) return {};
  const parsed = JSON.parse(await readFile(path, 'utf8')) as FakeReply[] | TurnsFile;
  return Array.isArray(parsed) ? { turns: parsed } : parsed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      turns: { type: 'string' },
      'require-api-key': { type: 'string' },
    },
  });
  const file = await loadTurns(values.turns);
  const options: FakeLlmOptions = {
    port: Number.parseInt(values.port ?? '0', 10),
    turns: file.turns ?? [],
    ...(file.fallback ? { fallback: file.fallback } : {}),
    ...(file.models ? { models: file.models } : {}),
    ...(values['require-api-key'] ? { requireApiKey: values['require-api-key'] } : {}),
  };
  const server = await startFakeLlm(options);
  process.stdout.write(`${server.url}\n`);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`fake-llm: close failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`fake-llm: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
