import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { classify, isGithubHost } from './classify';
import { realFixtures } from '../../test/fixtures/paths';

const articles = `${realFixtures}/articles`;
const documentOf = (html: string, url = 'https://example.org/page'): Document => new JSDOM(html, { url }).window.document;
const fileDocument = (path: string, url = 'https://example.org/page'): Document => documentOf(readFileSync(path, 'utf8'), url);

describe('classify: GitHub by parsed URL', () => {
  it.each([
    ['https://github.com/facebook/react/pull/15141', 'github.pull'],
    ['https://github.com/facebook/react/pull/15141/files', 'github.pull.files'],
    ['https://github.com/facebook/react/pull/15141/commits', 'github.pull'],
    ['https://github.com/kepano/defuddle/issues/56', 'github.issue'],
    ['https://github.com/owner/repo/blob/main/src/index.ts#L10-L20', 'github.blob'],
    ['https://github.com/owner/repo/actions/runs/123', 'github.actions'],
    ['https://github.com/owner/repo/actions/runs/123/job/456', 'github.actions'],
    ['https://github.com/steventroughtonsmith/marzipanify', 'github.repo'],
    ['https://github.com/TingGeorge/excalidraw-github-extension-on-chrome/commit/2fa800062b33136871c6cd109d770279c9f88b4a', 'github.commit'],
    ['https://github.com/facebook/react/pull/15141/commits/2fa800062b33136871c6cd109d770279c9f88b4a', 'github.commit'],
    ['https://github.com/owner/repo/compare/v1.0...v1.1', 'github.compare'],
    ['https://github.com/owner/repo/tree/main/src/lib', 'github.tree'],
    ['https://github.com/owner/repo/releases', 'github.releases'],
    ['https://github.com/owner/repo/releases/tag/v1.2.0', 'github.releases'],
    ['https://github.com/owner/repo/discussions/12', 'github.discussion'],
    ['https://GITHUB.COM/owner/repo/issues/1', 'github.issue'],
    ['https://github.com/settings/profile', 'generic'],
    ['https://github.com/owner/repo/wiki', 'generic'],
  ])('%s → %s', (url, kind) => {
    expect(classify(url, null, [])).toBe(kind);
  });

  it('treats an enterprise host (with its port) as GitHub only when configured', () => {
    expect(classify('http://127.0.0.1:8123/acme/app/pull/7/files', null, ['127.0.0.1:8123'])).toBe('github.pull.files');
    expect(classify('http://127.0.0.1:8123/acme/app/pull/7', null, [])).toBe('generic');
    expect(classify('http://127.0.0.1:9999/acme/app/pull/7', null, ['127.0.0.1:8123'])).toBe('generic');
    expect(classify('https://GHE.Example.com/acme/app/issues/3', null, ['ghe.example.com'])).toBe('github.issue');
  });

  it('never matches look-alike hosts or paths', () => {
    expect(isGithubHost(new URL('https://github.com.evil.example/a/b/pull/1'), [])).toBe(false);
    expect(isGithubHost(new URL('https://evil.example/github.com/a/b/pull/1'), [])).toBe(false);
    expect(isGithubHost(new URL('https://notgithub.com/a/b'), [])).toBe(false);
    expect(classify('https://github.com.evil.example/a/b/pull/1', documentOf('<p>x</p>'), [])).toBe('generic');
    expect(classify('https://evil.example/?u=https://github.com/a/b/pull/1', null, [])).toBe('generic');
  });

  it('classifies a near-empty GitHub page by its URL alone', () => {
    expect(classify('https://github.com/a/b/pull/2', documentOf(''), [])).toBe('github.pull');
  });
});

describe('classify: other pages by their DOM', () => {
  it.each(['v8-blog', 'nytimes-1', 'lwn-1', 'ietf-1', 'dropbox-blog'])('the readerable article %s is docs', (name) => {
    expect(classify('https://example.org/post', fileDocument(`${articles}/${name}/source.html`), [])).toBe('docs');
  });

  it('the mathjax page, which the quick readerable check turns down, is docs: Readability finds its article', () => {
    const metadata = JSON.parse(readFileSync(`${articles}/mathjax/expected-metadata.json`, 'utf8')) as { readerable: boolean };
    expect(metadata.readerable).toBe(false);
    expect(classify('https://example.org/mathjax', fileDocument(`${articles}/mathjax/source.html`), [])).toBe('docs');
  });

  it('an article stays an article with a table of dated numbers in it, or on a dashboard vendor\'s host', () => {
    const rows = Array.from({ length: 12 }, (_unused, index) => `<tr><td>2024-01-${String(index + 1).padStart(2, '0')}</td><td>${index * 3}</td></tr>`).join('');
    const html = readFileSync(`${articles}/nytimes-1/source.html`, 'utf8').replace('</body>', `<table><tr><th>Date</th><th>Value</th></tr>${rows}</table></body>`);
    expect(classify('https://example.org/post', documentOf(html), [])).toBe('docs');
    const blog = 'https://www.datadoghq.com/blog/some-post/';
    expect(classify(blog, documentOf(readFileSync(`${articles}/nytimes-1/source.html`, 'utf8'), blog), [])).toBe('docs');
    expect(classify('https://app.datadoghq.com/dashboard/abc', documentOf('<div id="root"></div>', 'https://app.datadoghq.com/dashboard/abc'), [])).toBe('dashboard');
  });

  it('a page whose only text is a log or a form is not an article', () => {
    const log = Array.from({ length: 40 }, (_unused, index) => `<div>2024-01-01T00:00:${String(index).padStart(2, '0')}Z step ${index} ok exit=0 duration_ms=${index * 7}</div>`).join('');
    expect(classify('https://ci.example.org/job/1', documentOf(`<main>${log}</main>`), [])).toBe('generic');
  });

  it('a Grafana-like page and a table of timed numbers are dashboards', () => {
    expect(classify('https://grafana.example.com/d/abc', fileDocument('test/fixtures/dashboard/grafana-like.html'), [])).toBe('dashboard');
    expect(classify('https://reports.example.com/run', fileDocument('test/fixtures/dashboard/run-log-table.html'), [])).toBe('dashboard');
  });

  it('detects Grafana from its boot data alone', () => {
    const html = '<html><head><script>window.grafanaBootData = {"settings":{}};</script></head><body><div id="reactRoot"></div></body></html>';
    expect(classify('https://metrics.example.com/', documentOf(html), [])).toBe('dashboard');
  });

  it('a short table or one without a time column is not a dashboard', () => {
    const rows = (count: number, time: (index: number) => string): string =>
      Array.from({ length: count }, (_unused, index) => `<tr><td>${time(index)}</td><td>${index * 3}</td></tr>`).join('');
    const short = `<table><tr><th>Date</th><th>Value</th></tr>${rows(3, (index) => `2024-01-0${index + 1}`)}</table>`;
    const names = `<table><tr><th>Name</th><th>Score</th></tr>${rows(8, (index) => `player ${index}`)}</table>`;
    expect(classify('https://example.org/a', documentOf(short), [])).toBe('generic');
    expect(classify('https://example.org/b', documentOf(names), [])).toBe('generic');
    const long = `<table><tr><th>Date</th><th>Value</th></tr>${rows(6, (index) => `2024-01-0${index + 1}`)}</table>`;
    expect(classify('https://example.org/c', documentOf(long), [])).toBe('dashboard');
  });

  it('a page of icons is not a chart', () => {
    const icons = Array.from({ length: 10 }, () => '<svg viewBox="0 0 16 16"><path d="M1 1L15 15L1 15Z"/></svg>').join('');
    expect(classify('https://example.org/icons', documentOf(`<p>Menu</p>${icons}`), [])).toBe('generic');
  });
});
