// The sandbox's public entry: run a script over page data in QuickJS and get a ScriptResult back.
// Never throws: every failure (the script's, a limit, the engine's) comes back as `ok: false`.
import type { QuickJSWASMModule } from 'quickjs-emscripten-core';
import type { ScriptResult } from '../context/types';
import { formatBytes } from './format-bytes';
import { executeInVm, type RunPhase, type VmOutcome } from './execute-in-vm';
import { DEFAULT_LIMITS, LOG_LINE_CHARS, resolveLimits, type SandboxLimits } from './limits';
import { budgetOutput } from './output-budget';
import { discardSandbox, isSandboxDiscarded, loadSandbox } from './quickjs-module';
import { EMPTY_SANDBOX_CONTEXT, type SandboxInput } from './sandbox-input';
import { sanitiseViews } from './sanitise-views';
import { ABORTED_MESSAGE, hostErrorMessage } from './script-errors';

export { DEFAULT_LIMITS, type SandboxLimits };
export type { RunPhase, SandboxInput };

export interface RunScriptOptions {
  /** Stops the script (checked before it starts and whenever QuickJS polls for interrupts). */
  signal?: AbortSignal;
  /** Told as each step of the run ends ('engine' once the QuickJS module is there), for measuring. */
  onPhaseEnd?: (phase: RunPhase) => void;
}

const warmed = new WeakSet<QuickJSWASMModule>();

/**
 * A throwaway run. V8 compiles WebAssembly functions lazily, on their first call, so a fresh module's
 * first run is many times slower than the next; this pays that cost before anyone waits for a result.
 */
// A small page of the shape real runs get, and a script that touches what they use (page JSON, the diff,
// statistics and view helpers): the engine compiles its code lazily, function by function, so a warm-up
// that reads only numbers leaves a first real run compiling the rest (about 50 ms in the extension).
export const WARM_UP_PAGE = {
  type: 'pull',
  number: 1,
  title: 'Warm-up',
  checks: [{ name: 'ci', state: 'failure', link: 'https://example.invalid/run/1' }],
  files: [
    { path: 'src/a.ts', status: 'modified', additions: 2, deletions: 1, hunks: [{ header: '@@ -1,2 +1,3 @@ a', oldStart: 1, oldLines: 2, newStart: 1, newLines: 3, lines: [' keep', '-old', '+new()', '+more'] }] },
    { path: 'test/a.test.ts', status: 'added', additions: 1, deletions: 0, hunks: [{ header: '@@ -0,0 +1 @@', oldStart: 0, oldLines: 0, newStart: 1, newLines: 1, lines: ['+it()'] }] },
  ],
};
export const WARM_UP_SCRIPT = `
  const rows = files().map((file) => ({ path: file.path, added: addedLines(/\\w+/, file.path).length, hunks: hunks(file.path).length }));
  console.log(sum(rows.map((row) => row.added)), median([1, 2, 3]), JSON.stringify(groupBy(rows, (row) => row.path.split('/')[0])));
  view.table(sortBy(rows, (row) => -row.added));
  view.markdown('**' + topN(rows, 1, (row) => row.added)[0].path + '**');
  return { rows, failing: page.checks.filter((check) => check.state === 'failure').map((check) => check.name) };
`;

function warmUp(quickjs: QuickJSWASMModule, limits: SandboxLimits): void {
  if (warmed.has(quickjs)) return;
  warmed.add(quickjs);
  executeInVm(quickjs, WARM_UP_SCRIPT, inputJsonOf({ page: WARM_UP_PAGE }, limits), { ...limits, timeoutMs: 10_000 });
}

/**
 * Loads the engine and warms it up, for callers that know a run is likely soon (the service worker,
 * once a page has been read). `runScript` does not warm up itself: its first run pays the lazy
 * compilation once, with the prelude on a budget of its own, instead of running a script twice.
 */
export async function preloadSandbox(limits: Partial<SandboxLimits> = {}): Promise<void> {
  const resolved = resolveLimits(limits);
  const quickjs = await loadSandbox(resolved.memoryBytes);
  try {
    warmUp(quickjs, resolved);
  } catch (error) {
    // Same as in a run: the host threw inside the engine, so its state is unknown.
    discardSandbox(quickjs);
    throw error;
  }
}

function elapsedSince(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}

function failure(error: string, started: number, logs: string[] = []): ScriptResult {
  return { ok: false, error, logs, ms: elapsedSince(started) };
}

function inputJsonOf(input: SandboxInput, limits: SandboxLimits): string {
  return JSON.stringify({
    page: input.page ?? null,
    context: input.context ?? EMPTY_SANDBOX_CONTEXT,
    limits: { logLines: limits.logLines, logLineChars: LOG_LINE_CHARS },
  });
}

function resultOf(outcome: VmOutcome, limits: SandboxLimits, started: number): ScriptResult {
  const { views, dropped } = sanitiseViews(outcome.rawViews);
  const logs = dropped > 0 ? [...outcome.logs, `[sandbox] ${dropped} malformed view(s) dropped`] : outcome.logs;
  if (outcome.error !== undefined) return failure(outcome.error, started, budgetOutput(undefined, [], logs, limits.outputBytes).logs);
  const budget = budgetOutput(outcome.valueText, views, logs, limits.outputBytes);
  if (budget.error !== undefined) return failure(budget.error, started, budget.logs);
  const result: ScriptResult = { ok: true, logs: budget.logs, ms: elapsedSince(started) };
  // JSON.parse of the VM's own JSON.stringify output: only plain data crosses into the host.
  if (outcome.valueText !== undefined) result.value = JSON.parse(outcome.valueText);
  if (views.length > 0) result.views = views;
  return result;
}

/**
 * Runs `code` with the prelude's globals over `input`. `ms` is the wall time of the whole call, so
 * the first (cold) run includes loading the WebAssembly module.
 */
export async function runScript(
  code: string,
  input: SandboxInput,
  limits: Partial<SandboxLimits> = {},
  options: RunScriptOptions = {},
): Promise<ScriptResult> {
  const started = performance.now();
  const resolved = resolveLimits(limits);
  let inputJson: string;
  try {
    inputJson = inputJsonOf(input, resolved);
  } catch (error) {
    return failure(`InputError: the page data cannot be turned into JSON (${String(error)})`, started);
  }
  if (inputJson.length > resolved.memoryBytes / 2) {
    // Checked here because QuickJS cannot fail gracefully when the input string itself does not fit.
    return failure(`OutOfMemory: the page data (${formatBytes(inputJson.length)} as JSON) does not fit in the sandbox's memory (limit ${formatBytes(resolved.memoryBytes)})`, started);
  }
  let quickjs;
  try {
    quickjs = await loadSandbox(resolved.memoryBytes);
    // Another run may have discarded this module while we waited for it.
    if (isSandboxDiscarded(quickjs)) quickjs = await loadSandbox(resolved.memoryBytes);
  } catch (error) {
    return failure(`SandboxUnavailable: the QuickJS engine could not be loaded (${String(error)})`, started);
  }
  options.onPhaseEnd?.('engine');
  if (options.signal?.aborted) return failure(ABORTED_MESSAGE, started);
  let outcome: VmOutcome;
  try {
    outcome = executeInVm(quickjs, code, inputJson, resolved, options);
    // Whatever V8 compiled for this run stays compiled: a later preload has nothing left to warm.
    warmed.add(quickjs);
  } catch (error) {
    // The host threw from inside the engine (typically its own stack overflowed): the module's state
    // is unknown, so the next run loads a fresh one.
    discardSandbox(quickjs);
    return failure(hostErrorMessage(error, resolved), started);
  }
  return resultOf(outcome, resolved, started);
}
