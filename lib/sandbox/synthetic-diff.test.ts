import { expect, it } from 'vitest';
import type { DiffFile, Hunk, PullData } from '../context/types';
import { runScript } from './run-script';

const FILES = 25;
const HUNKS_PER_FILE = 4;
const BLOCKS_PER_HUNK = 20;
// Each block is five lines: one removed, two added, two context. Old side: 3 lines; new side: 4.

function hunk(index: number): Hunk {
  const oldStart = 1 + index * 200;
  const newStart = oldStart + index * BLOCKS_PER_HUNK; // every earlier hunk added a net line per block
  const lines: string[] = [];
  for (let block = 0; block < BLOCKS_PER_HUNK; block++) {
    lines.push(`-  const old${block} = ${block};`);
    lines.push(`+  const value${block} = ${block};${block % 10 === 0 ? ' // TODO tidy' : ''}`);
    lines.push(`+  use(value${block});`);
    lines.push(`   keep(${block});`);
    lines.push('');
  }
  const header = `@@ -${oldStart},${BLOCKS_PER_HUNK * 3} +${newStart},${BLOCKS_PER_HUNK * 4} @@`;
  return { header, oldStart, oldLines: BLOCKS_PER_HUNK * 3, newStart, newLines: BLOCKS_PER_HUNK * 4, lines };
}

function syntheticPull(): PullData {
  const files: DiffFile[] = Array.from({ length: FILES }, (_, fileIndex) => {
    const hunks = Array.from({ length: HUNKS_PER_FILE }, (_, hunkIndex) => hunk(hunkIndex));
    hunks.at(-1)?.lines.push('\\ No newline at end of file');
    return { path: `src/file-${fileIndex}.ts`, status: 'modified', additions: 0, deletions: 0, hunks };
  });
  return {
    type: 'pull', number: 1, title: 'Big change', state: 'open', tab: 'files', labels: [], reviewers: [], checks: [], commits: [],
    files, diffSource: 'patch', read: { diff: true, checks: true, threads: true }, shown: {}, commentBox: true, threads: [], comments: [],
  };
}

it('counts added and removed lines over a 10,000-line diff, with line numbers', async () => {
  const page = syntheticPull();
  const diffLines = page.files.reduce((total, file) => total + file.hunks.reduce((sum, h) => sum + h.lines.length, 0), 0);
  expect(diffLines).toBe(10_000 + FILES);

  const script = `
    const perFile = files().map((file) => addedLines(undefined, file.path).length);
    const last = addedLines(undefined, 'src/file-24.ts').at(-1);
    const firstRemovedOfHunk2 = removedLines(undefined, 'src/file-3.ts')[2 * ${BLOCKS_PER_HUNK}];
    return {
      added: addedLines().length,
      removed: removedLines().length,
      todo: addedLines(/TODO/).length,
      perFileDistinct: [...new Set(perFile)],
      last,
      firstRemovedOfHunk2,
    };`;
  // A generous deadline: this checks the counts, and the test machine may be busy.
  const result = await runScript(script, { page }, { timeoutMs: 20_000 });
  console.log(`sandbox: script over a ${diffLines}-line diff ran in ${result.ms} ms`);
  expect(result.ok).toBe(true);

  const blocks = FILES * HUNKS_PER_FILE * BLOCKS_PER_HUNK;
  const lastHunk = HUNKS_PER_FILE - 1;
  const lastBlock = BLOCKS_PER_HUNK - 1;
  expect(result.value).toEqual({
    added: blocks * 2,
    removed: blocks,
    todo: FILES * HUNKS_PER_FILE * 2, // blocks 0 and 10 of every hunk
    perFileDistinct: [HUNKS_PER_FILE * BLOCKS_PER_HUNK * 2],
    // The second added line of block b sits at newStart + 4b + 1 on the new side.
    last: { path: 'src/file-24.ts', line: 1 + lastHunk * 200 + lastHunk * BLOCKS_PER_HUNK + 4 * lastBlock + 1, text: `  use(value${lastBlock});` },
    // Hunk 2 starts at old line 401; its first removed line is that line.
    firstRemovedOfHunk2: { path: 'src/file-3.ts', line: 401, text: '  const old0 = 0;' },
  });
}, 30_000);
