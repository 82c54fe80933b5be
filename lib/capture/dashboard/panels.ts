// Dashboard panels (Grafana, Datadog, Kibana): title, kind, current value and legend, from their markup.

import type { Panel } from '../../context/types';
import { inlineText } from '../text';
import type { DashboardSource } from './detect';
import { GRAFANA_PANEL_SELECTOR } from './detect';

interface PanelSelectors {
  panel: string;
  title: string;
}

const PANEL_SELECTORS: Partial<Record<DashboardSource, PanelSelectors>> = {
  grafana: {
    panel: GRAFANA_PANEL_SELECTOR,
    title: '.panel-title-text, .panel-title, [data-testid="data-testid panel-title"], h2, h6',
  },
  datadog: {
    panel: '.dashboard-grid-widget, [class*="druids_dashboards_widget"], [data-dd-widget]',
    title: '[class*="widget__title"], [class*="widget-title"], h2, h3',
  },
  kibana: {
    panel: '[data-test-subj="dashboardPanel"], .embPanel',
    title: '[data-test-subj="dashboardPanelTitle"], .embPanel__titleText, figcaption, h2',
  },
};

const HEADER_TEST_ID = 'data-testid Panel header ';
const MAX_PANELS = 200;
const MAX_VALUE_CHARS = 60;
const MAX_LEGEND_ITEMS = 50;

function outermost(elements: Element[], selector: string): Element[] {
  return elements.filter((element) => !element.parentElement?.closest(selector));
}

function panelTitle(panel: Element, titleSelector: string): string {
  const header = panel.matches(`[data-testid^="${HEADER_TEST_ID}"]`) ? panel : panel.querySelector(`[data-testid^="${HEADER_TEST_ID}"]`);
  const fromTestId = header?.getAttribute('data-testid')?.slice(HEADER_TEST_ID.length).trim();
  if (fromTestId) return fromTestId;
  const titleElement = panel.querySelector(titleSelector);
  return titleElement ? inlineText(titleElement) : (panel.getAttribute('aria-label') ?? '').trim();
}

function panelType(panel: Element): Panel['type'] {
  const declaring = panel.hasAttribute('data-panel-type') ? panel : panel.querySelector('[data-panel-type]');
  const declared = (declaring?.getAttribute('data-panel-type') ?? panel.getAttribute('data-type') ?? '').toLowerCase();
  const known: Panel['type'][] = ['stat', 'gauge', 'graph', 'table', 'text'];
  const match = known.find((type) => declared.includes(type));
  if (match) return match;
  if (declared === 'singlestat' || declared === 'timeseries' || declared === 'barchart') return declared === 'singlestat' ? 'stat' : 'graph';
  if (panel.querySelector('[class*="singlestat"], [class*="stat-panel"], [data-testid*="Stat"], .big-value')) return 'stat';
  if (panel.querySelector('[class*="gauge"], [data-testid*="gauge"]')) return 'gauge';
  if (panel.querySelector('svg path, canvas, .uplot, .flot-base')) return 'graph';
  if (panel.querySelector('table, [role="table"]')) return 'table';
  if (panel.querySelector('.markdown-html, [class*="text-panel"], p')) return 'text';
  return 'unknown';
}

function panelValue(panel: Element, title: string): string | undefined {
  const valueElement = panel.querySelector(
    '.singlestat-panel-value, [data-testid="data-testid Bar gauge value"], .big-value, [class*="stat-value"], [class*="gauge-value"]',
  );
  const text = valueElement ? inlineText(valueElement) : inlineText(panel).replace(title, '').trim();
  return text && text.length <= MAX_VALUE_CHARS ? text : undefined;
}

function legendOf(panel: Element): Panel['legend'] {
  const items: { name: string; value: string }[] = [];
  const push = (name: string, value: string): void => {
    if (name && items.length < MAX_LEGEND_ITEMS) items.push({ name, value });
  };
  for (const series of panel.querySelectorAll('.graph-legend-series')) {
    const alias = series.querySelector('.graph-legend-alias');
    const values = Array.from(series.querySelectorAll('.graph-legend-value')).map(inlineText);
    push(alias ? inlineText(alias) : inlineText(series), values.join(' '));
  }
  for (const row of panel.querySelectorAll('.u-legend .u-series, [class*="VizLegend"] tr, [class*="legend"] li')) {
    const cells = Array.from(row.querySelectorAll('th, td, span')).map(inlineText).filter(Boolean);
    const name = cells[0] ?? inlineText(row);
    push(name, cells.slice(1).filter((cell) => cell !== name).join(' '));
  }
  for (const item of panel.querySelectorAll('[aria-label^="VizLegend series"], [data-testid^="data-testid VizLegend series"]')) {
    const label = item.getAttribute('aria-label') ?? item.getAttribute('data-testid') ?? '';
    push(label.replace(/^.*VizLegend series\s*/, ''), '');
  }
  return items.length > 0 ? items : undefined;
}

export interface FoundPanel {
  element: Element;
  panel: Panel;
}

export function readPanels(document: Document, source: DashboardSource): FoundPanel[] {
  const selectors = PANEL_SELECTORS[source];
  if (!selectors) return [];
  const elements = outermost(Array.from(document.querySelectorAll(selectors.panel)), selectors.panel).slice(0, MAX_PANELS);
  return elements.map((element) => {
    const title = panelTitle(element, selectors.title);
    const panel: Panel = { title, type: panelType(element) };
    if (panel.type === 'stat' || panel.type === 'gauge') {
      const value = panelValue(element, title);
      if (value) panel.value = value;
    }
    const legend = legendOf(element);
    if (legend) panel.legend = legend;
    return { element, panel };
  });
}
