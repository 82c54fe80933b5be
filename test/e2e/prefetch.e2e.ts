import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TandemBrowser } from '../../scripts/browser/launch';
import type { FixtureServer } from '../../scripts/browser/fixture-server';
import { closeSampleSite, launchOnSampleSite } from './support/sample-site';
import type { FakeLlm } from '../fake-llm/server';

let tandem: TandemBrowser;
let site: FixtureServer;
let llm: FakeLlm;

beforeAll(async () => {
  ({ tandem, site, llm } = await launchOnSampleSite({ llm: {}, settings: { proactivity: 'prefetch' } }));
});

afterAll(() => closeSampleSite({ tandem, site, llm }));

describe('prefetch', () => {
  it('computes the top card’s answer before it is accepted, and shows it at once', async () => {
    llm.script([{ text: 'One thread is open: mona asks whether `push` should be retried, since it is not idempotent.' }]);
    const page = await tandem.browser.newPage();
    await page.goto(`${site.origin}/acme/widgets/pull/42`);
    const panel = await tandem.openPanel(await tandem.tabIdOf(page));
    // Dismissing the offline top card makes a question card the top one, which needs the model.
    await panel.waitForSelector('[data-testid="suggestion-card"][data-rule="pull-failing-checks"]');
    await panel.locator('[data-testid="suggestion-card"][data-rule="pull-failing-checks"] [data-testid="suggestion-dismiss"]').click();
    await expect.poll(() => llm.chatCalls().length, { timeout: 15_000 }).toBe(1);
    expect(JSON.stringify(llm.chatCalls()[0]?.body?.messages)).toContain('Summarise the unresolved review threads');

    await panel.waitForFunction(() => document.querySelector('[data-testid="suggestion-card"]')?.getAttribute('data-rule') === 'pull-open-threads');
    const started = Date.now();
    await panel.locator('[data-testid="suggestion-card"][data-rule="pull-open-threads"] [data-testid="suggestion-accept"]').click();
    await panel.waitForSelector('[data-testid="assistant-turn"][data-status="done"]');
    const shownAfter = Date.now() - started;
    expect(await panel.$eval('[data-testid="assistant-turn"]', (element) => element.textContent)).toContain('mona asks whether');
    // The user's message is the card they accepted, not the question Tandem asked the model for it.
    expect(await panel.$eval('[data-testid="user-turn"]', (element) => element.textContent)).toBe('Summarise the open threads');
    await panel.screenshot({ path: 'test-results/prefetch-card-turn.png' });
    // Accepting reused the prefetched answer: no second model call.
    expect(llm.chatCalls()).toHaveLength(1);
    console.log(`prefetched answer shown ${shownAfter} ms after accepting`);
    await panel.close();
    await page.close();
  });
});
