// Whether a script parses, asked of the engine that will run it: compiled, never run. Both forms a script
// may take are tried, as evaluateScript runs them: a program, then (for a top-level `return`) a function body.
import type { QuickJSContext } from 'quickjs-emscripten-core';
import { asFunctionBody } from './evaluate-script';
import { loadSandbox } from './quickjs-module';
import { readThrownValue, SCRIPT_FILE_NAME } from './script-errors';

export type SyntaxCheck = { ok: true } | { ok: false; message: string; line?: number };

const COMPILE_ONLY = { type: 'global', compileOnly: true } as const;

function compile(vm: QuickJSContext, code: string): SyntaxCheck {
  const result = vm.evalCode(code, SCRIPT_FILE_NAME, COMPILE_ONLY);
  if (result.error === undefined) {
    result.value.dispose();
    return { ok: true };
  }
  const thrown = readThrownValue(vm, result.error);
  result.error.dispose();
  return { ok: false, message: `${thrown.name ?? 'Error'}: ${thrown.message}`, line: thrown.line };
}

export async function checkScriptSyntax(code: string): Promise<SyntaxCheck> {
  const quickjs = await loadSandbox();
  const runtime = quickjs.newRuntime();
  const vm = runtime.newContext();
  try {
    const program = compile(vm, code);
    if (program.ok || !program.message.includes('return not in a function')) return program;
    const body = compile(vm, asFunctionBody(code));
    // Past the script's last line the wrapper's `})()` was being read: the script ended too early.
    const lines = code.trimEnd().split('\n').length;
    return !body.ok && body.line !== undefined && body.line > lines ? { ...body, line: lines } : body;
  } finally {
    vm.dispose();
    runtime.dispose();
  }
}
