import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchTandem, type TandemBrowser } from '../../scripts/browser/launch';
import { startFakeLlm, type FakeLlm } from '../fake-llm/server';

let tandem: TandemBrowser;
let llm: FakeLlm;
let page: Page;

interface AxeResult {
  violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

beforeAll(async () => {
  await mkdir('test-results', { recursive: true });
  // Like Ollama by default: a request carrying the extension's Origin is refused with 403.
  llm = await startFakeLlm({ requireApiKey: 'sk-good', models: ['fake-model', 'other-model'], refuseExtensionOrigins: true });
  tandem = await launchTandem();
  page = await tandem.browser.newPage();
  await page.setViewport({ width: 1000, height: 900 });
  await openOptions();
});

afterAll(async () => {
  await tandem?.close();
  await llm?.close();
});

async function openOptions(): Promise<void> {
  await page.goto(`chrome-extension://${tandem.extensionId}/options.html`);
  await page.waitForSelector('[data-testid="settings-form"]');
}

async function replaceText(selector: string, text: string): Promise<void> {
  await page.click(selector, { clickCount: 3 });
  await page.keyboard.press('Backspace');
  await page.type(selector, text);
}

const text = (selector: string) => page.$eval(selector, (element) => element.textContent ?? '');
const valueOf = (selector: string) => page.$eval(selector, (element) => (element as HTMLInputElement).value);

async function connectionResult(): Promise<{ state: string | null; text: string; error: string | null }> {
  await page.waitForFunction(() => {
    const state = document.querySelector('[data-testid="connection-result"]')?.getAttribute('data-state');
    return state === 'ok' || state === 'error';
  }, { timeout: 15_000 });
  return page.$eval('[data-testid="connection-result"]', (element) => ({
    state: element.getAttribute('data-state'),
    text: element.textContent ?? '',
    error: element.getAttribute('data-error'),
  }));
}

async function storedSettings(): Promise<Record<string, unknown>> {
  return tandem.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings as Record<string, unknown>);
}

describe('the options page', () => {
  it('starts with no provider, Save disabled, and the defaults', async () => {
    expect(await page.$('[data-testid="no-provider"]')).not.toBeNull();
    expect(await page.$eval('[data-testid="save"]', (element) => (element as HTMLButtonElement).disabled)).toBe(true);
    expect(await page.$eval('[data-testid="proactivity-suggest"]', (element) => (element as HTMLInputElement).checked)).toBe(true);
    expect(await valueOf('[data-testid="token-budget"]')).toBe('1300');
    expect(await page.$eval('[data-testid="github-ambient"]', (element) => (element as HTMLInputElement).checked)).toBe(true);
  });

  it('tests a custom provider and shows the models it lists', async () => {
    await page.click('[data-testid="preset-custom"]');
    await page.waitForSelector('[data-testid="provider-base-url"]');
    await replaceText('[data-testid="provider-base-url"]', llm.url);
    await page.type('[data-testid="provider-api-key"]', 'sk-good');
    await page.type('[data-testid="provider-model"]', 'fake-model');
    await page.click('[data-testid="provider-test"]');
    const result = await connectionResult();
    expect(result.state).toBe('ok');
    expect(result.text).toContain('2 models available');
    expect(result.text).toContain('“fake-model” is one of them');
    const options = await page.$$eval('[data-testid="provider-model-options"] option', (elements) => elements.map((element) => (element as HTMLOptionElement).value));
    expect(options).toEqual(['fake-model', 'other-model']);
    expect(llm.calls.at(-1)?.headers.authorization).toBe('Bearer sk-good');
    // Before anything is saved, the test's own request to the local server already goes without an Origin.
    expect(llm.calls.at(-1)?.headers.origin).toBeUndefined();
  });

  it('explains a refused key and how to fix it', async () => {
    await replaceText('[data-testid="provider-api-key"]', 'sk-wrong');
    await page.click('[data-testid="provider-test"]');
    const result = await connectionResult();
    expect(result.state).toBe('error');
    expect(result.error).toBe('AuthError');
    expect(result.text).toContain('HTTP 401');
    expect(await text('[data-testid="connection-fix"]')).toContain('The API key was refused');
  });

  it('saves explicitly, and a reload shows the saved values with the key masked', async () => {
    await replaceText('[data-testid="provider-api-key"]', 'sk-good');
    await page.click('[data-testid="proactivity-prefetch"]');
    await replaceText('[data-testid="token-budget"]', '2400');
    expect(await page.$eval('[data-testid="capture-timings"]', (element) => (element as HTMLInputElement).checked)).toBe(false);
    await page.click('[data-testid="capture-timings"]');
    await page.click('[data-testid="save"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.textContent?.includes('Saved'));
    expect(await page.$eval('[data-testid="save"]', (element) => (element as HTMLButtonElement).disabled)).toBe(true);
    expect(await storedSettings()).toMatchObject({
      provider: { baseUrl: llm.url, apiKey: 'sk-good', model: 'fake-model' },
      proactivity: 'prefetch',
      tokenBudget: 2400,
      captureTimings: true,
    });

    await page.reload();
    await page.waitForSelector('[data-testid="provider-base-url"]');
    expect(await page.$eval('[data-testid="preset-custom"]', (element) => (element as HTMLInputElement).checked)).toBe(true);
    expect(await valueOf('[data-testid="provider-base-url"]')).toBe(llm.url);
    expect(await valueOf('[data-testid="provider-model"]')).toBe('fake-model');
    expect(await valueOf('[data-testid="token-budget"]')).toBe('2400');
    expect(await page.$eval('[data-testid="proactivity-prefetch"]', (element) => (element as HTMLInputElement).checked)).toBe(true);
    expect(await page.$eval('[data-testid="capture-timings"]', (element) => (element as HTMLInputElement).checked)).toBe(true);
    const key = await page.$eval('[data-testid="provider-api-key"]', (element) => ({ type: (element as HTMLInputElement).type, value: (element as HTMLInputElement).value }));
    expect(key).toEqual({ type: 'password', value: 'sk-good' });
    await page.click('[data-testid="provider-api-key-toggle"]');
    expect(await page.$eval('[data-testid="provider-api-key"]', (element) => (element as HTMLInputElement).type)).toBe('text');
    await page.click('[data-testid="provider-api-key-toggle"]');
  });

  it('adds a GitHub Enterprise host even when the browser does not grant access', async () => {
    await page.type('[data-testid="enterprise-host-input"]', 'https://GHE.Example.test:8443/acme/widgets');
    await page.click('[data-testid="enterprise-host-add"]');
    await page.waitForSelector('[data-testid="enterprise-host"][data-host="ghe.example.test:8443"]');
    // Headless Chromium never shows the permission prompt, so the request stays unanswered (or is refused):
    // either way the host is kept, marked as read only with the panel open, and the page keeps working.
    const access = await page.$eval('[data-testid="enterprise-host"]', (element) => element.getAttribute('data-access'));
    expect(['asking', 'panel-only']).toContain(access);
    expect(await text('[data-testid="enterprise-host-notice"]')).toContain('only when its panel is open');

    await page.type('[data-testid="enterprise-host-input"]', 'bad host/path');
    await page.click('[data-testid="enterprise-host-add"]');
    expect(await text('[data-testid="enterprise-host-help"]')).toMatch(/only the host|letters, digits/);

    await page.click('[data-testid="save"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.textContent?.includes('Saved'));
    expect(await storedSettings()).toMatchObject({
      githubHosts: ['ghe.example.test:8443'],
      ambientHosts: ['github.com', 'ghe.example.test:8443'],
    });
    await openOptions();
    await page.waitForSelector('[data-testid="enterprise-host"][data-host="ghe.example.test:8443"]');
  });

  it('resets muted suggestions and says how many', async () => {
    await tandem.worker.evaluate(async () => {
      await chrome.storage.local.set({
        'suggestion-feedback': { 'github.pull:a': { dismissed: 3, accepted: 0 }, 'github.pull:b': { dismissed: 1, accepted: 2 } },
      });
    });
    await page.click('[data-testid="reset-muted"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="reset-muted-result"]')?.textContent !== '');
    expect(await text('[data-testid="reset-muted-result"]')).toContain('1 muted suggestion will show again');
    expect(await tandem.worker.evaluate(async () => (await chrome.storage.local.get('suggestion-feedback'))['suggestion-feedback'] ?? null)).toBeNull();
  });

  it('removes the provider, back to built-in skills only', async () => {
    await page.click('[data-testid="provider-remove"]');
    await page.waitForSelector('[data-testid="no-provider"]');
    await page.click('[data-testid="save"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.textContent?.includes('Saved'));
    expect((await storedSettings()).provider).toBeNull();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious accessibility violations and looks finished (${scheme})`, async () => {
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      // Extension pages forbid inline scripts, which is how addScriptTag injects axe; takes effect on the next load.
      await page.setBypassCSP(true);
      await openOptions();
      // Show the richest state: a provider with a test result and an Enterprise host.
      await page.click('[data-testid="preset-custom"]');
      await page.waitForSelector('[data-testid="provider-base-url"]');
      await page.type('[data-testid="provider-base-url"]', llm.url);
      await page.type('[data-testid="provider-api-key"]', 'sk-good');
      await page.type('[data-testid="provider-model"]', 'fake-model');
      await page.click('[data-testid="provider-test"]');
      await connectionResult();

      await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
      const result = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: () => Promise<unknown> } }).axe;
        return (await axe.run()) as AxeResult;
      });
      const serious = result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
      expect(serious.map((violation) => `${violation.id}: ${violation.help} ${JSON.stringify(violation.nodes.map((node) => node.target))}`)).toEqual([]);

      // As tall as the page, so the sticky save bar sits where it ends instead of over a section.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewport({ width: 1000, height });
      await page.screenshot({ path: `test-results/options-${scheme}.png` });
      await page.setViewport({ width: 1000, height: 900 });
      await page.click('[data-testid="discard"]');
    });
  }
});
