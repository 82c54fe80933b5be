import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import type { DashboardData, DocData, GenericData, PullData } from '../context/types';
import type { Adapter } from './adapter';
import { realFixtures } from '../../test/fixtures/paths';

// A test double for the GitHub adapters (their own tests live in github/): one that throws, to
// exercise the fallback, and one that returns a minimal pull, to check classification by URL.
vi.mock('./github/index', async () => {
  const { parseGithubPath } = await import('./github/route');
  const failing: Adapter = {
    id: 'github-pull-test',
    kinds: ['github.pull'],
    capture: async () => {
      throw new TypeError('cannot read the timeline');
    },
  };
  const minimal: Adapter = {
    id: 'github-files-test',
    kinds: ['github.pull.files'],
    capture: async (_document, url) => {
      const data: PullData = {
        type: 'pull', number: Number(url.pathname.split('/')[4]), title: '', state: 'unknown', tab: 'files', labels: [], reviewers: [],
        checks: [], commits: [], files: [], diffSource: 'none', read: { diff: false, checks: false, threads: false }, shown: {}, commentBox: false, threads: [], comments: [],
      };
      return { title: 'PR', facts: { files: 0 }, data };
    },
  };
  return { parseGithubPath, githubAdapters: [failing, minimal] };
});

const { capturePage, InvalidPageUrlError } = await import('./index');

const quiet = new VirtualConsole();
const documentOf = (html: string, url: string): Document => new JSDOM(html, { url, virtualConsole: quiet }).window.document;
const fixture = (path: string, url: string): Document => documentOf(readFileSync(path, 'utf8'), url);
const now = (): number => 1_700_000_000_000;

describe('capturePage on a generic page with secrets and form fields', () => {
  const url = 'https://ci.example.com/settings/deploy';

  it('captures the visible text with secrets masked and never form values, scripts or hidden content', async () => {
    const context = await capturePage(fixture('test/fixtures/generic/secrets-and-forms.html', url), url, { githubHosts: [], now });
    expect(context.kind).toBe('generic');
    expect(context.title).toBe('Deploy settings · Example CI');
    expect(context.capturedAt).toBe(1_700_000_000_000);
    const json = JSON.stringify(context);
    for (const absent of ['VISIBLE', 'SCRIPT', 'STYLE', 'TEXTAREA', 'typed-by-the-user', 'production-secret-option', 's3cretPass',
      'AKIAZ7Q2', 'hidden paragraph', 'template content', 'noscript content']) {
      expect(json).not.toContain(absent);
    }
    const data = context.data as GenericData;
    expect(data.text).toContain('Use the deploy token [redacted:github-token] for pushes.');
    // Masked occurrences: the token and the AWS key in the text, the AWS key again in the table,
    // the password of the mirror URL in the links.
    expect(context.redactions).toBe(4);
    expect(data.tables[0]?.rows).toEqual([['REGION', 'eu-west-1'], ['AWS_ACCESS_KEY_ID', '[redacted:aws-access-key]']]);
    expect(data.outline.map((heading) => heading.text)).toEqual(['Deploy settings', 'Environment', 'Links']);
    expect(data.outline[0]?.id).toBe('deploy');
  });

  it('makes links absolute, keeps web links only, and masks URL passwords', async () => {
    const context = await capturePage(fixture('test/fixtures/generic/secrets-and-forms.html', url), url, { githubHosts: [], now });
    const links = (context.data as GenericData).links;
    expect(links).toContainEqual({ text: 'Token docs', href: 'https://ci.example.com/settings/docs/tokens.html' });
    expect(links).toContainEqual({ text: 'mirror remote', href: 'https://deploy:[redacted:basic-auth]@mirror.example.com/repo.git' });
    expect(links.some((link) => link.href.startsWith('javascript:'))).toBe(false);
  });

  it('attaches the selection, redacted and capped', async () => {
    const selection = `see password=hunter22 and ${'word '.repeat(100)}`;
    const context = await capturePage(fixture('test/fixtures/generic/secrets-and-forms.html', url), url, {
      githubHosts: [], now, selection, limits: { maxSelectionChars: 100 },
    });
    expect(context.selection?.startsWith('see password=[redacted:password] and word')).toBe(true);
    expect(context.selection?.length).toBeLessThanOrEqual(100);
    expect(context.redactions).toBe(5);
    expect(context.cut?.some((entry) => entry.includes('selection'))).toBe(true);
  });
});

describe('capturePage: kinds, fallbacks and limits', () => {
  it('falls back to the generic adapter when the page adapter throws, and says so', async () => {
    const url = 'https://github.com/acme/app/pull/12';
    const context = await capturePage(documentOf('<main><h1>Fix it</h1><p>Some text.</p></main>', url), url, { githubHosts: [], now });
    expect(context.kind).toBe('generic');
    expect(context.facts.classifiedAs).toBe('github.pull');
    expect(context.cut?.join('\n')).toContain('github-pull-test adapter failed (TypeError: cannot read the timeline)');
    expect((context.data as GenericData).text).toBe('Fix it\n\nSome text.');
  });

  it('classifies a nearly empty page by its URL', async () => {
    const url = 'http://127.0.0.1:8123/acme/app/pull/7/files';
    const context = await capturePage(documentOf('', url), url, { githubHosts: ['127.0.0.1:8123'], now });
    expect(context.kind).toBe('github.pull.files');
    expect((context.data as PullData).number).toBe(7);
  });

  it('captures a readerable article as docs and a Grafana-like page as a dashboard', async () => {
    const articleUrl = 'http://fakehost/test/page.html';
    const article = await capturePage(fixture(`${realFixtures}/articles/v8-blog/source.html`, articleUrl), articleUrl, { githubHosts: [], now });
    expect(article.kind).toBe('docs');
    expect((article.data as DocData).codeBlocks.length).toBeGreaterThan(0);
    const grafanaUrl = 'https://grafana.example.com/d/abc';
    const dashboard = await capturePage(fixture('test/fixtures/dashboard/grafana-like.html', grafanaUrl), grafanaUrl, { githubHosts: [], now });
    expect(dashboard.kind).toBe('dashboard');
    expect((dashboard.data as DashboardData).panels).toHaveLength(4);
  });

  it('keeps data inside the size limit and names what was cut', async () => {
    const url = 'https://example.org/long';
    const paragraphs = Array.from({ length: 400 }, (_unused, index) => `<p>Paragraph ${index} ${'lorem ipsum '.repeat(20)}</p>`).join('');
    const context = await capturePage(documentOf(`<main>${paragraphs}</main>`, url), url, { githubHosts: [], now, limits: { maxDataChars: 20_000 } });
    expect(JSON.stringify(context.data).length).toBeLessThanOrEqual(20_000);
    expect(context.cut?.some((entry) => entry.includes('page.text'))).toBe(true);
    expect((context.data as GenericData).text.startsWith('Paragraph 0 lorem')).toBe(true);
  });

  it('rejects a page URL that is not absolute', async () => {
    await expect(capturePage(documentOf('', 'https://example.org/'), 'page.html', { githubHosts: [] })).rejects.toBeInstanceOf(InvalidPageUrlError);
  });
});

describe('capturePage: focus', () => {
  const html = '<h1>Top</h1><h2>Middle</h2><div data-path="src/app.ts">file</div><h3>Third</h3><h2>Bottom</h2>';
  const url = 'https://example.org/focus';

  it('is absent without layout (jsdom boxes are all zero)', async () => {
    const context = await capturePage(documentOf(html, url), url, { githubHosts: [], viewport: { top: 0, bottom: 800 } });
    expect(context.focus).toBeUndefined();
  });

  it('lists headings and file paths whose boxes intersect the viewport', async () => {
    const document = documentOf(html, url);
    const tops: Record<string, number> = { Top: -300, Middle: 100, 'src/app.ts': 500, Third: 600, Bottom: 1200 };
    for (const element of document.querySelectorAll('h1, h2, h3, [data-path]')) {
      const top = tops[element.getAttribute('data-path') ?? element.textContent ?? ''] ?? 0;
      element.getBoundingClientRect = () => ({ top, bottom: top + 40, left: 0, right: 100, width: 100, height: 40, x: 0, y: top, toJSON: () => ({}) });
    }
    const page = { top: -300, bottom: 1240, left: 0, right: 100, width: 100, height: 1540, x: 0, y: -300, toJSON: () => ({}) };
    document.documentElement.getBoundingClientRect = () => page;
    const context = await capturePage(document, url, { githubHosts: [], viewport: { top: 0, bottom: 800 } });
    // In document order, though headings and file paths are found by separate queries.
    expect(context.focus).toEqual(['Middle', 'src/app.ts', 'Third']);
  });
});
