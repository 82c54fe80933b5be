import { describe, expect, it } from 'vitest';
import { added, changed } from '../../test/fixtures/skills/diff-files';
import {
  branchesIn,
  changedLines,
  codeOf,
  constantsOnlyChange,
  exposedNames,
  filesInDetail,
  importsIn,
  isNewFile,
  meaningfulChurn,
  symbolChanges,
  testNamesAdded,
} from './diff-facts';

describe('changed lines', () => {
  it('numbers added lines on the new side and removed lines on the old side', () => {
    const file = changed('a.ts', [' keep', '-old', '+new one', '+new two', ' keep'], { start: 10 });
    expect(changedLines(file)).toEqual({ added: [{ line: 11, text: 'new one' }, { line: 12, text: 'new two' }], removed: [{ line: 11, text: 'old' }] });
  });

  it('knows a new file by its hunk even when the page called it modified', () => {
    expect(isNewFile({ ...added('a.ts', ['x']), status: 'modified' })).toBe(true);
    expect(isNewFile(changed('a.ts', [' x', '+y']))).toBe(false);
  });

  it('blanks strings and trailing comments before looking for keywords', () => {
    expect(codeOf(`const a = "if (x) case"; // if`)).toBe('const a = "";');
    expect(branchesIn(`log("if this fails")`, 'js')).toBe(0);
    expect(branchesIn('if (a) return b ?? c;', 'js')).toBe(2);
    expect(branchesIn('    elif x:', 'python')).toBe(1);
    expect(branchesIn('// if commented out', 'js')).toBe(0);
  });
});

describe('definitions the change adds, re-signs, modifies or removes', () => {
  it('JS/TS: exported functions, methods, and the function a hunk header names', () => {
    const file = changed(
      'src/sync.ts',
      [
        '+export function withRetry(task) {',
        '+  if (!task) throw new Error("x");',
        '+  return task();',
        '+}',
        ' ',
        '-function delay(ms) {',
        '+function delay(ms, jitter) {',
        '   return ms;',
        ' }',
      ],
      { start: 5 },
    );
    expect(symbolChanges(file)).toEqual([
      { name: 'withRetry', change: 'added', exported: true, line: 5, branches: 1 },
      { name: 'delay', change: 'changed', exported: false, line: 10, branches: 0 },
    ]);
    const inside = changed('src/client.ts', ['   const response = await fetch(url);', '+  if (!response.ok) throw new SyncError();', '   return response;'], {
      start: 50,
      header: 'async pull(since: number): Promise<Board[]> {',
    });
    expect(symbolChanges(inside)).toEqual([{ name: 'pull', change: 'modified', exported: true, line: 49, branches: 1 }]);
  });

  it('counts the branches a modified function gains, not a line moved inside it', () => {
    const moved = changed('a.ts', [' function pull() {', '-  if (!ok) throw e;', '+  return retry(() => {', '+    if (!ok) throw e;', '+  });', ' }']);
    expect(symbolChanges(moved)).toEqual([{ name: 'pull', change: 'modified', exported: false, line: 1, branches: 0 }]);
  });

  it('Python, Go, Rust, Java and Ruby definitions, with what each language exports', () => {
    const names = (path: string, lines: string[]) => symbolChanges(added(path, lines)).map(({ name, exported }) => `${name}${exported ? '+' : '-'}`);
    expect(names('app/api.py', ['def handle(request):', '    if request: pass', 'def _private():', '    pass', 'class Client:', '    pass'])).toEqual(['handle+', '_private-', 'Client+']);
    expect(names('pkg/server.go', ['func (s *Server) Serve(l net.Listener) error {', '}', 'func helper() {', '}'])).toEqual(['Serve+', 'helper-']);
    expect(names('src/lib.rs', ['pub fn parse(input: &str) -> Ast {', '}', 'fn helper() {}', 'pub struct Ast {', '}'])).toEqual(['parse+', 'helper-', 'Ast+']);
    expect(names('src/main/java/a/Widget.java', ['public class Widget {', '  public int size(int scale) {', '  }', '  private void reset() {', '  }', '}'])).toEqual(['Widget+', 'size+', 'reset-']);
    expect(names('lib/widget.rb', ['class Widget', '  def size', '  end', 'end'])).toEqual(['Widget+', 'size+']);
  });

  it('marks types apart from code', () => {
    expect(symbolChanges(added('a.ts', ['export interface Options {', '  a: number;', '}']))[0]).toMatchObject({ name: 'Options', type: true });
  });
});

describe('flags, imports, tests and names', () => {
  it('a change that only sets names to literals is a flag change', () => {
    expect(constantsOnlyChange(changed('flags.js', [' export const a = 1;', '+export const enableJSX = false;', '+', '+// why']))).toEqual([{ name: 'enableJSX', value: 'false', line: 2 }]);
    expect(constantsOnlyChange(changed('settings.py', ['+TIMEOUT = 30', '+NAME = "x"']))?.map((constant) => constant.name)).toEqual(['TIMEOUT', 'NAME']);
    expect(constantsOnlyChange(changed('a.js', ['+export const a = compute();']))).toBeUndefined();
    expect(constantsOnlyChange(changed('a.js', ['+// only a comment']))).toBeUndefined();
  });

  it('counts only meaningful lines as churn', () => {
    expect(meaningfulChurn(changed('a.ts', ['+', '+// note', '+call();', '-old();']))).toBe(2);
    expect(meaningfulChurn({ path: 'a.ts', status: 'modified', additions: 7, deletions: 2, hunks: [] })).toBe(9);
  });

  it('reads module specifiers in several languages', () => {
    expect(importsIn(changed('a.ts', [` import { x } from './retry';`, `+const y = require('react');`]))).toEqual(['./retry', 'react']);
    expect(importsIn(changed('a.py', [' from app.models import user', '+import os.path']))).toEqual(['app.models', 'os.path']);
    expect(importsIn(changed('a.rs', [' use crate::parser::ast;']))).toEqual(['crate::parser::ast']);
  });

  it('names the tests a test file adds, in each framework', () => {
    expect(testNamesAdded(added('a.test.ts', [`describe('x', () => {`, `  it('retries on 429', async () => {`, `  test.only("keeps order", () => {`]))).toEqual(['retries on 429', 'keeps order']);
    expect(testNamesAdded(added('tests/test_api.py', ['def test_get():', '    assert True', 'def helper():']))).toEqual(['test_get']);
    expect(testNamesAdded(added('pkg/a_test.go', ['func TestServe(t *testing.T) {', 'func helper() {']))).toEqual(['TestServe']);
    expect(testNamesAdded(added('src/lib.rs', ['#[cfg(test)]', 'mod tests {', '    #[test]', '    fn parses_empty() {}']))).toEqual(['parses_empty']);
    expect(testNamesAdded(added('src/test/java/a/WidgetTest.java', ['  @Test', '  void sizeScales() {']))).toEqual(['sizeScales']);
    expect(testNamesAdded(added('src/test/kotlin/a/WidgetTest.kt', ['  @Test fun `size scales`() {']))).toEqual(['size scales']);
    expect(testNamesAdded(added('spec/widget_spec.rb', [`  it 'scales' do`]))).toEqual(['scales']);
  });

  it('finds names exposed by assignment', () => {
    expect(exposedNames(changed('React.js', ['+if (flag) {', '+  React.jsx = jsx;', '+  this.state = 1;', '+}']))).toEqual(['jsx']);
  });

  it('reads the biggest files in detail within the budget', () => {
    const big = added('big.ts', Array.from({ length: 30 }, (_unused, index) => `line${index}();`));
    const small = added('small.ts', ['a();']);
    const medium = added('medium.ts', Array.from({ length: 10 }, () => 'b();'));
    expect([...filesInDetail([small, big, medium], 35)].map((file) => file.path)).toEqual(['big.ts', 'small.ts']);
  });
});
