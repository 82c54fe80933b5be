import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFromHtml, loadDocument, realGithubPages } from '../../test/fixtures/github/load-document';
import { codeSelectionOf } from './code-selection';
import { findHelpAnchors } from './find-anchors';
import { besideAnchor } from './geometry';

const site = 'test/fixtures/site/acme/widgets/pull';

describe('findHelpAnchors', () => {
  it('offers "Explain" on the failing check only, left of its Details link', () => {
    const url = 'http://127.0.0.1/acme/widgets/pull/42';
    const anchors = findHelpAnchors(loadDocument(`${site}/42/index.html`, url), new URL(url));
    expect(anchors).toHaveLength(1);
    expect(anchors[0]?.element.textContent).toContain('CI / test (20.x)');
    expect(anchors[0]?.before?.textContent).toBe('Details');
    expect(anchors[0]?.request).toEqual({ suggestionRule: 'pull-failing-checks', title: 'Explain the failing check' });
  });

  it('offers "Ask Tandem" once per file header on the files tab, nothing about checks there', () => {
    const url = 'http://127.0.0.1/acme/widgets/pull/42/files';
    const anchors = findHelpAnchors(loadDocument(`${site}/42/files/index.html`, url), new URL(url));
    expect(anchors.map((anchor) => anchor.request)).toEqual([
      { ask: 'Walk me through the changes in this file.', quote: { of: 'file path', text: 'README.md' } },
      { ask: 'Walk me through the changes in this file.', quote: { of: 'file path', text: 'src/sync/client.ts' } },
      { ask: 'Walk me through the changes in this file.', quote: { of: 'file path', text: 'src/sync/retry.ts' } },
      { ask: 'Walk me through the changes in this file.', quote: { of: 'file path', text: 'src/sync/errors.ts' } },
    ]);
    expect(anchors.every((anchor) => anchor.before?.classList.contains('file-actions'))).toBe(true);
  });

  it('finds the file headers of a real files page', () => {
    const url = 'https://github.com/facebook/react/pull/15141/files';
    const anchors = findHelpAnchors(loadDocument(join(realGithubPages, 'pr-files-facebook-react-15141.html'), url), new URL(url));
    expect(anchors.length).toBeGreaterThan(0);
    expect(anchors[0]?.request).toEqual({ ask: 'Walk me through the changes in this file.', quote: { of: 'file path', text: 'packages/react/src/React.js' } });
    expect(new Set(anchors.map((anchor) => anchor.element)).size).toBe(anchors.length);
  });

  it('reads the path of a React files-view header, taking the new name of a rename', () => {
    const html = `<div class="Diff-module__diff">
      <div class="DiffFileHeader-module__diff-file-header--x"><h3><code>src/old.ts → src/new.ts</code></h3>
        <div><span>+3 −1</span></div><div><button>Viewed</button><button>More</button></div></div></div>`;
    const url = 'https://github.com/o/r/pull/1/changes';
    const [anchor] = findHelpAnchors(documentFromHtml(html, url), new URL(url));
    expect(anchor?.request).toEqual({ ask: 'Walk me through the changes in this file.', quote: { of: 'file path', text: 'src/new.ts' } });
    expect(anchor?.before?.textContent).toContain('Viewed');
  });

  it('offers nothing outside pull requests', () => {
    const url = 'http://127.0.0.1/acme/widgets/issues/3';
    expect(findHelpAnchors(loadDocument(`${site}/42/index.html`, url), new URL(url))).toEqual([]);
  });
});

describe('codeSelectionOf', () => {
  const document = documentFromHtml(
    '<table><tr><td class="blob-code"><span class="blob-code-inner">const a = 1;</span></td></tr></table><p>prose here</p>',
    'https://github.com/o/r/pull/1/files',
  );
  const select = (node: Node, start: number, end: number) => {
    const selection = document.getSelection()!;
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    selection.removeAllRanges();
    selection.addRange(range);
    return selection;
  };

  it('takes a selection inside diff code', () => {
    const code = document.querySelector('.blob-code-inner')!.firstChild!;
    expect(codeSelectionOf(select(code, 0, 7))).toEqual({ text: 'const a' });
  });

  it('ignores prose and empty selections', () => {
    const prose = document.querySelector('p')!.firstChild!;
    expect(codeSelectionOf(select(prose, 0, 5))).toBeNull();
    expect(codeSelectionOf(select(prose, 2, 2))).toBeNull();
  });
});

describe('besideAnchor', () => {
  const row = { left: 0, top: 100, right: 600, bottom: 140 };
  const button = { width: 70, height: 24 };
  const text = (left: number, right: number) => ({ left, right, top: 110, bottom: 130 });

  it('sits in the free room just left of the reference element, centred vertically', () => {
    const details = text(500, 560);
    expect(besideAnchor(row, details, button, [text(10, 300), details])).toEqual({ left: 422, top: 108 });
  });

  it('never covers the row’s text: with no room before Details it goes after it', () => {
    const details = text(330, 380);
    expect(besideAnchor(row, details, button, [text(10, 322), details])).toEqual({ left: 388, top: 108 });
  });

  it('goes to the row’s right end when there is no reference element, and over the edge only when the row is full', () => {
    expect(besideAnchor(row, null, button, [text(10, 300)])).toEqual({ left: 522, top: 108 });
    expect(besideAnchor(row, null, button, [text(0, 600)]).left).toBe(522);
  });
});
