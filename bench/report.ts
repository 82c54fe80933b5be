// The bench's one table for the terminal, and the same rows as bench/results.json.
import { writeFile } from 'node:fs/promises';
import { availableParallelism, cpus } from 'node:os';
import type { BenchRow } from './rows';

function figure(value: number, unit: BenchRow['unit']): string {
  if (unit !== 'ms') return `${Math.round(value).toLocaleString('en-US')} ${unit}`;
  if (value < 0.01) return `${(value * 1000).toFixed(2)} µs`;
  return `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;
}

function ratioText(ratio: number): string {
  if (!Number.isFinite(ratio)) return '∞';
  if (ratio >= 100) return `${Math.round(ratio).toLocaleString('en-US')}×`;
  return `${ratio < 1 ? ratio.toFixed(3) : ratio.toFixed(2)}×`;
}

export function formatTable(rows: readonly BenchRow[], footnotes: readonly string[]): string {
  const header = ['name', 'value', 'baseline', 'ratio', 'target', 'result'];
  const cells = rows.map((row) => [
    row.name,
    figure(row.value, row.unit),
    `${figure(row.baseline, row.unit)} (${row.baselineName})`,
    ratioText(row.ratio),
    row.target,
    row.pass ? 'pass' : 'FAIL',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column]!.length)));
  const line = (values: string[]) => values.map((value, column) => (column === 1 || column === 3 ? value.padStart(widths[column]!) : value.padEnd(widths[column]!))).join(' │ ').trimEnd();
  const rule = widths.map((width) => '─'.repeat(width)).join('─┼─');
  const notes = rows.flatMap((row) => (row.note ? [`  ${row.name}: ${row.note}`] : []));
  return [line(header), rule, ...cells.map(line), '', 'Notes:', ...notes, ...footnotes.map((note) => `  ${note}`)].join('\n');
}

export interface BenchResults {
  measuredAt: string;
  node: string;
  cpu: string;
  cores: number;
  durationSeconds: number;
  rows: BenchRow[];
  notes: string[];
}

export async function writeResults(path: URL, rows: BenchRow[], notes: string[], durationSeconds: number): Promise<void> {
  const results: BenchResults = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    durationSeconds: Math.round(durationSeconds),
    // Rounded so the file diffs readably between runs.
    rows: rows.map((row) => ({ ...row, value: round(row.value), baseline: round(row.baseline), ratio: round(row.ratio) })),
    notes,
  };
  await writeFile(path, `${JSON.stringify(results, null, 2)}\n`);
}

function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  return Number(value.toPrecision(4));
}
