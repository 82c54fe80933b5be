// The metric-change skill's answer in words, run in the sandbox on captured dashboards.
import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { PageData, View } from '../context/types';
import { capturePage } from '../capture/index';
import { runScript } from '../sandbox/run-script';
import { SKILL_LIMITS } from './index';
import { metricChange } from './metric-change';
import { busyDashboardContext } from '../../test/fixtures/suggest/busy-dashboard';

interface Answer {
  changes: { series: string; index: number; at: string }[];
  moments: { series: string; at: string; movedWith: string[]; unmoved: string[] }[];
}

async function capturedDashboard(file: string): Promise<PageData> {
  const url = 'https://metrics.example.com/d/checkout';
  const html = readFileSync(new URL(`../../test/fixtures/dashboard/${file}`, import.meta.url), 'utf8');
  const document = new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
  const context = await capturePage(document, url, { githubHosts: [], viewport: null });
  expect(context.kind).toBe('dashboard');
  return context.data;
}

async function answer(page: PageData): Promise<{ value: Answer; text: string; charts: View[]; ms: number }> {
  const result = await runScript(metricChange.script, { page }, SKILL_LIMITS);
  expect(result.error).toBeUndefined();
  const views = result.views ?? [];
  const text = views.flatMap((view) => (view.type === 'markdown' ? [view.text] : [])).join('\n');
  return { value: result.value as Answer, text, charts: views.filter((view) => view.type === 'chart'), ms: result.ms };
}

describe('metric-change says when, by how much, and what moved with it', () => {
  it('on a service dashboard: latency and errors stepped together, traffic and CPU did not', async () => {
    const { value, text, charts } = await answer(await capturedDashboard('checkout-incident.html'));
    const [first] = text.split('\n');
    // Both moved at 14:05–14:06, a minute apart: one sentence, the stronger change first.
    expect(first).toMatch(/^\*\*(errors \(\/min\)|p95 latency \(ms\))\*\* rose \d+% at 14:0[56] /);
    expect(first).toMatch(/p95 latency \(ms\) rose (3[5-9]|4[0-4])% at 14:05|\*\*p95 latency \(ms\)\*\* rose (3[5-9]|4[0-4])% at 14:05/);
    expect(first).toContain('requests (/s) and cpu (%) did not move.');
    expect(value.moments).toHaveLength(1);
    expect(value.moments[0]?.unmoved).toEqual(['requests (/s)', 'cpu (%)']);
    expect([value.moments[0]?.series, ...(value.moments[0]?.movedWith ?? [])].sort()).toEqual(['errors (/min)', 'p95 latency (ms)']);
    // The charts keep the change marked, in the order the answer names the series.
    expect(charts.map((chart) => chart.type === 'chart' && [chart.title, chart.marks])).toEqual(
      expect.arrayContaining([['p95 latency (ms)', [35]], ['errors (/min)', [36]]]),
    );
  });

  it('on the Grafana-like page: no change, said so', async () => {
    const { text, charts } = await answer(await capturedDashboard('grafana-like.html'));
    expect(text).toMatch(/^No significant change in \d+ series\.$/);
    expect(charts).toEqual([]);
  });

  it('on the run log: the largest change first, then the others largest first', async () => {
    const { value, text } = await answer(await capturedDashboard('run-log-table.html'));
    expect(value.moments.length).toBeGreaterThan(1);
    expect(text).toMatch(/^\*\*(Distance|Pace)[^*]*\*\* (rose|fell) /);
    expect(text).toContain('Other changes, largest first:');
  });

  it('on a busy dashboard of 24 random walks: an answer within the limits, at most four charts', async () => {
    const { value, text, charts, ms } = await answer(busyDashboardContext().data);
    expect(value.moments.length).toBeGreaterThan(0);
    expect(text.split('\n')[0]).toMatch(/^\*\*metric \d+\*\* (rose|fell) [\d.]+% at t\d+ .*did not move\.$/);
    expect(charts.length).toBeLessThanOrEqual(4);
    expect(ms).toBeLessThan(SKILL_LIMITS.timeoutMs);
  }, 30_000);

  it('answers on a 5,000-point series well inside the 5 s skill limit, with the step placed point by point', async () => {
    let state = 7;
    const noise = () => {
      state = (state * 16807) % 2147483647;
      return state / 2147483647 - 0.5;
    };
    const values = Array.from({ length: 5000 }, (_unused, index) => (index < 3210 ? 100 : 104) + 2 * noise());
    const page: PageData = {
      type: 'dashboard',
      source: 'generic',
      panels: [],
      tables: [],
      series: [{ name: 'queue depth', labels: values.map((_value, index) => `t${index}`), values }],
    };
    const { value, charts, ms } = await answer(page);
    console.log(`metric-change on 5,000 points in QuickJS: ${ms.toFixed(0)} ms`);
    expect(value.changes.map((change) => change.index)).toEqual([expect.closeTo(3210, -1)]);
    expect(Math.abs(value.changes[0]!.index - 3210)).toBeLessThanOrEqual(3);
    // The chart is of block means: 400 points at most, the mark in the block that holds the change.
    expect(charts).toEqual([expect.objectContaining({ title: 'queue depth (means of 13 points)', marks: [Math.floor(value.changes[0]!.index / 13)] })]);
    expect(ms).toBeLessThan(2000);
  }, 30_000);
});
