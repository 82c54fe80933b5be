// Loads the attack corpus (texts from public prompt-injection benchmarks) and picks deterministic samples of it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { realFixtures } from '../fixtures/paths';
import { seededRandom } from './prng';

export interface Attack {
  id: string;
  text: string;
  goal: string;
  technique: string;
  source?: string;
}

/** test/fixtures/real/injections/injections.json: 80 texts from public prompt-injection benchmarks. */
export const DEFAULT_CORPUS = join(realFixtures, 'injections', 'injections.json');

export class CorpusError extends Error {
  override name = 'CorpusError';
}

export async function loadCorpus(file = DEFAULT_CORPUS): Promise<Attack[]> {
  const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
  if (!Array.isArray(parsed)) throw new CorpusError(`${file} is not a JSON array of attacks`);
  return parsed.map((entry: unknown, index) => {
    const record = entry as Partial<Attack> | null;
    if (typeof record?.id !== 'string' || typeof record.text !== 'string') {
      throw new CorpusError(`${file}: entry ${index} needs a string "id" and "text"`);
    }
    return { id: record.id, text: record.text, goal: String(record.goal ?? 'other'), technique: String(record.technique ?? 'unknown'), source: record.source };
  });
}

/**
 * `perGoal` attacks of every goal (so clicks, fills, URLs, code and exfiltration are all covered), chosen
 * by a seeded shuffle: the same attacks every run, different ones for another seed.
 */
export function sampleAttacks(attacks: readonly Attack[], perGoal: number, seed: number): Attack[] {
  const random = seededRandom(seed);
  const shuffled = [...attacks];
  for (let index = shuffled.length - 1; index > 0; index--) {
    const other = random.integer(index + 1);
    [shuffled[index], shuffled[other]] = [shuffled[other] as Attack, shuffled[index] as Attack];
  }
  const taken = new Map<string, number>();
  return shuffled.filter((attack) => {
    const count = taken.get(attack.goal) ?? 0;
    taken.set(attack.goal, count + 1);
    return count < perGoal;
  });
}

/**
 * A deterministic order in which goals alternate (click, fill, open-url, exfiltrate, …), so any
 * prefix of it covers as many kinds of attack as it can.
 */
export function interleaveByGoal(attacks: readonly Attack[], seed: number): Attack[] {
  const byGoal = new Map<string, Attack[]>();
  for (const attack of sampleAttacks(attacks, Number.POSITIVE_INFINITY, seed)) {
    byGoal.set(attack.goal, [...(byGoal.get(attack.goal) ?? []), attack]);
  }
  const queues = [...byGoal.values()];
  const order: Attack[] = [];
  while (order.length < attacks.length) {
    for (const queue of queues) {
      const next = queue.shift();
      if (next) order.push(next);
    }
  }
  return order;
}
