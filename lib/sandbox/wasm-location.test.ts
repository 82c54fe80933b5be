// The extension's path: the .wasm has a URL (here a data: URL, which Node's fetch can read), and is
// compiled once however many engines are made from it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, expect, it, vi } from 'vitest';
import { discardSandbox, loadSandbox } from './quickjs-module';
import { runScript } from './run-script';
import { setSandboxWasmLocation } from './wasm-location';

const noPage = { page: null };

afterEach(() => {
  vi.restoreAllMocks();
});

it('compiles the .wasm once, for every memory cap and after a discarded engine', async () => {
  const bytes = readFileSync(createRequire(import.meta.url).resolve('@jitl/quickjs-wasmfile-release-sync/wasm'));
  setSandboxWasmLocation(`data:application/wasm;base64,${bytes.toString('base64')}`);
  // Node's fetch compiles a WebAssembly HTTP parser of its own on first use: not counted.
  await fetch('data:,');
  const streamed = vi.spyOn(WebAssembly, 'compileStreaming');
  const compiled = vi.spyOn(WebAssembly, 'compile');

  expect(await runScript('1 + 1', noPage)).toMatchObject({ ok: true, value: 2 });
  // Another memory cap is another instance (the cap is its WebAssembly memory's maximum)...
  expect(await runScript('2 + 2', noPage, { memoryBytes: 8 * 1024 * 1024 })).toMatchObject({ ok: true, value: 4 });
  // ...and so is the fresh engine that replaces one in an unknown state.
  discardSandbox(await loadSandbox());
  expect(await runScript('3 + 3', noPage)).toMatchObject({ ok: true, value: 6 });

  expect(streamed.mock.calls.length + compiled.mock.calls.length).toBe(1);
});
