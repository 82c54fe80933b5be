import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../command';
import { parseSandboxArguments, sandboxCommand } from './sandbox';

function fixture(name: string): string {
  return fileURLToPath(new URL(`../../test/fixtures/sandbox/${name}`, import.meta.url));
}

function fakeIO(): CliIO & { outText: () => string; errText: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return { out: (text) => out.push(text), err: (text) => err.push(text), outText: () => out.join('\n'), errText: () => err.join('\n') };
}

describe('sandbox command', () => {
  it('runs a script over a saved PageContext and prints the result', async () => {
    const io = fakeIO();
    const code = await sandboxCommand([fixture('added-lines-summary.js'), '--page', fixture('pull-context.json')], io);
    expect(code).toBe(0);
    const result = JSON.parse(io.outText());
    expect(result).toMatchObject({
      ok: true,
      value: { perFile: [{ path: 'src/client.ts', added: 3 }, { path: 'README.md', added: 1 }], logging: ['src/client.ts:22'] },
      logs: ['kind github.pull.files'],
      views: [{ type: 'table', title: 'Added lines', columns: ['path', 'added'], rows: [['src/client.ts', 3], ['README.md', 1]] }],
    });
    expect(typeof result.ms).toBe('number');
    expect(io.outText()).toContain('\n  "ok": true'); // pretty-printed
  });

  it('takes a bare data object as the page', async () => {
    const io = fakeIO();
    expect(await sandboxCommand([fixture('series-median.js'), '--page', fixture('bare-dashboard.json')], io)).toBe(0);
    expect(JSON.parse(io.outText()).value).toBe(110);
  });

  it('exits 1 with the error when the script fails', async () => {
    const io = fakeIO();
    expect(await sandboxCommand([fixture('throws-on-line-2.js')], io)).toBe(1);
    expect(JSON.parse(io.outText())).toMatchObject({ ok: false, error: 'RangeError: no page data for 1 (line 2)' });
  });

  it('applies --timeout', async () => {
    const io = fakeIO();
    expect(await sandboxCommand([fixture('loops-forever.js'), '--timeout', '150'], io)).toBe(1);
    expect(JSON.parse(io.outText()).error).toBe('Timeout: the script ran longer than 150 ms');
  });

  it.each([
    [[], 'the script file is missing'],
    [['a.js', 'b.js'], 'unexpected argument b.js'],
    [['a.js', '--verbose'], 'unknown option --verbose'],
    [['a.js', '--page'], '--page needs a value'],
    [['a.js', '--timeout', 'soon'], "--timeout must be a positive number of milliseconds, got 'soon'"],
    [['a.js', '--timeout', '-5'], "--timeout must be a positive number of milliseconds, got '-5'"],
  ])('exits 2 on usage error %j', async (args, message) => {
    const io = fakeIO();
    expect(await sandboxCommand(args, io)).toBe(2);
    expect(io.errText()).toContain(`sandbox: ${message}`);
    expect(io.errText()).toContain('usage: sandbox <script.js>');
    expect(io.outText()).toBe('');
  });

  it('exits 2 when the script or page file cannot be read or parsed', async () => {
    const missing = fakeIO();
    expect(await sandboxCommand([fixture('no-such-script.js')], missing)).toBe(2);
    expect(missing.errText()).toMatch(/cannot read the script .*no-such-script\.js/);
    const badJson = fakeIO();
    expect(await sandboxCommand([fixture('series-median.js'), '--page', fixture('series-median.js')], badJson)).toBe(2);
    expect(badJson.errText()).toMatch(/the page file .*series-median\.js is not valid JSON/);
  });

  it('parses flags in any order', () => {
    expect(parseSandboxArguments(['--timeout', '50', 's.js', '--page', 'p.json'])).toEqual({ scriptPath: 's.js', pagePath: 'p.json', timeoutMs: 50 });
  });
});
