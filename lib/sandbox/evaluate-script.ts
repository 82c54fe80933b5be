// Evaluates the user's script so that both `return x` and a trailing expression give its value.
import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten-core';
import { SCRIPT_FILE_NAME } from './script-errors';

/** Always a classic script: left to itself QuickJS would treat code with `import` as a module. */
export const GLOBAL_CODE = { type: 'global' } as const;

export type Evaluation = { value: QuickJSHandle; error?: undefined } | { error: QuickJSHandle; value?: undefined };

function isTopLevelReturn(vm: QuickJSContext, error: QuickJSHandle): boolean {
  if (vm.typeof(error) !== 'object' || vm.sameValue(error, vm.null)) return false;
  const name = vm.getProp(error, 'name');
  const message = vm.getProp(error, 'message');
  try {
    return vm.dump(name) === 'SyntaxError' && vm.dump(message) === 'return not in a function';
  } finally {
    name.dispose();
    message.dispose();
  }
}

/**
 * The wrapper opens on the script's first line, so line numbers in errors stay the script's own.
 * The closing brace goes on a line of its own in case the script ends in a line comment.
 */
export function asFunctionBody(code: string): string {
  return `(function () {${code}\n})()`;
}

/**
 * Runs the code as a program first, so its completion value (the last expression) is the result.
 * A program cannot `return`; a syntax error saying so is raised before anything runs, and then the
 * code is run again as a function body, whose value is what it returns.
 */
export function evaluateScript(vm: QuickJSContext, code: string): Evaluation {
  const program = vm.evalCode(code, SCRIPT_FILE_NAME, GLOBAL_CODE);
  if (program.error === undefined) return { value: program.value };
  if (!isTopLevelReturn(vm, program.error)) return { error: program.error };
  program.error.dispose();
  const body = vm.evalCode(asFunctionBody(code), SCRIPT_FILE_NAME, GLOBAL_CODE);
  return body.error === undefined ? { value: body.value } : { error: body.error };
}
