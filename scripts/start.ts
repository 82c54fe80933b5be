// `npm start`: Tandem on a bundled sample pull request, no API key and no network needed.
// Builds are done by the npm script; this serves the sample, launches Chromium with Tandem and its panel,
// prints what Tandem sees, saves a screenshot, and exits (or stays open while a window is shown).
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer';
import { launchTandem, type TandemBrowser } from './browser/launch';
import { startFixtureServer } from './browser/fixture-server';
import { describeTabView, readTabView } from './browser/tab-view';

const SAMPLE_PATH = '/acme/widgets/pull/42';
const SCREENSHOT = resolve('test-results/start-panel.png');

async function openSidePanel(tandem: TandemBrowser, tabId: number, headless: boolean): Promise<Page> {
  if (headless) return tandem.openPanel(tabId);
  // chrome.sidePanel.open needs a user gesture, which an automated launch cannot give: show the same
  // panel page in a narrow window beside the pull request instead.
  const target = tandem.browser.waitForTarget((candidate) => candidate.url().includes(`sidepanel.html?tabId=${tabId}`));
  await tandem.worker.evaluate(async (id, extensionId) => {
    await chrome.windows.create({ url: `chrome-extension://${extensionId}/sidepanel.html?tabId=${id}`, type: 'popup', width: 440, height: 860, left: 1290, top: 0 });
  }, tabId, tandem.extensionId);
  const page = await (await target).page();
  if (!page) throw new Error('the side panel window did not open');
  return page;
}

async function main(): Promise<void> {
  const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const site = await startFixtureServer(resolve('test/fixtures/site'));
  const tandem = await launchTandem({ headless }).catch(async (error: unknown) => {
    // No browser (or one that would not start): the open server would keep the process alive after the message.
    await site.close();
    throw error;
  });
  try {
    // The sample is served from 127.0.0.1: register it as a GitHub Enterprise host, as a user would in settings.
    await tandem.configure({ githubHosts: [site.host], ambientHosts: ['github.com', site.host] });
    const [blank] = await tandem.browser.pages();
    const page = blank ?? (await tandem.browser.newPage());
    await page.goto(`${site.origin}${SAMPLE_PATH}`);
    const tabId = await tandem.tabIdOf(page);
    const panel = await openSidePanel(tandem, tabId, headless);
    await panel.waitForSelector('[data-testid="context-chip"]', { timeout: 20_000 });

    const view = await readTabView(tandem, tabId);
    console.log(`Tandem is reading ${site.origin}${SAMPLE_PATH}`);
    console.log(view ? describeTabView(view) : '(nothing captured yet)');

    if (view && view.suggestions.length > 0) {
      // The main job, offline: accept the top card and show the answer with the script behind it.
      const top = view.suggestions[0]!;
      await panel.waitForSelector('[data-testid="suggestion-accept"]', { timeout: 10_000 });
      await panel.click('[data-testid="suggestion-accept"]');
      await panel.waitForSelector('[data-testid="assistant-turn"]:not([data-status="running"])', { timeout: 30_000 });
      const answer = await panel.$eval('[data-testid="assistant-turn"] .turn__text', (element) => (element as HTMLElement).innerText).catch(() => '');
      const trail = await panel.$eval('[data-testid="script-trail"] summary', (element) => (element as HTMLElement).innerText).catch(() => '');
      console.log(`\nAccepted “${top.title}”:`);
      if (trail) console.log(`  ${trail.trim()}`);
      console.log(answer.split('\n').map((line) => `  ${line}`).join('\n'));
    }

    await mkdir(resolve('test-results'), { recursive: true });
    await panel.screenshot({ path: SCREENSHOT });
    console.log(`Screenshot of the side panel: ${SCREENSHOT}`);

    if (!headless) {
      console.log('Chromium stays open; close its window to finish.');
      await new Promise<void>((done) => tandem.browser.once('disconnected', () => done()));
    }
  } finally {
    await tandem.close().catch((error: unknown) => console.error('Chromium did not close cleanly:', error));
    await site.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (process.env.TANDEM_DEBUG ? error.stack : `${error.name}: ${error.message}`) : error);
  process.exitCode = 1;
});
