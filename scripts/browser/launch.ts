/// <reference types="chrome" />
// Launches Chromium with the built Tandem loaded, and reaches into it the way a test or the demo needs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer';
import { findChromium } from './find-chromium';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

export interface TandemBrowser {
  browser: Browser;
  extensionId: string;
  worker: WebWorker;
  /** Settings are written the way the options page writes them (local storage area). */
  configure(settings: Record<string, unknown>): Promise<void>;
  tabIdOf(page: Page): Promise<number>;
  /** The side panel page bound to one tab, opened in a tab of its own (what headless Chromium can show). */
  openPanel(tabId: number, viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  extensionDir?: string;
}

export async function launchTandem(options: LaunchOptions = {}): Promise<TandemBrowser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'tandem-profile-'));
  const browser = await puppeteer.launch({
    executablePath: await findChromium(),
    headless: options.headless ?? true,
    pipe: true,
    enableExtensions: [options.extensionDir ?? EXTENSION_DIR],
    userDataDir,
    defaultViewport: null,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--window-size=1280,900',
    ],
  });
  const target = await browser.waitForTarget(
    (candidate) => candidate.type() === 'service_worker' && candidate.url().endsWith('/background.js'),
    { timeout: 20_000 },
  );
  const worker = await target.worker();
  if (!worker) throw new Error('Tandem service worker did not start');
  const extensionId = new URL(target.url()).host;
  await waitForExtensionApis(worker);

  const tandem: TandemBrowser = {
    browser,
    extensionId,
    worker,
    async configure(settings) {
      await worker.evaluate(async (patch) => {
        const stored = await chrome.storage.local.get('settings');
        await chrome.storage.local.set({ settings: { ...(stored.settings ?? {}), ...patch } });
      }, settings);
    },
    async tabIdOf(page) {
      const url = page.url();
      const matching = () => worker.evaluate(async (pageUrl) => (await chrome.tabs.query({})).filter((tab) => tab.url === pageUrl).map((tab) => ({ id: tab.id ?? null, active: tab.active })), url);
      let tabs = await matching();
      if (tabs.length > 1) {
        // Two tabs show the same page: the one in front is this page's.
        await page.bringToFront();
        tabs = (await matching()).filter((tab) => tab.active);
      }
      const id = tabs.length === 1 ? tabs[0]?.id ?? null : null;
      if (id === null) throw new Error(`no tab, or no single tab, shows ${url}`);
      return id;
    },
    async openPanel(tabId, viewport = { width: 420, height: 800 }) {
      const panel = await browser.newPage();
      await panel.setViewport(viewport);
      await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
      return panel;
    },
    async close() {
      await browser.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
  return tandem;
}

/** A just-started worker can be reached before the extension APIs are bound into it. */
async function waitForExtensionApis(worker: WebWorker): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const ready = await worker.evaluate(() => typeof chrome !== 'undefined' && Boolean(chrome.storage?.local)).catch(() => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the Tandem service worker never exposed the extension APIs');
}
