// Evaluates the user's script so that both `return x` and a trailing expression give its value.
import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten-core';
import { readThrownValue, SCRIPT_FILE_NAME } from './script-errors';
import { strayClosingBraceLine } from './stray-brace';

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
  if (!isTopLevelReturn(vm, program.error)) return { error: withinScript(vm, program.error, code, false) };
  program.error.dispose();
  const body = vm.evalCode(asFunctionBody(code), SCRIPT_FILE_NAME, GLOBAL_CODE);
  return body.error === undefined ? { value: body.value } : { error: withinScript(vm, body.error, code, true) };
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
 * Syntax errors the wrapper would make confusing. In a wrapped script, a '}' that closes nothing closes
 * the wrapper early, and QuickJS then complains about whatever follows: the brace is pointed at. Past the
 * script's last line, QuickJS is reading the wrapper's closing `})()`: the script ended too early, as in
 * `return a +` (said so, on its last line, instead of an unexpected '}' the user never wrote). An error
 * naming the end of the input (the token '') is the same early end.
 */
function withinScript(vm: QuickJSContext, error: QuickJSHandle, code: string, wrapped: boolean): QuickJSHandle {
  const thrown = readThrownValue(vm, error);
  if (thrown.name !== 'SyntaxError' || !raisedByScriptItself(vm, error)) return error;
  const lines = code.split('\n');
  const pastEnd = thrown.line !== undefined && thrown.line > lines.length;
  const endOfInput = thrown.message.endsWith(": ''");
  const stray = wrapped ? strayClosingBraceLine(code) : undefined;
  if (stray === undefined && !pastEnd && !endOfInput) return error;
  let last = lines.length;
  while (last > 1 && (lines[last - 1] ?? '').trim() === '') last--;
  let replacement: { message: string; line: number };
  if (stray !== undefined) replacement = { message: "this '}' closes a block that was never opened", line: stray };
  else if (endOfInput || thrown.message.startsWith('unexpected token')) replacement = { message: 'the script ends in the middle of a statement or expression', line: last };
  // QuickJS's own words ("expecting ')'") are right; only the line was the wrapper's.
  else replacement = { message: thrown.message, line: last };
  error.dispose();
  const rewritten = vm.newError({ name: 'SyntaxError', message: replacement.message });
  vm.newString(`    at ${SCRIPT_FILE_NAME}:${replacement.line}\n`).consume((stack) => vm.setProp(rewritten, 'stack', stack));
  return rewritten;
}
