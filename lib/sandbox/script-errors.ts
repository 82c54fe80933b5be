// Turns what a failed run threw (inside QuickJS or in the host) into the one-line error of a ScriptResult:
// "<Name>: <message> (line N)", with the line counted in the user's script.
import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten-core';
import { formatBytes } from './format-bytes';
import type { SandboxLimits } from './limits';

/** File name the user's script is compiled under; stack frames naming it give its line numbers. */
export const SCRIPT_FILE_NAME = 'script.js';

const SCRIPT_LINE = new RegExp(`${SCRIPT_FILE_NAME.replace('.', '\\.')}:(\\d+)`);

/** What the VM threw, read out of the VM. */
export interface ThrownValue {
  name?: string;
  message: string;
  /** 1-based line in the user's script of the innermost frame there, if any. */
  line?: number;
}

function readString(vm: QuickJSContext, handle: QuickJSHandle, key: string): string | undefined {
  const property = vm.getProp(handle, key);
  try {
    return vm.typeof(property) === 'string' ? vm.getString(property) : undefined;
  } finally {
    property.dispose();
  }
}

function describePrimitive(vm: QuickJSContext, handle: QuickJSHandle): string {
  const dumped: unknown = vm.dump(handle);
  if (typeof dumped === 'string') return dumped;
  try {
    return JSON.stringify(dumped) ?? String(dumped);
  } catch (error) {
    // A value JSON cannot express still deserves a message.
    return `${String(dumped)} (${String(error)})`;
  }
}

/** Reads name, message and script line from a thrown handle; the handle stays owned by the caller. */
export function readThrownValue(vm: QuickJSContext, handle: QuickJSHandle): ThrownValue {
  if (vm.typeof(handle) !== 'object' || vm.sameValue(handle, vm.null)) return { message: describePrimitive(vm, handle) };
  const message = readString(vm, handle, 'message');
  if (message === undefined) return { message: describePrimitive(vm, handle) };
  const stack = readString(vm, handle, 'stack') ?? '';
  const lineMatch = SCRIPT_LINE.exec(stack);
  return { name: readString(vm, handle, 'name'), message, line: lineMatch ? Number(lineMatch[1]) : undefined };
}

function withLine(text: string, line: number | undefined): string {
  return line === undefined ? text : `${text} (line ${line})`;
}

export function timeoutMessage(limits: SandboxLimits): string {
  return `Timeout: the script ran longer than ${limits.timeoutMs} ms`;
}

export const ABORTED_MESSAGE = 'Aborted: the script was stopped before it finished';

export function outOfMemoryMessage(limits: SandboxLimits, line?: number): string {
  return withLine(`OutOfMemory: the script ran out of memory (limit ${formatBytes(limits.memoryBytes)})`, line);
}

export function stackOverflowMessage(limits: SandboxLimits, line?: number): string {
  return withLine(`StackOverflow: calls nested too deeply (stack limit ${formatBytes(limits.stackBytes)}); use a loop instead of recursion`, line);
}

/** The error text for a value thrown by the script (not a timeout or abort, which the runner knows). */
export function scriptErrorMessage(thrown: ThrownValue, limits: SandboxLimits): string {
  if (thrown.name === 'InternalError' && thrown.message === 'out of memory') return outOfMemoryMessage(limits, thrown.line);
  if (thrown.name === 'InternalError' && thrown.message === 'stack overflow') return stackOverflowMessage(limits, thrown.line);
  if (thrown.name === undefined) return withLine(`Error: ${thrown.message}`, thrown.line);
  return withLine(`${thrown.name}: ${thrown.message}`, thrown.line);
}

/** The error text for an exception the host saw while QuickJS ran (the module is then discarded). */
export function hostErrorMessage(error: unknown, limits: SandboxLimits): string {
  if (error instanceof RangeError && /call stack/i.test(error.message)) return stackOverflowMessage(limits);
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `SandboxError: the QuickJS engine failed (${text}); it has been reset for the next run`;
}
