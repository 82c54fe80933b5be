// The sandbox's costs: cold start in a fresh process, a warm run, and a script over a 10,000-line diff,
// each beside the same code run directly by Node.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { PullData } from '../lib/context/types';
import { runScript } from '../lib/sandbox/run-script';
import { median, medianTime, medianTimeOfQuick } from './measure';
import { BenchCheckError, benchRow, type BenchRow } from './rows';
import type { ColdStartReport } from './sandbox-cold-start';
import { bundledColdStartScript } from './sandbox-node-bundle';

const run = promisify(execFile);
const trivialScript = 'return [3, 1, 2].sort().join()';

/** Runs the bundled cold-start script in a fresh process; `warmRuns` more runs add the warm phases. */
export async function coldStartProcess(script: string, warmRuns = 0): Promise<ColdStartReport> {
  // Plain node on the bundled script: the figures are the sandbox's own, with no TypeScript to transpile.
  const args = warmRuns > 0 ? [script, '--warm', String(warmRuns)] : [script];
  const { stdout } = await run(process.execPath, args, { cwd: fileURLToPath(new URL('..', import.meta.url)) });
  const measured = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as ColdStartReport;
  if (!measured.ok) throw new BenchCheckError(`the cold-start script failed in the sandbox: ${measured.error ?? 'wrong value'}`);
  return measured;
}

export async function coldStartRows(runs: number): Promise<BenchRow[]> {
  const script = await bundledColdStartScript();
  const samples: ColdStartReport[] = [];
  for (let index = 0; index < runs; index++) samples.push(await coldStartProcess(script));
  const load = median(samples.map((sample) => sample.loadMs));
  const phase = (name: keyof ColdStartReport['firstRunPhases']) => median(samples.map((sample) => sample.firstRunPhases[name] ?? 0)).toFixed(1);
  return [
    benchRow({
      group: 'sandbox',
      name: 'sandbox cold start (fresh process: load + first run)',
      unit: 'ms',
      value: median(samples.map((sample) => sample.loadMs + sample.firstRunMs)),
      baselineName: 'new Function(code)() first call',
      baseline: median(samples.map((sample) => sample.functionMs)),
      target: { valueAtMost: 30, why: 'issue #5: the first answer starts without a visible wait' },
      note:
        `bundled JavaScript, no tsx; medians of ${runs} processes: module load ${load.toFixed(1)} ms, then the first run's WebAssembly load ${phase('engine')}, ` +
        `runtime ${phase('runtime')}, context ${phase('context')}, prelude ${phase('prelude')}, script ${phase('script')}, output ${phase('output')}, ` +
        `dispose ${phase('dispose')}, result ${phase('result')} ms (bench/sandbox-breakdown.ts has the warm phases)`,
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
      target: { valueAtMost: 10, why: 'issue #5: a fresh QuickJS context per run stays cheap' },
      note: '30 runs after 3 warm-ups, on an engine loaded in this process; each run gets a fresh runtime and context',
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
