import { describe, expect, it } from 'vitest';
import type { TreeData } from '../../context/types';
import { documentFromHtml, loadDocument } from '../../../test/fixtures/github/load-document';
import { runScript } from '../../sandbox/run-script';
import { sandboxInputFromContext } from '../../sandbox/sandbox-input';
import { getSkill, SKILL_LIMITS } from '../../skills/index';
import { suggest } from '../../suggest/index';
import { capturePage } from '../index';

const localFixtures = new URL('../../../test/fixtures/github/', import.meta.url).pathname;
const url = 'https://github.com/acme/widgets/tree/main/src/upload';

async function captureTree() {
  const context = await capturePage(loadDocument(`${localFixtures}tree-react.html`, url), url, { githubHosts: [] });
  return { context, data: context.data as TreeData };
}

describe('tree adapter (React folder view)', () => {
  it('reads each entry once, with its kind and last commit, skipping the parent row', async () => {
    const { context, data } = await captureTree();
    expect(context.kind).toBe('github.tree');
    expect([data.owner, data.repo, data.ref, data.path]).toEqual(['acme', 'widgets', 'main', 'src/upload']);
    expect(data.entries.map((entry) => [entry.name, entry.kind])).toEqual([
      ['adapters', 'directory'], ['__tests__', 'directory'], ['README.md', 'file'], ['index.ts', 'file'], ['retry.ts', 'file'], ['upload.config.json', 'file'],
    ]);
    expect(data.entries[3]).toEqual({ name: 'index.ts', kind: 'file', lastCommit: 'Retry uploads on a dropped connection', lastCommitDate: '2025-03-03T09:12:00.000Z' });
    expect(data.readme).toContain('`index.ts` is the entry point');
    expect(data.readmeOutline.map((heading) => heading.text)).toEqual(['Uploads', 'Adapters', 'Limits']);
    expect(context.facts).toMatchObject({ path: 'src/upload', ref: 'main', entries: 6, folders: 2, files: 4, readme: true });
  });

  it('falls back to the route data’s items before the table renders', async () => {
    const payload = { payload: { tree: { items: [{ name: 'lib', path: 'lib', contentType: 'directory' }, { name: 'a.ts', path: 'a.ts', contentType: 'file' }] } } };
    const html = `<react-app app-name="react-code-view"><script type="application/json" data-target="react-app.embeddedData">${JSON.stringify(payload)}</script></react-app>`;
    const context = await capturePage(documentFromHtml(html, 'https://github.com/o/r/tree/dev'), 'https://github.com/o/r/tree/dev', { githubHosts: [] });
    expect((context.data as TreeData).entries).toEqual([{ name: 'lib', kind: 'directory' }, { name: 'a.ts', kind: 'file' }]);
  });

  it('offers “What is in this folder?” and answers it offline from the entries and the README', async () => {
    const { context } = await captureTree();
    const [card] = suggest(context, {}, { modelAvailable: false });
    expect(card).toMatchObject({ rule: 'tree-contents', title: 'What is in this folder?', run: { skill: 'tree-overview' } });
    expect(card?.why).toBe('`src/upload/` holds 2 folders and 4 files and a README: adapters, __tests__, README.md and 3 more.');
    const result = await runScript(getSkill('tree-overview')!.script, sandboxInputFromContext(context), SKILL_LIMITS);
    expect(result.error).toBeUndefined();
    const markdown = (result.views ?? []).flatMap((view) => (view.type === 'markdown' ? [view.text] : [])).join('\n');
    expect(markdown).toContain('**`src/upload/`** of acme/widgets at `main`: 2 folders and 4 files.');
    expect(markdown).toContain('The README says: Everything that moves a file from the browser to storage. `index.ts` is the entry point;');
    expect(markdown).toContain('- Code: `index.ts`, `retry.ts`');
    expect(markdown).toContain('- Build, configuration and CI: `upload.config.json`');
    expect(result.value).toMatchObject({ recent: [{ name: '__tests__', date: '2025-03-03T15:02:00.000Z' }, { name: 'index.ts' }, { name: 'retry.ts' }, { name: 'adapters' }, { name: 'README.md' }] });
  });
});
