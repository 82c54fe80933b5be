import { expect, it } from 'vitest';
import { isSandboxLoaded } from './quickjs-module';
import { runScript } from './run-script';

it('loads the engine on the first run and reuses it after', async () => {
  expect(isSandboxLoaded()).toBe(false);
  const cold = await runScript('1 + 1', { page: null });
  expect(isSandboxLoaded()).toBe(true);
  const warm = await runScript('1 + 1', { page: null });
  console.log(`sandbox cold start (module load + first run): ${cold.ms} ms; next warm run: ${warm.ms} ms`);
  expect(cold).toMatchObject({ ok: true, value: 2 });
  expect(warm).toMatchObject({ ok: true, value: 2 });
});
