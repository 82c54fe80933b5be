// "Nothing lost": what capture kept beside what the page shows, so a fast capture cannot be a lossy one.
import type { PageContext } from '../lib/context/types';
import { BenchCheckError, benchRow, type BenchRow } from './rows';

function pullFiles(context: PageContext) {
  if (context.data.type !== 'pull') throw new BenchCheckError(`${context.url} was captured as ${context.kind}, not as a pull request`);
  return context.data.files;
}

export function filesRow(name: string, context: PageContext, filesOnPage: number): BenchRow {
  return benchRow({
    group: 'complete',
    name: `files captured ${name}`,
    unit: 'files',
    value: pullFiles(context).length,
    baselineName: '.file-header[data-path] on the page',
    baseline: filesOnPage,
    target: { ratioEquals: 1, why: 'nothing lost' },
  });
}

export function changedLinesRow(name: string, context: PageContext, changedLinesOnPage: number): BenchRow {
  const changed = pullFiles(context).reduce(
    (sum, file) => sum + file.hunks.reduce((inner, hunk) => inner + hunk.lines.filter((line) => line.startsWith('+') || line.startsWith('-')).length, 0),
    0,
  );
  return benchRow({
    group: 'complete',
    name: `changed lines captured ${name}`,
    unit: 'lines',
    value: changed,
    baselineName: 'lines the page renders',
    baseline: changedLinesOnPage,
    target: { ratioEquals: 1, why: 'nothing lost' },
  });
}
