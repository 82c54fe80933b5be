import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PullData } from '../../context/types';
import type { CaptureEnvironment } from '../adapter';
import { loadDocument, realGithubPages } from '../../../test/fixtures/github/load-document';
import { capturePage, finishReading, readPage } from '../index';
import { parsePendingDiff } from './diff-patch';
import { patchUrlOf, pullAdapter } from './pull';

const localFixtures = new URL('../../../test/fixtures/github/', import.meta.url).pathname;
const offline: CaptureEnvironment = { githubHosts: [] };

async function capture(path: string, url: string, environment: CaptureEnvironment = offline) {
  const document = loadDocument(path, url);
  const output = await pullAdapter.capture(document, new URL(url), 'github.pull', environment);
  const data = output.data as PullData;
  // A `.diff` is left unparsed by the adapter; parsed here as finishReading does.
  if (output.pendingDiff) data.files = (await parsePendingDiff(output.pendingDiff)).files;
  return { document, output, data };
}

describe('pull adapter on the classic Files tab (facebook/react#15141)', () => {
  const url = 'https://github.com/facebook/react/pull/15141/files';
  let result: Awaited<ReturnType<typeof capture>>;
  beforeAll(async () => {
    result = await capture(`${realGithubPages}/pr-files-facebook-react-15141.html`, url);
  });

  it('reads the header', () => {
    const { data } = result;
    expect(data.number).toBe(15141);
    expect(data.title).toBe('Provide new jsx transform target for reactjs/rfcs#107');
    expect(data.state).toBe('merged');
    expect(data.tab).toBe('files');
    expect(data.author).toBe('rickyvetter');
    expect(data.base).toBe('master');
    expect(data.head).toBe('jsx');
  });

  it('lists every changed file (the page counts 13)', () => {
    expect(result.data.files.map((file) => file.path)).toEqual([
      'packages/react/src/React.js',
      'packages/react/src/ReactElement.js',
      'packages/react/src/ReactElementValidator.js',
      'packages/react/src/__tests__/ReactElementJSX-test.internal.js',
      'packages/shared/ReactFeatureFlags.js',
      'packages/shared/forks/ReactFeatureFlags.native-fb.js',
      'packages/shared/forks/ReactFeatureFlags.native-oss.js',
      'packages/shared/forks/ReactFeatureFlags.new-scheduler.js',
      'packages/shared/forks/ReactFeatureFlags.persistent.js',
      'packages/shared/forks/ReactFeatureFlags.test-renderer.js',
      'packages/shared/forks/ReactFeatureFlags.test-renderer.www.js',
      'packages/shared/forks/ReactFeatureFlags.www-new-scheduler.js',
      'packages/shared/forks/ReactFeatureFlags.www.js',
    ]);
    expect(result.document.querySelector('#files_tab_counter')?.textContent?.trim()).toBe('13');
  });

  it('counts additions and deletions like the diff table rows do', () => {
    const { document, data } = result;
    for (const container of Array.from(document.querySelectorAll('.file'))) {
      const path = container.querySelector('.file-header')?.getAttribute('data-path');
      const file = data.files.find((candidate) => candidate.path === path);
      expect(file?.additions, path ?? '').toBe(container.querySelectorAll('td.blob-code-addition').length);
      expect(file?.deletions, path ?? '').toBe(container.querySelectorAll('td.blob-code-deletion').length);
    }
    const totalAdditions = document.querySelectorAll('.file td.blob-code-addition').length;
    const totalDeletions = document.querySelectorAll('.file td.blob-code-deletion').length;
    expect(result.output.facts['additions']).toBe(totalAdditions);
    expect(result.output.facts['deletions']).toBe(totalDeletions);
    expect(totalAdditions).toBeGreaterThan(600);
  });

  it('rebuilds hunks from the DOM with markers and ranges', () => {
    const { data } = result;
    expect(data.diffSource).toBe('dom');
    const react = data.files[0];
    expect(react?.hunks[0]?.header).toBe('@@ -22,6 +22,7 @@ import {');
    expect(react?.hunks[0]).toMatchObject({ oldStart: 22, oldLines: 6, newStart: 22, newLines: 7 });
    expect(react?.hunks[0]?.lines).toContain('+  jsx,');
    expect(react?.hunks[0]?.lines[0]).toBe('   createFactory,');
    for (const file of data.files) {
      for (const hunk of file.hunks) {
        for (const line of hunk.lines) expect(['+', '-', ' ']).toContain(line[0]);
      }
    }
  });

  it('finds the commits from the commits menu', () => {
    expect(result.data.commits.map((commit) => [commit.sha?.slice(0, 7), commit.message, commit.author])).toEqual([
      ['4e417e7', 'adding jsx function', 'rickyvetter'],
      ['2ee8a65', 'add more schedulers', 'rickyvetter'],
      ['5153dc5', 'flip ReactElement order back', 'rickyvetter'],
    ]);
    expect(result.output.facts['commits']).toBe(3);
  });
});

describe('pull adapter on a Files tab with an inline review comment (facebook/react#14876)', () => {
  it('turns the inline comments into threads anchored to their file and line', async () => {
    const { data, output } = await capture(`${realGithubPages}/pr-files-facebook-react-14876-with-comment.html`, 'https://github.com/facebook/react/pull/14876/files');
    expect(data.threads).toHaveLength(2);
    const [first, second] = data.threads;
    expect(first?.path).toBe('packages/react-reconciler/src/__tests__/ReactMemo-test.internal.js');
    expect(first?.line).toBe(192);
    expect(first?.resolved).toBe(false);
    expect(first?.comments.map((comment) => comment.author)).toEqual(['Jessidhia', 'Andarist', 'Jessidhia']);
    expect(first?.comments[0]?.body).toContain('You can just use `useContext` here');
    expect(first?.comments[0]?.createdAt).toBe('2019-02-20T05:05:18Z');
    expect(second?.comments[0]?.author).toBe('gaearon');
    expect(output.facts['threads_unresolved']).toBe(2);
  });
});

describe('pull adapter on the current React conversation (kepano/defuddle#151)', () => {
  let result: Awaited<ReturnType<typeof capture>>;
  beforeAll(async () => {
    result = await capture(`${realGithubPages}/pr-conversation-kepano-defuddle-151.html`, 'https://github.com/kepano/defuddle/pull/151');
  });

  it('reads the React header', () => {
    const { data } = result;
    expect(data).toMatchObject({
      number: 151,
      title: 'Fix clipping when malformed <figure> nests article content',
      state: 'open',
      tab: 'conversation',
      author: 'shuuul',
      base: 'main',
      head: 'codex/fix-lilian-thinking-clipping',
    });
    expect(data.reviewers).toEqual(['Copilot']);
    expect(data.labels).toEqual([]);
  });

  it('keeps the description as markdown-ish text', () => {
    const description = result.data.description ?? '';
    expect(description.startsWith('## Summary\n\nThis fixes a regression')).toBe(true);
    expect(description).toContain('\n- skip figure standardization when a `<figure>` contains non-image content');
    expect(description).toContain('## Testing');
  });

  it('reads review threads with path, line, outdated flag and replies', () => {
    const { threads } = result.data;
    expect(threads.map((thread) => [thread.path, thread.line, thread.resolved, thread.outdated])).toEqual([
      ['src/markdown.ts', 286, false, true],
      ['src/markdown.ts', 277, false, true],
    ]);
    expect(threads[0]?.comments.map((comment) => comment.author)).toEqual(['Copilot', 'shuuul']);
    expect(threads[0]?.comments[1]?.body).toContain('Addressed in `4219bb2`');
  });

  it('keeps other timeline comments apart from threads and description', () => {
    const { comments } = result.data;
    expect(comments.map((comment) => comment.author)).toEqual(['Copilot', 'shuuul']);
    expect(comments[0]?.body).toContain('## Pull request overview');
    expect(comments[1]?.body).toContain('Posted a follow-up commit');
    expect(comments.some((comment) => comment.body.includes('This fixes a regression'))).toBe(false);
  });

  it('reads the commits from the timeline', () => {
    expect(result.data.commits.map((commit) => commit.message)).toEqual([
      'Fix clipping for malformed figure content',
      'Address figure markdown review feedback',
    ]);
  });

  it('has no diff on the conversation tab without a fetch', () => {
    expect(result.data.diffSource).toBe('none');
    expect(result.data.files).toEqual([]);
  });
});

describe('pull adapter on a hand-made conversation with a failing check', () => {
  let result: Awaited<ReturnType<typeof capture>>;
  beforeAll(async () => {
    result = await capture(`${localFixtures}pr-conversation-failing-check.html`, 'https://github.com/acme/widgets/pull/42');
  });

  it('reads the checks of the merge box', () => {
    expect(result.data.checks).toEqual([
      { name: 'CI / integration (pull_request)', state: 'failure', description: 'Failing after 2m', link: '/acme/widgets/actions/runs/777/job/888' },
      { name: 'CI / unit (pull_request)', state: 'success', description: 'Successful in 41s', link: '/acme/widgets/actions/runs/777/job/889' },
      { name: 'CI / deploy-preview (pull_request)', state: 'skipped', description: 'Skipped', link: '/acme/widgets/actions/runs/777/job/890' },
    ]);
    expect(result.output.facts['checks_failing']).toBe(1);
  });

  it('does not look for checks on the Files tab, which shows none', async () => {
    const onFiles = await capture(`${localFixtures}pr-conversation-failing-check.html`, 'https://github.com/acme/widgets/pull/42/files');
    expect(onFiles.data.tab).toBe('files');
    expect(onFiles.data.checks).toEqual([]);
    // What the tab does show is read as on any tab.
    expect(onFiles.data.threads).toHaveLength(2);
  });

  it('tells resolved threads from unresolved ones', () => {
    const { threads } = result.data;
    expect(threads.map((thread) => [thread.path, thread.line, thread.resolved])).toEqual([
      ['src/upload.ts', 14, false],
      ['src/config.ts', 3, true],
    ]);
    expect(threads[1]?.outdated).toBe(true);
    expect(result.output.facts['threads_unresolved']).toBe(1);
  });

  it('reads labels, reviewers shown in the sidebar (not the picker) and the header', () => {
    expect(result.data.labels).toEqual(['bug', 'uploads']);
    expect(result.data.reviewers).toEqual(['hubot', 'monalisa']);
    expect(result.data).toMatchObject({ title: 'Retry uploads on 503', state: 'open', author: 'octocat', base: 'main', head: 'fix/retry-503' });
    expect(result.data.description).toBe('Uploads fail on a **503** from the storage API.\n\n- retry up to 3 times\n- back off with jitter\n\n```\nretry(upload, { attempts: 3 })\n```');
    expect(result.data.comments).toEqual([{ author: 'monalisa', body: 'CI is red on the integration job.', createdAt: '2026-02-03T08:00:00Z' }]);
  });

  it('never captures what the user is typing', () => {
    expect(JSON.stringify(result.output)).not.toContain('DRAFT SECRET');
    expect(JSON.stringify(result.output)).not.toContain('typed value');
  });
});

describe('pull adapter diff sources', () => {
  const url = 'https://github.com/acme/widgets/pull/42/files';
  const patch = readFileSync(`${localFixtures}pull-sample.diff`, 'utf8');

  it('fetches the same-origin .diff and parses it when fetchText exists', async () => {
    const requested: string[] = [];
    const environment: CaptureEnvironment = {
      githubHosts: [],
      fetchText: async (target) => {
        requested.push(target);
        return patch;
      },
    };
    const { data, output } = await capture(`${localFixtures}pr-files-react.html`, url, environment);
    expect(requested).toEqual(['https://github.com/acme/widgets/pull/42.diff']);
    expect(data.diffSource).toBe('patch');
    expect(data.files.map((file) => file.status)).toEqual(['modified', 'added', 'removed', 'renamed', 'modified']);
    expect(output.facts['additions']).toBe(8);
    expect(output.facts['deletions']).toBe(5);
  });

  it('never lets a private key added in the .diff leave the page, though each of its lines is a line of its own', async () => {
    // Assembled at run time, so the source holds nothing a secret scanner flags.
    const body = ['MIIEowIBAAKCAQEA', 'q83Nf0'].map((unit) => unit.repeat(4)).join('');
    const keyLines = ['-----BEGIN OPENSSH PRIVATE KEY-----', body, body.split('').reverse().join(''), '-----END OPENSSH PRIVATE KEY-----'];
    const keyPatch = ['diff --git a/deploy/id_ed25519 b/deploy/id_ed25519', 'new file mode 100600', '--- /dev/null', '+++ b/deploy/id_ed25519',
      `@@ -0,0 +1,${keyLines.length} @@`, ...keyLines.map((line) => `+${line}`)].join('\n');
    const document = loadDocument(`${localFixtures}pr-files-react.html`, url);
    const context = await capturePage(document, url, { githubHosts: [], fetchText: async () => keyPatch });
    const data = context.data as PullData;
    expect(data.files[0]?.hunks[0]?.lines).toEqual(Array.from({ length: 4 }, () => '+[redacted:private-key]'));
    expect(JSON.stringify(context)).not.toContain(body.slice(0, 20));
    expect(context.redactions).toBe(1);
  });

  it('leaves the .diff unparsed on the page, redacted already, and finishing parses it as a one-go capture does', async () => {
    const body = ['MIIEowIBAAKCAQEA', 'q83Nf0'].map((unit) => unit.repeat(4)).join('');
    const keyPatch = ['diff --git a/deploy/key.pem b/deploy/key.pem', 'new file mode 100600', '--- /dev/null', '+++ b/deploy/key.pem',
      '@@ -0,0 +1,4 @@', '+-----BEGIN RSA PRIVATE KEY-----', `+${body}`, '+-----END RSA PRIVATE KEY-----', '+ok = 1'].join('\n');
    const options = { githubHosts: [], fetchText: async () => keyPatch };
    const reading = await readPage(loadDocument(`${localFixtures}pr-files-react.html`, url), url, options);
    const pageData = reading.context.data as PullData;
    // What the content script sends: the files counted, their lines unparsed, the key already masked.
    expect(pageData.files).toEqual([]);
    expect(reading.context.facts).toMatchObject({ files: 1, additions: 4, deletions: 0 });
    expect(reading.pendingDiff?.[0]?.lines.slice(4)).toEqual(['@@ -0,0 +1,4 @@', '+[redacted:private-key]', '+[redacted:private-key]', '+[redacted:private-key]', '+ok = 1']);
    expect(JSON.stringify(reading)).not.toContain(body.slice(0, 20));
    const finished = await finishReading(reading);
    const oneGo = await capturePage(loadDocument(`${localFixtures}pr-files-react.html`, url), url, options);
    expect({ ...finished, capturedAt: 0 }).toEqual({ ...oneGo, capturedAt: 0 });
    expect((finished.data as PullData).files.map((file) => [file.path, file.status, file.additions, file.hunks[0]?.lines.length])).toEqual([['deploy/key.pem', 'added', 4, 4]]);
  });

  it('never sends a secret that ends a path in the .diff’s headers, which the background cuts paths out of', async () => {
    const secret = ['hunter2', 'secret'].join('');
    const patch = [
      `diff --git a/password='${secret}.txt b/notes.txt`, 'similarity index 100%', `rename from password='${secret}.txt`, 'rename to notes.txt',
      `diff --git a/password='${secret}.bin b/password='${secret}.bin`, 'deleted file mode 100644', 'index 1234567..0000000',
      `Binary files a/password='${secret}.bin and /dev/null differ`,
      `diff --git a/my dir/password='${secret} b/my dir/password='${secret}`, 'index 1234567..89abcde 100644',
      `--- a/my dir/password='${secret}\t`, `+++ b/my dir/password='${secret}\t`, '@@ -1 +1 @@', '-a', '+b',
    ].join('\n');
    const options = { githubHosts: [], fetchText: async () => patch };
    const reading = await readPage(loadDocument(`${localFixtures}pr-files-react.html`, url), url, options);
    expect(JSON.stringify(reading)).not.toContain(secret);
    const finished = await finishReading(reading);
    expect(JSON.stringify(finished)).not.toContain(secret);
    expect((finished.data as PullData).files.map((file) => [file.status, file.path, file.previousPath])).toEqual([
      // parse-diff drops a quote that ends a path.
      ['renamed', 'notes.txt', "password='[redacted:password]"],
      ['removed', "password='[redacted:password]", undefined],
      ['modified', "my dir/password='[redacted:password]", undefined],
    ]);
  });

  it('holds a .diff of huge lines to the size cap before it leaves the page', async () => {
    const minified = `+${'x'.repeat(200_000)}`;
    const patch = ['diff --git a/dist/app.min.js b/dist/app.min.js', '--- a/dist/app.min.js', '+++ b/dist/app.min.js', '@@ -1 +1,3 @@', minified, minified, minified].join('\n');
    const options = { githubHosts: [], fetchText: async () => patch, limits: { maxDataChars: 100_000 } };
    const reading = await readPage(loadDocument(`${localFixtures}pr-files-react.html`, url), url, options);
    expect(JSON.stringify(reading).length).toBeLessThan(150_000);
    expect(reading.context.cut?.some((entry) => entry.includes('page.diff') && entry.includes('size limit'))).toBe(true);
    const finished = await finishReading(reading, options);
    expect(JSON.stringify(finished.data).length).toBeLessThan(100_000);
    expect((finished.data as PullData).files.map((file) => file.path)).toEqual(['dist/app.min.js']);
  });

  it('on a conversation with no diff shown and no .diff, says the diff was not read and keeps the header’s counts', async () => {
    const environment: CaptureEnvironment = {
      githubHosts: [],
      fetchText: async () => {
        throw new Error('HTTP 404');
      },
    };
    const conversation = 'https://github.com/kepano/defuddle/pull/151';
    const { data, output } = await capture(`${realGithubPages}/pr-conversation-kepano-defuddle-151.html`, conversation, environment);
    expect(data.read).toEqual({ diff: false, checks: true, threads: true });
    expect(data.shown).toEqual({ files: 6, additions: 1483, deletions: 1 });
    expect(output.cut).toContain('the .diff could not be fetched (HTTP 404); the page shows no diff to read instead');
    expect(output.facts).toMatchObject({ diff: 'not read', files_shown: 6 });
  });

  it('falls back to the React files view when the fetch fails, and says so', async () => {
    const environment: CaptureEnvironment = {
      githubHosts: [],
      fetchText: async () => {
        throw new Error('HTTP 404');
      },
    };
    const { data, output } = await capture(`${localFixtures}pr-files-react.html`, url, environment);
    expect(data.diffSource).toBe('dom');
    expect(output.cut).toContain('the .diff could not be fetched (HTTP 404); the diff was read from the page');
    expect(data.read.diff).toBe(true);
    expect(data.files.map((file) => [file.path, file.status, file.additions, file.deletions])).toEqual([
      ['src/upload.ts', 'modified', 3, 1],
      ['src/retry.ts', 'added', 4, 0],
      ['docs/uploads.md', 'renamed', 0, 0],
    ]);
    expect(data.files[2]?.previousPath).toBe('docs/old-name.md');
    expect(data.files[0]?.hunks.map((hunk) => [hunk.header, hunk.lines.length])).toEqual([
      ['@@ -8,3 +8,5 @@ export async function upload(file: File) {', 6],
      ['@@ -30,2 +32,2 @@ function put(url: string, body: ArrayBuffer) {', 2],
    ]);
    expect(data.files[0]?.hunks[0]?.lines.slice(1, 3)).toEqual(['-  return put(url, body);', '+  return retry(() => put(url, body), {']);
    expect(data.state).toBe('draft');
  });

  it('builds the .diff address on the page origin (GitHub Enterprise too)', () => {
    expect(patchUrlOf(new URL('https://git.corp.example:8443/team/app/pull/7/files'), 7)).toBe('https://git.corp.example:8443/team/app/pull/7.diff');
  });
});

describe('pull adapter on an empty page', () => {
  it('returns empty parts instead of throwing', async () => {
    const { data } = await capture(`${localFixtures}README.md`, 'https://github.com/o/r/pull/1');
    expect(data).toMatchObject({ number: 1, files: [], checks: [], threads: [], comments: [], commits: [], diffSource: 'none', state: 'unknown' });
  });
});
