// `npm run bench`: every figure beside a baseline measured in the same run, printed as one table and
// written to bench/results.json. The ratios hold across machines; the milliseconds don't.
// `--strict` exits 1 when a target is missed.
import { readFileSync } from 'node:fs';
import { busyDashboardContext } from '../test/fixtures/suggest/busy-dashboard';
import { firstTokenRows } from './agent-rows';
import { browserCaptureRows } from './browser-capture-rows';
import { measureCapture } from './capture-rows';
import { changedLinesRow, filesRow } from './completeness-rows';
import { largeDocsPage } from './docs-page';
import { generatedPullPage } from './generated-pull-page';
import { formatTable, writeResults } from './report';
import type { BenchRow } from './rows';
import { coldStartRows, diffScriptRows, warmRunRows } from './sandbox-rows';
import { suggestRow } from './suggest-rows';

const GROUP_ORDER = ['capture', 'complete', 'tokens', 'sandbox', 'suggest', 'agent'];
const REACT_PAGE = `${process.cwd()}/../shared/fixtures/github/pr-files-facebook-react-15141.html`;

function progress(text: string): void {
  process.stderr.write(`bench: ${text}\n`);
}

async function main(): Promise<number> {
  const started = performance.now();
  const rows: BenchRow[] = [];

  progress('sandbox cold start (3 fresh processes)');
  rows.push(...(await coldStartRows(3)));

  progress('react-15141: capture, tokens');
  const react = await measureCapture({ name: 'react-15141', html: readFileSync(REACT_PAGE, 'utf8'), url: 'https://github.com/facebook/react/pull/15141/files', runs: 5 });
  rows.push(...react.rows, filesRow('react-15141', react.context, react.fileHeaders));

  progress('generated 300-file, 10,000-line pull request: capture, tokens');
  const generated = generatedPullPage();
  const pull = await measureCapture({ name: 'generated PR (300 files, 10k lines)', html: generated.html, url: generated.url, runs: 3 });
  rows.push(...pull.rows, filesRow('generated PR', pull.context, generated.files), changedLinesRow('generated PR', pull.context, generated.changedLines));

  progress('~1 MB docs page: capture, tokens');
  const docs = largeDocsPage();
  const docsCapture = await measureCapture({ name: `docs page (${(docs.html.length / 1e6).toFixed(1)} MB)`, html: docs.html, url: docs.url, runs: 3 });
  rows.push(...docsCapture.rows);

  progress('capture in Chromium by the built extension (3 loads per page)');
  const browser = await browserCaptureRows([
    { name: 'react-15141 (9,109 elements)', path: '/facebook/react/pull/15141/files', html: readFileSync(REACT_PAGE, 'utf8'), host: 'github' },
    { name: 'generated PR (300 files, 10k lines)', path: '/acme/big/pull/1/files', html: generated.html, host: 'github' },
    { name: `docs page (${(docs.html.length / 1e6).toFixed(1)} MB)`, path: '/docs/large', html: docs.html, host: 'other' },
  ]);
  rows.push(...browser.rows);

  progress('sandbox: warm run, script over the 10,000-line diff');
  rows.push(...(await warmRunRows()));
  if (pull.context.data.type !== 'pull') throw new Error('the generated pull request was not captured as one');
  rows.push(...(await diffScriptRows(pull.context.data, generated.addedLines)));

  progress('suggest');
  rows.push(await suggestRow('on the generated PR', pull.context), await suggestRow('on a dashboard (24 × 1,000 points)', busyDashboardContext()));

  progress('time to first token (25 runs each)');
  rows.push(...(await firstTokenRows(25)));

  rows.sort((left, right) => GROUP_ORDER.indexOf(left.group) - GROUP_ORDER.indexOf(right.group));
  const notes = [
    `In Chromium, BASELINES.md measured react-15141 at innerText 5.6 ms and browser-use's buildDomTree 572 ms (targets: capture ≥ 10× faster than buildDomTree, < 50 ms; < 100 ms on the largest page).` +
      ` Here, under jsdom, capturePage alone took ${react.captureOnlyMs.toFixed(0)} ms on react-15141 (${(react.captureOnlyMs / 572).toFixed(2)}× buildDomTree's in-browser time) and ${pull.captureOnlyMs.toFixed(0)} ms on the generated PR;` +
      ' jsdom is much slower than Chromium\'s DOM; the "in Chromium" rows measure the built extension\'s content script.',
    ...browser.notes,
    'Capture runs here without a same-origin fetch, so pull request diffs are read from the DOM (the CLI path); in the extension the .diff is fetched instead.',
  ];
  const durationSeconds = (performance.now() - started) / 1000;
  process.stdout.write(`${formatTable(rows, notes)}\n`);
  const passed = rows.filter((row) => row.pass).length;
  process.stdout.write(`\n${passed} of ${rows.length} targets met in ${durationSeconds.toFixed(0)} s on ${process.version}; rows written to bench/results.json\n`);
  await writeResults(new URL('./results.json', import.meta.url), rows, notes, durationSeconds);
  return process.argv.includes('--strict') && passed < rows.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
    process.exitCode = 1;
  },
);
