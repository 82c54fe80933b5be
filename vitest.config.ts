import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'test/unit/**/*.test.ts', 'cli/**/*.test.ts', 'components/**/*.test.tsx', 'components/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
