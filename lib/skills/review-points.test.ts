import { describe, expect, it } from 'vitest';
import type { ReviewThread } from '../context/types';
import { added, changed } from '../../test/fixtures/skills/diff-files';
import { askOf, debugOutputAdded, focusedOrSkippedTests, maskedSecretsAdded, repeatedBlocks, threadSentence, threadState, todosAdded } from './review-points';

describe('points read off the diff, with file and line', () => {
  it('finds debug output in shipped code of each language, not in tests, scripts or strings', () => {
    const points = debugOutputAdded([
      changed('src/a.ts', [' ok();', '+  console.log("state", state);', '+  console.error("real error");', '+  debugger;', '+  const s = "console.log(x)";'], { start: 10 }),
      added('src/a.test.ts', ['console.log(result);']),
      added('scripts/build.ts', ['console.log("built");']),
      added('app/views.py', ['    print(request)', '    breakpoint()', '    log.info("print(x)")']),
      added('pkg/store/db.go', ['	fmt.Println(rows)']),
      added('cmd/tool/main.go', ['	fmt.Println("usage")']),
      added('src/parse.rs', ['    dbg!(&ast);']),
      added('src/main/java/a/W.java', ['    System.out.println(x);']),
    ]);
    expect(points.map((point) => `${point.path}:${point.line}`)).toEqual(['src/a.ts:11', 'src/a.ts:13', 'app/views.py:1', 'app/views.py:2', 'pkg/store/db.go:1', 'src/parse.rs:1', 'src/main/java/a/W.java:1']);
  });

  it('finds TODOs in comments, focused and skipped tests, and masked secrets', () => {
    expect(todosAdded([changed('src/a.ts', [' a();', '+  // TODO: drop when v2 ships', '+  const todo = 1;', '+  # FIXME later'], { start: 4 })]).map((point) => point.line)).toEqual([5, 7]);
    const marks = focusedOrSkippedTests([added('src/a.test.ts', [`it.only('x', () => {});`, `describe.skip('y', () => {});`, `fit('z', () => {});`]), added('src/only.ts', [`it.only('not a test file');`])]);
    expect(marks.map((mark) => `${mark.kind}:${mark.line}`)).toEqual(['focused:1', 'focused:3', 'skipped:2']);
    expect(maskedSecretsAdded([added('config/prod.env', ['API_KEY=[redacted:api key]', 'PORT=80'])])).toEqual([{ path: 'config/prod.env', line: 1, text: 'API_KEY=[redacted:api key]', secret: 'api key' }]);
  });

  it('finds a block of code added twice, and not one added once', () => {
    const body = Array.from({ length: 14 }, (_unused, index) => `  props.value${index} = config.value${index};`);
    const twice = repeatedBlocks([added('src/a.js', ['export function jsx(config) {', ...body, '  return make(props);', '}', 'export function jsxDEV(config) {', ...body, '  return makeDev(props);', '}'])]);
    expect(twice).toEqual([{ first: { path: 'src/a.js', line: 2 }, second: { path: 'src/a.js', line: 19 }, lines: 14 }]);
    expect(repeatedBlocks([added('src/a.js', body)])).toEqual([]);
  });
});

describe('threads', () => {
  const thread = (comments: [string, string][], extra: Partial<ReviewThread> = {}): ReviewThread => ({
    path: 'src/a.ts',
    line: 12,
    resolved: false,
    comments: comments.map(([author, body]) => ({ author, body })),
    ...extra,
  });

  it('takes the sentence that asks for something', () => {
    expect(askOf('Is this the only observable difference? Can you rewrite this test to check render count rather than identity? Why does this matter?')).toBe(
      'Can you rewrite this test to check render count rather than identity?',
    );
    expect(askOf('Looks fine overall. Why does this matter at all?')).toBe('Why does this matter at all?');
  });

  it('says whom a thread waits on', () => {
    expect(threadSentence(threadState(thread([['gaearon', 'Can you check the count instead?'], ['Andarist', 'It checks the count already.']]), 'Andarist'))).toBe(
      '`src/a.ts:12`: @gaearon asked “Can you check the count instead?”; @Andarist wrote last, so it waits on @gaearon.',
    );
    expect(threadSentence(threadState(thread([['reviewer', 'Please rename this.']]), 'author'))).toBe('`src/a.ts:12`: @reviewer suggested “Please rename this.”, with no reply yet.');
  });

  it('notices when the author points to a fix commit', () => {
    const state = threadState(thread([['Copilot', 'Consider removing only the image.'], ['shuuul', 'Addressed in `4219bb2`. The cleanup now removes only the image.']], { outdated: true }), 'shuuul');
    expect(state).toMatchObject({ fixedIn: '4219bb2', outdated: true, waitingOn: 'Copilot' });
  });
});
