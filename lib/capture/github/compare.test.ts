import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CompareData } from '../../context/types';
import { loadDocument } from '../../../test/fixtures/github/load-document';
import { runScript } from '../../sandbox/run-script';
import { sandboxInputFromContext } from '../../sandbox/sandbox-input';
import { getSkill, SKILL_LIMITS } from '../../skills/index';
import { suggest } from '../../suggest/index';
import { capturePage } from '../index';

const localFixtures = new URL('../../../test/fixtures/github/', import.meta.url).pathname;
const url = 'https://github.com/acme/widgets/compare/v1.4.0...v1.5.0';

async function captureCompare(fetchText?: (url: string) => Promise<string>) {
  const document = loadDocument(`${localFixtures}compare-classic.html`, url);
  const context = await capturePage(document, url, fetchText ? { githubHosts: [], fetchText } : { githubHosts: [] });
  return { context, data: context.data as CompareData };
}

describe('compare adapter (classic compare view, hand-made page)', () => {
  it('reads the range, the commits with their authors and the rendered diff', async () => {
    const { context, data } = await captureCompare();
    expect(context.kind).toBe('github.compare');
    expect(context.title).toBe('Comparing v1.4.0...v1.5.0');
    expect([data.base, data.head]).toEqual(['v1.4.0', 'v1.5.0']);
    expect(data.commits.map((commit) => [commit.sha?.slice(0, 7), commit.message, commit.author])).toEqual([
      ['1a2b3c4', 'Retry uploads on a dropped connection', 'ana'],
      ['2b3c4d5', 'Remove the legacy uploader', 'ben'],
      ['3c4d5e6', 'Test the retry policy', 'ana'],
    ]);
    expect(data.files.map((file) => [file.path, file.status, file.additions, file.deletions])).toEqual([
      ['src/upload.ts', 'modified', 4, 1],
      ['src/legacy-upload.ts', 'removed', 0, 2],
      ['src/upload.test.ts', 'modified', 5, 0],
    ]);
    expect(data.read).toEqual({ diff: true, commits: true });
    expect(data.shown).toEqual({ files: 3, additions: 9, deletions: 3 });
    expect(context.facts).toMatchObject({ base: 'v1.4.0', head: 'v1.5.0', commits: 3, files: 3, additions: 9, deletions: 3, diff_source: 'dom' });
  });

  it('asks for the range’s own .diff first', async () => {
    const requested: string[] = [];
    const { data } = await captureCompare(async (target) => {
      requested.push(target);
      return readFileSync(`${localFixtures}pull-sample.diff`, 'utf8');
    });
    expect(requested).toEqual([`${url}.diff`]);
    expect(data.diffSource).toBe('patch');
    expect(data.files).toHaveLength(5);
  });

  it('gives the diff helpers the compared files, and its card reads them in order', async () => {
    const { context } = await captureCompare();
    const helpers = await runScript("return { files: files().length, todo: addedLines('TODO').map((l) => l.path + ':' + l.line), removed: removedLines(null, 'src/legacy-upload.ts').length }", sandboxInputFromContext(context));
    expect(helpers.value).toEqual({ files: 3, todo: ['src/upload.ts:11'], removed: 2 });

    const [card] = suggest(context, {}, { modelAvailable: false });
    expect(card).toMatchObject({ rule: 'compare-change', title: 'What changed between v1.4.0 and v1.5.0?', run: { skill: 'change-overview' } });
    expect(card?.why).toBe('3 commits and 3 files in v1.4.0...v1.5.0: what they do, the order to read them in and the spots to check.');
    const result = await runScript(getSkill('change-overview')!.script, sandboxInputFromContext(context), SKILL_LIMITS);
    const markdown = (result.views ?? []).flatMap((view) => (view.type === 'markdown' ? [view.text] : [])).join('\n');
    expect(markdown).toContain('**Comparing v1.4.0...v1.5.0**: 3 commits.\n\n- `1a2b3c4` Retry uploads on a dropped connection (ana)\n- `2b3c4d5` Remove the legacy uploader (ben)');
    expect(markdown).toContain('1. Code (2): `src/upload.ts` +4 −1, `src/legacy-upload.ts` +0 −2 (removed)');
    expect(markdown).toContain('2. Tests (1): `src/upload.test.ts` +5 −0');
    expect(markdown).toContain('- `src/upload.ts:11` a loose end (TODO/FIXME): `// TODO: back off exponentially`');
  });
});
