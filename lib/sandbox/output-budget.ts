// Keeps a run's output under the output cap: the value and views must fit, logs are cut to fit.
import type { View } from '../context/types';
import { formatBytes, formatBytesExact, utf8Length } from './format-bytes';

export interface BudgetedOutput {
  /** Set when the value and views alone are over the cap. */
  error?: string;
  logs: string[];
}

function fitLogs(logs: readonly string[], budgetBytes: number, capBytes: number): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const line of logs) {
    const size = utf8Length(line) + 1;
    if (used + size > budgetBytes) break;
    kept.push(line);
    used += size;
  }
  const cut = logs.length - kept.length;
  if (cut > 0) kept.push(`… ${cut} more log line(s) cut to stay under the ${formatBytes(capBytes)} output cap`);
  return kept;
}

export function budgetOutput(valueText: string | undefined, views: readonly View[], logs: readonly string[], capBytes: number): BudgetedOutput {
  const resultBytes = utf8Length(valueText ?? '') + (views.length > 0 ? utf8Length(JSON.stringify(views)) : 0);
  if (resultBytes > capBytes) {
    return {
      error:
        `OutputTooLarge: the script's result is ${formatBytesExact(resultBytes)}, over the ${formatBytes(capBytes)} output cap; ` +
        'return a summary (counts, the top rows, a slice) instead of the raw data',
      logs: fitLogs(logs, capBytes, capBytes),
    };
  }
  return { logs: fitLogs(logs, capBytes - resultBytes, capBytes) };
}
