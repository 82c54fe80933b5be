// The dashboard adapter: panels (Grafana, Datadog, Kibana), tables, and series from tables, SVG charts and embedded JSON.

import type { DashboardData, Facts, Series, Table } from '../../context/types';
import type { Adapter, AdapterOutput } from '../adapter';
import { dataTables, readTable } from '../tables';
import { detectDashboard } from './detect';
import { seriesFromEmbeddedJson } from './embedded-series';
import { readPanels } from './panels';
import { seriesFromSvg } from './svg-chart';
import { seriesFromTable } from './table-series';

export { detectDashboard } from './detect';

const MAX_TABLES = 30;
const MAX_TABLE_ROWS = 2000;
const MAX_SVGS = 60;

function readTables(document: Document, cut: string[]): { tables: Table[]; series: Series[] } {
  const tables: Table[] = [];
  const series: Series[] = [];
  // Legends are laid out as tables but hold series names, already read into panels.
  const elements = dataTables(document).filter((table) => !table.closest('.u-legend, [class*="legend"], [class*="Legend"]'));
  if (elements.length > MAX_TABLES) cut.push(`${elements.length - MAX_TABLES} tables beyond the first ${MAX_TABLES}`);
  for (const element of elements.slice(0, MAX_TABLES)) {
    const { table, totalRows } = readTable(element, MAX_TABLE_ROWS);
    if (table.rows.length === 0) continue;
    if (totalRows > MAX_TABLE_ROWS) cut.push(`${totalRows - MAX_TABLE_ROWS} rows of table "${table.caption ?? table.headers.join(', ')}"`);
    tables.push(table);
    series.push(...(seriesFromTable(table) ?? []));
  }
  return { tables, series };
}

function chartSeries(document: Document, panelTitleOf: (element: Element) => string | undefined): Series[] {
  return Array.from(document.querySelectorAll('svg'))
    .slice(0, MAX_SVGS)
    .filter((svg) => !svg.parentElement?.closest('svg'))
    .flatMap((svg) => {
      const found = seriesFromSvg(svg);
      const title = panelTitleOf(svg);
      // A lone unnamed line in a panel is best known by the panel's title.
      if (title && found.length === 1 && found[0]?.name === 'series 1') found[0].name = title;
      return found;
    });
}

function timeRangeFacts(url: URL): Facts {
  const facts: Facts = {};
  const from = url.searchParams.get('from');
  const to = url.searchParams.get('to');
  if (from) facts.from = from;
  if (to) facts.to = to;
  return facts;
}

function pageTitle(document: Document): string {
  return (document.title || document.querySelector('h1')?.textContent || '').replace(/\s+/g, ' ').trim();
}

export const dashboardAdapter: Adapter = {
  id: 'dashboard',
  kinds: ['dashboard'],
  async capture(document, url): Promise<AdapterOutput> {
    const cut: string[] = [];
    const source = detectDashboard(document, url) ?? 'generic';
    const found = readPanels(document, source);
    const panelTitleOf = (element: Element): string | undefined =>
      found.find((entry) => entry.element.contains(element))?.panel.title || undefined;
    const { tables, series: tableSeries } = readTables(document, cut);
    const series = [...tableSeries, ...chartSeries(document, panelTitleOf), ...seriesFromEmbeddedJson(document)];
    const data: DashboardData = { type: 'dashboard', source, panels: found.map((entry) => entry.panel), tables, series };
    const facts: Facts = {
      source,
      panels: data.panels.length,
      series: series.length,
      tables: tables.length,
      ...timeRangeFacts(url),
    };
    return { title: pageTitle(document), facts, data, cut };
  },
};
