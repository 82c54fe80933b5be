import { describe, expect, it } from 'vitest';
import { added, changed } from '../../test/fixtures/skills/diff-files';
import { isEntryPoint, readingOrder, readingOrderMarkdown, shortNames } from './reading-order';

// A small change with a clear shape: a new helper (core), a client that calls it (caller), the entry point
// that wires it, its test, a flag, docs and a lock file.
const files = [
  changed('README.md', [' ## Setup', '+', '+## Retries', '+Requests are retried.']),
  changed('package-lock.json', ['+"a": 1', '-"b": 2']),
  changed('src/sync/client.ts', [' async pull() {', `+  return withRetry(() => fetch(url), DEFAULT_RETRY);`, '-  return fetch(url);', ' }'], { start: 40 }),
  added('src/sync/retry.ts', ['export const DEFAULT_RETRY = { attempts: 5 };', 'export async function withRetry(task, options) {', '  if (options.attempts < 1) throw new Error("no attempts");', '  return task();', '}']),
  changed('src/index.ts', [` import { SyncClient } from './sync/client';`, '+if (ENABLE_SYNC) {', '+  Api.pull = pull;', '+}'], { start: 3 }),
  changed('src/flags.ts', ['+export const ENABLE_SYNC = true;']),
  added('src/sync/retry.test.ts', [`import { withRetry } from './retry';`, `it('retries a failing task', () => withRetry(task, { attempts: 2 }));`]),
];

describe('reading order', () => {
  it('puts the entry point and core first, then callers, tests, flags, docs, and sets lock files aside', () => {
    const groups = readingOrder(files);
    expect(groups.map((group) => [group.role, group.files])).toEqual([
      ['entry', ['src/index.ts']],
      ['core', ['src/sync/retry.ts']],
      ['callers', ['src/sync/client.ts']],
      ['tests', ['src/sync/retry.test.ts']],
      ['flags', ['src/flags.ts']],
      ['docs', ['README.md']],
      ['set-aside', ['package-lock.json']],
    ]);
  });

  it('says why each group matters from the diff', () => {
    const why = Object.fromEntries(readingOrder(files).map((group) => [group.role, group.why]));
    expect(why.entry).toBe('`index.ts` (+3 −0): exposes `pull` behind `ENABLE_SYNC`.');
    expect(why.core).toBe('`retry.ts` (new, +5): adds `withRetry` (1 branch); used by `client.ts`.');
    expect(why.callers).toBe('`client.ts` (+1 −1): changes `pull`; uses `withRetry`; used by `index.ts`.');
    expect(why.tests).toBe('`retry.test.ts` (new, +2): 1 new test exercising `withRetry`, e.g. “retries a failing task”.');
    expect(why.flags).toBe('`flags.ts` sets `ENABLE_SYNC`, which the code above branches on: `true` in `flags.ts`.');
    expect(why.docs).toBe('`README.md`: adds the section “Retries”.');
    expect(why['set-aside']).toBe('`package-lock.json` (+1 −1).');
  });

  it('writes one numbered line per group, with no table and no top-N list', () => {
    const markdown = readingOrderMarkdown(readingOrder(files));
    expect(markdown.split('\n').filter((line) => /^\d+\. /.test(line))).toHaveLength(6);
    expect(markdown).toContain('**Set aside (generated or lock files, not read):** `package-lock.json` (+1 −1).');
    expect(markdown).not.toMatch(/Biggest changes|\|/);
  });

  it('orders several core files so that what is used comes before what uses it', () => {
    const order = readingOrder([
      added('lib/b.ts', ['export function useA() {', '  return makeA() + 1;', '}']),
      added('lib/a.ts', ['export function makeA() {', '  return 1;', '}']),
      added('lib/c.ts', ['export function useB() {', '  return useA();', '}']),
    ]);
    expect(order.map((group) => [group.role, group.files])).toEqual([
      ['core', ['lib/a.ts', 'lib/b.ts']],
      ['callers', ['lib/c.ts']],
    ]);
    expect(order[0]?.why).toBe('`a.ts`, then `b.ts`: 2 new functions, used by `c.ts`.');
  });
});

describe('names', () => {
  it('finds entry points by convention or by the package they are named after', () => {
    for (const path of ['src/index.ts', 'cmd/serve/main.go', 'pkg/__init__.py', 'src/lib.rs', 'packages/react/src/React.js']) expect(isEntryPoint(path), path).toBe(true);
    for (const path of ['src/retry.ts', 'packages/react/src/ReactElement.js']) expect(isEntryPoint(path), path).toBe(false);
  });

  it('shortens paths to the fewest trailing folders that tell them apart', () => {
    const names = shortNames(['a/x/index.ts', 'b/x/index.ts', 'b/y/util.ts', 'c/z/index.ts']);
    expect(Object.fromEntries(names)).toEqual({ 'a/x/index.ts': 'a/x/index.ts', 'b/x/index.ts': 'b/x/index.ts', 'b/y/util.ts': 'util.ts', 'c/z/index.ts': 'z/index.ts' });
  });
});
