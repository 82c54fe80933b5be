import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'test/unit/**/*.test.ts', 'cli/**/*.test.ts', 'components/**/*.test.tsx', 'components/**/*.test.ts'],
    environment: 'node',
    // Builds the sandbox's scripts from their TypeScript first, so tests run what the extension ships.
    globalSetup: ['scripts/build-sandbox-scripts.ts'],
    // Real pages under jsdom on 2 shared cores: generous limits, since speed is measured in `npm run bench`.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
