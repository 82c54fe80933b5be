import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['test/fixtures/**', '.output/**', '.wxt/**', 'lib/generated/**', 'node_modules/**', 'test-results/**', 'bench/results.json', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    // Code built into the sandbox's scripts: QuickJS has the ECMAScript built-ins and the prelude's globals,
    // nothing of the DOM, Node, timers, Intl or the network (sandbox-scripts.test.ts checks the built text).
    files: ['lib/sandbox/prelude/**/*.ts', 'lib/skills/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'self', 'document', 'navigator', 'location', 'localStorage', 'fetch', 'XMLHttpRequest', 'WebSocket',
          'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'queueMicrotask', 'requestAnimationFrame',
          'structuredClone', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'atob', 'btoa', 'Intl', 'performance',
          'crypto', 'process', 'require', 'Buffer', 'chrome', 'browser'].map((name) => ({ name, message: 'The QuickJS sandbox does not define it.' })),
      ],
    },
  },
  {
    // Skill files (README "Skill files"): a script body run in the sandbox, with its globals.
    files: ['.tandem/skills/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      parserOptions: { ecmaFeatures: { globalReturn: true } },
      globals: Object.fromEntries(['page', 'context', 'console', 'files', 'hunks', 'addedLines', 'removedLines', 'sum', 'mean', 'median', 'groupBy', 'sortBy', 'topN', 'view'].map((name) => [name, 'readonly'])),
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
