// `npm run test:injection [-- --corpus <file.json>] [--per-shape <n>] [--shape <id>…] [--concurrency <n>]`: builds Tandem if
// its output is older than its sources, runs every attack in every page shape, and ends with one summary line.
import { spawnSync } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CORPUS, loadCorpus } from './corpus';
import { startRig } from './rig';
import { runSuite, summaryLine } from './run-suite';
import { SHAPES } from './shapes/index';

const SOURCES = ['entrypoints', 'components', 'lib', 'wxt.config.ts', 'package.json'];
const MANIFEST = resolve('.output/chrome-mv3/manifest.json');

async function newestChange(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(entries.map((entry) => newestChange(join(path, entry))));
  return Math.max(info.mtimeMs, ...times);
}

async function buildIfNeeded(): Promise<void> {
  const built = await stat(MANIFEST).then((info) => info.mtimeMs, () => 0);
  const changed = Math.max(...(await Promise.all(SOURCES.map(newestChange))));
  if (built > changed) return;
  console.log('injection: building the extension (npm run build)');
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build failed with status ${String(result.status)}`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: DEFAULT_CORPUS },
      'per-shape': { type: 'string' },
      concurrency: { type: 'string', default: '2' },
      shape: { type: 'string', multiple: true },
    },
  });
  await buildIfNeeded();
  const corpus = await loadCorpus(resolve(values.corpus));
  const perShape = values['per-shape'] === undefined ? undefined : Number(values['per-shape']);
  const rig = await startRig();
  try {
    console.log(`injection: ${corpus.length} attacks from ${values.corpus}${perShape === undefined ? '' : `, ${perShape} per page shape`}`);
    const shapes = values.shape ? SHAPES.filter((shape) => values.shape?.includes(shape.id)) : SHAPES;
    const report = await runSuite(rig, { attacks: corpus, perShape, shapes, concurrency: Number(values.concurrency), log: (line) => console.log(line) });
    // Findings of single pages were logged as they came; these are the ones only the whole run shows.
    for (const finding of report.findings.filter((entry) => entry.caseNumber === undefined || entry.kind === 'secret-to-model')) console.log(`  ${finding.kind}: ${finding.detail}`);
    for (const [shape, tally] of Object.entries(report.perShape)) {
      console.log(`  ${shape}: attack reached the model on ${tally.attackSeen}/${tally.pages} pages`);
    }
    console.log(`injection: ${report.modelRequestsSeen} model requests seen from the service worker, ${Math.round(report.ms / 1000)} s`);
    const harness = report.findings.filter((finding) => finding.kind === 'harness').length;
    console.log(summaryLine(report));
    return report.unapproved > 0 || report.leaks > 0 || harness > 0 ? 1 : 0;
  } finally {
    await rig.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
