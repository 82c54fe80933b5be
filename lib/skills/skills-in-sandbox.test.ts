import { describe, expect, it } from 'vitest';
import type { PageData } from '../context/types';
import { runScript } from '../sandbox/run-script';
import { actionsPage, blobPage, commitPage, dashboardPage, docPage, genericPage, issuePage, pullPage, repoPage, treePage } from '../../test/fixtures/skills/pages';
import { SKILL_LIMITS, skills } from './index';
import { realFixtures } from '../../test/fixtures/paths';

const pageFor: Record<string, PageData> = {
  'pr-overview': pullPage,
  'pr-risk': pullPage,
  'pr-checks': pullPage,
  'review-draft': pullPage,
  'actions-log-errors': actionsPage,
  'doc-outline': docPage,
  'doc-tldr': docPage,
  'metric-change': dashboardPage,
  'table-summary': genericPage,
  'issue-summary': issuePage,
  'repo-overview': repoPage,
  'change-overview': commitPage,
  'file-outline': blobPage,
  'tree-overview': treePage,
};

describe('every skill runs in the QuickJS sandbox', () => {
  it('covers every registered skill', () => {
    expect(Object.keys(pageFor).sort()).toEqual(skills.map((skill) => skill.id).sort());
  });

  it.each(skills.map((skill) => [skill.id, skill] as const))('%s returns a value and its declared views', async (id, skill) => {
    const page = pageFor[id]!;
    const result = await runScript(skill.script, { page }, { timeoutMs: 5000 });
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    expect(result.value).toBeTypeOf('object');
    const viewTypes = new Set((result.views ?? []).map((view) => view.type));
    expect(viewTypes.size).toBeGreaterThan(0);
    for (const type of viewTypes) expect(skill.views).toContain(type);
  });

  it('metric-change finds the latency shift inside the sandbox', async () => {
    const skill = skills.find((candidate) => candidate.id === 'metric-change')!;
    const result = await runScript(skill.script, { page: dashboardPage }, { timeoutMs: 5000 });
    const changes = (result.value as { changes: { series: string; at: string; alsoChanged: string[] }[] }).changes;
    expect(changes.find((change) => change.series === 'latency')).toMatchObject({ at: '10:25', alsoChanged: ['errors'] });
    expect(result.views?.find((view) => view.type === 'chart')).toMatchObject({ marks: [25] });
  });

  it('review-draft returns the comment text', async () => {
    const skill = skills.find((candidate) => candidate.id === 'review-draft')!;
    const result = await runScript(skill.script, { page: pullPage });
    expect((result.value as { text: string }).text).toContain('database migration');
  });
});

describe('metric-change on a real-size series within the skill limits', () => {
  it('runs over a 581-point TCPD series within the skills time budget', async () => {
    const { readFileSync } = await import('node:fs');
    const dataset = JSON.parse(readFileSync(`${realFixtures}/changepoints/datasets/bank.json`, 'utf8')) as {
      series: { label: string; raw: number[] }[];
    };
    const values = dataset.series[0]!.raw;
    const page: PageData = {
      type: 'dashboard', source: 'generic', panels: [], tables: [],
      series: [{ name: 'amount', labels: values.map((_value, index) => String(index)), values }],
    };
    const skill = skills.find((candidate) => candidate.id === 'metric-change')!;
    const result = await runScript(skill.script, { page }, SKILL_LIMITS);
    console.log(`metric-change on 581 points in QuickJS: ${result.ms} ms`);
    expect(result.ok).toBe(true);
  });
});
