// Is this page a dashboard, and of which family? Markers in the DOM first, then data-shaped content.

import type { DashboardData } from '../../context/types';
import { dataTables, readTable } from '../tables';
import { looksLikeChart } from './svg-chart';
import { seriesFromTable } from './table-series';

export type DashboardSource = DashboardData['source'];

export const GRAFANA_PANEL_SELECTOR =
  '[data-panelid], .panel-container, .react-grid-item, [data-testid^="data-testid Panel header"], [data-viz-panel-key]';

const CLASS_MARKERS: [RegExp, DashboardSource][] = [
  [/(?:^|\s)(?:react-grid-layout|react-grid-item|panel-container|grafana-app|app-grafana)(?:\s|$)/, 'grafana'],
  [/druids_|(?:^|\s)dashboard-grid-widget(?:\s|$)/, 'datadog'],
  [/(?:^|\s)(?:kbnAppWrapper|embPanel)(?:\s|$)/, 'kibana'],
];

// Every marker below as one selector list: the browser's selector engine finds the first marked element
// in one native pass, where reading each element's attributes from script cost tens of milliseconds on a
// large page. Kept in step with markerOfAttribute, which says which product the element found belongs to.
const MARKER_SELECTOR = [
  'kbn-injected-metadata',
  '.react-grid-layout', '.react-grid-item', '.panel-container', '.grafana-app', '.app-grafana',
  '[class*="druids_"]', '.dashboard-grid-widget',
  '.kbnAppWrapper', '.embPanel',
  '[data-panelid]', '[data-viz-panel-key]', '[data-testid^="data-testid Panel header"]',
  '[name="grafana-version"]', '[property="grafana:version"]', '[name="grafana:version"]', '[property="grafana-version"]',
  '[data-dd-dashboard]',
  '[data-test-subj="dashboardPanel"]', '[data-test-subj="dashboardViewport"]',
].join(', ');

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

function markerOfElement(element: Element): DashboardSource | null {
  if (element.localName === 'kbn-injected-metadata') return 'kibana';
  for (const attribute of Array.from(element.attributes)) {
    const marker = markerOfAttribute(attribute.name, attribute.value);
    if (marker) return marker;
  }
  return null;
}

// jsdom (the CLI and the tests) matches selector lists in script, one walk of the page per alternative:
// there the attributes are read in one walk instead, over the first elements, where dashboards put
// their markers (the app shell and panels).
const MAX_ELEMENTS_SCANNED = 30_000;

function hasNativeSelectorEngine(document: Document): boolean {
  return /\[native code\]/.test(Function.prototype.toString.call(document.querySelector));
}

/** The product of the first marked element, found by the selector engine (fast where it is native). */
export function markerBySelector(document: Document): DashboardSource | null {
  // Usually the first match decides; a match the attribute rules do not confirm (a class in another case
  // in a quirks-mode page) hands over to the next one.
  for (const marked of Array.from(document.querySelectorAll(MARKER_SELECTOR))) {
    const marker = markerOfElement(marked);
    if (marker) return marker;
  }
  return null;
}

/** The product of the first marked element, found by reading attributes in one walk. */
export function markerByAttributes(document: Document): DashboardSource | null {
  // A live collection read by index, never by length: counting it would walk the whole page again.
  const elements = document.getElementsByTagName('*');
  for (let position = 0; position < MAX_ELEMENTS_SCANNED; position++) {
    const element = elements[position];
    if (!element) break;
    const marker = markerOfElement(element);
    if (marker) return marker;
  }
  return null;
}

function scanMarkers(document: Document): DashboardSource | null {
  return hasNativeSelectorEngine(document) ? markerBySelector(document) : markerByAttributes(document);
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
