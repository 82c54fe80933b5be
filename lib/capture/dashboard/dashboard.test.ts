import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { DashboardData } from '../../context/types';
import { markerByAttributes, markerBySelector } from './detect';
import { dashboardAdapter } from './index';
import { pathPoints, seriesFromSvg } from './svg-chart';
import { seriesFromTable } from './table-series';
import { isTimeLike, parseNumber } from './values';
import { realFixtures } from '../../../test/fixtures/paths';

const quiet = new VirtualConsole();
const documentOf = (html: string, url: string): Document => new JSDOM(html, { url, virtualConsole: quiet }).window.document;

async function captureFile(path: string, url: string): Promise<DashboardData> {
  const output = await dashboardAdapter.capture(documentOf(readFileSync(path, 'utf8'), url), new URL(url), 'dashboard', { githubHosts: [] });
  return output.data as DashboardData;
}

describe('dashboard adapter: a Grafana-like page', () => {
  const url = 'https://grafana.example.com/d/abc/checkout?orgId=1&from=now-1h&to=now';

  it('reads every panel with its type, value and legend', async () => {
    const data = await captureFile('test/fixtures/dashboard/grafana-like.html', url);
    expect(data.source).toBe('grafana');
    expect(data.panels).toEqual([
      { title: 'Requests per second', type: 'stat', value: '1,284 req/s' },
      { title: 'Error budget', type: 'gauge', value: '73.5%' },
      {
        title: 'p95 latency',
        type: 'graph',
        legend: [
          { name: 'checkout p95', value: '75 ms' },
          { name: 'payment p95', value: '120 ms' },
        ],
      },
      { title: 'Slowest endpoints', type: 'table' },
    ]);
  });

  it('reads the SVG lines back into values through the axis ticks', async () => {
    const data = await captureFile('test/fixtures/dashboard/grafana-like.html', url);
    // The y axis maps pixel 150 → 0 and pixel 0 → 150, so value = 150 − y.
    expect(data.series).toEqual([
      { name: 'checkout p95', labels: ['10:00', '10:15', '10:30', '10:45'], values: [0, 50, 100, 75] },
      { name: 'payment p95', labels: ['10:00', '10:15', '10:30', '10:45'], values: [10, 20, 30, 120] },
    ]);
    expect(data.tables).toHaveLength(1);
    expect(data.tables[0]?.rows[0]).toEqual(['/api/cart', '212', '10,422']);
  });

  it('reports the time range of the URL as facts', async () => {
    const output = await dashboardAdapter.capture(
      documentOf(readFileSync('test/fixtures/dashboard/grafana-like.html', 'utf8'), url), new URL(url), 'dashboard', { githubHosts: [] });
    expect(output.facts).toMatchObject({ source: 'grafana', panels: 4, series: 2, from: 'now-1h', to: 'now' });
  });
});

describe('dashboard adapter: a table of timed numbers (TCPD run_log)', () => {
  interface Dataset {
    time: { raw: string[] };
    series: { label: string; raw: number[] }[];
  }
  const dataset = JSON.parse(readFileSync(`${realFixtures}/changepoints/datasets/run_log.json`, 'utf8')) as Dataset;

  it('turns each numeric column into a series labelled by the time column', async () => {
    const data = await captureFile('test/fixtures/dashboard/run-log-table.html', 'https://reports.example.com/run');
    expect(data.source).toBe('table');
    expect(data.series.map((series) => series.name)).toEqual(['Pace (min/km)', 'Distance (m)']);
    const [pace, distance] = data.series;
    expect(pace?.unit).toBe('min/km');
    expect(pace?.labels).toEqual(dataset.time.raw);
    expect(pace?.values).toEqual(dataset.series[0]?.raw);
    // The page prints distances rounded to 3 decimals (Python's rounding) with thousands separators.
    const expectedDistance = dataset.series[1]?.raw.map((value) => Math.round(value * 1000) / 1000) ?? [];
    expect(distance?.values).toHaveLength(expectedDistance.length);
    distance?.values.forEach((value, index) => expect(value).toBeCloseTo(expectedDistance[index] ?? NaN, 2));
    expect(data.tables[0]?.rows).toHaveLength(376);
    expect(data.tables[0]?.caption).toBe('Run of 2018-07-31');
  });
});

describe('values', () => {
  it.each([
    ['1,234.5', 1234.5, undefined],
    ['-3 ms', -3, 'ms'],
    ['42%', 42, '%'],
    ['$1.2k', 1200, '$'],
    ['−0.5', -0.5, undefined],
    ['1.5e3', 1500, undefined],
  ])('parseNumber(%s)', (text, value, unit) => {
    expect(parseNumber(text)).toEqual(unit ? { value, unit } : { value });
  });

  it.each(['abc', '1.2.3', '10:00', '2024-01-01', ''])('parseNumber(%s) is null', (text) => {
    expect(parseNumber(text)).toBeNull();
  });

  it.each(['2024-01-05', '2018-07-31 18:22:28', '10:45', 'Jan 5, 2024', '5 March 2023', '2023-Q4', '1999', '12/31/2024'])('%s is time-like', (text) => {
    expect(isTimeLike(text)).toBe(true);
  });

  it.each(['hello', '42.5', '3000', 'player 1'])('%s is not time-like', (text) => {
    expect(isTimeLike(text)).toBe(false);
  });
});

describe('seriesFromTable', () => {
  it('skips rows whose value is not a number, keeping labels aligned', () => {
    const table = {
      headers: ['Month', 'Revenue', 'Note'],
      rows: [['2024-01', '10', 'a'], ['2024-02', 'n/a', 'b'], ['2024-03', '30', 'c'], ['2024-04', '40', 'd'], ['2024-05', '50', 'e'], ['2024-06', '60', 'f']],
    };
    expect(seriesFromTable(table)).toEqual([
      { name: 'Revenue', labels: ['2024-01', '2024-03', '2024-04', '2024-05', '2024-06'], values: [10, 30, 40, 50, 60] },
    ]);
  });
});

describe('svg charts', () => {
  it('pathPoints follows absolute, relative, H/V and implicit line commands', () => {
    expect(pathPoints('M10,20 L30,40 l5,5 H50 v-10 5 L60,70 80,90')).toEqual([
      { x: 10, y: 20 }, { x: 30, y: 40 }, { x: 35, y: 45 }, { x: 50, y: 45 }, { x: 50, y: 35 }, { x: 50, y: 40 },
      { x: 60, y: 70 }, { x: 80, y: 90 },
    ]);
  });

  it('maps a numeric x axis and a polyline', () => {
    const document = documentOf(`<svg>
      <text x="0" y="100">0</text><text x="0" y="0">10</text>
      <text x="20" y="120">2000</text><text x="220" y="120">2010</text>
      <polyline fill="none" points="20,100 120,50 220,0" aria-label="load"/>
    </svg>`, 'https://example.org/');
    expect(seriesFromSvg(document.querySelector('svg') as Element)).toEqual([
      { name: 'load', labels: ['2000', '2005', '2010'], values: [0, 5, 10] },
    ]);
  });
});

describe('dashboard markers: the selector list and the attribute walk agree', () => {
  const pages: [string, string, string | null][] = [
    ['a Grafana grid', '<div class="react-grid-layout"><div class="react-grid-item">cpu</div></div>', 'grafana'],
    ['a Grafana panel id', '<section data-panelid="4">p</section>', 'grafana'],
    ['a Grafana scene panel', '<div data-viz-panel-key="panel-2">p</div>', 'grafana'],
    ['a Grafana panel header', '<div data-testid="data-testid Panel header CPU">CPU</div>', 'grafana'],
    ['the Grafana version meta', '<meta name="grafana-version" content="11"><p>x</p>', 'grafana'],
    ['a Datadog widget', '<div class="dashboard-grid-widget">w</div>', 'datadog'],
    ['a Datadog druids class', '<div class="x druids_layout_flex">w</div>', 'datadog'],
    ['a Datadog dashboard attribute', '<div data-dd-dashboard="abc">w</div>', 'datadog'],
    ['a Kibana panel', '<div data-test-subj="dashboardPanel">k</div>', 'kibana'],
    ['Kibana metadata', '<kbn-injected-metadata data="{}"></kbn-injected-metadata>', 'kibana'],
    ['a Kibana wrapper class', '<div class="kbnAppWrapper">k</div>', 'kibana'],
    ['the first of two products in document order', '<div class="embPanel"></div><div class="react-grid-item"></div>', 'kibana'],
    ['a plain article', '<article class="grid panel"><p data-test-subj="other">Text</p></article>', null],
  ];
  it.each(pages)('%s', (_name, body, expected) => {
    const document = new JSDOM(`<html><head></head><body>${body}</body></html>`).window.document;
    expect(markerBySelector(document)).toBe(expected);
    expect(markerByAttributes(document)).toBe(expected);
  });
});
