import { QuickJSContext } from 'quickjs-emscripten-core';
import { describe, expect, it, vi } from 'vitest';
import { isSandboxDiscarded, loadSandbox } from './quickjs-module';
import { DEFAULT_LIMITS, runScript } from './run-script';

const noPage = { page: null };
// The machine running the tests may be busy; margins are wide, the limits themselves are exact.
const MARGIN_MS = 3000;

async function expectHealthy(): Promise<void> {
  expect(await runScript('[1, 2, 3].length', noPage)).toMatchObject({ ok: true, value: 3 });
}

describe('time limit', () => {
  it('ends an infinite loop with a Timeout error soon after the deadline', async () => {
    const result = await runScript('while (true) {}', noPage, { timeoutMs: 300 });
    expect(result).toMatchObject({ ok: false, error: 'Timeout: the script ran longer than 300 ms' });
    expect(result.ms).toBeGreaterThanOrEqual(300);
    expect(result.ms).toBeLessThan(300 + MARGIN_MS);
    await expectHealthy();
  });

  it('uses a 1000 ms deadline by default', async () => {
    expect(DEFAULT_LIMITS.timeoutMs).toBe(1000);
    const result = await runScript('for (;;) {}', noPage);
    expect(result.error).toBe('Timeout: the script ran longer than 1000 ms');
    expect(result.ms).toBeLessThan(1000 + MARGIN_MS);
  });

  it('cannot be caught by the script', async () => {
    const result = await runScript('try { while (true) {} } catch (error) { "swallowed" }', noPage, { timeoutMs: 200 });
    expect(result.error).toBe('Timeout: the script ran longer than 200 ms');
  });

  it('stops a value or a view whose toJSON loops while it is turned into JSON, and the engine stays', async () => {
    const viewThatLoops = 'view.markdown("m");\nObject.prototype.toJSON = function () { for (;;) {} };\nreturn 1';
    for (const code of ['return { toJSON() { while (true) {} } }', 'return { get loop() { for (;;) {} } }', viewThatLoops]) {
      const result = await runScript(code, noPage, { timeoutMs: 200 });
      expect(result.error).toBe('Timeout: the script ran longer than 200 ms');
      await expectHealthy();
    }
  });

  it('keeps logs written before the timeout', async () => {
    const result = await runScript('console.log("started");\nwhile (true) {}', noPage, { timeoutMs: 200 });
    expect(result.logs).toEqual(['started']);
  });
});

describe('memory limit', () => {
  it('ends a memory bomb with an out-of-memory error', async () => {
    const result = await runScript('const held = [];\nwhile (true) held.push("x".repeat(1 << 20) + held.length);', noPage, { timeoutMs: 30_000 });
    expect(result).toMatchObject({ ok: false, error: 'OutOfMemory: the script ran out of memory (limit 32 MiB) (line 2)' });
    await expectHealthy();
  });

  it('ends a bomb of many small objects too', async () => {
    const result = await runScript('const held = [];\nfor (let i = 0; ; i++) held.push({ i, text: "item " + i });', noPage, { timeoutMs: 30_000 });
    expect(result.error).toMatch(/^OutOfMemory: /);
    await expectHealthy();
  });

  it('lets a script hold about as much as its limit allows', async () => {
    // 24 MiB of strings fits under the default 32 MiB but not under an 8 MiB limit.
    const holdMiB = 'const held = [];\nfor (let i = 0; i < 24; i++) held.push("x".repeat(1 << 20) + i);\nheld.length';
    expect(await runScript(holdMiB, noPage, { timeoutMs: 30_000 })).toMatchObject({ ok: true, value: 24 });
    expect((await runScript(holdMiB, noPage, { timeoutMs: 30_000, memoryBytes: 8 * 1024 * 1024 })).error).toMatch(/^OutOfMemory: .*limit 8 MiB/);
  });

  it('says when the page data itself does not fit', async () => {
    const page = { blob: 'y'.repeat(20 * 1024 * 1024) };
    const result = await runScript('page.blob.length', { page }, { timeoutMs: 30_000 });
    expect(result.error).toBe("OutOfMemory: the page data (20 MiB as JSON) does not fit in the sandbox's memory (limit 32 MiB)");
    await expectHealthy();
  });

  it('says when the page data fills the memory while being read', async () => {
    const page = { rows: Array.from({ length: 400_000 }, (_, index) => ({ index, label: `row ${index}` })) };
    const result = await runScript('page.rows.length', { page }, { timeoutMs: 30_000 });
    expect(result.error).toBe("OutOfMemory: the page data does not fit in the sandbox's memory (limit 32 MiB)");
    await expectHealthy();
  });
});

describe('stack limit', () => {
  it('ends runaway recursion with a StackOverflow error naming the line', async () => {
    const result = await runScript('function down(n) {\n  return down(n + 1) + 1;\n}\ndown(0)', noPage);
    expect(result.error).toMatch(/^StackOverflow: calls nested too deeply \(stack limit 256 KiB\); use a loop instead of recursion \(line 2\)$/);
    await expectHealthy();
  });

  it('survives a native recursion that exhausts the host stack', async () => {
    // JSON.stringify recurses in C: each level costs more host stack than QuickJS counts.
    const result = await runScript('let root = {};\nlet node = root;\nfor (let i = 0; i < 200000; i++) { node.next = {}; node = node.next; }\nJSON.stringify(root).length', noPage, {
      timeoutMs: 30_000,
    });
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/^StackOverflow: /);
    await expectHealthy();
  });
});

describe('host failure inside the engine', () => {
  it('fails the run and replaces the engine when the host fails while compiling a helper', async () => {
    // What a host stack overflow deep inside QuickJS looks like from here; the library would otherwise
    // turn it into an error the script could catch, on an engine left half-way through a compile.
    const evalCode = QuickJSContext.prototype.evalCode;
    const spy = vi.spyOn(QuickJSContext.prototype, 'evalCode').mockImplementation(function (this: QuickJSContext, code, filename, options) {
      if (filename?.startsWith('prelude-')) throw new RangeError('Maximum call stack size exceeded');
      return evalCode.call(this, code, filename, options);
    });
    const engine = await loadSandbox();
    try {
      const result = await runScript('try { sum([1]) } catch (error) { "caught" }', noPage);
      expect(result.error).toMatch(/^StackOverflow: /);
    } finally {
      spy.mockRestore();
    }
    expect(isSandboxDiscarded(engine)).toBe(true);
    await expectHealthy();
  });
});

describe('output limit', () => {
  it('refuses a value over the cap with its size and the cap', async () => {
    const result = await runScript('"x".repeat(1024 * 1024)', noPage);
    expect(result).toMatchObject({
      ok: false,
      error:
        "OutputTooLarge: the script's result is 1 MiB (1,048,578 bytes), over the 64 KiB output cap; return a summary (counts, the top rows, a slice) instead of the raw data",
    });
    await expectHealthy();
  });

  it('counts views against the cap', async () => {
    const result = await runScript('view.markdown("y".repeat(5000)); 1', noPage, { outputBytes: 4096 });
    expect(result.error).toMatch(/^OutputTooLarge: the script's result is 4\.9 KiB \(5,0\d\d bytes\), over the 4 KiB output cap/);
  });

  it('cuts logs to fit rather than failing', async () => {
    const result = await runScript('for (let i = 0; i < 100; i++) console.log("line " + i + " " + "z".repeat(90));\n"done"', noPage, { outputBytes: 2048 });
    expect(result.ok).toBe(true);
    expect(result.value).toBe('done');
    const kept = result.logs.slice(0, -1);
    // Each line is about 98 bytes + a separator, and "done" takes 6 bytes of the 2048.
    expect(kept.length).toBe(Math.floor((2048 - 6) / 99));
    expect(result.logs.at(-1)).toBe(`… ${100 - kept.length} more log line(s) cut to stay under the 2 KiB output cap`);
  });
});
