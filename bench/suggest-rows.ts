// Suggestion latency beside JSON.stringify of the same context: both walk the whole context once.
import type { PageContext } from '../lib/context/types';
import { suggest } from '../lib/suggest/index';
import { medianTime, medianTimeOfQuick } from './measure';
import { benchRow, type BenchRow } from './rows';

export async function suggestRow(name: string, context: PageContext): Promise<BenchRow> {
  const cards = suggest(context).length;
  const value = await medianTime(() => suggest(context), { runs: 21, warmups: 3 });
  const baseline = await medianTimeOfQuick(() => JSON.stringify(context), { runs: 11 });
  return benchRow({
    group: 'suggest',
    name: `suggest() ${name}`,
    unit: 'ms',
    value,
    baselineName: 'JSON.stringify(context)',
    baseline,
    target: { valueAtMost: 50, why: 'DESIGN.md: pure, offline, < 50 ms' },
    note: `${cards} card(s); 21 runs`,
  });
}
