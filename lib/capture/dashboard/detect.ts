// Is this page a dashboard, and of which family? Markers in the DOM first, then data-shaped content.

import type { DashboardData } from '../../context/types';
import { dataTables, readTable } from '../tables';
import { looksLikeChart } from './svg-chart';
import { seriesFromTable } from './table-series';

export type DashboardSource = DashboardData['source'];

export const GRAFANA_PANEL_SELECTOR =
  '[data-panelid], .panel-container, .react-grid-item, [data-testid^="data-testid Panel header"], [data-viz-panel-key]';

// Markers are checked in one pass over the elements: a list of selectors costs one full DOM walk
// each in jsdom (and the CLI and tests run there), where one walk reading attributes is much cheaper.
const CLASS_MARKERS: [RegExp, DashboardSource][] = [
  [/(?:^|\s)(?:react-grid-layout|react-grid-item|panel-container|grafana-app|app-grafana)(?:\s|$)/, 'grafana'],
  [/druids_|(?:^|\s)dashboard-grid-widget(?:\s|$)/, 'datadog'],
  [/(?:^|\s)(?:kbnAppWrapper|embPanel)(?:\s|$)/, 'kibana'],
];

function markerOfAttribute(name: string, value: string): DashboardSource | null {
  switch (name) {
    case 'class':
      return CLASS_MARKERS.find(([pattern]) => pattern.test(value))?.[1] ?? null;
    case 'data-panelid':
    case 'data-viz-panel-key':
      return 'grafana';
    case 'data-testid':
      return value.startsWith('data-testid Panel header') ? 'grafana' : null;
    case 'name':
    case 'property':
      return value === 'grafana-version' || value === 'grafana:version' ? 'grafana' : null;
    case 'data-dd-dashboard':
      return 'datadog';
    case 'data-test-subj':
      return value === 'dashboardPanel' || value === 'dashboardViewport' ? 'kibana' : null;
    default:
      return null;
  }
}

// Dashboards put their markers on the app shell and panels, among the first elements; reading every
// attribute of a 700,000-element page costs seconds for nothing.
const MAX_ELEMENTS_SCANNED = 30_000;

function scanMarkers(document: Document): DashboardSource | null {
  // A live collection read by index, never by length: counting it would walk the whole page again.
  const elements = document.getElementsByTagName('*');
  for (let position = 0; position < MAX_ELEMENTS_SCANNED; position++) {
    const element = elements[position];
    if (!element) break;
    if (element.localName === 'kbn-injected-metadata') return 'kibana';
    const attributes = element.attributes;
    for (let index = 0; index < attributes.length; index++) {
      const attribute = attributes[index];
      const marker = attribute ? markerOfAttribute(attribute.name, attribute.value) : null;
      if (marker) return marker;
    }
  }
  return null;
}

const MAX_SCRIPTS_SCANNED = 40;
const MAX_TABLES_CHECKED = 20;
const MAX_SVGS_CHECKED = 30;

function hostMatches(url: URL, domain: string): boolean {
  const host = url.hostname.toLowerCase();
  return host === domain || host.endsWith(`.${domain}`);
}

function mentionsGrafanaBootData(document: Document): boolean {
  const scripts = Array.from(document.scripts).slice(0, MAX_SCRIPTS_SCANNED);
  return scripts.some((script) => !script.src && (script.textContent ?? '').includes('grafanaBootData'));
}

/** The dashboard product the page belongs to, by its own markers; null when none is present. */
export function detectDashboardProduct(document: Document, url: URL | null): DashboardSource | null {
  if (url && (hostMatches(url, 'datadoghq.com') || hostMatches(url, 'datadoghq.eu'))) return 'datadog';
  return scanMarkers(document) ?? (mentionsGrafanaBootData(document) ? 'grafana' : null);
}

export function hasTimeSeriesTable(document: Document): boolean {
  return dataTables(document)
    .slice(0, MAX_TABLES_CHECKED)
    .some((table) => table.rows.length > 5 && seriesFromTable(readTable(table, 2000).table) !== null);
}

export function hasLineChart(document: Document): boolean {
  return Array.from(document.querySelectorAll('svg')).slice(0, MAX_SVGS_CHECKED).some(looksLikeChart);
}

/** The dashboard family of the page, or null when it is not a dashboard. */
export function detectDashboard(document: Document, url: URL | null): DashboardSource | null {
  const product = detectDashboardProduct(document, url);
  if (product) return product;
  if (hasTimeSeriesTable(document)) return 'table';
  if (hasLineChart(document)) return 'generic';
  return null;
}
