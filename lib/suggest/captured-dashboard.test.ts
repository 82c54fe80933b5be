// The metric rule on a real series (TCPD run_log, a table of paces and distances) captured as a dashboard,
// checked against where human annotators placed the change points.
import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { capturePage } from '../capture/index';
import { suggestWithDiagnostics } from './index';
import { realFixtures } from '../../test/fixtures/paths';

interface Dataset {
  time: { raw: string[] };
}

const dataset = JSON.parse(readFileSync(`${realFixtures}/changepoints/datasets/run_log.json`, 'utf8')) as Dataset;
const annotations = JSON.parse(readFileSync(`${realFixtures}/changepoints/annotations.json`, 'utf8')) as Record<string, Record<string, number[]>>;

describe('suggestions on a captured run log', () => {
  it('asks why a metric moved at a point the annotators also marked, and offers the table summary', async () => {
    const url = 'https://reports.example.com/run';
    const html = readFileSync('test/fixtures/dashboard/run-log-table.html', 'utf8');
    const document = new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
    const context = await capturePage(document, url, { githubHosts: [], viewport: null });
    const report = suggestWithDiagnostics(context);
    expect(report.errors).toEqual([]);
    expect(report.suggestions.map((card) => card.rule)).toEqual(['dashboard-metric-moved', 'tables-summary']);
    const [metric] = report.suggestions;
    expect(metric?.title).toMatch(/^Why did (Pace|Distance).* move\?$/);
    const at = /at (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)/.exec(metric?.why ?? '')?.[1];
    const index = dataset.time.raw.indexOf(at ?? '');
    expect(index).toBeGreaterThan(0);
    const marked = Object.values(annotations.run_log ?? {}).flat();
    const distance = Math.min(...marked.map((point) => Math.abs(point - index)));
    expect(distance).toBeLessThanOrEqual(5);
  }, 60_000);
});
