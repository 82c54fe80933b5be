import { describe, expect, it } from 'vitest';
import type { PullData } from '../context/types';
import { runScript } from './run-script';

async function valueOf(code: string, page: unknown = null): Promise<unknown> {
  const result = await runScript(code, { page });
  if (!result.ok) throw new Error(`script failed: ${result.error}`);
  return result.value;
}

async function errorOf(code: string, page: unknown = null): Promise<string | undefined> {
  const result = await runScript(code, { page });
  expect(result.ok).toBe(false);
  return result.error;
}

function pull(files: PullData['files']): PullData {
  return {
    type: 'pull', number: 7, title: 'Change', state: 'open', tab: 'files', labels: [], reviewers: [], checks: [], commits: [],
    files, diffSource: 'patch', read: { diff: true, checks: true, threads: true }, shown: {}, commentBox: true, threads: [], comments: [],
  };
}

const twoFilePull = pull([
  {
    path: 'src/app.ts', status: 'modified', additions: 3, deletions: 2,
    hunks: [
      {
        header: '@@ -10,5 +10,6 @@ function main() {', oldStart: 10, oldLines: 5, newStart: 10, newLines: 6,
        // old lines: 10 ctx, 11 removed, 12 ctx, 13 removed, 14 ctx; new: 10 ctx, 11 added, 12 ctx, 13 added, 14 added, 15 ctx
        lines: [' keep();', '-  oldCall();', '+  newCall();', ' middle();', '-  console.log("old");', '+  console.log("new");', '+  done();', ' end();'],
      },
      {
        header: '@@ -40,2 +41,2 @@', oldStart: 40, oldLines: 2, newStart: 41, newLines: 2,
        lines: [' tail();', '-last()', '\\ No newline at end of file', '+last();'],
      },
    ],
  },
  {
    path: 'docs/readme.md', status: 'added', additions: 1, deletions: 0,
    hunks: [{ header: '@@ -0,0 +1 @@', oldStart: 0, oldLines: 0, newStart: 1, newLines: 1, lines: ['+# Read me'] }],
  },
]);

describe('statistics helpers', () => {
  it('sums numbers and numeric strings, skipping blanks, booleans and non-numbers', async () => {
    expect(await valueOf('sum([1, 2, "3", null, undefined, "", NaN, "x", true])')).toBe(6);
    expect(await valueOf('sum([])')).toBe(0);
  });

  it('averages and takes medians, NaN for nothing to average', async () => {
    expect(await valueOf('mean([2, 4, "6"])')).toBe(4);
    expect(await valueOf('median([5, 1, 3])')).toBe(3);
    expect(await valueOf('median([4, 1, 3, 2])')).toBe(2.5);
    expect(await valueOf('[Number.isNaN(mean([])), Number.isNaN(median([null]))]')).toEqual([true, true]);
  });

  it('rejects a non-array with a message naming the helper', async () => {
    expect(await errorOf('sum("12")')).toBe('TypeError: sum expects an array, got string (line 1)');
  });
});

describe('grouping and ordering helpers', () => {
  const people = '[{ name: "ada", team: "core", age: 36 }, { name: "bob", team: "web", age: 25 }, { name: "cy", team: "core", age: 41 }]';

  it('groups by a property name or a function', async () => {
    expect(await valueOf(`const g = groupBy(${people}, "team"); [Object.keys(g).sort(), g.core.map((p) => p.name), g.web.length]`)).toEqual([
      ['core', 'web'],
      ['ada', 'cy'],
      1,
    ]);
    expect(await valueOf(`Object.keys(groupBy(${people}, (p) => p.age > 30 ? "older" : "younger")).sort()`)).toEqual(['older', 'younger']);
  });

  it('keeps a "__proto__" group as data instead of changing the prototype', async () => {
    expect(await valueOf('const g = groupBy([{ k: "__proto__" }, { k: "a" }], "k"); [Object.keys(g).length, g["__proto__"].length, typeof g.hasOwnProperty]')).toEqual([
      2,
      1,
      'function',
    ]);
  });

  it('sorts a copy ascending or descending, numerically for numbers and numeric strings', async () => {
    expect(await valueOf(`sortBy(${people}, "age").map((p) => p.name)`)).toEqual(['bob', 'ada', 'cy']);
    expect(await valueOf(`sortBy(${people}, "age", "desc").map((p) => p.name)`)).toEqual(['cy', 'ada', 'bob']);
    expect(await valueOf('sortBy(["10", "9", "100"], (v) => v)')).toEqual(['9', '10', '100']);
    expect(await valueOf('sortBy(["pear", "apple", "fig"], (v) => v)')).toEqual(['apple', 'fig', 'pear']);
    expect(await valueOf('const items = [3, 1, 2]; sortBy(items, (v) => v); items')).toEqual([3, 1, 2]);
  });

  it('puts missing keys last in both orders and keeps ties in their original order', async () => {
    const rows = '[{ id: 1, v: 2 }, { id: 2 }, { id: 3, v: 1 }, { id: 4, v: 2 }, { id: 5, v: null }]';
    expect(await valueOf(`sortBy(${rows}, "v").map((r) => r.id)`)).toEqual([3, 1, 4, 2, 5]);
    expect(await valueOf(`sortBy(${rows}, "v", "desc").map((r) => r.id)`)).toEqual([1, 4, 3, 2, 5]);
  });

  it('takes the top n by a key, largest first', async () => {
    expect(await valueOf(`topN(${people}, 2, "age").map((p) => p.name)`)).toEqual(['cy', 'ada']);
    expect(await valueOf(`topN(${people}, 10, (p) => p.name.length).length`)).toBe(3);
    expect(await valueOf(`topN(${people}, 0, "age")`)).toEqual([]);
  });

  it('rejects an unknown sort order', async () => {
    expect(await errorOf('sortBy([1], (v) => v, "down")')).toBe("TypeError: sortBy: order must be 'asc' or 'desc', got down (line 1)");
  });
});

describe('diff helpers', () => {
  it('lists the changed files of a pull request and nothing elsewhere', async () => {
    expect(await valueOf('files().map((f) => f.path)', twoFilePull)).toEqual(['src/app.ts', 'docs/readme.md']);
    expect(await valueOf('files()', { type: 'doc', title: 'x', text: '', outline: [], codeBlocks: [] })).toEqual([]);
    expect(await valueOf('files()', null)).toEqual([]);
  });

  it('gives the hunks of one file, empty for a file that did not change', async () => {
    expect(await valueOf('hunks("src/app.ts").map((h) => h.newStart)', twoFilePull)).toEqual([10, 41]);
    expect(await valueOf('hunks("nope.ts")', twoFilePull)).toEqual([]);
  });

  it('numbers added lines on the new side and removed lines on the old side', async () => {
    expect(await valueOf('addedLines().map((l) => [l.path, l.line, l.text])', twoFilePull)).toEqual([
      ['src/app.ts', 11, '  newCall();'],
      ['src/app.ts', 13, '  console.log("new");'],
      ['src/app.ts', 14, '  done();'],
      ['src/app.ts', 42, 'last();'],
      ['docs/readme.md', 1, '# Read me'],
    ]);
    expect(await valueOf('removedLines().map((l) => [l.path, l.line, l.text])', twoFilePull)).toEqual([
      ['src/app.ts', 11, '  oldCall();'],
      ['src/app.ts', 13, '  console.log("old");'],
      ['src/app.ts', 41, 'last()'],
    ]);
  });

  it('filters by a RegExp (global ones too), a substring and a path', async () => {
    expect(await valueOf('addedLines(/console\\.log/).map((l) => l.line)', twoFilePull)).toEqual([13]);
    expect(await valueOf('addedLines(/Call|done/g).map((l) => l.line)', twoFilePull)).toEqual([11, 14]);
    expect(await valueOf('removedLines("console").map((l) => l.line)', twoFilePull)).toEqual([13]);
    expect(await valueOf('addedLines(undefined, "docs/readme.md").length', twoFilePull)).toBe(1);
    expect(await valueOf('addedLines("#", "src/app.ts")', twoFilePull)).toEqual([]);
  });

  it('reads start lines from the hunk header, falling back to the hunk fields', async () => {
    const headerless = pull([
      { path: 'a.txt', status: 'modified', additions: 1, deletions: 0, hunks: [{ header: '', oldStart: 5, oldLines: 1, newStart: 7, newLines: 2, lines: [' x', '+y'] }] },
    ]);
    expect(await valueOf('addedLines().map((l) => l.line)', headerless)).toEqual([8]);
  });

  it('rejects a pattern that is neither a RegExp nor a string', async () => {
    expect(await errorOf('addedLines(5)', twoFilePull)).toBe('TypeError: addedLines expects a RegExp or a string as its pattern, got number (line 1)');
  });
});

describe('views', () => {
  it('builds a table from objects, with columns from every row and cells normalised', async () => {
    const result = await runScript(
      'view.table([{ a: 1, b: "x" }, { b: "y", c: new Date(Date.UTC(2024, 0, 2)), a: { n: 1 } }, { a: undefined, c: NaN }], { title: "T" })',
      { page: null },
    );
    expect(result.views).toEqual([
      {
        type: 'table',
        title: 'T',
        columns: ['a', 'b', 'c'],
        rows: [
          [1, 'x', null],
          ['{"n":1}', 'y', '2024-01-02T00:00:00.000Z'],
          [null, null, 'NaN'],
        ],
      },
    ]);
  });

  it('builds a table from arrays, with given or generated column names', async () => {
    const result = await runScript('view.table([[1, true], [2]], { columns: ["n", "ok"] }); view.table([["a", "b", "c"]])', { page: null });
    expect(result.views).toEqual([
      { type: 'table', columns: ['n', 'ok'], rows: [[1, true], [2, null]] },
      { type: 'table', columns: ['column 1', 'column 2', 'column 3'], rows: [['a', 'b', 'c']] },
    ]);
  });

  it('adds markdown and charts, one series or several', async () => {
    const result = await runScript(
      'view.markdown("**hi**"); view.chart({ name: "cpu", values: [1, "2"], labels: ["a", "b"] }, { title: "CPU", marks: [1] }); view.chart([{ values: [3] }, { name: "b", values: [4] }])',
      { page: null },
    );
    expect(result.views).toEqual([
      { type: 'markdown', text: '**hi**' },
      { type: 'chart', title: 'CPU', series: [{ name: 'cpu', values: [1, 2], labels: ['a', 'b'] }], marks: [1] },
      { type: 'chart', series: [{ name: 'series 1', values: [3] }, { name: 'b', values: [4] }] },
    ]);
  });

  it('refuses a chart value that is not a number, naming the series and index', async () => {
    expect(await errorOf('\nview.chart({ name: "p95", values: [1, null] })')).toBe(
      'TypeError: view.chart: series "p95" has a value that is not a finite number at index 1 (null) (line 2)',
    );
  });
});

describe('console', () => {
  it('captures every level as strings, objects as JSON', async () => {
    const result = await runScript('console.log("a", 1, { b: [2] }, undefined); console.info("i"); console.warn("w"); console.error(new TypeError("bad"))', {
      page: null,
    });
    expect(result.logs).toEqual(['a 1 {"b":[2]} undefined', 'i', '[warn] w', '[error] TypeError: bad']);
  });

  it('keeps at most logLines lines and says how many were not kept', async () => {
    const result = await runScript('for (let i = 0; i < 10; i++) console.log("line " + i)', { page: null }, { logLines: 3 });
    expect(result.logs).toEqual(['line 0', 'line 1', 'line 2', '… 7 more log line(s) not kept (limit 3 lines)']);
  });

  it('cuts a very long line and says by how much', async () => {
    const result = await runScript('console.log("x".repeat(2500))', { page: null });
    expect(result.logs[0]).toBe(`${'x'.repeat(2000)}… (500 more characters)`);
  });
});
