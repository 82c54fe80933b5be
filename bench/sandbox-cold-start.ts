// Run in a fresh process by the bench: loads the sandbox, runs one trivial script, and prints the
// timings as one JSON line. A plain `new Function` run of the same code, first in this process too,
// is the baseline.
const code = 'return [3, 1, 2].sort().join()';

// A module (top-level await), not a script; it exports nothing.
export {};

const functionStarted = performance.now();
const functionValue: unknown = new Function(code)();
const functionMs = performance.now() - functionStarted;

const loadStarted = performance.now();
const { runScript } = await import('../lib/sandbox/run-script');
const loadMs = performance.now() - loadStarted;

const runStarted = performance.now();
const result = await runScript(code, { page: null });
const firstRunMs = performance.now() - runStarted;

process.stdout.write(`${JSON.stringify({ loadMs, firstRunMs, functionMs, ok: result.ok && result.value === functionValue, error: result.error })}\n`);
