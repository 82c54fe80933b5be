// Chrome's on-device model as the provider, driven through the built extension in Chromium. The real model
// (Gemini Nano) cannot run here, so each extension page gets the LanguageModel shim of
// test/on-device/language-model-shim.ts before its own scripts run (puppeteer's evaluateOnNewDocument):
// nothing in the extension knows it is a shim, and nothing of the shim ships.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import type { TandemBrowser } from '../../scripts/browser/launch';
import type { FixtureServer } from '../../scripts/browser/fixture-server';
import { installLanguageModelShim, type ShimConfig, type ShimRecord } from '../on-device/language-model-shim';
import { closeSampleSite, launchOnSampleSite } from './support/sample-site';

let tandem: TandemBrowser;
let site: FixtureServer;

beforeAll(async () => {
  ({ tandem, site } = await launchOnSampleSite());
});

afterAll(() => closeSampleSite({ tandem, site }));

async function openPull(path = '/acme/widgets/pull/42'): Promise<{ page: Page; tabId: number }> {
  const page = await tandem.browser.newPage();
  await page.goto(`${site.origin}${path}`);
  return { page, tabId: await tandem.tabIdOf(page) };
}

/** The side panel for a tab, with the shim in place of Chrome's LanguageModel. */
async function openPanelWithShim(tabId: number, config: ShimConfig): Promise<Page> {
  const panel = await tandem.browser.newPage();
  await panel.evaluateOnNewDocument(installLanguageModelShim, config);
  await panel.setViewport({ width: 420, height: 800 });
  await panel.goto(`chrome-extension://${tandem.extensionId}/sidepanel.html?tabId=${tabId}`);
  return panel;
}

const shimRecord = (page: Page) => page.evaluate(() => (globalThis as unknown as { __languageModelShim: ShimRecord }).__languageModelShim);
const storedSettings = () => tandem.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings as Record<string, unknown>);

async function ask(panel: Page, question: string): Promise<void> {
  await panel.waitForSelector('[data-testid="context-chip"]');
  await panel.type('[data-testid="composer-input"]', question);
  await panel.keyboard.press('Enter');
}

const lastTurnStatus = (panel: Page) =>
  panel.$$eval('[data-testid="assistant-turn"]', (turns) => turns.at(-1)?.getAttribute('data-status') ?? null);

async function waitForTurn(panel: Page, status: string): Promise<void> {
  await panel.waitForFunction(
    (wanted) => [...document.querySelectorAll('[data-testid="assistant-turn"]')].at(-1)?.getAttribute('data-status') === wanted,
    { timeout: 30_000 },
    status,
  );
}

describe('On this device (Chrome)', () => {
  it('is offered with its download, which starts only from a click and shows its progress; then it answers by running a script', async () => {
    await tandem.configure({ provider: null, onDevice: 'undecided' });
    const { page, tabId } = await openPull();
    const panel = await openPanelWithShim(tabId, {
      availability: 'downloadable',
      downloadSteps: 5,
      downloadStepMs: 150,
      replies: [
        '{"tool":"run_script","code":"return files().length"}',
        { answerFrom: { pattern: '"value":\\s*(\\d+)', template: 'This pull request changes **$1** files.' } },
      ],
    });
    await panel.waitForSelector('[data-testid="on-device"][data-state="downloadable"]');
    // Offered, not started: Chrome would refuse a download without the user's click, and nothing tried.
    expect((await shimRecord(panel)).creates).toBe(0);
    expect(await panel.$eval('[data-testid="welcome"]', (element) => element.textContent)).toContain('use the model on this device, or add a provider');
    await panel.screenshot({ path: 'test-results/on-device-welcome.png', fullPage: true });

    await panel.locator('[data-testid="on-device-download"]').click();
    await panel.waitForSelector('[data-testid="on-device-progress"]');
    await panel.waitForSelector('[data-testid="on-device-ready"]', { timeout: 10_000 });
    const downloaded = await shimRecord(panel);
    expect(downloaded.refusedWithoutActivation).toBe(0);
    expect(downloaded.progressEvents).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(await storedSettings()).toMatchObject({ provider: null, onDevice: 'chosen' });

    await ask(panel, 'How many files does this change?');
    await waitForTurn(panel, 'done');
    const answer = await panel.$eval('[data-testid="assistant-turn"]', (element) => element.textContent ?? '');
    const value = await panel.$eval('[data-testid="script-value"]', (element) => element.textContent ?? '').catch(() => null);
    const counted = /(\d+)/.exec(value ?? answer)?.[1];
    expect(answer).toContain(`This pull request changes ${counted} files.`);
    expect(await panel.$eval('[data-testid="script-trail"]', (element) => element.getAttribute('data-ok'))).toBe('true');
    expect(await panel.$eval('[data-testid="script-code"]', (element) => element.textContent)).toContain('return files().length');

    const record = await shimRecord(panel);
    expect(record.schemaViolations).toEqual([]);
    expect(record.calls.map((call) => call.outcome)).toEqual(['streamed', 'streamed']);
    // The page went to the model fenced as data, within the window, and the script's output came back the same way.
    expect(record.calls[0]?.input).toContain('<page-data>');
    expect(record.calls[0]?.measured).toBeLessThanOrEqual(record.calls[0]?.contextWindow ?? 0);
    expect(record.calls[1]?.input).toMatch(/^Output of run_script[\s\S]*<page-data>/);
    await panel.screenshot({ path: 'test-results/on-device-answer.png', fullPage: true });
    await panel.close();
    await page.close();
  });

  it('fills the comment box it proposed only after the user approves the card', async () => {
    await tandem.configure({ provider: null, onDevice: 'chosen' });
    const { page, tabId } = await openPull();
    const action = { type: 'fill', selector: 'textarea#new_comment_field', label: 'Comment', text: 'Looks good to me.' };
    const panel = await openPanelWithShim(tabId, {
      availability: 'available',
      replies: [JSON.stringify({ tool: 'propose_action', action, why: 'You asked me to write a short approval.' }), '{"tool":"answer","markdown":"The card above fills the comment box once you approve it."}'],
    });
    await ask(panel, 'Write "Looks good to me." in the comment box');
    await waitForTurn(panel, 'done');
    await panel.waitForSelector('[data-testid="action-card"][data-status="proposed"]');
    expect(await panel.$$('[data-testid="action-card"]')).toHaveLength(1);
    expect(await page.$eval('#new_comment_field', (box) => (box as HTMLTextAreaElement).value)).toBe('');
    await panel.locator('[data-testid="action-approve"]').click();
    await panel.waitForSelector('[data-testid="action-card"][data-status="done"]', { timeout: 10_000 });
    expect(await page.$eval('#new_comment_field', (box) => (box as HTMLTextAreaElement).value)).toBe('Looks good to me.');
    await panel.close();
    await page.close();
  });

  it('says when a question does not fit the model’s window, with what to do', async () => {
    await tandem.configure({ provider: null, onDevice: 'chosen' });
    const { page, tabId } = await openPull();
    const panel = await openPanelWithShim(tabId, { availability: 'available', contextWindow: 1200, replies: ['{"tool":"answer","markdown":"never"}'] });
    await ask(panel, 'Explain this pull request.');
    await waitForTurn(panel, 'error');
    const notice = await panel.$$eval('[data-testid="error-notice"]', (notices) => ({ name: notices.at(-1)?.getAttribute('data-error'), text: notices.at(-1)?.textContent }));
    expect(notice.name).toBe('OnDeviceQuotaError');
    expect(notice.text).toContain('Start a new chat');
    expect((await shimRecord(panel)).calls).toEqual([]);
    await panel.close();
    await page.close();
  });

  it('stops the model when the user presses Stop', async () => {
    await tandem.configure({ provider: null, onDevice: 'chosen' });
    const { page, tabId } = await openPull();
    const panel = await openPanelWithShim(tabId, { availability: 'available', replies: [{ hangAfter: '{"tool":"answer","markdown":"Let me think about' }] });
    await ask(panel, 'What does this change?');
    // The page's earlier conversation is shown above: the new turn is the last one.
    await panel.waitForFunction(() => [...document.querySelectorAll('[data-testid="assistant-turn"]')].at(-1)?.textContent?.includes('Let me think about'), { timeout: 30_000 });
    await panel.locator('[data-testid="composer-stop"]').click();
    await waitForTurn(panel, 'stopped');
    await panel.waitForFunction(() => (globalThis as unknown as { __languageModelShim: ShimRecord }).__languageModelShim.calls[0]?.outcome === 'aborted', { timeout: 5_000 });
    expect(await lastTurnStatus(panel)).toBe('stopped');
    await panel.close();
    await page.close();
  });

  it('says why where the device cannot run it, in the panel and in Settings, and points to the other providers', async () => {
    await tandem.configure({ provider: null, onDevice: 'undecided' });
    // A page with no conversation yet, so the panel opens on its welcome.
    const { page, tabId } = await openPull('/acme/widgets/pull/42/files');
    const panel = await openPanelWithShim(tabId, { availability: 'unavailable' });
    const note = await panel.waitForSelector('[data-testid="on-device-unavailable"]');
    expect(await note?.evaluate((element) => element.textContent)).toContain('22 GB free');
    expect(await panel.$eval('[data-testid="welcome"]', (element) => element.textContent)).toContain('add a model provider');
    expect(await panel.$('[data-testid="on-device-download"]')).toBeNull();
    await panel.close();

    const options = await tandem.browser.newPage();
    await options.evaluateOnNewDocument(installLanguageModelShim, { availability: 'unavailable' } satisfies ShimConfig);
    await options.goto(`chrome-extension://${tandem.extensionId}/options.html`);
    await options.waitForSelector('[data-testid="on-device-unavailable"]');
    expect(await options.$('[data-testid="preset-on-device"]')).toBeNull();
    await options.close();
    await page.close();
  });

  it('is a provider choice in Settings where the browser has the model', async () => {
    await tandem.configure({ provider: null, onDevice: 'declined' });
    const options = await tandem.browser.newPage();
    await options.evaluateOnNewDocument(installLanguageModelShim, { availability: 'available' } satisfies ShimConfig);
    await options.goto(`chrome-extension://${tandem.extensionId}/options.html`);
    await options.locator('[data-testid="preset-on-device"]').click();
    await options.waitForSelector('[data-testid="on-device"][data-state="available"]');
    await options.locator('[data-testid="save"]').click();
    await options.waitForSelector('[data-testid="save-status"][data-state="saved"]');
    await expect.poll(storedSettings).toMatchObject({ provider: null, onDevice: 'chosen' });
    await options.screenshot({ path: 'test-results/on-device-settings.png', fullPage: true });
    await options.close();
  });
});
