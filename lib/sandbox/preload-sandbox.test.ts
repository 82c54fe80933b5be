import { expect, it } from 'vitest';
import { isSandboxLoaded } from './quickjs-module';
import { preloadSandbox, runScript } from './run-script';

it('loads and warms the engine ahead of the first run', async () => {
  expect(isSandboxLoaded()).toBe(false);
  const started = performance.now();
  await preloadSandbox();
  const preloadMs = performance.now() - started;
  expect(isSandboxLoaded()).toBe(true);
  const first = await runScript('[3, 1, 2].sort().join()', { page: null });
  console.log(`sandbox preload (load + warm-up): ${preloadMs.toFixed(1)} ms; first run after it: ${first.ms} ms`);
  expect(first).toMatchObject({ ok: true, value: '1,2,3' });
});
