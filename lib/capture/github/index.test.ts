import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentFromHtml, loadDocument, realGithubPages } from '../../../test/fixtures/github/load-document';
import { githubAdapters, parseGithubPath } from './index';

const localFixtures = new URL('../../../test/fixtures/github/', import.meta.url).pathname;

describe('githubAdapters', () => {
  it('covers every GitHub page kind exactly once', () => {
    const kinds = githubAdapters.flatMap((adapter) => adapter.kinds).sort();
    expect(kinds).toEqual([
      'github.actions', 'github.blob', 'github.commit', 'github.compare', 'github.issue', 'github.pull', 'github.pull.files', 'github.repo', 'github.tree',
    ]);
    expect(new Set(githubAdapters.map((adapter) => adapter.id)).size).toBe(githubAdapters.length);
  });

  it('re-exports the URL parser', () => {
    expect(parseGithubPath(new URL('https://github.com/o/r/pull/3/files'))).toMatchObject({ page: 'pull', tab: 'files' });
  });

  it('never throws on a page of the wrong family, an empty page or a URL it cannot parse', async () => {
    const pages = [
      ...readdirSync(realGithubPages).filter((name) => name.endsWith('.html')).map((name) => `${realGithubPages}/${name}`),
      ...readdirSync(localFixtures).filter((name) => name.endsWith('.html')).map((name) => `${localFixtures}${name}`),
    ];
    const url = 'https://github.com/o/r';
    const documents = [documentFromHtml('', url), ...pages.slice(0, 3).map((page) => loadDocument(page, url))];
    for (const document of documents) {
      for (const adapter of githubAdapters) {
        const output = await adapter.capture(document, new URL(url), adapter.kinds[0] ?? 'github.repo', { githubHosts: [] });
        expect(typeof output.title).toBe('string');
        expect(output.data.type).toBeTruthy();
        expect(() => JSON.stringify(output)).not.toThrow();
      }
    }
  });
});
