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

const USAGE = 'usage: npm run test:injection [-- --corpus <file.json>] [--per-shape <n>] [--shape <id>]... [--concurrency <n>]';

/** A mistake in how the suite was called: printed with the usage line, exit code 2. */
class UsageError extends Error {
  override name = 'UsageError';
}

function positiveWhole(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new UsageError(`${flag} must be a positive whole number, got '${text}'`);
  return value;
}

async function parseArguments() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        corpus: { type: 'string', default: DEFAULT_CORPUS },
        'per-shape': { type: 'string' },
        concurrency: { type: 'string', default: '2' },
        shape: { type: 'string', multiple: true },
      },
    }));
  } catch (error) {
    // parseArgs throws TypeErrors for unknown options and missing values; those are usage mistakes.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const unknownShapes = (values.shape ?? []).filter((id) => !SHAPES.some((shape) => shape.id === id));
  if (unknownShapes.length > 0) throw new UsageError(`unknown shape ${unknownShapes.join(', ')}; shapes: ${SHAPES.map((shape) => shape.id).join(', ')}`);
  let corpus;
  try {
    corpus = await loadCorpus(resolve(values.corpus));
  } catch (error) {
    throw new UsageError(`cannot read the corpus ${values.corpus}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    corpusPath: values.corpus,
    corpus,
    perShape: values['per-shape'] === undefined ? undefined : positiveWhole('--per-shape', values['per-shape']),
    concurrency: positiveWhole('--concurrency', values.concurrency),
    shapes: values.shape ? SHAPES.filter((shape) => values.shape?.includes(shape.id)) : SHAPES,
  };
}

async function main(): Promise<number> {
  let parsed: Awaited<ReturnType<typeof parseArguments>>;
  try {
    parsed = await parseArguments();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`injection: ${error.message}`);
    console.error(USAGE);
    return 2;
  }
  // Checked before the build, so a mistyped flag is answered at once.
  await buildIfNeeded();
  const { corpus, corpusPath, perShape, shapes, concurrency } = parsed;
  const rig = await startRig();
  try {
    console.log(`injection: ${corpus.length} attacks from ${corpusPath}${perShape === undefined ? '' : `, ${perShape} per page shape`}`);
    const report = await runSuite(rig, { attacks: corpus, perShape, shapes, concurrency, log: (line) => console.log(line) });
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
