import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import type { TandemBrowser } from '../../scripts/browser/launch';
import type { FixtureServer } from '../../scripts/browser/fixture-server';
import { closeSampleSite, launchOnSampleSite } from './support/sample-site';

let tandem: TandemBrowser;
let site: FixtureServer;

beforeAll(async () => {
  // No provider: everything here must work without an API key.
  ({ tandem, site } = await launchOnSampleSite());
});

afterAll(() => closeSampleSite({ tandem, site }));

async function openPull(): Promise<{ page: Page; tabId: number }> {
  const page = await tandem.browser.newPage();
  await page.goto(`${site.origin}/acme/widgets/pull/42`);
  return { page, tabId: await tandem.tabIdOf(page) };
}

async function badgeOf(tabId: number): Promise<string> {
  return tandem.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

const cardTitles = (panel: Page) => panel.$$eval('[data-testid="suggestion-card"] .card__title', (titles) => titles.map((title) => title.textContent));

describe('proactive suggestions', () => {
  it('offers "Explain the failing check" without being asked, with the count on the badge, and answers offline', async () => {
    const { page, tabId } = await openPull();
    await expect.poll(() => badgeOf(tabId), { timeout: 15_000 }).toMatch(/^[1-9]$/);

    const panel = await tandem.openPanel(tabId);
    await panel.waitForSelector('[data-testid="suggestion-card"]');
    const titles = await cardTitles(panel);
    expect(titles[0]).toBe('Explain the failing check');
    expect(Number(await badgeOf(tabId))).toBe(titles.length);
    await panel.screenshot({ path: 'test-results/suggestions-deck.png' });

    await panel.locator('[data-testid="suggestion-card"][data-rule="pull-failing-checks"] [data-testid="suggestion-accept"]').click();
    await panel.waitForSelector('[data-testid="assistant-turn"][data-status="done"]', { timeout: 20_000 });
    // Accepted, the card leaves the deck and the badge's count; its answer is in the conversation.
    expect(await panel.$('[data-rule="pull-failing-checks"]')).toBeNull();
    await expect.poll(() => badgeOf(tabId)).toBe(titles.length > 1 ? String(titles.length - 1) : '');
    expect(await panel.$eval('[data-testid="user-turn"]', (element) => element.textContent)).toBe('Explain the failing check');
    const answer = await panel.$eval('[data-testid="assistant-turn"]', (element) => element.textContent ?? '');
    expect(answer).toContain('CI / test (20.x)');
    await panel.screenshot({ path: 'test-results/suggestions-answer.png', fullPage: true });
    // The skill's trail runs again from the panel, under the skill's own limits, on the page as it is now.
    await panel.locator('[data-testid="script-trail"] summary').click();
    // It shows the skill's source as written, though the extension's own bundles are minified.
    const code = await panel.$eval('[data-testid="script-code"]', (element) => element.textContent ?? '');
    expect(code).toContain('function prChecks(page) {\n');
    expect(code).toContain('const failedStates = ["failure", "cancelled"];');
    await panel.screenshot({ path: 'test-results/suggestions-trail.png', fullPage: true });
    await panel.locator('[data-testid="script-rerun"]').click();
    await panel.waitForSelector('.script-trail__rerun-note', { timeout: 10_000 });
    expect(await panel.$eval('[data-testid="script-trail"]', (element) => element.getAttribute('data-ok'))).toBe('true');
    await panel.close();
    await page.close();
  });

  it('fills the comment box with a drafted review only after approval, and undo restores it, also after the panel reopens', async () => {
    const { page, tabId } = await openPull();
    let panel = await tandem.openPanel(tabId);
    await panel.waitForSelector('[data-testid="suggestion-card"][data-rule="pull-review-draft"]');
    await page.type('#new_comment_field', 'my own words');
    await panel.locator('[data-testid="suggestion-card"][data-rule="pull-review-draft"] [data-testid="suggestion-accept"]').click();
    await panel.waitForSelector('[data-testid="action-card"][data-status="proposed"]', { timeout: 20_000 });

    // Proposed, previewed, but nothing written yet.
    expect(await page.$eval('#new_comment_field', (box) => (box as HTMLTextAreaElement).value)).toBe('my own words');
    const preview = await panel.$eval('[data-testid="action-preview"]', (element) => element.textContent ?? '');
    expect(preview).toContain('src/sync/retry.ts');
    await panel.screenshot({ path: 'test-results/suggestions-review-proposed.png', fullPage: true });

    await panel.locator('[data-testid="action-approve"]').click();
    await panel.waitForSelector('[data-testid="action-card"][data-status="done"]');
    expect(await page.$eval('#new_comment_field', (box) => (box as HTMLTextAreaElement).value)).toBe(preview);

    // The decision is stored with the conversation: reopened, the panel shows it done, with its undo.
    await panel.close();
    panel = await tandem.openPanel(tabId);
    await panel.waitForSelector('[data-testid="action-card"][data-status="done"]', { timeout: 10_000 });
    await panel.locator('[data-testid="action-undo"]').click();
    await panel.waitForSelector('[data-testid="action-card"][data-status="undone"]');
    expect(await page.$eval('#new_comment_field', (box) => (box as HTMLTextAreaElement).value)).toBe('my own words');
    await panel.close();
    panel = await tandem.openPanel(tabId);
    await panel.waitForSelector('[data-testid="action-card"][data-status="undone"]', { timeout: 10_000 });
    expect(await panel.$('[data-testid="action-approve"]')).toBeNull();
    await panel.close();
    await page.close();
  });

  it('mutes a rule after three dismissals on the same kind of page', async () => {
    for (let round = 1; round <= 3; round++) {
      const { page, tabId } = await openPull();
      const panel = await tandem.openPanel(tabId);
      await panel.waitForSelector('[data-testid="suggestion-card"][data-rule="pull-untested-changes"]');
      await panel.locator('[data-testid="suggestion-card"][data-rule="pull-untested-changes"] [data-testid="suggestion-dismiss"]').click();
      await panel.waitForFunction(() => !document.querySelector('[data-rule="pull-untested-changes"]'));
      await panel.close();
      await page.close();
    }
    const { page, tabId } = await openPull();
    const panel = await tandem.openPanel(tabId);
    await panel.waitForSelector('[data-testid="suggestion-card"]');
    const rules = await panel.$$eval('[data-testid="suggestion-card"]', (cards) => cards.map((card) => card.getAttribute('data-rule')));
    expect(rules).toContain('pull-failing-checks');
    expect(rules).not.toContain('pull-untested-changes');
    await panel.close();
    await page.close();
  });

  it('offers cards that ask the model only once a provider is set, and takes them back when it is removed', async () => {
    const { page, tabId } = await openPull();
    const panel = await tandem.openPanel(tabId);
    await panel.waitForSelector('[data-testid="suggestion-card"]');
    const labels = () => panel.$$eval('[data-testid="suggestion-card"] .card__run', (runs) => runs.map((run) => run.textContent));
    expect(await labels()).not.toContain('Asks the model');
    expect(await panel.$('[data-rule="pull-open-threads"]')).toBeNull();
    expect(Number(await badgeOf(tabId))).toBe((await labels()).length);

    // As the options page saves it: the open panel and the badge follow without a reload.
    await tandem.configure({ provider: { baseUrl: 'http://127.0.0.1:9/v1', model: 'any', apiKey: '' } });
    await panel.waitForSelector('[data-testid="suggestion-card"][data-rule="pull-open-threads"]', { timeout: 10_000 });
    expect(await labels()).toContain('Asks the model');
    await expect.poll(async () => Number(await badgeOf(tabId))).toBe((await labels()).length);

    await tandem.configure({ provider: null });
    await panel.waitForFunction(() => !document.querySelector('[data-rule="pull-open-threads"]'), { timeout: 10_000 });
    await expect.poll(async () => Number(await badgeOf(tabId))).toBe((await labels()).length);
    await panel.close();
    await page.close();
  });
});
