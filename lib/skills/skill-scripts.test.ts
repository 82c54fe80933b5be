import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { PageData, View } from '../context/types';
import { actionsPage, dashboardPage, docPage, genericPage, pullPage } from '../../test/fixtures/skills/pages';
import { getSkill, skills, skillsForKind } from './index';

/**
 * Runs a skill's built script in Node with a minimal stand-in for the sandbox prelude (only what
 * skills use), so a build problem shows up even without QuickJS.
 */
function runInNode(id: string, page: PageData): { value: unknown; views: View[] } {
  const skill = getSkill(id);
  if (!skill) throw new Error(`no skill ${id}`);
  const views: View[] = [];
  const view = {
    table: (rows: Record<string, unknown>[], options: { title?: string } = {}) =>
      views.push({ type: 'table', title: options.title, columns: Object.keys(rows[0] ?? {}), rows: rows.map((row) => Object.values(row) as never) }),
    markdown: (text: string) => views.push({ type: 'markdown', text }),
    chart: (series: { name: string; values: number[] }, options: { title?: string; marks?: number[] } = {}) =>
      views.push({ type: 'chart', title: options.title, series: [series], marks: options.marks }),
  };
  const value = runInNewContext(skill.script, { page, view }) as unknown;
  return { value: JSON.parse(JSON.stringify(value)) as unknown, views };
}

describe('skill registry and sources', () => {
  it('has unique ids and finds skills by kind', () => {
    expect(new Set(skills.map((skill) => skill.id)).size).toBe(skills.length);
    expect(skillsForKind('dashboard').map((skill) => skill.id)).toEqual(['metric-change', 'table-summary']);
    expect(getSkill('nope')).toBeUndefined();
  });

  it.each(skills.map((skill) => [skill.id, skill] as const))('%s builds to a parseable script with no module references', (_id, skill) => {
    expect(() => new Function(skill.script)).not.toThrow();
    // Module statements, not the words: the pull-request skills read `import` lines in diffs with regexes.
    expect(skill.script).not.toMatch(/__vi_|^\s*(?:import|export)\s+[\w{*]|\brequire\(\s*['"]/m);
    expect(skill.script.trimEnd().endsWith('(page);')).toBe(true);
  });
});

describe('skills run from their built source', () => {
  it('pr-overview gives a reading order: code, tests, configuration, docs, and the lock file set aside', () => {
    const { value, views } = runInNode('pr-overview', pullPage);
    const groups = (value as { groups: { role: string; files: string[] }[] }).groups;
    expect(groups.map((group) => group.role)).toEqual(['source', 'tests', 'config', 'docs', 'set-aside']);
    expect(groups.find((group) => group.role === 'set-aside')?.files).toEqual(['package-lock.json']);
    expect(groups.find((group) => group.role === 'config')?.files).toEqual(['db/migrations/0042_sessions.sql', 'package.json', '.github/workflows/ci.yml']);
    expect(views.map((item) => item.type)).toEqual(['markdown']);
    expect((views[0] as { text: string }).text).toContain('`icon.tsx` (+0 −0): renamed from `src/ui/glyph.tsx`');
  });

  it('pr-risk names the untested source, not its tested neighbour, the test, or a rename', () => {
    const { value, views } = runInNode('pr-risk', pullPage);
    const result = value as { untested: { path: string }[]; tested: { path: string }[]; notCounted: { path: string; why: string }[] };
    expect(result.untested.map((finding) => finding.path)).toEqual(['src/ui/button.tsx']);
    expect(result.tested.map((entry) => entry.path)).toEqual(['src/auth/session.ts']);
    expect(result.notCounted).toEqual([{ path: 'src/ui/icon.tsx', why: 'renamed only' }]);
    const text = (views[0] as { text: string }).text;
    expect(text).toContain('**1 of 2 changed source files has no test in this change**');
    expect(text).not.toMatch(/score|table above/i);
  });

  it('pr-checks lists failing checks with links and counts the rest', () => {
    const { value, views } = runInNode('pr-checks', pullPage);
    expect(value).toMatchObject({ passing: 1, pending: 1, total: 4 });
    expect((value as { failing: { name: string }[] }).failing.map((check) => check.name)).toEqual(['unit tests', 'e2e']);
    expect(views[0]).toMatchObject({ type: 'markdown', text: expect.stringContaining('[unit tests](https://ci.example.test/run/7)') });
  });

  it('review-draft writes each point once: failing checks, the untested file, the migration', () => {
    const { value } = runInNode('review-draft', pullPage);
    const text = (value as { text: string }).text;
    expect(text.split('\n')[0]).toBe('I went through the 9 changed files (+1,154 −1,021). A few things:');
    expect(text).toContain('- `unit tests` and `e2e` are failing');
    expect(text).toContain('- Could you add a test for `src/ui/button.tsx`?');
    expect(text).toContain('a database migration (`db/migrations/0042_sessions.sql`)');
    expect(text.match(/button\.tsx/g)).toHaveLength(1);
  });

  it('actions-log-errors reports the error line with its step and number', () => {
    const { value } = runInNode('actions-log-errors', actionsPage);
    expect((value as { errors: unknown[] }).errors[0]).toMatchObject({ step: 'Run tests', line: 122, error: 'Error: expected 2 to be 3' });
  });

  it('doc-outline and doc-tldr summarise a document', () => {
    const outline = runInNode('doc-outline', docPage);
    expect(outline.value).toMatchObject({ languages: { js: 1, unknown: 1 } });
    expect(outline.views[0]).toMatchObject({ type: 'markdown', text: expect.stringContaining('    - Stale responses') });
    expect((outline.views[0] as { text: string }).text).toMatch(/^\*\*2 code samples\*\* \(js 1; 1 with no language marked\):/);
    const tldr = runInNode('doc-tldr', docPage).value as { sentences: string[] };
    expect(tldr.sentences.length).toBeGreaterThan(0);
    for (const sentence of tldr.sentences) expect(docPage.text).toContain(sentence);
  });

  it('metric-change reports the shifts, their timing and the simultaneous ones', () => {
    const { value, views } = runInNode('metric-change', dashboardPage);
    const changes = (value as { changes: { series: string; index: number; at: string; before: number; after: number; alsoChanged: string[] }[] }).changes;
    expect(changes.map((change) => change.series).sort()).toEqual(['errors', 'latency']);
    const latency = changes.find((change) => change.series === 'latency');
    expect(latency?.at).toBe('10:25');
    expect(latency?.before).toBeCloseTo(100, -1);
    expect(latency?.after).toBeCloseTo(300, -1);
    expect(latency?.alsoChanged).toEqual(['errors']);
    expect(views[0]).toMatchObject({ type: 'markdown', text: '**latency** rose 200% at 10:25 (100 ms → 300 ms); errors rose 701% at 10:24, 1 point earlier (5 → 40); cpu did not move.' });
    expect(views.filter((item) => item.type === 'chart')).toHaveLength(2);
  });

  it('table-summary computes numeric column statistics', () => {
    const dashboard = runInNode('table-summary', dashboardPage).value as { tables: { table: string; columns: { column: string; max: number; median: number }[] }[] };
    expect(dashboard.tables[0]?.columns.map((column) => column.column)).toEqual(['requests', 'p95']);
    expect(dashboard.tables[0]?.columns[0]).toMatchObject({ max: 4500, median: 1200 });
    const generic = runInNode('table-summary', genericPage).value as { tables: { columns: { count: number; mean: number }[] }[] };
    // 5 of 6 cells numeric (≥ 80 %): 1, 4, 7, 10, 3 → mean 5.
    expect(generic.tables[0]?.columns[0]).toMatchObject({ count: 5, mean: 5 });
  });

  it('fails clearly on the wrong page kind', () => {
    expect(() => runInNode('pr-risk', docPage)).toThrow('pr-risk needs a pull request page');
  });
});
