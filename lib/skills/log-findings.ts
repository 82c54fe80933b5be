// What a job log says, in a few lines: the failing step, the first error lines, the files and lines they
// point to. Pure: the log skills' scripts (actions-log-errors, pr-checks) import it, and the build bundles
// it into them. Log text is page data: it is shown only inside code spans and fences, never as Markdown.
import { errorScore } from '../capture/github/log-errors';
import type { LogExcerpt, LogLocation } from '../context/types';

export interface LogFindings {
  failedSteps: string[];
  errors: LogExcerpt[];
  locations: LogLocation[];
}

export interface ErrorSummary {
  step: string | null;
  /** The error line's number in the log. */
  line: number;
  error: string;
  /** The error line and the few lines that go on with it (a test's expectation, a compiler's caret). */
  lines: string[];
}

/** An inline code span that holds `text` whatever backticks it contains. */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  const padded = text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text;
  return `${fence}${padded}${fence}`;
}

/** A fenced block that no line of `lines` can close early. */
export function codeBlock(lines: readonly string[]): string[] {
  const longest = Math.max(2, ...lines.flatMap((line) => Array.from(line.matchAll(/^\s*(`{3,}|~{3,})/g), (match) => match[1]?.length ?? 0)));
  const fence = '~'.repeat(Math.max(3, longest + 1));
  return [`${fence}text`, ...lines, fence];
}

/** Each excerpt's error line, with the lines that go on with it up to the next blank or error-free break. */
export function summariseErrors(errors: readonly LogExcerpt[]): ErrorSummary[] {
  return errors.map((excerpt) => {
    const error = excerpt.lines[excerpt.errorIndex] ?? '';
    const following: string[] = [];
    for (const line of excerpt.lines.slice(excerpt.errorIndex + 1, excerpt.errorIndex + 4)) {
      if (line.trim() === '') break;
      following.push(line);
    }
    return { step: excerpt.step ?? null, line: excerpt.startLine + excerpt.errorIndex, error: error.trim(), lines: [error, ...following] };
  });
}

/** `src/foo.ts:42` (the column left out: the line is what a reader opens). */
export function locationText(location: LogLocation): string {
  return `${location.path}:${location.line}`;
}

// A test runner's timing at the end of a line (`… fails 6ms`): noise in a one-line error.
const TRAILING_TIME = /\s+\d+(?:\.\d+)?\s?m?s$/;

/** The error line as one line of the answer: trimmed, without a runner's timing, clipped. */
function oneLine(error: string, length: number): string {
  return error.trim().replace(TRAILING_TIME, '').slice(0, length);
}

/**
 * The findings as Markdown lines: where it failed, the first error with its lines, the files it points to,
 * then other errors the first one's lines do not already show, one line each. `heading` names what failed.
 */
export function findingsMarkdown(findings: LogFindings, heading: string): string[] {
  const errors = summariseErrors(findings.errors);
  const top = errors[0];
  const step = findings.failedSteps[0] ?? top?.step ?? undefined;
  const lines = [`${heading}${step ? ` failed at step ${codeSpan(step)}` : ' failed'}${findings.failedSteps.length > 1 ? ` (also ${findings.failedSteps.slice(1).map(codeSpan).join(', ')})` : ''}.`];
  if (!top) {
    lines.push('', 'Its log shows no error line Tandem recognises; the end of the failed step is the place to look.');
    return lines;
  }
  lines.push('', `**First error** (log line ${top.line}): ${codeSpan(oneLine(top.error, 200))}`);
  // The lines that go on with it (a test's message, a compiler's caret), when there are any.
  if (top.lines.length > 1) lines.push('', ...codeBlock(top.lines));
  const own = findings.locations.filter((location) => location.own).slice(0, 3);
  if (own.length > 0) lines.push('', `**Points to:** ${own.map((location) => codeSpan(locationText(location))).join(', ')}`);
  else if (findings.locations[0]) lines.push('', `**Points to:** ${codeSpan(locationText(findings.locations[0]))}, outside the repository (no file of the repository is named near the error)`);
  // Only other error messages: the same failure reported again, or a runner's summary (`Tests 2 failed`),
  // says nothing new.
  const shown = top.lines.join('\n');
  const others = errors.slice(1).filter((other) => errorScore(other.error) >= 2 && !shown.includes(oneLine(other.error, 200).slice(-40))).slice(0, 2);
  if (others.length > 0) {
    lines.push('', 'Also in the log:');
    for (const other of others) lines.push(`- line ${other.line}: ${codeSpan(oneLine(other.error, 160))}`);
  }
  return lines;
}
