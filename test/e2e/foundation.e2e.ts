import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { EXTENSION_DIR, type TandemBrowser } from '../../scripts/browser/launch';
import type { FixtureServer } from '../../scripts/browser/fixture-server';
import { closeSampleSite, launchOnSampleSite } from './support/sample-site';
import { readManifest } from './support/manifest';
import { readTabView } from '../../scripts/browser/tab-view';

let tandem: TandemBrowser;
let site: FixtureServer;

beforeAll(async () => {
  ({ tandem, site } = await launchOnSampleSite());
});

afterAll(() => closeSampleSite({ tandem, site }));

async function chipText(panel: Page): Promise<string> {
  await panel.waitForSelector('[data-testid="context-chip"]', { timeout: 15_000 });
  return panel.$eval('[data-testid="context-chip"]', (element) => element.textContent ?? '');
}

describe('the built extension', () => {
  it('declares the side panel, the service worker and the content script', async () => {
    const manifest = await readManifest();
    expect(manifest.side_panel?.default_path).toBe('sidepanel.html');
    expect(manifest.background?.service_worker).toBe('background.js');
    expect(manifest.content_scripts?.[0]?.matches).toEqual(['http://*/*', 'https://*/*']);
  });

  it('ships the sandbox engine as quickjs.wasm, not inlined into the service worker', async () => {
    const wasm = await readFile(resolve(EXTENSION_DIR, 'quickjs.wasm'));
    expect(wasm.subarray(0, 4)).toEqual(Buffer.from([0, 0x61, 0x73, 0x6d]));
    // "AGFzbQ" is the base64 of the WebAssembly magic number: an inlined copy would start with it.
    expect(await readFile(resolve(EXTENSION_DIR, 'background.js'), 'utf8')).not.toContain('AGFzbQ');
  });

  it('shows what it reads on a pull request in the side panel, with a token count', async () => {
    const page = await tandem.browser.newPage();
    await page.goto(`${site.origin}/acme/widgets/pull/42`);
    const tabId = await tandem.tabIdOf(page);
    const panel = await tandem.openPanel(tabId);
    await panel.waitForFunction(
      () => document.querySelector('[data-testid="context-chip"]')?.textContent?.includes('Add retry with backoff'),
      { timeout: 15_000 },
    );
    const text = await chipText(panel);
    expect(text).toMatch(/Reading: Add retry with backoff to the sync client.*· [\d,.k]+ tokens/);
    const tokens = Number((await panel.$eval('[data-testid="context-tokens"]', (element) => element.textContent ?? '')).replace(/[^\d]/g, ''));
    expect(tokens).toBeGreaterThan(30);
    await panel.screenshot({ path: 'test-results/foundation-panel.png' });

    // What the background holds for the tab: the structured pull request, its diff fetched same-origin.
    const view = await readTabView(tandem, tabId);
    expect(view?.context.kind).toBe('github.pull');
    const data = view?.context.data;
    if (data?.type !== 'pull') throw new Error(`expected pull data, got ${data?.type}`);
    expect(data.diffSource).toBe('patch');
    expect(data.files.map((file) => `${file.path} +${file.additions} −${file.deletions}`)).toEqual([
      'README.md +6 −0', 'src/sync/client.ts +10 −5', 'src/sync/retry.ts +38 −0', 'src/sync/errors.ts +4 −1',
    ]);
    // The page sent the hunks as lines; the service worker parsed them (finishReading).
    expect(data.files.map((file) => file.hunks.reduce((sum, hunk) => sum + hunk.lines.filter((line) => line.startsWith('+')).length, 0))).toEqual([6, 10, 38, 4]);
    expect(data.files[1]?.hunks[0]?.header).toMatch(/^@@ -\d+,\d+ \+\d+,\d+ @@/);
    expect(data.checks.filter((check) => check.state === 'failure').map((check) => check.name)).toEqual(['CI / test (20.x)']);
    expect(data.threads).toEqual([expect.objectContaining({ path: 'src/sync/client.ts', resolved: false })]);
    expect(data.labels).toEqual(['enhancement', 'sync']);
    expect(site.requests).toContain('/acme/widgets/pull/42.diff');
    // The page was read, and its own timeline does not say so (capture timings are a developer setting, off).
    expect(await page.evaluate(() => performance.getEntriesByType('measure').filter((entry) => entry.name.startsWith('tandem')).length)).toBe(0);
    await panel.close();
    await page.close();
  });

  it('keeps its settings, the API key among them, out of reach of its own content script', async () => {
    await tandem.configure({ provider: { baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'sk-e2e-secret-key', model: 'm' } });
    const page = await tandem.browser.newPage();
    const session = await page.createCDPSession();
    const worlds: { id: number; origin: string; type: string }[] = [];
    session.on('Runtime.executionContextCreated', ({ context }) => {
      const aux = (context.auxData ?? {}) as { type?: string };
      worlds.push({ id: context.id, origin: context.origin, type: aux.type ?? '' });
    });
    await session.send('Runtime.enable');
    await page.goto(`${site.origin}/acme/widgets/pull/42`);
    // The content script's isolated world: the one whose origin is the extension's.
    const deadline = Date.now() + 10_000;
    let world = worlds.find((entry) => entry.type === 'isolated' && entry.origin.includes(tandem.extensionId));
    while (!world && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      world = worlds.find((entry) => entry.type === 'isolated' && entry.origin.includes(tandem.extensionId));
    }
    if (!world) throw new Error(`no isolated world of Tandem in ${JSON.stringify(worlds)}`);
    const attempt = await session.send('Runtime.evaluate', {
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
      expression: `(async () => {
        const id = chrome.runtime.id;
        try { return { id, read: JSON.stringify(await chrome.storage.local.get(null)) }; }
        catch (error) { return { id, refused: String(error && error.message || error) }; }
      })()`,
    });
    const outcome = attempt.result.value as { id: string; read?: string; refused?: string };
    // Really the extension's world (it knows the extension's id), and it cannot read the settings.
    expect(outcome.id).toBe(tandem.extensionId);
    expect(outcome.read ?? '').not.toContain('sk-e2e-secret-key');
    expect(outcome.refused).toMatch(/access|not allowed|context/i);
    await session.detach();
    await page.close();
    await tandem.configure({ provider: null });
  });

  it('follows tab switches and navigations in the window it serves', async () => {
    const first = await tandem.browser.newPage();
    await first.goto(`${site.origin}/acme/widgets/pull/42`);
    const second = await tandem.browser.newPage();
    // A docs site on another host than the GitHub Enterprise one (read because the panel asks, not ambiently).
    const docs = site.origin.replace('127.0.0.1', 'localhost');
    await second.goto(`${docs}/docs/retry-guide`);
    const windowId = await tandem.worker.evaluate(async () => (await chrome.windows.getLastFocused()).id);
    const panelTarget = tandem.browser.waitForTarget((target) => target.url().includes('sidepanel.html?windowId='));
    await tandem.worker.evaluate(async (id, extensionId) => {
      await chrome.windows.create({ url: `chrome-extension://${extensionId}/sidepanel.html?windowId=${id}`, type: 'popup', width: 420, height: 700 });
    }, windowId, tandem.extensionId);
    const panel = (await (await panelTarget).page())!;
    const waitForTitle = (title: string) =>
      panel.waitForFunction((expected) => document.querySelector('[data-testid="context-chip"]')?.textContent?.includes(expected), { timeout: 15_000 }, title);

    await waitForTitle('Retrying requests safely');
    await first.bringToFront();
    await waitForTitle('Add retry with backoff');
    await first.goto(`${docs}/docs/retry-guide`);
    await waitForTitle('Retrying requests safely');
    await panel.close();
    await first.close();
    await second.close();
  });
});
