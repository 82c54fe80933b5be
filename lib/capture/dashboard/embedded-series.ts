// Series that a page ships as JSON in `<script type="application/json">` (data frames, chart configs).

import type { Series } from '../../context/types';

const MAX_SCRIPT_CHARS = 2_000_000;
const MAX_SERIES = 100;
const MAX_DEPTH = 8;

type Json = unknown;

function isRecord(value: Json): value is Record<string, Json> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isNumberArray(value: Json): value is number[] {
  return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'number' && Number.isFinite(item));
}

function labelOf(value: Json): string {
  if (typeof value === 'number' && value > 1e11 && value < 1e14) return new Date(value).toISOString();
  return String(value);
}

/** `{name, values, labels?}` objects, or `[x, y]` pairs in `data`. */
function plainSeries(record: Record<string, Json>): Series | null {
  if (typeof record.name !== 'string') return null;
  if (isNumberArray(record.values)) {
    const labels = Array.isArray(record.labels) ? record.labels.map(labelOf) : record.values.map((_value, index) => String(index));
    return { name: record.name, labels, values: record.values };
  }
  if (Array.isArray(record.data) && record.data.length > 0 && record.data.every((pair) => Array.isArray(pair) && typeof pair[1] === 'number')) {
    const pairs = record.data as [Json, number][];
    return { name: record.name, labels: pairs.map((pair) => labelOf(pair[0])), values: pairs.map((pair) => pair[1]) };
  }
  return null;
}

/** Grafana data frames: `{schema: {fields: [{name, type}]}, data: {values: [[...], ...]}}`. */
function frameSeries(record: Record<string, Json>): Series[] {
  const schema = record.schema;
  const data = record.data;
  if (!isRecord(schema) || !isRecord(data) || !Array.isArray(schema.fields) || !Array.isArray(data.values)) return [];
  const fields = schema.fields.filter(isRecord);
  const columns = data.values;
  const timeIndex = fields.findIndex((field) => field.type === 'time');
  const timeColumn = columns[timeIndex];
  const labels = Array.isArray(timeColumn) ? timeColumn.map(labelOf) : undefined;
  return fields.flatMap((field, index) => {
    const values = columns[index];
    if (index === timeIndex || field.type !== 'number' || !isNumberArray(values)) return [];
    const name = typeof field.name === 'string' ? field.name : `field ${index + 1}`;
    const series: Series = { name, labels: labels ?? values.map((_value, position) => String(position)), values };
    const config = field.config;
    if (isRecord(config) && typeof config.unit === 'string') series.unit = config.unit;
    return [series];
  });
}

function collect(value: Json, found: Series[], depth: number): void {
  if (depth > MAX_DEPTH || found.length >= MAX_SERIES) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, found, depth + 1);
    return;
  }
  if (!isRecord(value)) return;
  const plain = plainSeries(value);
  if (plain) {
    found.push(plain);
    return;
  }
  const frames = frameSeries(value);
  if (frames.length > 0) {
    found.push(...frames);
    return;
  }
  for (const child of Object.values(value)) collect(child, found, depth + 1);
}

export function seriesFromEmbeddedJson(document: Document): Series[] {
  const found: Series[] = [];
  for (const script of document.querySelectorAll('script[type="application/json"]')) {
    const text = script.textContent ?? '';
    if (text.length === 0 || text.length > MAX_SCRIPT_CHARS) continue;
    let parsed: Json;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not every JSON script is valid or ours to read (framework state); one bad block must not stop the rest.
      continue;
    }
    collect(parsed, found, 0);
  }
  return found.slice(0, MAX_SERIES);
}
