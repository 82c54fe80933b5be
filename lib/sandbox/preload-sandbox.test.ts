import { expect, it } from 'vitest';
import { isSandboxLoaded } from './quickjs-module';
import { WARM_UP_PAGE, WARM_UP_SCRIPT, preloadSandbox, runScript } from './run-script';

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

it('warms up with a script that runs cleanly over a pull-request-shaped page', async () => {
  const result = await runScript(WARM_UP_SCRIPT, { page: WARM_UP_PAGE });
  expect(result.error).toBeUndefined();
  expect(result).toMatchObject({ ok: true, value: { failing: ['ci'] } });
  expect((result.value as { rows: { path: string; added: number }[] }).rows).toEqual([
    { path: 'src/a.ts', added: 2, hunks: 1 },
    { path: 'test/a.test.ts', added: 1, hunks: 1 },
  ]);
  expect(result.views?.map((view) => view.type)).toEqual(['table', 'markdown']);
});
