// What the background shows for a tab: which cards reach the deck (and the badge), with and without a model.
import { describe, expect, it } from 'vitest';
import { buildTabView, carriedOver, cardOf, promptTextOf, withCardAccepted, type TabViewSettings } from '../../entrypoints/background/tab-views';
import { needsModel } from '../../lib/suggest/index';
import { diffFile, pullContext } from '../fixtures/suggest/contexts';

const context = pullContext({
  checks: [{ name: 'ci', state: 'failure' }],
  files: [diffFile('src/a.ts', 30, 2)],
  threads: [{ path: 'src/a.ts', resolved: false, comments: [{ body: 'why?' }] }],
});
const settings: TabViewSettings = { tokenBudget: 1300, proactive: true, modelAvailable: true, feedback: {}, dismissed: [], accepted: [], excluded: [] };

describe('buildTabView', () => {
  it('offers the cards that ask the model only when a provider is set', () => {
    const withModel = buildTabView(1, context, settings);
    expect(withModel.suggestions.some((card) => needsModel(card.run))).toBe(true);
    const offline = buildTabView(1, context, { ...settings, modelAvailable: false });
    expect(offline.suggestions.length).toBeGreaterThan(0);
    expect(offline.suggestions.some((card) => needsModel(card.run))).toBe(false);
  });

  it('keeps an accepted card out of the deck, also when the same page is read again, and can still find it', () => {
    const view = buildTabView(1, context, settings);
    const top = view.suggestions[0]!;
    const accepted = withCardAccepted(view, top);
    expect(accepted.suggestions.map((card) => card.id)).not.toContain(top.id);
    expect(accepted.suggestions).toHaveLength(view.suggestions.length - 1);
    expect(cardOf(accepted, top.id)).toEqual(top);
    expect(promptTextOf(accepted, 1300)).toBe(promptTextOf(view, 1300));

    const again = buildTabView(1, { ...context, capturedAt: context.capturedAt + 1 }, { ...settings, ...carriedOver(accepted, context) });
    expect(again.suggestions.map((card) => card.id)).not.toContain(top.id);
    expect(again.accepted).toEqual([top]);
    // Another page starts with a full deck.
    expect(carriedOver(accepted, { ...context, url: 'https://github.com/o/r/pull/8' }).accepted).toEqual([]);
  });
});
