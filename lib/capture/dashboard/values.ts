// Reading numbers and times out of the text of cells, stat panels and axis labels.

export interface ParsedNumber {
  value: number;
  unit?: string;
}

const NUMBER_PATTERN =
  /^([-+−]?)\s*([$€£¥])?\s*((?:\d{1,3}(?:[,\u00a0\u202f ]\d{3})+|\d+)(?:\.\d+)?|\.\d+)(?:e([-+]?\d+))?\s*([a-zA-Zµ%/°]{1,8}(?:\/[a-zA-Z]{1,4})?)?$/;

// Only unambiguous magnitude suffixes: "B" or "G" are as often bytes as billions.
const SCALE: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6 };

/** "1,234.5", "-3 ms", "42%", "$1.2k", "−0.5" → number (and unit when there is one); otherwise null. */
export function parseNumber(text: string): ParsedNumber | null {
  const match = NUMBER_PATTERN.exec(text.trim());
  if (!match) return null;
  const [, sign = '', currency, digits = '', exponent, suffix] = match;
  let value = Number(digits.replace(/[,\u00a0\u202f ]/g, ''));
  if (exponent) value *= 10 ** Number(exponent);
  let unit = suffix;
  const scale = unit && unit.length === 1 ? SCALE[unit] : undefined;
  if (scale !== undefined) {
    value *= scale;
    unit = undefined;
  }
  if (sign === '-' || sign === '−') value = -value;
  if (!Number.isFinite(value)) return null;
  const parsed: ParsedNumber = { value };
  const finalUnit = currency ?? unit;
  if (finalUnit) parsed.unit = finalUnit;
  return parsed;
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const TIME_PATTERNS = [
  /^\d{4}-\d{1,2}(-\d{1,2})?([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/,
  /^\d{4}\/\d{1,2}(\/\d{1,2})?$/,
  /^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}( \d{1,2}:\d{2}(:\d{2})?)?$/,
  /^\d{1,2}:\d{2}(:\d{2})?( ?[ap]m)?$/i,
  new RegExp(`^${MONTH} \\d{1,2}(,? \\d{4})?( \\d{1,2}:\\d{2}(:\\d{2})?)?$`, 'i'),
  new RegExp(`^\\d{1,2} ${MONTH}( \\d{4})?$`, 'i'),
  new RegExp(`^${MONTH} \\d{4}$`, 'i'),
  /^\d{4}[-\s]?(q[1-4]|w\d{1,2}|m\d{1,2})$/i,
  /^(19|20)\d{2}$/,
];

/** True for dates, times, months, quarters and plausible years. */
export function isTimeLike(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 40) return false;
  return TIME_PATTERNS.some((pattern) => pattern.test(trimmed));
}

export const TIME_HEADER = /^(time|date|timestamp|datetime|day|week|month|quarter|year|period|hour|minute|when|ts)\b/i;

/** The share of non-empty values that satisfy `test`; 0 when there are none. */
export function shareMatching(values: string[], test: (value: string) => boolean): number {
  const present = values.filter((value) => value.trim() !== '');
  if (present.length === 0) return 0;
  return present.filter(test).length / present.length;
}
