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

const errorPattern = /error|failed|fatal|exception|✖|##\[error\]/i;

/** Up to `limits.errorExcerpts` excerpts, ±`limits.errorContext` lines within the same step, none overlapping. */
export function findErrorExcerpts(lines: LogLine[]): LogExcerpt[] {
  const excerpts: LogExcerpt[] = [];
  let coveredUntil = -1;
  for (let index = 0; index < lines.length && excerpts.length < limits.errorExcerpts; index++) {
    const line = lines[index];
    if (!line || index <= coveredUntil || !errorPattern.test(line.text)) continue;
    const first = stepBoundary(lines, index, -1);
    const last = stepBoundary(lines, index, 1);
    const excerptLines = lines.slice(first, last + 1);
    const excerpt: LogExcerpt = {
      startLine: lines[first]?.number ?? line.number,
      lines: excerptLines.map((entry) => clipText(entry.text, limits.logLineChars)),
      errorIndex: index - first,
    };
    if (line.step) excerpt.step = line.step;
    excerpts.push(excerpt);
    coveredUntil = last;
  }
  return excerpts;
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
