// The sandbox's costs: cold start in a fresh process, a warm run, and a script over a 10,000-line diff,
// each beside the same code run directly by Node.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { PullData } from '../lib/context/types';
import { runScript } from '../lib/sandbox/run-script';
import { median, medianTime, medianTimeOfQuick } from './measure';
import { BenchCheckError, benchRow, type BenchRow } from './rows';

const run = promisify(execFile);
const coldStartScript = fileURLToPath(new URL('./sandbox-cold-start.ts', import.meta.url));
const trivialScript = 'return [3, 1, 2].sort().join()';

interface ColdStart {
  loadMs: number;
  firstRunMs: number;
  functionMs: number;
  ok: boolean;
  error?: string;
}

async function coldStartOnce(): Promise<ColdStart> {
  // `node --import tsx` rather than the tsx binary: one process, so its timings are the child's own.
  const { stdout } = await run(process.execPath, ['--import', 'tsx', coldStartScript], { cwd: fileURLToPath(new URL('..', import.meta.url)) });
  const measured = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as ColdStart;
  if (!measured.ok) throw new BenchCheckError(`the cold-start script failed in the sandbox: ${measured.error ?? 'wrong value'}`);
  return measured;
}

export async function coldStartRows(runs: number): Promise<BenchRow[]> {
  const samples: ColdStart[] = [];
  for (let index = 0; index < runs; index++) samples.push(await coldStartOnce());
  const load = median(samples.map((sample) => sample.loadMs));
  const firstRun = median(samples.map((sample) => sample.firstRunMs));
  return [
    benchRow({
      group: 'sandbox',
      name: 'sandbox cold start (fresh process: load + first run)',
      unit: 'ms',
      value: median(samples.map((sample) => sample.loadMs + sample.firstRunMs)),
      baselineName: 'new Function(code)() first call',
      baseline: median(samples.map((sample) => sample.functionMs)),
      target: { valueAtMost: 250, why: 'a card answers without a visible wait' },
      note: `module load ${load.toFixed(1)} ms (tsx transpiles the TypeScript; the built extension does not) + first run ${firstRun.toFixed(1)} ms; ${runs} processes`,
    }),
  ];
}

export async function warmRunRows(): Promise<BenchRow[]> {
  const warm = await medianTime(() => runScript(trivialScript, { page: null }), { runs: 30, warmups: 3 });
  const direct = await medianTimeOfQuick(() => new Function(trivialScript)(), { runs: 15 });
  return [
    benchRow({
      group: 'sandbox',
      name: 'sandbox warm run (trivial script)',
      unit: 'ms',
      value: warm,
      baselineName: 'new Function(code)()',
      baseline: direct,
      target: { valueAtMost: 10, why: 'a fresh QuickJS context per run stays cheap' },
      note: '30 runs; each run gets a fresh runtime and context',
    }),
  ];
}

/** The plain-Node twin of the sandbox script: count the '+' lines of every hunk. */
function addedLinesInNode(page: PullData): number {
  let added = 0;
  for (const file of page.files) for (const hunk of file.hunks) for (const line of hunk.lines) if (line.startsWith('+')) added += 1;
  return added;
}

export async function diffScriptRows(page: PullData, expectedAdded: number): Promise<BenchRow[]> {
  const script = 'return addedLines().length';
  const first = await runScript(script, { page }, { timeoutMs: 20_000 });
  if (!first.ok || first.value !== expectedAdded || addedLinesInNode(page) !== expectedAdded) {
    throw new BenchCheckError(`addedLines() over the diff gave ${JSON.stringify(first.value ?? first.error)}, expected ${expectedAdded}`);
  }
  const changed = page.files.reduce((sum, file) => sum + file.additions + file.deletions, 0);
  const sandboxed = await medianTime(() => runScript(script, { page }, { timeoutMs: 20_000 }), { runs: 7, warmups: 1 });
  const direct = await medianTimeOfQuick(() => addedLinesInNode(page), { runs: 15 });
  return [
    benchRow({
      group: 'sandbox',
      name: `script over a ${changed.toLocaleString('en-US')}-line diff: addedLines().length`,
      unit: 'ms',
      value: sandboxed,
      baselineName: 'the same count in plain Node',
      baseline: direct,
      target: { valueAtMost: 250, why: 'a quarter of the 1 s per-script deadline' },
      note: `${expectedAdded.toLocaleString('en-US')} added lines; includes copying the page data into the sandbox as JSON; 7 runs`,
    }),
  ];
}
