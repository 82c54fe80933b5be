// One run inside a fresh QuickJS runtime and context: install the prelude, evaluate the script (helper
// groups are compiled as it first reads them), serialise its value and collect views and logs.
// Synchronous; host exceptions propagate to the caller.
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule, VmCallResult } from 'quickjs-emscripten-core';
import { formatBytes } from './format-bytes';
import { evaluateScript, GLOBAL_CODE, type Evaluation } from './evaluate-script';
import type { SandboxLimits } from './limits';
import { HELPER_SCRIPTS, PRELUDE_SCRIPT } from '../generated/sandbox-scripts';
import { isSandboxMemoryExhausted } from './quickjs-module';
import { RunClock } from './run-clock';
import {
  ABORTED_MESSAGE,
  outOfMemoryMessage,
  readThrownValue,
  scriptErrorMessage,
  timeoutMessage,
  type ThrownValue,
} from './script-errors';

export interface VmOutcome {
  /** Set when the script failed. */
  error?: string;
  /** The script's value as JSON text; absent when the value was undefined. */
  valueText?: string;
  /** Views as the prelude collected them (checked by the caller). */
  rawViews: unknown;
  logs: string[];
}

const PRELUDE_BUDGET_MS = 10_000;

/** File names the prelude and its helper groups are compiled under, so stack traces tell them from the script. */
const PRELUDE_FILE_NAME = 'prelude.js';
const helperFileName = (group: string) => `prelude-${group}.js`;

/** The steps of a run, in order, as reported to an `onPhaseEnd` observer. */
export type RunPhase = 'engine' | 'runtime' | 'context' | 'prelude' | 'script' | 'output' | 'dispose';

export interface VmRunOptions {
  signal?: AbortSignal;
  /** Told as each step ends, to measure where a run's time goes (bench/sandbox-breakdown.ts). */
  onPhaseEnd?: (phase: RunPhase) => void;
}

interface PreludeHooks {
  serialise: QuickJSHandle;
  collect: QuickJSHandle;
}

interface CollectedOutput {
  views: unknown;
  logs: string[];
}

/** Handles created during a run, disposed together at the end of a healthy run. */
class OwnedHandles {
  private readonly handles: QuickJSHandle[] = [];

  own<T extends QuickJSHandle>(handle: T): T {
    this.handles.push(handle);
    return handle;
  }

  disposeAll(): void {
    for (const handle of this.handles.reverse()) if (handle.alive) handle.dispose();
  }
}

class VmRun {
  private readonly handles = new OwnedHandles();
  /** Thrown by the host inside a host function: QuickJS was unwound mid-call, so its state is unknown. */
  hostError: { error: unknown } | undefined;

  constructor(
    private readonly vm: QuickJSContext,
    private readonly runtime: QuickJSRuntime,
    private readonly clock: RunClock,
    private readonly limits: SandboxLimits,
    private readonly memoryExhausted: () => boolean,
    private readonly onPhaseEnd?: (phase: RunPhase) => void,
  ) {}

  execute(code: string, inputJson: string): VmOutcome {
    const hooks = this.installPrelude(inputJson);
    this.onPhaseEnd?.('prelude');
    if (typeof hooks === 'string') return { error: hooks, rawViews: [], logs: [] };
    this.clock.restart();
    const evaluation = this.settle(evaluateScript(this.vm, code));
    const error = evaluation.error === undefined ? undefined : this.failureOf(this.handles.own(evaluation.error));
    this.onPhaseEnd?.('script');
    this.clock.restart();
    const serialised = error === undefined && evaluation.value !== undefined ? this.serialise(hooks, this.handles.own(evaluation.value)) : {};
    const collected = this.collect(hooks);
    this.onPhaseEnd?.('output');
    // A toJSON the script planted can loop while the logs and views are collected: that run timed out too.
    const stopped = this.stopMessage();
    return { error: error ?? serialised.error ?? stopped, valueText: serialised.valueText, rawViews: collected.views, logs: collected.logs };
  }

  dispose(): void {
    this.handles.disposeAll();
  }

  private stopMessage(): string | undefined {
    const reason = this.clock.stopReason;
    if (reason === 'timeout') return timeoutMessage(this.limits);
    if (reason === 'aborted') return ABORTED_MESSAGE;
    return undefined;
  }

  private failureOf(thrown: QuickJSHandle): string {
    const stopped = this.stopMessage();
    if (stopped !== undefined) return stopped;
    if (this.vm.sameValue(thrown, this.vm.null) && this.memoryExhausted()) return outOfMemoryMessage(this.limits);
    return scriptErrorMessage(readThrownValue(this.vm, thrown), this.limits);
  }

  private thrownBy(thrown: QuickJSHandle): ThrownValue {
    return readThrownValue(this.vm, this.handles.own(thrown));
  }

  private installPrelude(inputJson: string): PreludeHooks | string {
    const installer = this.vm.evalCode(PRELUDE_SCRIPT, PRELUDE_FILE_NAME);
    if (installer.error !== undefined) return `SandboxError: the helper prelude does not compile: ${this.thrownBy(installer.error).message}`;
    const input = this.handles.own(this.vm.newString(inputJson));
    const compileHelpers = this.handles.own(this.vm.newFunction('compileHelpers', (group) => this.compileHelpers(group)));
    const installed = this.vm.callFunction(this.handles.own(installer.value), this.vm.undefined, input, compileHelpers);
    if (installed.error !== undefined) {
      const exhausted = this.vm.sameValue(installed.error, this.vm.null) && this.memoryExhausted();
      const thrown = this.thrownBy(installed.error);
      if (exhausted || thrown.message === 'out of memory') {
        return `OutOfMemory: the page data does not fit in the sandbox's memory (limit ${formatBytes(this.limits.memoryBytes)})`;
      }
      return this.stopMessage() ?? `SandboxError: the helper prelude failed: ${thrown.name ?? 'Error'}: ${thrown.message}`;
    }
    const hooks = this.handles.own(installed.value);
    return { serialise: this.handles.own(this.vm.getProp(hooks, 'serialise')), collect: this.handles.own(this.vm.getProp(hooks, 'collect')) };
  }

  /** The prelude asks for a helper group when the script first reads one of its globals. */
  private compileHelpers(groupHandle: QuickJSHandle): VmCallResult<QuickJSHandle> {
    try {
      const name = this.vm.getString(groupHandle);
      const script = Object.hasOwn(HELPER_SCRIPTS, name) ? HELPER_SCRIPTS[name as keyof typeof HELPER_SCRIPTS] : undefined;
      if (script === undefined) return { error: this.vm.newError({ name: 'InternalError', message: `no helper group named ${name}` }) };
      // Its value or its error (out of memory, say) goes back to the prelude; the library disposes of it.
      return this.vm.evalCode(script, helperFileName(name), GLOBAL_CODE);
    } catch (error) {
      // The library would hand this to the script as an ordinary error; remember it so the run fails
      // the way any host failure inside the engine does (see executeInVm).
      this.hostError ??= { error };
      throw error;
    }
  }

  /** A returned promise is settled by running pending jobs; there are no timers, so that is all it can wait for. */
  private settle(evaluation: Evaluation): Evaluation {
    if (evaluation.value === undefined) return evaluation;
    const value = this.handles.own(evaluation.value);
    const first = this.vm.getPromiseState(value);
    if (first.type === 'fulfilled' && first.notAPromise) return { value };
    if (first.type !== 'pending') return first.type === 'fulfilled' ? { value: first.value } : { error: first.error };
    const jobs = this.runtime.executePendingJobs();
    if (jobs.error !== undefined) this.handles.own(jobs.error);
    const settled = this.vm.getPromiseState(value);
    if (settled.type === 'fulfilled') return { value: settled.value };
    if (settled.type === 'rejected') return { error: settled.error };
    const stopped = this.clock.stopReason;
    const message = stopped === undefined ? "the script's promise never settled (the sandbox has no timers or network)" : 'interrupted';
    return { error: this.vm.newError({ name: stopped === undefined ? 'Error' : 'InternalError', message }) };
  }

  private serialise(hooks: PreludeHooks, value: QuickJSHandle): { valueText?: string; error?: string } {
    const result = this.vm.callFunction(hooks.serialise, this.vm.undefined, value);
    if (result.error !== undefined) {
      // Owned before anything else: a handle left alive makes QuickJS abort when the runtime is freed.
      const thrownHandle = this.handles.own(result.error);
      const stopped = this.stopMessage();
      if (stopped !== undefined) return { error: stopped };
      const exhausted = this.vm.sameValue(thrownHandle, this.vm.null) && this.memoryExhausted();
      const thrown = readThrownValue(this.vm, thrownHandle);
      if (exhausted || thrown.message === 'out of memory') return { error: outOfMemoryMessage(this.limits) };
      return { error: `NotSerialisable: the script's value cannot be turned into JSON (${thrown.name ?? 'Error'}: ${thrown.message})` };
    }
    const text = this.handles.own(result.value);
    return this.vm.typeof(text) === 'string' ? { valueText: this.vm.getString(text) } : {};
  }

  private collect(hooks: PreludeHooks): CollectedOutput {
    const result = this.vm.callFunction(hooks.collect, this.vm.undefined);
    if (result.error !== undefined) {
      const thrown = this.thrownBy(result.error);
      return { views: [], logs: [`[sandbox] the script's logs and views were lost: ${thrown.name ?? 'Error'}: ${thrown.message}`] };
    }
    const parsed = envelopeOf(this.vm.getString(this.handles.own(result.value)));
    if (parsed === undefined) return { views: [], logs: ["[sandbox] the script's logs and views were lost: the sandbox's output was reshaped"] };
    const logs = parsed.logLinesCut > 0 ? [...parsed.logs, `… ${parsed.logLinesCut} more log line(s) not kept (limit ${this.limits.logLines} lines)`] : parsed.logs;
    return { views: parsed.views, logs };
  }
}

/**
 * The prelude's output envelope, checked: the prelude writes it by hand, but it runs beside the script
 * in the same VM, so the host trusts nothing about its shape.
 */
function envelopeOf(text: string): { views: unknown; logs: string[]; logLinesCut: number } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { views, logs, logLinesCut } = parsed as Record<string, unknown>;
  if (!Array.isArray(logs) || !logs.every((line) => typeof line === 'string')) return undefined;
  return { views, logs, logLinesCut: typeof logLinesCut === 'number' && Number.isFinite(logLinesCut) ? logLinesCut : 0 };
}

/**
 * Runs one script in a runtime of its own, so runs cannot see each other's globals. When the host
 * throws mid-run (its stack overflowed inside the engine), nothing is disposed: the engine's state is
 * unknown and the caller drops the whole module.
 */
export function executeInVm(quickjs: QuickJSWASMModule, code: string, inputJson: string, limits: SandboxLimits, options: VmRunOptions = {}): VmOutcome {
  const { signal, onPhaseEnd } = options;
  const runtime = quickjs.newRuntime({ memoryLimitBytes: limits.memoryBytes, maxStackSizeBytes: limits.stackBytes });
  // The prelude (and parsing the page data) runs on its own budget: on a cold engine, before V8 has
  // compiled the WebAssembly, it alone can take a hundred milliseconds or more.
  const clock = new RunClock(limits.timeoutMs, signal);
  clock.restart(PRELUDE_BUDGET_MS);
  runtime.setInterruptHandler(clock.shouldInterrupt);
  onPhaseEnd?.('runtime');
  const vm = runtime.newContext();
  onPhaseEnd?.('context');
  const run = new VmRun(vm, runtime, clock, limits, () => isSandboxMemoryExhausted(quickjs), onPhaseEnd);
  const outcome = run.execute(code, inputJson);
  if (run.hostError !== undefined) throw run.hostError.error;
  run.dispose();
  vm.dispose();
  runtime.dispose();
  onPhaseEnd?.('dispose');
  return outcome;
}
