// One line of the bench table: a measured figure beside its same-run baseline, and the target it must meet.

export type Unit = 'ms' | 'tokens' | 'lines' | 'files';

export interface BenchRow {
  group: string;
  name: string;
  unit: Unit;
  value: number;
  baselineName: string;
  baseline: number;
  /** value / baseline. */
  ratio: number;
  target: string;
  pass: boolean;
  note?: string;
}

/** What a row must meet: a cap or floor on the ratio, on the value itself, or on value − baseline. */
export type Target =
  | { ratioAtMost: number; why?: string }
  | { ratioAtLeast: number; why?: string }
  | { ratioEquals: number; why?: string }
  | { valueAtMost: number; why?: string }
  | { overheadAtMost: number; why?: string };

export interface RowInput {
  group: string;
  name: string;
  unit: Unit;
  value: number;
  baselineName: string;
  baseline: number;
  target: Target;
  note?: string;
}

function describeTarget(target: Target, unit: Unit): string {
  const text =
    'ratioAtMost' in target ? `ratio ≤ ${target.ratioAtMost}`
    : 'ratioAtLeast' in target ? `ratio ≥ ${target.ratioAtLeast}`
    : 'ratioEquals' in target ? `ratio = ${target.ratioEquals}`
    : 'valueAtMost' in target ? `≤ ${target.valueAtMost} ${unit}`
    : `+≤ ${target.overheadAtMost} ${unit} over baseline`;
  return target.why ? `${text} (${target.why})` : text;
}

function meets(target: Target, value: number, baseline: number, ratio: number): boolean {
  if ('ratioAtMost' in target) return ratio <= target.ratioAtMost;
  if ('ratioAtLeast' in target) return ratio >= target.ratioAtLeast;
  if ('ratioEquals' in target) return Math.abs(ratio - target.ratioEquals) < 1e-9;
  if ('valueAtMost' in target) return value <= target.valueAtMost;
  return value - baseline <= target.overheadAtMost;
}

export function benchRow(input: RowInput): BenchRow {
  const ratio = input.baseline === 0 ? Number.POSITIVE_INFINITY : input.value / input.baseline;
  const row: BenchRow = {
    group: input.group,
    name: input.name,
    unit: input.unit,
    value: input.value,
    baselineName: input.baselineName,
    baseline: input.baseline,
    ratio,
    target: describeTarget(input.target, input.unit),
    pass: meets(input.target, input.value, input.baseline, ratio),
  };
  if (input.note !== undefined) row.note = input.note;
  return row;
}

/** The thing measured gave a wrong answer, so its timing would mean nothing. */
export class BenchCheckError extends Error {
  override readonly name = 'BenchCheckError';
}
