// One help button inside its own shadow root, out of the page's flow, so neither GitHub's CSS nor its layout
// is touched: the element it sits on keeps its box.
import type { HelpSpot } from '../../../lib/in-page-help/types';
import { HELP_BUTTON_CSS, SPARK_PATH } from './styles';

export const HELP_HOST_TAG = 'tandem-help';
const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

export interface HelpButton {
  host: HTMLElement;
  button: HTMLButtonElement;
}

const hostStyle: Record<string, string> = {
  position: 'absolute',
  left: '0px',
  top: '0px',
  margin: '0',
  padding: '0',
  border: '0',
  display: 'block',
  width: 'auto',
  height: 'auto',
  'z-index': '2',
  // Hidden until placed, so it never shows for a frame at the containing block's corner.
  visibility: 'hidden',
};

export function createHelpButton(document: Document, spot: HelpSpot, label: string, onActivate: () => void): HelpButton {
  const host = document.createElement(HELP_HOST_TAG);
  host.setAttribute('data-spot', spot);
  host.setAttribute('data-theme', colorModeOf(document));
  for (const [property, value] of Object.entries(hostStyle)) host.style.setProperty(property, value, 'important');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = HELP_BUTTON_CSS;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button';
  button.title = 'Open Tandem on this';
  button.append(sparkIcon(document), label);
  root.append(style, button);

  // Keeps a text selection alive (a click would collapse it) and keeps GitHub's row handlers out of it.
  button.addEventListener('mousedown', (event) => {
    event.preventDefault();
    event.stopPropagation();
  });
  button.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    // A page script's synthetic click must never open Tandem or start a run.
    if (!event.isTrusted) return;
    onActivate();
  });
  return { host, button };
}

// Built node by node: markup parsed from a string in the page is what add-on review (and web-ext lint) flags.
function sparkIcon(document: Document): SVGSVGElement {
  const svg = document.createElementNS(SVG_NAMESPACE, 'svg');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('viewBox', '0 0 12 12');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG_NAMESPACE, 'path');
  path.setAttribute('d', SPARK_PATH);
  svg.append(path);
  return svg;
}

/** GitHub's own color mode: "light", "dark", or "auto" (follow the system). */
function colorModeOf(document: Document): 'light' | 'dark' | 'auto' {
  const mode = document.documentElement.getAttribute('data-color-mode');
  return mode === 'light' || mode === 'dark' ? mode : 'auto';
}

/** Where a host's own left/top must go for its top-left corner to land on a viewport point (reads layout only). */
export function hostPositionFor(host: HTMLElement, point: { left: number; top: number }): { left: number; top: number } {
  const now = host.getBoundingClientRect();
  const left = parseFloat(host.style.getPropertyValue('left')) || 0;
  const top = parseFloat(host.style.getPropertyValue('top')) || 0;
  return { left: Math.round(left + point.left - now.left), top: Math.round(top + point.top - now.top) };
}

/** Shows a host at a position from hostPositionFor (writes styles only). */
export function setHostPosition(host: HTMLElement, position: { left: number; top: number }): void {
  host.style.setProperty('left', `${position.left}px`, 'important');
  host.style.setProperty('top', `${position.top}px`, 'important');
  host.style.setProperty('visibility', 'visible', 'important');
}

/** Moves a placed host so its top-left corner lands on a viewport point, whatever its containing block is. */
export function moveHostTo(host: HTMLElement, point: { left: number; top: number }): void {
  setHostPosition(host, hostPositionFor(host, point));
}
