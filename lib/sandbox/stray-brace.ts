// Finds a '}' that closes nothing in a script. A script with a top-level `return` runs wrapped in a
// function, and a stray brace then closes the wrapper early: QuickJS reports a confusing error past the
// script's end, so the runner points at the brace itself.

/**
 * The 1-based line of the first '}' without a matching '{', skipping strings, template text and
 * comments. Regular expression literals are not recognised: a brace inside one can mislead it.
 */
export function strayClosingBraceLine(code: string): number | undefined {
  let depth = 0;
  let line = 1;
  for (let index = 0; index < code.length; index++) {
    const char = code[index];
    if (char === '\n') line++;
    else if (char === '/' && code[index + 1] === '/') index = skipTo(code, index, '\n') - 1;
    else if (char === '/' && code[index + 1] === '*') {
      const end = code.indexOf('*/', index + 2);
      const stop = end === -1 ? code.length : end + 2;
      line += countNewlines(code, index, stop);
      index = stop - 1;
    } else if (char === '"' || char === "'" || char === '`') {
      const stop = endOfString(code, index, char);
      line += countNewlines(code, index, stop);
      index = stop - 1;
    } else if (char === '{') depth++;
    else if (char === '}') {
      if (depth === 0) return line;
      depth--;
    }
  }
  return undefined;
}

function skipTo(code: string, from: number, target: string): number {
  const found = code.indexOf(target, from);
  return found === -1 ? code.length : found;
}

/** The index just past the string opened at `start`; an unclosed quote ends at its line, a template at the end. */
function endOfString(code: string, start: number, quote: string): number {
  for (let index = start + 1; index < code.length; index++) {
    const char = code[index];
    if (char === '\\') index++;
    else if (char === quote) return index + 1;
    else if (char === '\n' && quote !== '`') return index;
  }
  return code.length;
}

function countNewlines(code: string, from: number, to: number): number {
  let count = 0;
  for (let index = from; index < to; index++) if (code[index] === '\n') count++;
  return count;
}
