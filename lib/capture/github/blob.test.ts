import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BlobData } from '../../context/types';
import { documentFromHtml, loadDocument } from '../../../test/fixtures/github/load-document';
import { blobAdapter, parseLineSelection } from './blob';

const fixtures = new URL('../../../test/fixtures/github/', import.meta.url).pathname;
// The fixture's source text, kept beside it: the oracle for every code window.
const sourceLines = readFileSync(`${fixtures}blob-lines.txt`, 'utf8').replace(/\n$/, '').split('\n');

async function capture(file: string, url: string): Promise<BlobData> {
  const output = await blobAdapter.capture(loadDocument(`${fixtures}${file}`, url), new URL(url), 'github.blob', { githubHosts: [] });
  return output.data as BlobData;
}

describe('parseLineSelection', () => {
  it('reads single lines, ranges and column ranges', () => {
    expect(parseLineSelection('#L10')).toEqual({ start: 10, end: 10 });
    expect(parseLineSelection('#L10-L20')).toEqual({ start: 10, end: 20 });
    expect(parseLineSelection('#L20-L10')).toEqual({ start: 10, end: 20 });
    expect(parseLineSelection('#L3C5-L4C9')).toEqual({ start: 3, end: 4 });
    expect(parseLineSelection('#readme')).toBeUndefined();
    expect(parseLineSelection('')).toBeUndefined();
  });
});

describe('blob adapter on the React code view', () => {
  const base = 'https://github.com/acme/widgets/blob/main/src/values.ts';

  it('takes the selection ±40 lines', async () => {
    const data = await capture('blob-react.html', `${base}#L120-L125`);
    expect(data).toMatchObject({ path: 'src/values.ts', ref: 'main', language: 'TypeScript', lineCount: 260, selection: { start: 120, end: 125 }, codeStartLine: 80, truncated: true });
    expect(data.code).toBe(sourceLines.slice(79, 165).join('\n'));
  });

  it('takes a single line near the top without going below line 1', async () => {
    const data = await capture('blob-react.html', `${base}#L10`);
    expect(data.codeStartLine).toBe(1);
    expect(data.code.split('\n')).toEqual(sourceLines.slice(0, 50));
  });

  it('takes the first 200 lines without a selection', async () => {
    const data = await capture('blob-react.html', base);
    expect(data.selection).toBeUndefined();
    expect(data.code.split('\n')).toEqual(sourceLines.slice(0, 200));
    expect(data.truncated).toBe(true);
  });

  it('never reads the hidden textarea that holds the file', async () => {
    const data = await capture('blob-react.html', base);
    expect(JSON.stringify(data)).not.toContain('SECRET TEXTAREA');
  });

  it('reads the embedded rawLines when the payload has them', async () => {
    const html = `<script type="application/json" data-target="react-app.embeddedData">${JSON.stringify({ payload: { blob: { rawLines: ['a = 1', 'b = 2', 'c = 3'] } } })}</script>`;
    const url = 'https://github.com/o/r/blob/dev/tool.py#L2';
    const output = await blobAdapter.capture(documentFromHtml(html, url), new URL(url), 'github.blob', { githubHosts: [] });
    expect(output.data).toMatchObject({ language: 'Python', lineCount: 3, code: 'a = 1\nb = 2\nc = 3', codeStartLine: 1, truncated: false });
  });
});

describe('blob adapter on the classic highlight table', () => {
  it('reads the whole short file', async () => {
    const data = await capture('blob-classic.html', 'https://github.com/acme/widgets/blob/main/src/values.ts');
    expect(data.lineCount).toBe(30);
    expect(data.code).toBe(sourceLines.slice(0, 30).join('\n'));
    expect(data.truncated).toBe(false);
  });
});
