// Evaluates the user's script so that both `return x` and a trailing expression give its value.
import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten-core';
import { readThrownValue, SCRIPT_FILE_NAME } from './script-errors';

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
  if (!isTopLevelReturn(vm, program.error)) return { error: withinScript(vm, program.error, code) };
  program.error.dispose();
  const body = vm.evalCode(asFunctionBody(code), SCRIPT_FILE_NAME, GLOBAL_CODE);
  return body.error === undefined ? { value: body.value } : { error: withinScript(vm, body.error, code) };
}

/** A parse error of the script names it in its first frame; one from eval or new Function does not. */
function raisedByScriptItself(vm: QuickJSContext, error: QuickJSHandle): boolean {
  const stack = vm.getProp(error, 'stack');
  try {
    return vm.typeof(stack) === 'string' && (vm.getString(stack).split('\n')[0] ?? '').includes(`${SCRIPT_FILE_NAME}:`);
  } finally {
    stack.dispose();
  }
}

/**
 * A syntax error at the end of the input (QuickJS names the token '') or past the script's last line
 * (the wrapper's closing brace) means the script itself ended too early, as in `return a +`. Reported
 * as that, on the script's last line, rather than as an unexpected '}' the user never wrote.
 */
function withinScript(vm: QuickJSContext, error: QuickJSHandle, code: string): QuickJSHandle {
  const thrown = readThrownValue(vm, error);
  const lines = code.split('\n');
  const atEnd = thrown.message.endsWith(": ''") || (thrown.line !== undefined && thrown.line > lines.length);
  if (thrown.name !== 'SyntaxError' || !atEnd || !raisedByScriptItself(vm, error)) return error;
  let last = lines.length;
  while (last > 1 && (lines[last - 1] ?? '').trim() === '') last--;
  error.dispose();
  const ended = vm.newError({ name: 'SyntaxError', message: 'the script ends in the middle of a statement or expression' });
  vm.newString(`    at ${SCRIPT_FILE_NAME}:${last}\n`).consume((stack) => vm.setProp(ended, 'stack', stack));
  return ended;
}
