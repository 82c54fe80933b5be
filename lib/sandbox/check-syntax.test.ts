import { describe, expect, it } from 'vitest';
import { checkScriptSyntax } from './check-syntax';

describe('checkScriptSyntax', () => {
  it('accepts both forms a script may take, without running them', async () => {
    expect(await checkScriptSyntax('return page.title')).toEqual({ ok: true });
    expect(await checkScriptSyntax('function main(p) { return p.title }\nmain(page)')).toEqual({ ok: true });
    // Compiled only: a loop that never ends is not run.
    expect(await checkScriptSyntax('while (true) {}')).toEqual({ ok: true });
  });

  it('names the error and its line in the script', async () => {
    expect(await checkScriptSyntax('const a = 1;\nconst b = ;')).toMatchObject({ ok: false, line: 2, message: expect.stringContaining('SyntaxError') });
    // Cut short after a return: the line is the script's last, not the wrapper's.
    expect(await checkScriptSyntax('const a = 1;\nreturn a +')).toMatchObject({ ok: false, line: 2 });
  });
});
