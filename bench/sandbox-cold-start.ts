// Run in a fresh process, bundled to plain JavaScript (sandbox-node-bundle.ts): loads the sandbox, runs
// one trivial script, and prints the timings as one JSON line, with where the first run's time went.
// A plain `new Function` run of the same code, first in this process too, is the baseline.
// With `--warm N` it then makes N more runs and adds the median of each phase over the last half.
import type { RunPhase, RunScriptOptions } from '../lib/sandbox/run-script';

const code = 'return [3, 1, 2].sort().join()';

type PhaseTimes = Partial<Record<RunPhase | 'result', number>>;

export interface ColdStartReport {
  loadMs: number;
  firstRunMs: number;
  functionMs: number;
  ok: boolean;
  error?: string;
  /** The first run's phases, in milliseconds; `engine` includes loading the WebAssembly module. */
  firstRunPhases: PhaseTimes;
  /** With --warm: median milliseconds of each phase over the later warm runs, and of the whole run. */
  warmPhases?: PhaseTimes;
  warmRunMs?: number;
}

/** Records how long each phase of one run took. */
function phaseRecorder(): { options: RunScriptOptions; finish: () => PhaseTimes } {
  const times: PhaseTimes = {};
  let last = performance.now();
  return {
    options: {
      onPhaseEnd: (phase) => {
        const now = performance.now();
        times[phase] = now - last;
        last = now;
      },
    },
    finish: () => ({ ...times, result: performance.now() - last }),
  };
}

function median(values: number[]): number {
  return [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)] ?? Number.NaN;
}

const functionStarted = performance.now();
const functionValue: unknown = new Function(code)();
const functionMs = performance.now() - functionStarted;

const loadStarted = performance.now();
const { runScript } = await import('../lib/sandbox/run-script');
const loadMs = performance.now() - loadStarted;

const first = phaseRecorder();
const runStarted = performance.now();
const result = await runScript(code, { page: null }, {}, first.options);
const firstRunMs = performance.now() - runStarted;
const report: ColdStartReport = {
  loadMs,
  firstRunMs,
  functionMs,
  ok: result.ok && result.value === functionValue,
  error: result.error,
  firstRunPhases: first.finish(),
};

const warmIndex = process.argv.indexOf('--warm');
const warmRuns = warmIndex === -1 ? 0 : Number(process.argv[warmIndex + 1]);
if (warmRuns > 0) {
  const phases: PhaseTimes[] = [];
  const totals: number[] = [];
  for (let run = 0; run < warmRuns; run++) {
    const recorder = phaseRecorder();
    const started = performance.now();
    await runScript(code, { page: null }, {}, recorder.options);
    totals.push(performance.now() - started);
    phases.push(recorder.finish());
  }
  // The later half: V8 keeps optimising the WebAssembly over the first runs.
  const later = phases.slice(Math.floor(warmRuns / 2));
  const names = Object.keys(later[0] ?? {}) as (keyof PhaseTimes)[];
  report.warmPhases = Object.fromEntries(names.map((name) => [name, median(later.map((times) => times[name] ?? 0))]));
  report.warmRunMs = median(totals.slice(Math.floor(warmRuns / 2)));
}

process.stdout.write(`${JSON.stringify(report)}\n`);
