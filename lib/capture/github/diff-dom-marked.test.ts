import { describe, expect, it } from 'vitest';
import { documentFromHtml, loadDocument, realGithubPages } from '../../../test/fixtures/github/load-document';
import { readDomDiff } from './diff-dom';
import { readMarkedLines } from './diff-dom-marked';

const realPages = [
  ['facebook/react#15141', 'pr-files-facebook-react-15141.html', 'https://github.com/facebook/react/pull/15141/files'],
  ['facebook/react#14876 (with an inline comment)', 'pr-files-facebook-react-14876-with-comment.html', 'https://github.com/facebook/react/pull/14876/files'],
] as const;

const fileSelector = '.file.js-file, div.file[data-tagsearch-path]';

/** The same page with its markers taken away, so every file is read cell by cell. */
function withoutMarkers(document: Document): Document {
  const copy = documentFromHtml(document.documentElement.outerHTML, document.URL);
  for (const span of Array.from(copy.querySelectorAll('[data-code-marker]'))) span.removeAttribute('data-code-marker');
  return copy;
}

describe('reading marked classic diff tables', () => {
  it.each(realPages)('reads every file of %s the fast way, with the same result as cell by cell', (_, file, url) => {
    const document = loadDocument(`${realGithubPages}/${file}`, url);
    const containers = Array.from(document.querySelectorAll(fileSelector));
    const withLines = containers.filter((container) => container.querySelector('.blob-code-inner'));
    expect(withLines.length).toBeGreaterThan(0);
    for (const container of withLines) expect(readMarkedLines(container)).toBeDefined();

    const fast = readDomDiff(document);
    const general = readDomDiff(withoutMarkers(document));
    expect(general.lines).toBeGreaterThan(0);
    expect(fast).toEqual(general);
  });

  const table = (rows: string) =>
    `<div class="file js-file" data-tagsearch-path="a.ts"><div class="file-header" data-path="a.ts"></div>` +
    `<table class="diff-table"><tbody>${rows}</tbody></table></div>`;
  const hunk = '<tr><td class="blob-num"></td><td class="blob-num"></td><td class="blob-code blob-code-inner blob-code-hunk">@@ -1,2 +1,2 @@ intro</td></tr>';
  const line = (kind: string, marker: string, text: string) =>
    `<tr><td class="blob-num"></td><td class="blob-num"></td><td class="blob-code blob-code-${kind}">` +
    `<span class="blob-code-inner blob-code-marker" data-code-marker="${marker}">${text}</span></td></tr>`;
  const fileOf = (html: string) => documentFromHtml(html, 'https://github.com/o/r/pull/1/files').querySelector('.file') as Element;

  it('reads hunk headers and marked lines in order, keeping indentation', () => {
    const html = table(hunk + line('context', ' ', '  keep') + line('deletion', '-', 'old') + line('addition', '+', 'new'));
    expect(readMarkedLines(fileOf(html))).toEqual(['@@ -1,2 +1,2 @@ intro', '   keep', '-old', '+new']);
  });

  it.each([
    ['a marker that is not +, - or a space', line('context', '*', 'x')],
    ['a line without a marker', '<tr><td class="blob-code blob-code-addition"><span class="blob-code-inner">x</span></td></tr>'],
    ['a code cell without an inner span', '<tr><td class="blob-code blob-code-addition">x</td></tr>'],
    ['a code snippet’s table in a comment (cells with no marker)', '<tr><td><table><tr><td class="blob-code blob-code-inner">const x = 1;</td></tr></table></td></tr>'],
    ['a suggested change in a comment', '<tr><td><table><tr><td class="blob-code-inner blob-code-addition">fixed()</td></tr></table></td></tr>'],
    [
      'split view (two code cells in a row)',
      '<tr><td class="blob-code blob-code-deletion"><span class="blob-code-inner" data-code-marker="-">a</span></td>' +
        '<td class="blob-code blob-code-addition"><span class="blob-code-inner" data-code-marker="+">b</span></td></tr>',
    ],
  ])('leaves the file to the cell-by-cell reader for %s', (_, row) => {
    expect(readMarkedLines(fileOf(table(hunk + line('addition', '+', 'ok') + row)))).toBeUndefined();
  });

  it('leaves GitHub’s split table to the cell-by-cell reader even when comment rows outnumber its lines', () => {
    const pair =
      '<tr><td class="blob-code blob-code-context"><span class="blob-code-inner" data-code-marker=" ">same</span></td>' +
      '<td class="blob-code blob-code-context"><span class="blob-code-inner" data-code-marker=" ">same</span></td></tr>';
    const comments = '<tr class="inline-comments"><td colspan="4">a comment</td></tr>'.repeat(3);
    const html = table(pair + comments).replace('class="diff-table"', 'class="diff-table file-diff-split"');
    expect(readMarkedLines(fileOf(html))).toBeUndefined();
    const document = documentFromHtml(html, 'https://github.com/o/r/pull/1/files');
    expect(readDomDiff(document).files[0]?.hunks[0]?.lines).toEqual([' same']);
  });

  it('reads an expander row’s empty hunk cell as no line, marked or not', () => {
    const expander = '<tr class="js-expandable-line"><td class="blob-num blob-num-expandable" colspan="2"></td><td class="blob-code blob-code-inner blob-code-hunk"></td></tr>';
    const html = table(hunk + line('addition', '+', 'new') + expander);
    expect(readMarkedLines(fileOf(html))).toEqual(['@@ -1,2 +1,2 @@ intro', '+new']);
    const unmarked = documentFromHtml(html.replace(' data-code-marker="+"', ''), 'https://github.com/o/r/pull/1/files');
    expect(readDomDiff(unmarked).files[0]?.hunks.flatMap((each) => each.lines)).toEqual(['+new']);
  });

  it('still reads split view, cell by cell, in unified order', () => {
    const split = (left: string, right: string) => `<tr>${left}${right}</tr>`;
    const cell = (kind: string, marker: string, text: string) =>
      `<td class="blob-num"></td><td class="blob-code blob-code-${kind}"><span class="blob-code-inner" data-code-marker="${marker}">${text}</span></td>`;
    const empty = '<td class="blob-num empty-cell"></td><td class="blob-code blob-code-empty empty-cell"></td>';
    const html = table(
      '<tr><td class="blob-num"></td><td class="blob-code blob-code-inner blob-code-hunk" colspan="3">@@ -1,3 +1,3 @@</td></tr>' +
        split(cell('context', ' ', 'same'), cell('context', ' ', 'same')) +
        split(cell('deletion', '-', 'old'), cell('addition', '+', 'new')) +
        split(empty, cell('addition', '+', 'only new')),
    );
    const document = documentFromHtml(html, 'https://github.com/o/r/pull/1/files');
    expect(readDomDiff(document).files[0]?.hunks[0]?.lines).toEqual([' same', '-old', '+new', '+only new']);
  });
});
