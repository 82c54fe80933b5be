// A GitHub Actions log as plain text (the raw job log, or one step's log) into numbered lines with their step.
import { limits } from './limits';
import type { LogLine } from './log-errors';

// Each line of a raw log starts with the runner's timestamp: `2024-07-08T16:48:09.3750041Z `.
const TIMESTAMP = /^\uFEFF?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?/;
// Colour and cursor codes the runner keeps in the log (`\x1b[36;1m`).
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
// A step's log opens with `##[group]Run <command or action>`; post steps and the job's end have their own lines.
const STEP_START = /^##\[group\](Run .+)$/;
const POST_STEP = /^(Post job cleanup\.|Cleaning up orphan processes)$/;

export interface LogText {
  lines: LogLine[];
  /** Steps whose log holds an `##[error]` line, in the order they ran. */
  erroredSteps: string[];
  cut?: string;
}

/**
 * Lines numbered as the log numbers them. With `step`, the whole text is that one step's log; without, steps
 * are found by their `##[group]Run …` lines (the runner's own setup is "Set up job").
 */
export function readLogText(text: string, step?: string): LogText {
  const raw = text.split(/\r?\n/);
  if (raw.at(-1) === '') raw.pop();
  const lines: LogLine[] = [];
  const erroredSteps: string[] = [];
  let current = step ?? 'Set up job';
  const count = Math.min(raw.length, limits.logLines);
  for (let index = 0; index < count; index++) {
    const content = (raw[index] ?? '').replace(TIMESTAMP, '').replace(ANSI, '').replace(/\s+$/, '');
    if (step === undefined) {
      const start = STEP_START.exec(content)?.[1];
      if (start) current = start;
      else if (POST_STEP.test(content)) current = content === 'Post job cleanup.' ? 'Post job cleanup' : 'Complete job';
    }
    // Group markers only fold the log on GitHub's page; their words stay, the markers go.
    if (content === '##[endgroup]') continue;
    const shown = content.replace(/^##\[group\]/, '');
    if (content.startsWith('##[error]') && !erroredSteps.includes(current)) erroredSteps.push(current);
    lines.push({ number: index + 1, text: shown, step: current });
  }
  const result: LogText = { lines, erroredSteps };
  if (raw.length > count) result.cut = `log lines after the first ${limits.logLines} of ${raw.length}`;
  return result;
}
