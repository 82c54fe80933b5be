import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { parsePatch, parsePendingDiff, readPatch } from './diff-patch';

const sample = readFileSync(new URL('../../../test/fixtures/github/pull-sample.diff', import.meta.url), 'utf8');

const { files, cut } = await parsePatch(sample);

/** 100 files of 500 added lines: far more than one slice of parsing. */
function bigDiff(): string {
  const file = (index: number) => [`diff --git a/f${index}.ts b/f${index}.ts`, `--- a/f${index}.ts`, `+++ b/f${index}.ts`, '@@ -1,0 +1,500 @@', ...Array.from({ length: 500 }, (_unused, line) => `+line ${line}`)].join('\n');
  return Array.from({ length: 100 }, (_unused, index) => file(index)).join('\n');
}

describe('parsePatch', () => {
  it('gives the page a turn on a diff too big to parse in one go, and keeps every file', async () => {
    const text = bigDiff();
    let turns = 0;
    let parsing = true;
    const counter = (async () => {
      while (parsing) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        turns += 1;
      }
    })();
    const parsed = await parsePatch(text);
    parsing = false;
    await counter;
    expect(parsed.files).toHaveLength(100);
    expect(parsed.files.every((entry) => entry.additions === 500)).toBe(true);
    // 50,000 lines take far longer than one 25 ms slice, so other tasks ran in between.
    expect(turns).toBeGreaterThan(1);
  });

  it('yields through the caller’s yieldToPage, so the content script can leave the page’s turns out of its timing', async () => {
    const text = bigDiff();
    let yields = 0;
    // A clock that runs 5 ms a reading: slices end by the clock, and a fast machine must not skip the turns.
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 5));
    const parsed = await parsePatch(text, async () => {
      yields += 1;
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    clock.mockRestore();
    expect(parsed.files).toHaveLength(100);
    expect(yields).toBeGreaterThan(0);
  });

  const byPath = new Map(files.map((file) => [file.path, file]));

  it('reads every file with its status from the diff headers', () => {
    expect(files.map((file) => [file.path, file.status])).toEqual([
      ['src/upload.ts', 'modified'],
      ['src/retry.ts', 'added'],
      ['src/legacy-upload.ts', 'removed'],
      ['docs/uploads.md', 'renamed'],
      ['assets/logo.png', 'modified'],
    ]);
    expect(byPath.get('docs/uploads.md')?.previousPath).toBe('docs/old-name.md');
    expect(byPath.get('assets/logo.png')?.binary).toBe(true);
    expect(cut).toEqual([]);
  });

  it('keeps hunks with their ranges and marked lines', () => {
    const upload = byPath.get('src/upload.ts');
    expect(upload?.hunks.map((hunk) => [hunk.oldStart, hunk.oldLines, hunk.newStart, hunk.newLines])).toEqual([[8, 3, 8, 5], [30, 2, 32, 2]]);
    expect(upload?.hunks[0]?.header).toBe('@@ -8,3 +8,5 @@ export async function upload(file: File) {');
    expect(upload?.hunks[0]?.lines).toEqual([
      '   const body = await file.arrayBuffer();',
      '-  return put(url, body);',
      '+  return retry(() => put(url, body), {',
      '+    attempts: 3,',
      '+  });',
      ' }',
    ]);
    // "\ No newline at end of file" annotates a line; it is not one.
    expect(upload?.hunks[1]?.lines.some((line) => line.startsWith('\\'))).toBe(false);
  });

  it('counts additions and deletions per file', () => {
    // Counted by hand from test/fixtures/github/pull-sample.diff.
    expect(files.map((file) => [file.additions, file.deletions])).toEqual([[4, 2], [3, 0], [0, 2], [1, 1], [0, 0]]);
  });

  it('checks hunk line counts against the hunk header ranges', () => {
    for (const file of files) {
      for (const hunk of file.hunks) {
        const oldSide = hunk.lines.filter((line) => !line.startsWith('+')).length;
        const newSide = hunk.lines.filter((line) => !line.startsWith('-')).length;
        expect([oldSide, newSide]).toEqual([hunk.oldLines, hunk.newLines]);
      }
    }
  });

  it('returns nothing for text that is not a diff', async () => {
    expect((await parsePatch('<!DOCTYPE html><p>Not found</p>')).files).toEqual([]);
  });
  it('reads a file whose segment has only a `diff` line and an `index` line, as parse-diff does', async () => {
    const { files: read } = await parsePatch(['diff -r a/x b/x', 'index 1234567..89abcde 100644'].join('\n'));
    expect(read).toHaveLength(1);
  });

  it('cuts a path line too long to be a path, so parsing it stays fast (its pattern is quadratic)', async () => {
    const hostile = { lines: [`diff --git ${'a/'.repeat(40_000)}`, '@@ -1 +1 @@', '-a', '+b'], total: 2, additions: 1, deletions: 1 };
    const parsed = await parsePendingDiff([hostile]);
    expect(parsed.files[0]?.hunks[0]?.lines).toEqual(['-a', '+b']);
    expect((await readPatch(`${hostile.lines[0]!}\n@@ -1 +1 @@\n-a\n+b`)).pending[0]?.lines[0]?.length).toBeLessThanOrEqual(2_000);
  });

  it('leaves out a file parse-diff throws on, and says so, keeping the others', async () => {
    const broken = { lines: ['@@ -1 +1 @@', '\\ No newline at end of file'], total: 0, additions: 0, deletions: 0 };
    const fine = { lines: ['diff --git a/ok.ts b/ok.ts', '--- a/ok.ts', '+++ b/ok.ts', '@@ -1 +1 @@', '-a', '+b'], total: 2, additions: 1, deletions: 1 };
    const parsed = await parsePendingDiff([broken, fine]);
    expect(parsed.files.map((file) => file.path)).toEqual(['ok.ts']);
    expect(parsed.cut.join(' ')).toMatch(/file 1 of the \.diff, which could not be parsed/);
  });
});
