// `npx tsx bench/sandbox-breakdown.ts [processes]`: where a sandbox run's time goes, phase by phase, in
// fresh Node processes running the bundled sandbox (see sandbox-cold-start.ts): the first run of each
// process, which loads the engine, and warm runs once V8 has optimised the WebAssembly.
import { median } from './measure';
import { coldStartProcess } from './sandbox-rows';
import type { ColdStartReport } from './sandbox-cold-start';
import { bundledColdStartScript } from './sandbox-node-bundle';

const WARM_RUNS = 300;

const PHASES: [keyof ColdStartReport['firstRunPhases'], string][] = [
  ['engine', 'WebAssembly: read, compile, instantiate (first run only)'],
  ['runtime', 'QuickJS runtime + limits + interrupt handler'],
  ['context', 'QuickJS context (intrinsics)'],
  ['prelude', 'prelude: compile, parse the input JSON, define globals'],
  ['script', 'script: compile + run'],
  ['output', 'value and logs/views out of the VM as JSON'],
  ['dispose', 'dispose handles, context, runtime'],
  ['result', 'host side: views check, output cap, JSON.parse'],
];

async function main(): Promise<void> {
  const processes = Number(process.argv[2] ?? 7);
  const script = await bundledColdStartScript();
  const samples: ColdStartReport[] = [];
  for (let index = 0; index < processes; index++) {
    process.stderr.write(`breakdown: process ${index + 1} of ${processes}\n`);
    samples.push(await coldStartProcess(script, WARM_RUNS));
  }
  const of = (pick: (sample: ColdStartReport) => number | undefined) => median(samples.map((sample) => pick(sample) ?? 0));
  const lines = [
    `medians of ${processes} fresh processes; warm = median of runs ${WARM_RUNS / 2 + 1}–${WARM_RUNS} in each`,
    `${'phase'.padEnd(60)} ${'first run'.padStart(10)} ${'warm run'.padStart(10)}`,
    `${'module load (import the bundled sandbox)'.padEnd(60)} ${of((sample) => sample.loadMs).toFixed(2).padStart(10)} ${''.padStart(10)}`,
    ...PHASES.map(([name, label]) =>
      `${label.padEnd(60)} ${of((sample) => sample.firstRunPhases[name]).toFixed(2).padStart(10)} ${of((sample) => sample.warmPhases?.[name]).toFixed(3).padStart(10)}`,
    ),
    `${'whole run (runScript)'.padEnd(60)} ${of((sample) => sample.firstRunMs).toFixed(2).padStart(10)} ${of((sample) => sample.warmRunMs).toFixed(3).padStart(10)}`,
    `${'cold start: module load + first run'.padEnd(60)} ${of((sample) => sample.loadMs + sample.firstRunMs).toFixed(2).padStart(10)}`,
    `${'baseline: new Function(code)() first call'.padEnd(60)} ${of((sample) => sample.functionMs).toFixed(3).padStart(10)}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`breakdown: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
  process.exitCode = 1;
});
