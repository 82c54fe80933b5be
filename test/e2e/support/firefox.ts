/// <reference types="chrome" />
// Firefox with the built Tandem add-on, driven by puppeteer over WebDriver BiDi: the counterpart of
// scripts/browser/launch.ts for .output/firefox-mv2.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer';

export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv2');
const ADDON_ID = 'tandem@tandem.dev';
// Firefox gives each add-on a random moz-extension:// host per profile; pinning it lets a test name its pages.
const ADDON_UUID = '7d3c1f52-5a0e-4b8e-9a51-7a9c2e1f0b64';
export const FIREFOX_EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;

/** FIREFOX_PATH, else Debian's firefox-esr, else a firefox on the usual path; null when there is none. */
export function findFirefox(env: Record<string, string | undefined> = process.env): string | null {
  const candidates = [env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  return candidates.find((candidate): candidate is string => Boolean(candidate) && existsSync(candidate!)) ?? null;
}

export interface FirefoxTandem {
  browser: Browser;
  /** An extension page kept open to reach the add-on's APIs (the background page cannot be evaluated in). */
  extensionPage: Page;
  configure(settings: Record<string, unknown>): Promise<void>;
  tabIdOf(url: string): Promise<number>;
  /** The sidebar's page bound to one tab, opened in a tab of its own as the Chromium tests do. */
  openPanel(tabId: number): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefoxTandem(executablePath: string): Promise<FirefoxTandem> {
  if (!existsSync(resolve(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`no Firefox build in ${FIREFOX_EXTENSION_DIR}: run \`npm run build:firefox\` first`);
  }
  await mkdir('test-results', { recursive: true });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    // Lets BiDi navigate a tab to moz-extension:// pages, which it refuses by default.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }) },
  });
  try {
    // BiDi webExtension.install: a temporary add-on, as about:debugging's "Load Temporary Add-on" makes.
    const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (installed !== ADDON_ID) throw new Error(`installed ${installed}, expected ${ADDON_ID}`);
    const extensionPage = await browser.newPage();
    await openExtensionPage(extensionPage, `${FIREFOX_EXTENSION_ORIGIN}/options.html`);
    return {
      browser,
      extensionPage,
      async configure(settings) {
        await extensionPage.evaluate(async (patch) => {
          const { storage } = (globalThis as unknown as { browser: typeof chrome }).browser;
          const stored = await storage.local.get('settings');
          await storage.local.set({ settings: { ...((stored.settings as object | undefined) ?? {}), ...patch } });
        }, settings);
      },
      async tabIdOf(url) {
        const ids = await extensionPage.evaluate(async (pageUrl) => {
          const { tabs } = (globalThis as unknown as { browser: typeof chrome }).browser;
          // Filtered here, not by the query: a match pattern cannot name the fixture server's port.
          return (await tabs.query({})).filter((tab) => tab.url === pageUrl).map((tab) => tab.id ?? null);
        }, url);
        if (ids.length !== 1 || ids[0] === null || ids[0] === undefined) throw new Error(`no single tab shows ${url}`);
        return ids[0];
      },
      async openPanel(tabId) {
        const panel = await browser.newPage();
        await panel.setViewport({ width: 420, height: 800 });
        await openExtensionPage(panel, `${FIREFOX_EXTENSION_ORIGIN}/sidepanel.html?tabId=${tabId}`);
        return panel;
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * Firefox 153 loads a moz-extension:// page in a tab over BiDi but never reports that navigation's load
 * (puppeteer's goto times out), so the page is polled until it has loaded instead.
 */
async function openExtensionPage(page: Page, url: string): Promise<void> {
  page.goto(url, { timeout: 30_000 }).catch((error: unknown) => {
    // Expected: the load event of an extension page does not reach BiDi; the polling below decides.
    void error;
  });
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const loaded = await page.evaluate((expected) => location.href === expected && document.readyState === 'complete', url).catch(() => false);
    if (loaded) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${url} did not load in Firefox within 15 s`);
}
