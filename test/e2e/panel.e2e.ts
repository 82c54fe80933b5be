import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import type { TandemBrowser } from '../../scripts/browser/launch';
import type { FixtureServer } from '../../scripts/browser/fixture-server';
import { closeSampleSite, launchOnSampleSite } from './support/sample-site';
import type { FakeLlm } from '../fake-llm/server';
import { seriousAxeViolations } from './support/axe';

let tandem: TandemBrowser;
let site: FixtureServer;
let llm: FakeLlm;

beforeAll(async () => {
  ({ tandem, site, llm } = await launchOnSampleSite({ llm: { fallback: { text: 'Noted.\n\n```text\nnoted\n```' } } }));
});

afterAll(() => closeSampleSite({ tandem, site, llm }));

async function openPullAndPanel(): Promise<{ page: Page; panel: Page }> {
  const page = await tandem.browser.newPage();
  await page.goto(`${site.origin}/acme/widgets/pull/42`);
  const panel = await tandem.openPanel(await tandem.tabIdOf(page));
  await panel.waitForSelector('[data-testid="context-chip"]');
  return { page, panel };
}

async function ask(panel: Page, question: string): Promise<void> {
  // The composer takes a question only once the previous run has fully ended (its port closed).
  await panel.waitForSelector('[data-testid="composer-send"]');
  const before = await panel.$$eval('[data-testid="assistant-turn"]', (turns) => turns.length);
  await panel.type('[data-testid="composer-input"]', question);
  await panel.keyboard.press('Enter');
  await panel.waitForFunction(
    (count) => {
      const turns = document.querySelectorAll('[data-testid="assistant-turn"]');
      return turns.length > count && turns[turns.length - 1]?.getAttribute('data-status') === 'done';
    },
    { timeout: 20_000 },
    before,
  );
}

describe('the side panel', () => {
  it('lists the captured parts and leaves an excluded part out of what the model receives', async () => {
    const { page, panel } = await openPullAndPanel();
    const tokensBefore = await panel.$eval('[data-testid="context-tokens"]', (element) => element.textContent);
    await panel.locator('[data-testid="context-chip-toggle"]').click();
    await panel.waitForSelector('[data-testid="context-details"]');
    const labels = await panel.$$eval('[data-testid="context-details"] label', (elements) => elements.map((element) => element.textContent));
    expect(labels).toEqual(expect.arrayContaining(['Changed files and diff', 'Checks', 'Review threads', 'Description']));

    await panel.locator('[data-testid="section-toggle-files"]').click();
    await panel.waitForFunction((before) => document.querySelector('[data-testid="context-tokens"]')?.textContent !== before, {}, tokensBefore);
    await ask(panel, 'What changed?');
    // Code in an answer comes with its own Copy button.
    expect(await panel.$$eval('.turn__text pre .code-copy', (buttons) => buttons.length)).toBeGreaterThan(0);
    const prompt = JSON.stringify(llm.chatCalls().at(-1)?.body?.messages ?? []);
    expect(prompt).not.toContain('withRetry(async () =>');
    expect(prompt).toContain('excluded by the user: Changed files and diff');

    await panel.locator('[data-testid="section-toggle-files"]').click();
    await panel.waitForFunction((before) => document.querySelector('[data-testid="context-tokens"]')?.textContent === before, {}, tokensBefore);
    await panel.close();
    await page.close();
  });

  it('edits the last question, starts new chats and reopens old ones from the history', async () => {
    const { page, panel } = await openPullAndPanel();
    await panel.locator('[data-testid="new-chat"]').click();
    await ask(panel, 'First question in a new chat');
    await panel.waitForSelector('[data-testid="edit-last"]');
    await panel.locator('[data-testid="edit-last"]').click();
    // The draft reaches the composer on the next render.
    await panel.waitForFunction(() => (document.querySelector('[data-testid="composer-input"]') as HTMLTextAreaElement | null)?.value !== '');
    expect(await panel.$eval('[data-testid="composer-input"]', (box) => (box as HTMLTextAreaElement).value)).toBe('First question in a new chat');
    await panel.$eval('[data-testid="composer-input"]', (box) => {
      (box as HTMLTextAreaElement).select();
    });
    await panel.keyboard.type('Second, edited question');
    await panel.keyboard.press('Enter');
    await panel.waitForFunction(() => document.querySelectorAll('[data-testid="user-turn"]').length === 2);

    await panel.locator('[data-testid="history-open"]').click();
    await panel.waitForSelector('[data-testid="history-item"]');
    const items = await panel.$$eval('[data-testid="history-item"]', (elements) => elements.map((element) => element.textContent ?? ''));
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items[0]).toContain('First question in a new chat');

    // Open the older conversation (the one from the first test), then delete it.
    await panel.locator('[data-testid="history-item"]:nth-child(2) .history__open').click();
    await panel.waitForFunction(() => document.querySelector('[data-testid="user-turn"]')?.textContent === 'What changed?');
    await panel.locator('[data-testid="history-open"]').click();
    await panel.waitForSelector('[data-testid="history-item"]');
    await panel.locator('[data-testid="history-item"]:nth-child(2) [data-testid="history-delete"]').click();
    await panel.waitForFunction((count) => document.querySelectorAll('[data-testid="history-item"]').length === count - 1, {}, items.length);
    await panel.close();
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious accessibility violations and looks finished (${scheme})`, async () => {
      const page = await tandem.browser.newPage();
      await page.goto(`${site.origin}/acme/widgets/pull/42`);
      const tabId = await tandem.tabIdOf(page);
      const panel = await tandem.browser.newPage();
      await panel.setViewport({ width: 420, height: 900 });
      await panel.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await panel.setBypassCSP(true);
      await panel.goto(`chrome-extension://${tandem.extensionId}/sidepanel.html?tabId=${tabId}`);
      await panel.waitForSelector('[data-testid="suggestion-card"]');
      await panel.locator('[data-testid="suggestion-card"][data-rule="pull-untested-changes"] [data-testid="suggestion-accept"]').click();
      await panel.waitForSelector('[data-testid="assistant-turn"]:last-of-type[data-status="done"]', { timeout: 20_000 });
      await panel.locator('[data-testid="context-chip-toggle"]').click();
      expect(await seriousAxeViolations(panel)).toEqual([]);
      await panel.screenshot({ path: `test-results/panel-${scheme}.png`, fullPage: true });
      await panel.close();
      await page.close();
    });
  }
});
