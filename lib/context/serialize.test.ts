import { describe, expect, it } from 'vitest';
import { serializeForPrompt } from './serialize';
import { countTokens } from './tokens';
import type { DashboardData, DiffFile, DocData, PageContext, PullData } from './types';

function syntheticFile(index: number, linesPerFile: number): DiffFile {
  const lines = Array.from({ length: linesPerFile }, (_unused, line) =>
    line % 3 === 0 ? `-  const value${line} = compute(${line}, 'old');` : `+  const value${line} = compute(${line}, "new", options.flag${index});`);
  return {
    path: `src/module-${index}/file-${index}.ts`,
    status: index % 10 === 0 ? 'added' : 'modified',
    additions: lines.filter((line) => line.startsWith('+')).length,
    deletions: lines.filter((line) => line.startsWith('-')).length,
    hunks: [
      { header: `@@ -1,${linesPerFile} +1,${linesPerFile} @@`, oldStart: 1, oldLines: linesPerFile, newStart: 1, newLines: linesPerFile, lines },
    ],
  };
}

function pullContext(fileCount: number, linesPerFile: number): PageContext {
  const data: PullData = {
    type: 'pull', number: 4242, title: 'Refactor the module loader', state: 'open', tab: 'files', author: 'alice', base: 'main', head: 'loader',
    labels: ['refactor'], reviewers: ['bob'],
    checks: [{ name: 'build', state: 'failure' }, { name: 'lint', state: 'success' }],
    commits: [{ message: 'refactor' }],
    files: Array.from({ length: fileCount }, (_unused, index) => syntheticFile(index, linesPerFile)),
    diffSource: 'patch',
    read: { diff: true, checks: true, threads: true }, shown: {}, commentBox: true,
    threads: [{ path: 'src/module-1/file-1.ts', line: 3, resolved: false, comments: [{ author: 'bob', body: 'Why this change?' }] }],
    comments: [],
  };
  return {
    url: 'https://github.com/acme/app/pull/4242/files', title: 'Refactor the module loader by alice · Pull Request #4242', kind: 'github.pull.files',
    capturedAt: 0, facts: { files: fileCount, additions: 1, failingChecks: 1, uniqueFactMarker: 'fact-7f3a' }, data, redactions: 0,
  };
}

describe('serializeForPrompt: pull requests', () => {
  it.each([500, 1500, 3000, 6000, 12000])('stays within a budget of %i tokens and always has the facts', (budget) => {
    const result = serializeForPrompt(pullContext(40, 60), budget);
    expect(result.tokens).toBeLessThanOrEqual(budget);
    expect(countTokens(result.text)).toBe(result.tokens);
    expect(result.text).toContain('- uniqueFactMarker: fact-7f3a');
    expect(result.text).toContain('url: https://github.com/acme/app/pull/4242/files');
  });

  it('serialises a 300-file, 10,000-line diff within 6000 tokens', () => {
    const context = pullContext(300, 34);
    const changedLines = (context.data as PullData).files.reduce((sum, file) => sum + (file.hunks[0]?.lines.length ?? 0), 0);
    expect(changedLines).toBeGreaterThanOrEqual(10_000);
    // Its speed is a row of `npm run bench` (bench/capture-rows.ts), not an assertion here.
    const result = serializeForPrompt(context);
    expect(result.tokens).toBeLessThanOrEqual(6000);
    expect(result.tokens).toBeGreaterThan(5000);
    expect(result.cut.some((entry) => /more files .*page\.files/.test(entry) || /hunks of \d+ more files/.test(entry))).toBe(true);
  });

  it('lists files, checks and threads in the outline and marks cut lines in the text', () => {
    const result = serializeForPrompt(pullContext(5, 400), 3000);
    expect(result.text).toContain('✗ build (failure)');
    expect(result.text).toContain('M src/module-1/file-1.ts +266 −134');
    expect(result.text).toContain('src/module-1/file-1.ts:3 [open, 1 comments] bob: Why this change?');
    expect(result.text).toMatch(/… \[cut: \d+ more lines of src\/module-\d\/file-\d\.ts — available to scripts as page\.files\]/);
    expect(result.cut.length).toBeGreaterThan(0);
    for (const entry of result.cut) expect(result.text).toContain(entry);
  });

  it('sends a small diff whole, without cut markers', () => {
    const result = serializeForPrompt(pullContext(3, 10), 6000);
    expect(result.cut).toEqual([]);
    expect(result.text).toContain("+  const value29".slice(0, 10));
    expect(result.text.split('\n').filter((line) => line.startsWith('+  const') || line.startsWith('-  const'))).toHaveLength(30);
  });
});

describe('serializeForPrompt: other kinds', () => {
  it('docs: headings in the outline and the article text until the budget', () => {
    const data: DocData = {
      type: 'doc', title: 'A long guide', byline: 'Ann', text: Array.from({ length: 2000 }, (_unused, index) => `Paragraph ${index} has words.`).join('\n\n'),
      outline: [{ level: 1, text: 'Intro' }, { level: 2, text: 'Setup' }], codeBlocks: [],
    };
    const context: PageContext = { url: 'https://docs.example.com/guide', title: 'A long guide', kind: 'docs', capturedAt: 0, facts: { words: 8000 }, data, redactions: 0 };
    const result = serializeForPrompt(context, 1000);
    expect(result.tokens).toBeLessThanOrEqual(1000);
    expect(result.text).toContain('Intro');
    expect(result.text).toContain('  Setup');
    expect(result.text).toContain('Paragraph 0 has words.');
    expect(result.text).not.toContain('Paragraph 1999 has words.');
    expect(result.cut.some((entry) => entry.includes('lines of the article — available to scripts as page.text'))).toBe(true);
  });

  it('dashboard: panels and series with their last values', () => {
    const data: DashboardData = {
      type: 'dashboard', source: 'grafana',
      panels: [{ title: 'Errors', type: 'stat', value: '12' }],
      series: [{ name: 'latency', unit: 'ms', labels: ['10:00', '10:05', '10:10'], values: [5, 9, 7] }],
      tables: [],
    };
    const context: PageContext = { url: 'https://grafana.example.com/d/x', title: 'Ops', kind: 'dashboard', capturedAt: 0, facts: { panels: 1 }, data, redactions: 0 };
    const result = serializeForPrompt(context, 800);
    expect(result.text).toContain('Errors [stat] = 12');
    expect(result.text).toContain('latency (ms): 3 points, 10:00 → 10:10, last 7 ms, min 5, max 9');
  });

  it('keeps the facts even when the budget is tiny', () => {
    const result = serializeForPrompt(pullContext(10, 10), 60);
    expect(result.text).toContain('- uniqueFactMarker: fact-7f3a');
  });
});
