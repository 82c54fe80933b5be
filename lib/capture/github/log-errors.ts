// Finds the first error lines in a job log and cuts excerpts around them (pure, on plain lines).
import type { LogExcerpt } from '../../context/types';
import { limits } from './limits';
import { clipText } from '../clip';

export interface LogLine {
  /** 1-based position in the whole job log. */
  number: number;
  text: string;
  step?: string;
}

// "error" as a word or a word's end (`TypeError:`, `error:`, `errors`), not inside a name (`NCCLErrorsTest`,
// `CONTINUE_THROUGH_ERROR`).
const errorPattern = /(?<!\w)error|(?<!_)error(?!\w)|\bfailed\b|\bfail\b|fatal|exception|✖|×|##\[error\]/i;
// The runner echoes a step's inputs (`continue-on-error: false`, `fail-fast: true`): settings, not errors.
const settingEcho = /^\s*[\w.-]+:\s*(?:true|false|\d+)?\s*$/i;
// A line that states an error, as compilers, test runners and runtimes write one: these rank first.
const errorMessage = [
  /^\s*(?:[\w$]+\.)*[A-Z]\w*(?:Error|Exception|Failure)\b(?::|\s*$)/, // OSError: …, urllib3.exceptions.ReadTimeoutError: …
  /^\s*(?:error|fatal|fail|failed|panic)(?:\[\w+\])?[:!\s]/i, // error: …, FAIL src/x.test.ts, error[E0308]: …
  /\berror (?:TS|CS|C)\d+\b|: (?:fatal )?error:|npm ERR!|^\s*[✖×●]\s/, // tsc, msvc, gcc, npm, vitest, jest
];
// The runner's own closing line says only that the step failed, not why.
const exitLine = /^##\[error\]Process completed with exit code \d+/;

export function isErrorLine(text: string): boolean {
  return errorScore(text) > 0;
}

/** 0 for no error; 1 for a mention (or the runner's exit line), 2 for a traceback or marker, 3 for an error message. */
export function errorScore(text: string): number {
  if (!errorPattern.test(text) || settingEcho.test(text)) return 0;
  if (exitLine.test(text)) return 1;
  if (errorMessage.some((pattern) => pattern.test(text))) return 3;
  if (/^##\[error\]|Traceback \(most recent call last\)/.test(text)) return 2;
  return 1;
}

export interface ExcerptOptions {
  /** Steps known to have failed, most likely cause first: their error lines come first, before any elsewhere. */
  failedSteps?: readonly string[];
}

// A traceback's frames and the words that chain its exceptions belong to the error around them.
const continuesError = /^\s+(?:File "|at |\^|~)|^(?:During handling of the above exception|The above exception was the direct cause)/;

/** Lines without an error that part one burst of errors from an earlier one (a warning long before the failure). */
const QUIET_GAP = 15;

/**
 * Up to `limits.errorExcerpts` excerpts, ±`limits.errorContext` lines within the same step, none overlapping:
 * a failed step's lines before others; within a step, the last burst of errors (where the step stopped)
 * before earlier ones; error messages before mentions; then in the log's order.
 */
export function findErrorExcerpts(lines: LogLine[], options: ExcerptOptions = {}): LogExcerpt[] {
  const failed = (options.failedSteps ?? []).filter((step) => lines.some((line) => line.step === step));
  const rankOfStep = (line: LogLine) => {
    const rank = line.step === undefined ? -1 : failed.indexOf(line.step);
    return rank === -1 ? failed.length : rank;
  };
  const scores = lines.map((line) => errorScore(line.text));
  const finalBurst = finalBursts(lines, scores);
  const candidates: { index: number; step: number; burst: number; score: number }[] = [];
  lines.forEach((line, index) => {
    const score = scores[index] ?? 0;
    if (score > 0) candidates.push({ index, step: rankOfStep(line), burst: finalBurst.has(index) ? 0 : 1, score });
  });
  candidates.sort((a, b) => a.step - b.step || a.burst - b.burst || b.score - a.score || a.index - b.index);
  const excerpts: LogExcerpt[] = [];
  const covered: [number, number][] = [];
  for (const { index } of candidates) {
    if (excerpts.length >= limits.errorExcerpts) break;
    const line = lines[index];
    if (!line || covered.some(([from, to]) => index >= from && index <= to)) continue;
    const first = stepBoundary(lines, index, -1);
    const last = stepBoundary(lines, index, 1);
    const excerpt: LogExcerpt = {
      startLine: lines[first]?.number ?? line.number,
      lines: lines.slice(first, last + 1).map((entry) => clipText(entry.text, limits.logLineChars)),
      errorIndex: index - first,
    };
    if (line.step) excerpt.step = line.step;
    excerpts.push(excerpt);
    covered.push([first, last]);
  }
  return excerpts;
}

/**
 * For each step, the indexes of its last burst of errors: walking back from the step's end, the error
 * lines until `QUIET_GAP` lines pass without one. That burst is what stopped the step.
 */
function finalBursts(lines: LogLine[], scores: number[]): Set<number> {
  const burst = new Set<number>();
  let index = lines.length - 1;
  while (index >= 0) {
    const step = lines[index]?.step;
    let quiet = 0;
    let seen = false;
    for (; index >= 0 && lines[index]?.step === step; index--) {
      if (quiet > QUIET_GAP && seen) continue;
      if ((scores[index] ?? 0) > 0) {
        burst.add(index);
        seen = true;
        quiet = 0;
      } else if (!continuesError.test(lines[index]?.text ?? '')) {
        quiet += 1;
      }
    }
  }
  return burst;
}

/** The furthest index up to `limits.errorContext` lines away in `direction` that stays in the same step. */
function stepBoundary(lines: LogLine[], index: number, direction: 1 | -1): number {
  const step = lines[index]?.step;
  let boundary = index;
  for (let distance = 1; distance <= limits.errorContext; distance++) {
    const candidate = lines[index + direction * distance];
    if (!candidate || candidate.step !== step) break;
    boundary = index + direction * distance;
  }
  return boundary;
}
