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
    expect(skill.script).not.toMatch(/__vi_|\bimport\b|\bexport\b|require\(/);
    expect(skill.script.trimEnd().endsWith('(page);')).toBe(true);
  });
});

describe('skills run from their built source', () => {
  it('pr-overview sets generated files apart and groups by directory', () => {
    const { value, views } = runInNode('pr-overview', pullPage);
    const result = value as { totals: { files: number; additions: number }; directories: { directory: string; files: number }[]; generated: { path: string }[]; deleted: string[]; renamed: { from: string; to: string }[] };
    expect(result.totals.files).toBe(9);
    expect(result.totals.additions).toBe(180 + 30 + 12 + 25 + 900 + 2 + 5);
    expect(result.generated.map((file) => file.path)).toEqual(['package-lock.json']);
    expect(result.directories.find((entry) => entry.directory === 'src')?.files).toBe(4);
    expect(result.deleted).toEqual(['docs/old-guide.md']);
    expect(result.renamed).toEqual([{ from: 'src/ui/glyph.tsx', to: 'src/ui/icon.tsx' }]);
    expect(views.map((item) => item.type)).toEqual(['markdown', 'table']);
  });

  it('pr-risk ranks the migration and auth code above a small UI change', () => {
    const { value } = runInNode('pr-risk', pullPage);
    const files = (value as { files: { path: string; reasons: string[] }[] }).files;
    const paths = files.map((file) => file.path);
    expect(paths).not.toContain('package-lock.json');
    expect(paths.indexOf('src/auth/session.ts')).toBeLessThan(paths.indexOf('src/ui/button.tsx'));
    expect(files.find((file) => file.path === 'src/ui/button.tsx')?.reasons).toContain('source changed without a matching test change');
    expect(files.find((file) => file.path === 'src/auth/session.ts')?.reasons).not.toContain('source changed without a matching test change');
  });

  it('pr-checks lists failing checks with links and counts the rest', () => {
    const { value, views } = runInNode('pr-checks', pullPage);
    expect(value).toMatchObject({ passing: 1, pending: 1, total: 4 });
    expect((value as { failing: { name: string }[] }).failing.map((check) => check.name)).toEqual(['unit tests', 'e2e']);
    expect(views[0]).toMatchObject({ type: 'markdown', text: expect.stringContaining('[unit tests](https://ci.example.test/run/7)') });
  });

  it('review-draft writes a markdown comment naming the risky files', () => {
    const { value } = runInNode('review-draft', pullPage);
    const text = (value as { text: string }).text;
    expect(text).toContain('`db/migrations/0042_sessions.sql`: database migration');
    expect(text).toContain('Failing checks: unit tests, e2e');
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
