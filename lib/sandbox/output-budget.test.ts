import { describe, expect, it } from 'vitest';
import { formatBytes, formatBytesExact, utf8Length } from './format-bytes';
import { budgetOutput } from './output-budget';

describe('utf8Length', () => {
  it('counts bytes as UTF-8 encodes them', () => {
    for (const text of ['', 'abc', 'é', '€', '😀', 'a😀b€', '\ud800x']) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    }
  });
});

describe('formatBytes', () => {
  it('rounds to bytes, KiB or MiB', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(64 * 1024)).toBe('64 KiB');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(32 * 1024 * 1024)).toBe('32 MiB');
    expect(formatBytesExact(1_048_578)).toBe('1 MiB (1,048,578 bytes)');
  });
});

describe('budgetOutput', () => {
  it('keeps everything that fits', () => {
    expect(budgetOutput('"ok"', [], ['a', 'b'], 100)).toEqual({ logs: ['a', 'b'] });
  });

  it('fails when the value alone is over the cap', () => {
    const budget = budgetOutput('x'.repeat(101), [], ['log'], 100);
    expect(budget.error).toMatch(/^OutputTooLarge: the script's result is 101 bytes, over the 100 bytes output cap/);
    expect(budget.logs).toEqual(['log']);
  });

  it('cuts logs that do not fit next to the value and views', () => {
    const views = [{ type: 'markdown' as const, text: 'hi' }];
    const viewBytes = JSON.stringify(views).length;
    // 10 bytes of value, then lines of 9 bytes + 1 separator each.
    const budget = budgetOutput('1234567890', views, ['aaaaaaaaa', 'bbbbbbbbb', 'ccccccccc'], 10 + viewBytes + 20);
    expect(budget.error).toBeUndefined();
    expect(budget.logs.slice(0, 2)).toEqual(['aaaaaaaaa', 'bbbbbbbbb']);
    expect(budget.logs[2]).toMatch(/^… 1 more log line\(s\) cut/);
  });
});
