import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CommitData } from '../../context/types';
import { loadDocument } from '../../../test/fixtures/github/load-document';
import { runScript } from '../../sandbox/run-script';
import { sandboxInputFromContext } from '../../sandbox/sandbox-input';
import { capturePage } from '../index';

const localFixtures = new URL('../../../test/fixtures/github/', import.meta.url).pathname;
const sha = '2fa800062b33136871c6cd109d770279c9f88b4a';
const url = `https://github.com/TingGeorge/excalidraw-github-extension-on-chrome/commit/${sha}`;
const page = `${localFixtures}commit-excalidraw-2fa8000.html`;

async function captureCommit(fetchText?: (url: string) => Promise<string>) {
  const document = loadDocument(page, url);
  const context = await capturePage(document, url, fetchText ? { githubHosts: [], fetchText } : { githubHosts: [] });
  return { context, data: context.data as CommitData };
}

describe('commit adapter on a saved github.com commit page (React commit view, 2026)', () => {
  it('is a commit page, not a generic one: message, author, date and parent from the route data', async () => {
    const { context, data } = await captureCommit();
    expect(context.kind).toBe('github.commit');
    expect(data.type).toBe('commit');
    expect(data.sha).toBe(sha);
    expect(data.title).toBe('Add Excalidraw preview extension scaffold: viewer, content script, background');
    expect(data.message.split('\n')[0]).toBe('- Viewer page renders .excalidraw/.json/.svg/.png/.md/.excalidrawlib with');
    // The escaped e-mail is text again, the link's markup gone.
    expect(data.message).toContain('Co-Authored-By: Claude Opus 5.5 <noreply@anthropic.com>');
    expect(data.message).not.toContain('<a href');
    expect(data.author).toBe('claude');
    expect(data.authoredAt).toBe('2026-10-09T19:15:34.000Z');
    expect(data.parents).toEqual(['e4413eeae42e4f3853ca8ad80372e995b022509b']);
    expect(context.title).toBe(data.title);
  });

  it('without the .diff reads the lines the page embeds and lists the other files by path, with the header counts', async () => {
    const { context, data } = await captureCommit();
    expect(data.files.map((file) => [file.path, file.status, file.additions, file.deletions])).toEqual([['.gitignore', 'modified', 5, 0]]);
    expect(data.files[0]?.hunks[0]?.header).toBe('@@ -1,2 +1,7 @@');
    expect(data.files[0]?.hunks[0]?.lines).toEqual([' node_modules/', ' dist/', '+release/', '+test-results/', '+playwright-report/', '+*.tsbuildinfo', '+.DS_Store']);
    expect(data.unread).toHaveLength(58);
    expect(data.unread[0]).toEqual({ path: 'package-lock.json', status: 'added' });
    expect(data.unread.find((file) => file.path === 'samples/how-it-works.excalidraw')?.status).toBe('modified');
    expect(data.read.diff).toBe(false);
    expect(data.diffSource).toBe('dom');
    expect(data.shown).toEqual({ files: 59, additions: 12505, deletions: 4 });
    expect(context.facts).toMatchObject({ diff: 'partly read', files_shown: 59, additions_shown: 12505, deletions_shown: 4, parents: 1, checks: 'not read' });
    expect(context.cut?.join(' ')).toContain('the lines of 58 of 59 files');
  });

  it('fetches the commit’s own .diff (same origin) and reads every file from it', async () => {
    const requested: string[] = [];
    const patch = readFileSync(`${localFixtures}pull-sample.diff`, 'utf8');
    const { context, data } = await captureCommit(async (target) => {
      requested.push(target);
      return patch;
    });
    expect(requested).toEqual([`${url}.diff`]);
    expect(data.diffSource).toBe('patch');
    expect(data.read.diff).toBe(true);
    expect(data.unread).toEqual([]);
    expect(data.files.map((file) => [file.path, file.status, file.additions, file.deletions])).toEqual([
      ['src/upload.ts', 'modified', 4, 2],
      ['src/retry.ts', 'added', 3, 0],
      ['src/legacy-upload.ts', 'removed', 0, 2],
      ['docs/uploads.md', 'renamed', 1, 1],
      ['assets/logo.png', 'modified', 0, 0],
    ]);
    expect(context.facts).toMatchObject({ files: 5, additions: 8, deletions: 5, diff_source: 'patch' });
  });

  it('says why when the .diff cannot be fetched, and keeps what the page has', async () => {
    const { context, data } = await captureCommit(async () => {
      throw new Error(`HTTP 404 for ${url}.diff`);
    });
    expect(data.files.map((file) => file.path)).toEqual(['.gitignore']);
    expect(context.cut?.[0]).toBe('the .diff could not be fetched (HTTP 404); the diff was read from the page');
  });

  it('gives the sandbox’s diff helpers the commit’s files, as on a pull request', async () => {
    const { context } = await captureCommit(async () => readFileSync(`${localFixtures}pull-sample.diff`, 'utf8'));
    const result = await runScript(
      "return { files: files().map((f) => f.path), hunks: hunks('src/upload.ts').length, added: addedLines(/retry/).map((l) => l.path + ':' + l.line) }",
      sandboxInputFromContext(context),
    );
    expect(result.error).toBeUndefined();
    expect(result.value).toEqual({
      files: ['src/upload.ts', 'src/retry.ts', 'src/legacy-upload.ts', 'docs/uploads.md', 'assets/logo.png'],
      hunks: 2,
      added: ['src/upload.ts:9', 'src/retry.ts:1'],
    });
  });
});
