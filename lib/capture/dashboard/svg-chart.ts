// Line charts drawn as SVG (d3, Grafana's old flot/SVG panels, hand-made reports): paths + axis tick
// labels → approximate series. Values are read back from pixel positions through the axis scale.

import type { Series } from '../../context/types';
import { parseNumber } from './values';

interface Point {
  x: number;
  y: number;
}

interface Label extends Point {
  text: string;
}

const MAX_POINTS = 5000;
const ALIGN_TOLERANCE = 4;

function translateOf(element: Element): Point {
  const transform = element.getAttribute('transform') ?? '';
  const match = /translate\(\s*(-?[\d.e+-]+)(?:[\s,]+(-?[\d.e+-]+))?\s*\)/.exec(transform);
  return match ? { x: Number(match[1]) || 0, y: Number(match[2] ?? 0) || 0 } : { x: 0, y: 0 };
}

/** The sum of translate() transforms from `element` up to (not including) the svg root. */
function offsetOf(element: Element, svg: Element): Point {
  const offset = { x: 0, y: 0 };
  for (let current: Element | null = element; current && current !== svg; current = current.parentElement) {
    const translate = translateOf(current);
    offset.x += translate.x;
    offset.y += translate.y;
  }
  return offset;
}

function firstNumber(value: string | null): number {
  const number = Number((value ?? '').trim().split(/[\s,]+/)[0]);
  return Number.isFinite(number) ? number : 0;
}

function readLabels(svg: Element): Label[] {
  return Array.from(svg.querySelectorAll('text')).flatMap((element) => {
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text) return [];
    const offset = offsetOf(element, svg);
    return [{ text, x: offset.x + firstNumber(element.getAttribute('x')), y: offset.y + firstNumber(element.getAttribute('y')) }];
  });
}

function groupBy(labels: Label[], coordinate: 'x' | 'y'): Label[][] {
  const groups: Label[][] = [];
  for (const label of [...labels].sort((a, b) => a[coordinate] - b[coordinate])) {
    const group = groups.at(-1);
    const first = group?.[0];
    if (group && first && Math.abs(label[coordinate] - first[coordinate]) <= ALIGN_TOLERANCE) group.push(label);
    else groups.push([label]);
  }
  return groups;
}

interface LinearScale {
  slope: number;
  intercept: number;
}

function fitScale(pixels: number[], values: number[]): LinearScale | null {
  const count = pixels.length;
  if (count < 2) return null;
  const meanPixel = pixels.reduce((sum, pixel) => sum + pixel, 0) / count;
  const meanValue = values.reduce((sum, value) => sum + value, 0) / count;
  let covariance = 0;
  let variance = 0;
  for (let index = 0; index < count; index++) {
    const pixel = pixels[index] ?? 0;
    covariance += (pixel - meanPixel) * ((values[index] ?? 0) - meanValue);
    variance += (pixel - meanPixel) ** 2;
  }
  if (variance === 0) return null;
  const slope = covariance / variance;
  return { slope, intercept: meanValue - slope * meanPixel };
}

function numericAxis(group: Label[], coordinate: 'x' | 'y'): LinearScale | null {
  const numeric = group.flatMap((label) => {
    const parsed = parseNumber(label.text);
    return parsed ? [{ pixel: label[coordinate], value: parsed.value }] : [];
  });
  const distinct = new Set(numeric.map((entry) => entry.pixel));
  if (numeric.length < 2 || distinct.size < 2) return null;
  return fitScale(numeric.map((entry) => entry.pixel), numeric.map((entry) => entry.value));
}

const PATH_TOKEN = /([MLHVCSQTAZmlhvcsqtaz])|(-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)/g;
const ARGUMENT_COUNT: Record<string, number> = { M: 2, L: 2, H: 1, V: 1, C: 6, S: 4, Q: 4, T: 2, A: 7, Z: 0 };

/** The end points of every segment of an SVG path (curves are reduced to their end points). */
export function pathPoints(d: string): Point[] {
  const points: Point[] = [];
  let command = '';
  let current: Point = { x: 0, y: 0 };
  let start: Point = { x: 0, y: 0 };
  let numbers: number[] = [];
  const flush = (): void => {
    const upper = command.toUpperCase();
    const relative = command !== upper;
    const size = ARGUMENT_COUNT[upper];
    if (size === undefined || size === 0) return;
    while (numbers.length >= size) {
      const args = numbers.splice(0, size);
      const base = relative ? current : { x: 0, y: 0 };
      if (upper === 'H') current = { x: (relative ? current.x : 0) + (args[0] ?? 0), y: current.y };
      else if (upper === 'V') current = { x: current.x, y: (relative ? current.y : 0) + (args[0] ?? 0) };
      else current = { x: base.x + (args[size - 2] ?? 0), y: base.y + (args[size - 1] ?? 0) };
      if (upper === 'M' && points.length === 0) start = current;
      points.push(current);
      if (upper === 'M') command = relative ? 'l' : 'L';
    }
  };
  for (const match of d.matchAll(PATH_TOKEN)) {
    if (match[1]) {
      flush();
      command = match[1];
      numbers = [];
      if (command.toUpperCase() === 'Z') current = start;
    } else if (match[2]) {
      numbers.push(Number(match[2]));
      if (numbers.length >= (ARGUMENT_COUNT[command.toUpperCase()] ?? Infinity)) flush();
    }
    if (points.length > MAX_POINTS) break;
  }
  flush();
  return points;
}

function polylinePoints(points: string): Point[] {
  const numbers = points.trim().split(/[\s,]+/).map(Number);
  const result: Point[] = [];
  for (let index = 0; index + 1 < numbers.length; index += 2) result.push({ x: numbers[index] ?? 0, y: numbers[index + 1] ?? 0 });
  return result;
}

function isLine(points: Point[]): boolean {
  if (points.length < 3) return false;
  const xs = new Set(points.map((point) => Math.round(point.x)));
  const ys = new Set(points.map((point) => Math.round(point.y)));
  return xs.size >= 3 && ys.size >= 2;
}

function seriesName(element: Element, index: number): string {
  return (
    element.getAttribute('aria-label') ??
    element.getAttribute('data-name') ??
    element.getAttribute('data-series') ??
    element.querySelector('title')?.textContent?.trim() ??
    `series ${index + 1}`
  );
}

function formatNumber(value: number): string {
  return String(Number(value.toPrecision(6)));
}

function xLabeller(axis: Label[]): (x: number) => string {
  const scale = numericAxis(axis, 'x');
  if (scale) return (x) => formatNumber(scale.slope * x + scale.intercept);
  const sorted = [...axis].sort((a, b) => a.x - b.x);
  return (x) => {
    let best = sorted[0];
    for (const label of sorted) if (best && Math.abs(label.x - x) < Math.abs(best.x - x)) best = label;
    return best?.text ?? formatNumber(x);
  };
}

/** Series from one SVG chart, or [] when it has no numeric y axis or no line. */
export function seriesFromSvg(svg: Element): Series[] {
  const labels = readLabels(svg);
  const yGroups = groupBy(labels, 'x')
    .map((group) => ({ group, scale: numericAxis(group, 'y') }))
    .filter((entry) => entry.scale !== null)
    .sort((a, b) => b.group.length - a.group.length);
  const yAxis = yGroups[0];
  if (!yAxis?.scale) return [];
  const yScale = yAxis.scale;
  const rest = labels.filter((label) => !yAxis.group.includes(label));
  const xAxis = groupBy(rest, 'y').sort((a, b) => new Set(b.map((l) => l.x)).size - new Set(a.map((l) => l.x)).size)[0] ?? [];
  const labelX = xLabeller(xAxis);
  const lines = Array.from(svg.querySelectorAll('path, polyline'));
  const series: Series[] = [];
  for (const element of lines) {
    const fill = element.getAttribute('fill');
    const raw = element.tagName.toLowerCase() === 'polyline'
      ? polylinePoints(element.getAttribute('points') ?? '')
      : pathPoints(element.getAttribute('d') ?? '');
    if (fill && fill !== 'none' && /z\s*$/i.test(element.getAttribute('d') ?? '')) continue;
    if (!isLine(raw)) continue;
    const offset = offsetOf(element, svg);
    const points = raw.slice(0, MAX_POINTS).map((point) => ({ x: point.x + offset.x, y: point.y + offset.y }));
    series.push({
      name: seriesName(element, series.length),
      labels: points.map((point) => labelX(point.x)),
      values: points.map((point) => Number((yScale.slope * point.y + yScale.intercept).toPrecision(6))),
    });
  }
  return series;
}

/** Quick test used by classification: an SVG with line-like paths and a numeric axis. */
export function looksLikeChart(svg: Element): boolean {
  if (svg.querySelectorAll('text').length < 3) return false;
  if (svg.querySelectorAll('path, polyline').length === 0) return false;
  return seriesFromSvg(svg).length > 0;
}
