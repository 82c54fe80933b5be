// Time per series of the metric-change skill inside QuickJS (the sandbox it runs in), on 5,000-point
// series of the kinds that cost PELT most (a random walk, noise with no change, steps) and on the
// generated TCPD-like hold-out set (gaps filled: a dashboard's chart holds numbers). Run: nice npx tsx bench/change-point-timing.ts
import type { PageData } from '../lib/context/types';
import { runScript } from '../lib/sandbox/run-script';
import { fillMissing } from '../lib/skills/change-points';
import { SKILL_LIMITS } from '../lib/skills/index';
import { metricChange } from '../lib/skills/metric-change';
import { seededUniform } from '../test/fixtures/changepoints-synthetic/generate';
import { generateTcpdLikeSet, HOLD_OUT_SEEDS } from './change-point-series';

function page(values: readonly (number | null)[]): PageData {
  return {
    type: 'dashboard',
    source: 'generic',
    panels: [],
    tables: [],
    series: [{ name: 'series', labels: values.map((_value, index) => `t${index}`), values: fillMissing(values) }],
  };
}

async function timed(values: readonly (number | null)[]): Promise<number> {
  const result = await runScript(metricChange.script, { page: page(values) }, SKILL_LIMITS);
  if (result.error) throw new Error(result.error);
  return result.ms;
}

async function main() {
  const uniform = seededUniform(5000);
  const normal = () => Math.sqrt(-2 * Math.log(uniform() + 1e-12)) * Math.cos(2 * Math.PI * uniform());
  let level = 0;
  const kinds: [string, number[]][] = [
    ['5,000-point random walk', Array.from({ length: 5000 }, () => (level += normal()))],
    ['5,000 points of noise, no change', Array.from({ length: 5000 }, () => normal())],
    ['5,000 points, four steps', Array.from({ length: 5000 }, (_value, index) => Math.floor(index / 1000) * 3 + normal())],
  ];
  await timed([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  for (const [name, values] of kinds) console.log(`${name}: ${(await timed(values)).toFixed(0)} ms`);
  const set = generateTcpdLikeSet(60, HOLD_OUT_SEEDS.first);
  const times: number[] = [];
  for (const series of set) times.push(await timed(series.values));
  times.sort((left, right) => left - right);
  const lengths = set.map((series) => series.values.length).sort((left, right) => left - right);
  console.log(
    `60 generated hold-out series (${lengths[0]}–${lengths[lengths.length - 1]} points): median ${times[30]!.toFixed(0)} ms, max ${times[times.length - 1]!.toFixed(0)} ms`,
  );
}

void main();
