// Runs share one loaded engine but nothing else: what one script leaves behind, including a failure,
// must not reach the next.
import { describe, expect, it } from 'vitest';
import { runScript } from './run-script';

const noPage = { page: null };
// The machine running the tests may be busy; margins are wide, the limits themselves are exact.
const MARGIN_MS = 3000;

async function expectHealthy(): Promise<void> {
  const result = await runScript('console.log("still here");\n[sum([1, 2]), topN([{ n: 1 }, { n: 3 }], 1, "n")[0].n, page.rows.length]', { page: { rows: [1, 2] } });
  expect(result).toMatchObject({ ok: true, value: [3, 3, 2], logs: ['still here'] });
}

describe('isolation between runs', () => {
  it('does not let a run see the globals or built-in changes of an earlier run', async () => {
    await runScript('globalThis.leak = 1; var leakedVar = 2; Array.prototype.sneaky = 3; sum = () => 99;', noPage);
    const result = await runScript('[typeof leak, typeof leakedVar, [].sneaky, sum([1, 2])]', noPage);
    expect(result.value).toEqual(['undefined', 'undefined', null, 3]);
  });

  it('gives every run a fresh global scope, fresh built-ins and fresh helpers', async () => {
    const poison = [
      'var declared = 1;',
      'let lexical = 2;',
      'function declaredFunction() { return 3 }',
      'Object.prototype.polluted = "yes";',
      'JSON.stringify = () => "tampered";',
      'Math.max = () => -1;',
      'console.log = () => {};',
      'view.table = () => { throw new Error("tampered") };',
      'page.rows.push(99);',
      'context.url = "https://evil.example";',
      'sum.constructor("return this")().leakedThroughHelper = true;',
    ].join('\n');
    expect(await runScript(poison, { page: { rows: [1] } })).toMatchObject({ ok: true });

    const probe = [
      'console.log("logged");',
      'view.table([{ a: 1 }]);',
      'return [typeof declared, typeof lexical, typeof declaredFunction, ({}).polluted, JSON.stringify([1]),',
      '  Math.max(1, 2), typeof leakedThroughHelper, page.rows.length, context.url];',
    ].join('\n');
    const result = await runScript(probe, { page: { rows: [1] } });
    expect(result).toMatchObject({
      ok: true,
      value: ['undefined', 'undefined', 'undefined', null, '[1]', 2, 'undefined', 1, ''],
      logs: ['logged'],
      views: [{ type: 'table', columns: ['a'], rows: [[1]] }],
    });
  });

  it('runs a script after a memory bomb with the whole memory limit available again', async () => {
    const bomb = await runScript('const held = [];\nwhile (true) held.push("x".repeat(1 << 20) + held.length);', noPage, { timeoutMs: 30_000 });
    expect(bomb.error).toMatch(/^OutOfMemory: /);
    // 24 MiB of strings only fits under the 32 MiB limit if the bomb's memory was given back.
    const holdMiB = 'const held = [];\nfor (let i = 0; i < 24; i++) held.push("x".repeat(1 << 20) + i);\nheld.length';
    expect(await runScript(holdMiB, noPage, { timeoutMs: 30_000 })).toMatchObject({ ok: true, value: 24 });
    await expectHealthy();
  });
});

describe('helpers compiled on first use', () => {
  it('work even when the script broke the built-ins the runner could have used to compile them', async () => {
    const result = await runScript('globalThis.eval = null;\nglobalThis.Function = null;\ndelete globalThis.JSON;\n[sum([1, 2]), median([3, 1, 2]), files().length, typeof view.chart]', noPage);
    expect(result).toMatchObject({ ok: true, value: [3, 2, 0, 'function'] });
  });

  it('can be replaced the way any global can', async () => {
    expect((await runScript('var sum = 5;\nsum', noPage)).value).toBe(5);
    expect((await runScript('let view = "mine";\nview', noPage)).value).toBe('mine');
    expect((await runScript('median = (values) => values.length;\nmedian([1, 2, 3, 4])', noPage)).value).toBe(4);
    expect((await runScript('delete globalThis.topN;\ntypeof topN', noPage)).value).toBe('undefined');
    expect((await runScript('[typeof sum, typeof groupBy, typeof addedLines, typeof view, Object.keys(globalThis).includes("sum")]', noPage)).value).toEqual([
      'function', 'function', 'function', 'object', false,
    ]);
  });
});

describe('the output the runner collects', () => {
  it('keeps its shape when the script gives objects and arrays a toJSON', async () => {
    const objects = await runScript('Object.prototype.toJSON = function () { return 5; };\nconsole.log("kept");\n1', noPage);
    expect(objects).toMatchObject({ ok: true, value: 1, logs: ['kept'] });
    const arrays = await runScript('Array.prototype.toJSON = function () { return "abc"; };\nconsole.log("hi");\nview.markdown("**m**");\n2', noPage);
    expect(arrays).toMatchObject({ ok: true, value: 2, logs: ['hi'], views: [{ type: 'markdown', text: '**m**' }] });
  });

  it('drops only the view that cannot be turned into JSON', async () => {
    const result = await runScript('view.markdown("first");\nview.table([{ a: 1 }]);\nObject.prototype.toJSON = function () { if (this.type === "table") throw new Error("no"); return this; };\n3', noPage);
    expect(result.ok).toBe(true);
    expect(result.views).toEqual([{ type: 'markdown', text: 'first' }]);
    expect(result.logs).toEqual(['[sandbox] 1 malformed view(s) dropped']);
  });
});

describe('recovery after a failure', () => {
  const failures: { name: string; code: string; timeoutMs: number; error: RegExp }[] = [
    { name: 'an infinite loop', code: 'while (true) {}', timeoutMs: 300, error: /^Timeout: the script ran longer than 300 ms$/ },
    { name: 'a memory bomb', code: 'const held = [];\nfor (let i = 0; ; i++) held.push({ i, text: "item " + i });', timeoutMs: 30_000, error: /^OutOfMemory: / },
    { name: 'a huge output', code: '"x".repeat(1024 * 1024)', timeoutMs: 1000, error: /^OutputTooLarge: / },
    { name: 'a syntax error', code: 'const a = ;', timeoutMs: 1000, error: /^SyntaxError: .*\(line 1\)$/ },
    { name: 'a throw', code: 'throw new TypeError("bad input")', timeoutMs: 1000, error: /^TypeError: bad input \(line 1\)$/ },
    { name: 'runaway recursion', code: 'function down(n) { return down(n + 1) + 1 }\ndown(0)', timeoutMs: 1000, error: /^StackOverflow: / },
  ];

  for (const failure of failures) {
    it(`ends ${failure.name} with a clear error within its deadline, then runs the next script normally`, async () => {
      const result = await runScript(failure.code, noPage, { timeoutMs: failure.timeoutMs });
      expect(result.ok).toBe(false);
      expect(result.error).toMatch(failure.error);
      expect(result.ms).toBeLessThan(failure.timeoutMs + MARGIN_MS);
      await expectHealthy();
    });
  }
});
