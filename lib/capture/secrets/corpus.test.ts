// Recall and look-alikes kept on our own corpus (test/fixtures/secrets), overall and per provider family.
// The patterns were written against the "tune" half; the "holdout" half has other syntaxes and values.
import { describe, expect, it } from 'vitest';
import { buildCorpus, type CorpusCase, type Half } from '../../../test/fixtures/secrets/corpus';
import { redactText } from '../redact';

interface Score {
  secrets: number;
  masked: number;
  lookalikes: number;
  kept: number;
  misses: string[];
}

const percent = (part: number, whole: number) => (whole === 0 ? 100 : (100 * part) / whole);

function score(cases: readonly CorpusCase[]): Map<string, Score> {
  const families = new Map<string, Score>();
  for (const entry of cases) {
    const family = families.get(entry.family) ?? { secrets: 0, masked: 0, lookalikes: 0, kept: 0, misses: [] };
    families.set(entry.family, family);
    const result = redactText(entry.text);
    if (entry.secret) {
      family.secrets += 1;
      if (result.count > 0 && !result.text.includes(entry.value!)) family.masked += 1;
      else family.misses.push(`missed: ${JSON.stringify(entry.text)}`);
    } else {
      family.lookalikes += 1;
      if (result.count === 0 && result.text === entry.text) family.kept += 1;
      else family.misses.push(`masked: ${JSON.stringify(entry.text)} -> ${JSON.stringify(result.text)}`);
    }
  }
  return families;
}

function report(half: Half): { recall: number; kept: number } {
  const families = score(buildCorpus(half));
  const total = [...families.values()].reduce(
    (sum, family) => ({ secrets: sum.secrets + family.secrets, masked: sum.masked + family.masked, lookalikes: sum.lookalikes + family.lookalikes, kept: sum.kept + family.kept }),
    { secrets: 0, masked: 0, lookalikes: 0, kept: 0 },
  );
  const rows = [...families].map(([name, family]) =>
    `  ${name.padEnd(28)} secrets ${family.masked}/${family.secrets} (${percent(family.masked, family.secrets).toFixed(0)}%)  look-alikes kept ${family.kept}/${family.lookalikes} (${percent(family.kept, family.lookalikes).toFixed(0)}%)`);
  const recall = percent(total.masked, total.secrets);
  const kept = percent(total.kept, total.lookalikes);
  const misses = [...families.values()].flatMap((family) => family.misses).map((miss) => `  ${miss}`);
  console.info([`${half}: secrets masked ${total.masked}/${total.secrets} (${recall.toFixed(1)}%), look-alikes kept ${total.kept}/${total.lookalikes} (${kept.toFixed(1)}%)`, ...rows, ...misses].join('\n'));
  return { recall, kept };
}

describe('redaction on the secrets corpus', () => {
  it.each(['tune', 'holdout'] as const)('masks at least 95%% of the secrets and keeps 80%% of the look-alikes: %s half', (half) => {
    const { recall, kept } = report(half);
    expect(recall).toBeGreaterThanOrEqual(95);
    expect(kept).toBeGreaterThanOrEqual(80);
  });
});
