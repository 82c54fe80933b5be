import { defineConfig } from 'vitest/config';

// End-to-end: real Chromium with the built extension (run `npm run build` first; `npm test` does).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
