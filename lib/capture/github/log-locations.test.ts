import { describe, expect, it } from 'vitest';
import { findLocations } from './log-locations';
import type { LogLine } from './log-errors';

const log = (texts: string[], step = 'test'): LogLine[] => texts.map((text, index) => ({ number: index + 1, text, step }));
const places = (texts: string[]) => findLocations(log(texts)).map((location) => `${location.path}:${location.line}${location.own ? '' : ' (not own)'}`);

describe('findLocations', () => {
  it('reads the shapes compilers and test runners write, relative to the checkout', () => {
    expect(places(['src/foo.ts(42,5): error TS2322: Type string is not assignable to type number.'])).toEqual(['src/foo.ts:42']);
    expect(places(['/home/runner/work/widgets/widgets/src/a.c:7:3: error: expected ‘;’'])).toEqual(['src/a.c:7']);
    expect(places(['error[E0308]: mismatched types', '  --> src/main.rs:10:5'])).toEqual(['src/main.rs:10']);
    expect(places(['Traceback (most recent call last):', '  File "/__w/app/app/app/models.py", line 88, in save', 'ValueError: bad'])).toEqual(['app/models.py:88']);
    expect(places(['D:\\a\\app\\app\\src\\Program.cs(12,9): error CS1002: ; expected'])).toEqual(['src/Program.cs:12']);
  });

  it('puts the repository’s own files before dependencies, the runtime and the runner’s actions', () => {
    expect(places([
      'Error: boom',
      '    at run (/home/runner/work/app/app/node_modules/vitest/dist/runner.js:120:9)',
      '    at node:internal/process/task_queues:95:5',
      '    at test/upload.test.ts:41:22',
      '    at /home/runner/work/_actions/actions/setup-node/v4/dist/index.js:10:1',
    ])).toEqual(['test/upload.test.ts:41', 'node_modules/vitest/dist/runner.js:120 (not own)', '/home/runner/work/_actions/actions/setup-node/v4/dist/index.js:10 (not own)']);
  });

  it('reads ESLint’s file-then-rows output', () => {
    expect(places(['/home/runner/work/app/app/src/ui/button.tsx', '  14:7  error  \'x\' is assigned a value but never used  no-unused-vars'])).toEqual(['src/ui/button.tsx:14']);
  });

  it('takes no web address, version or time for a file', () => {
    expect(places(['Error: fetch https://registry.npmjs.org/pkg.tgz:443 failed at 10:02:11, node v20.11.1'])).toEqual([]);
  });

  it('looks only near error lines, and only in the steps asked for', () => {
    const lines: LogLine[] = [
      { number: 1, text: 'compiling src/ok.ts:1', step: 'build' },
      ...Array.from({ length: 20 }, (_, index) => ({ number: index + 2, text: `progress ${index}`, step: 'build' })),
      { number: 22, text: 'Error: src/bad.ts:9 is broken', step: 'build' },
      { number: 23, text: 'error: lib/other.ts:3', step: 'lint' },
    ];
    expect(findLocations(lines, ['build']).map((location) => location.path)).toEqual(['src/bad.ts']);
  });
});
