import { describe, expect, it } from 'vitest';
import type { PageContext } from '../context/types';
import { runScript } from './run-script';
import { sandboxInputFromContext } from './sandbox-input';

const noPage = { page: null };

describe('script value', () => {
  it('is the completion value of a script without a top-level return', async () => {
    expect((await runScript('const x = 20;\nx + 22', noPage)).value).toBe(42);
    expect((await runScript('function twice(n) { return n * 2 }\ntwice(4)', noPage)).value).toBe(8);
  });

  it('is what a top-level return gives, even one inside a branch', async () => {
    expect((await runScript('const items = [1, 2];\nreturn items.length;', noPage)).value).toBe(2);
    expect((await runScript('if (true) {\n  return "early";\n}\n"late"', noPage)).value).toBe('early');
  });

  it('is absent when undefined, and plain JSON data otherwise', async () => {
    const nothing = await runScript('let x = 1;', noPage);
    expect(nothing.ok).toBe(true);
    expect('value' in nothing).toBe(false);
    expect('value' in (await runScript('return () => 1', noPage))).toBe(false);
    expect((await runScript('({ when: new Date(Date.UTC(2020, 1, 3)), set: new Set([1]), n: NaN })', noPage)).value).toEqual({
      when: '2020-02-03T00:00:00.000Z',
      set: {},
      n: null,
    });
  });

  it('settles a returned promise', async () => {
    expect((await runScript('Promise.resolve(5).then((n) => n + 1)', noPage)).value).toBe(6);
    expect((await runScript('async function f() { throw new Error("late") }\nreturn f()', noPage)).error).toBe('Error: late (line 1)');
  });

  it('fails a promise that can never settle instead of waiting', async () => {
    expect((await runScript('new Promise(() => {})', noPage)).error).toBe(
      "Error: the script's promise never settled (the sandbox has no timers or network)",
    );
  });

  it('fails clearly when the value cannot be JSON', async () => {
    const cyclic = await runScript('const a = {}; a.self = a; a', noPage);
    expect(cyclic.ok).toBe(false);
    expect(cyclic.error).toMatch(/^NotSerialisable: the script's value cannot be turned into JSON \(TypeError: circular/);
    expect((await runScript('10n', noPage)).error).toMatch(/^NotSerialisable: .*BigInt/i);
  });
});

describe('globals', () => {
  it('gives the page data as `page` and the rest of the context as `context`', async () => {
    const pageContext: PageContext = {
      url: 'https://example.com/docs', title: 'Docs', kind: 'docs', capturedAt: 1, facts: { words: 3 }, redactions: 0,
      selection: 'hello',
      data: { type: 'doc', title: 'Docs', text: 'one two three', outline: [], codeBlocks: [] },
    };
    const result = await runScript('[page.text.split(" ").length, context.kind, context.facts.words, context.selection, context.url]', sandboxInputFromContext(pageContext));
    expect(result.value).toEqual([3, 'docs', 3, 'hello', 'https://example.com/docs']);
  });

  it('gives an empty context when the caller has none', async () => {
    expect((await runScript('[context.kind, context.url, page]', noPage)).value).toEqual(['generic', '', null]);
  });

  it('has no network, DOM, timers, modules or extension APIs', async () => {
    const names = ['fetch', 'XMLHttpRequest', 'WebSocket', 'setTimeout', 'setInterval', 'document', 'window', 'require', 'process', 'chrome', 'browser', 'importScripts'];
    const result = await runScript(`[${names.map((name) => `typeof ${name}`).join(', ')}]`, noPage);
    expect(result.value).toEqual(names.map(() => 'undefined'));
    const imported = await runScript('import("x").then(() => "loaded", (error) => "failed: " + error.message)', noPage);
    expect(imported.value).toBe("failed: could not load module 'x'");
    expect((await runScript('import x from "x";', noPage)).error).toMatch(/^SyntaxError: .*\(line 1\)$/);
  });

  it('lets a script shadow a helper with its own declaration', async () => {
    expect((await runScript('const sum = (a, b) => a - b;\nsum(5, 3)', noPage)).value).toBe(2);
    expect((await runScript('function page() { return 1 }\nreturn page()', noPage)).value).toBe(1);
  });
});

describe('errors', () => {
  it('names the line of a syntax error', async () => {
    const result = await runScript('const a = 1;\nconst b = ;\n', noPage);
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/^SyntaxError: .+ \(line 2\)$/);
  });

  it('names the line of a syntax error in a script that also returns', async () => {
    expect((await runScript('return 1;\nlet = = 2;', noPage)).error).toMatch(/^SyntaxError: .+ \(line 2\)$/);
  });

  it('says a script that stops mid-expression ended early, on its own last line', async () => {
    const ended = 'SyntaxError: the script ends in the middle of a statement or expression';
    expect((await runScript('const a = 1;\nreturn a +\n', noPage)).error).toBe(`${ended} (line 2)`);
    expect((await runScript('const a = 1;\na +\n\n', noPage)).error).toBe(`${ended} (line 2)`);
    expect((await runScript('function f() {\n  return [1,\n', noPage)).error).toBe(`${ended} (line 2)`);
    expect((await runScript('return (1', noPage)).error).toBe("SyntaxError: expecting ')' (line 1)");
    // A string the script hands to eval is not the script: its error stays QuickJS's own.
    expect((await runScript("eval('a +')", noPage)).error).not.toContain('the script ends');
  });

  it('points at a closing brace that closes nothing in a script that returns', async () => {
    const stray = "SyntaxError: this '}' closes a block that was never opened";
    expect((await runScript('return 1;\n}', noPage)).error).toBe(`${stray} (line 2)`);
    expect((await runScript('if (page) {\n  return "{";\n}\n// }\n}\nreturn 2;', noPage)).error).toBe(`${stray} (line 5)`);
  });

  it('gives the thrown error with its message and script line', async () => {
    expect((await runScript('const a = 1;\n\nthrow new RangeError("too far");', noPage)).error).toBe('RangeError: too far (line 3)');
    expect((await runScript('const rows = null;\nreturn rows.length;', noPage)).error).toBe("TypeError: cannot read property 'length' of null (line 2)");
  });

  it('points at the script line that called a helper, not the prelude', async () => {
    expect((await runScript('const n = 1;\nmedian(n)', noPage)).error).toBe('TypeError: median expects an array, got number (line 2)');
  });

  it('reports a thrown non-Error value', async () => {
    expect((await runScript('throw "boom"', noPage)).error).toBe('Error: boom');
    expect((await runScript('throw { code: 7 }', noPage)).error).toBe('Error: {"code":7}');
    expect((await runScript('throw null', noPage)).error).toBe('Error: null');
  });

  it('keeps the logs written before the failure', async () => {
    const result = await runScript('console.log("before");\nundefinedName;', noPage);
    expect(result).toMatchObject({ ok: false, logs: ['before'], error: "ReferenceError: 'undefinedName' is not defined (line 2)" });
  });
});

describe('abort', () => {
  it('does not start a script whose signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await runScript('1', noPage, {}, { signal: controller.signal });
    expect(result).toMatchObject({ ok: false, error: 'Aborted: the script was stopped before it finished' });
  });

  it('stops a running script when its signal becomes aborted', async () => {
    // The sync engine blocks the event loop, so a real abort() cannot land mid-run here; a signal whose
    // `aborted` turns true after 100 ms stands in for the Stop button being pressed.
    const abortAt = performance.now() + 100;
    const signal = { get aborted() { return performance.now() > abortAt; } } as AbortSignal;
    const result = await runScript('while (true) {}', noPage, { timeoutMs: 20_000 }, { signal });
    expect(result.error).toBe('Aborted: the script was stopped before it finished');
    expect(result.ms).toBeLessThan(10_000);
  });
});

