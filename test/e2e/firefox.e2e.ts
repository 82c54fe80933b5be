// The Firefox build in real Firefox (Debian's firefox-esr): installed as a temporary add-on over WebDriver
// BiDi, its sidebar page reading the sample pull request. Needs `npm run build:firefox` (npm test does it).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { startFixtureServer, type FixtureServer } from '../../scripts/browser/fixture-server';
import { startFakeLlm, type FakeLlm, type RecordedCall } from '../fake-llm/server';
import { FIREFOX_EXTENSION_DIR, FIREFOX_EXTENSION_ORIGIN, findFirefox, launchFirefoxTandem, type FirefoxTandem } from './support/firefox';

const firefox = findFirefox();
// CI installs firefox-esr and sets this, so a missing Firefox fails there instead of skipping.
if (!firefox && process.env.TANDEM_REQUIRE_FIREFOX) throw new Error('TANDEM_REQUIRE_FIREFOX is set but no Firefox was found (apt-get install -y firefox-esr, or set FIREFOX_PATH)');
if (!firefox) console.warn('Firefox end-to-end tests skipped: no Firefox found (Debian: apt-get install -y firefox-esr, or set FIREFOX_PATH).');

interface LintMessage { code: string; file?: string; message: string }
interface LintReport { summary: { errors: number; warnings: number; notices: number }; errors: LintMessage[]; warnings: LintMessage[] }

function pathInToolResult(call: RecordedCall): string {
  const toolMessage = [...(call.body?.messages ?? [])].reverse().find((message) => message.role === 'tool');
  const content = typeof toolMessage?.content === 'string' ? toolMessage.content : '';
  return /"path":\s*"([^"]+)"/.exec(content)?.[1] ?? 'unknown';
}

describe.skipIf(!firefox)('the Firefox build in Firefox', () => {
  let tandem: FirefoxTandem;
  let site: FixtureServer;
  let page: Page;
  let panel: Page;
  let lint: Promise<LintReport>;
  let llm: FakeLlm;

  beforeAll(async () => {
    // About 20 s of one core: started first, so it runs while Firefox is driven.
    lint = promisify(execFile)('node_modules/.bin/web-ext', ['lint', '--source-dir', FIREFOX_EXTENSION_DIR, '--output', 'json'], { maxBuffer: 16 * 1024 * 1024 })
      // web-ext exits 1 when it finds errors; its report is on stdout either way.
      .catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }))
      .then((result) => JSON.parse(result.stdout) as LintReport);
    site = await startFixtureServer('test/fixtures/site');
    // Refuses extension origins as Ollama does by default, and wants its key.
    llm = await startFakeLlm({ requireApiKey: 'sk-test-e2e', refuseExtensionOrigins: true });
    tandem = await launchFirefoxTandem(firefox!);
    // The sample is served from 127.0.0.1: registered as a GitHub Enterprise host, as a user would in settings.
    await tandem.configure({ githubHosts: [site.host], ambientHosts: ['github.com', site.host] });
    page = (await tandem.browser.pages())[0] ?? (await tandem.browser.newPage());
    await page.goto(`${site.origin}/acme/widgets/pull/42`);
  });

  afterAll(async () => {
    await tandem?.close();
    await site?.close();
    await llm?.close();
  });

  it('shows the cards for a pull request in its sidebar page', async () => {
    panel = await tandem.openPanel(await tandem.tabIdOf(page.url()));
    await panel.waitForFunction(
      () => document.querySelector('[data-testid="context-chip"]')?.textContent?.includes('Add retry with backoff'),
      { timeout: 20_000 },
    );
    await panel.waitForSelector('[data-testid="suggestion-accept"]', { timeout: 10_000 });
    const titles = await panel.$$eval('[data-testid="suggestion-accept"]', (cards) => cards.map((card) => card.textContent ?? ''));
    expect(titles.join('\n')).toContain('Explain the failing check');
    await panel.screenshot({ path: 'test-results/firefox-panel.png' });
    // The toolbar button counts the cards, under its Manifest V2 name.
    const tabId = await tandem.tabIdOf(page.url());
    const badge = await tandem.extensionPage.evaluate((id) => (globalThis as unknown as { browser: { browserAction: { getBadgeText(details: { tabId: number }): Promise<string> } } }).browser.browserAction.getBadgeText({ tabId: id }), tabId);
    expect(Number(badge)).toBe(titles.length);
  });

  it('runs a built-in skill in the QuickJS sandbox of its background page', async () => {
    await panel.locator('[data-testid="suggestion-accept"]').click();
    await panel.waitForSelector('[data-testid="assistant-turn"]:not([data-status="running"])', { timeout: 30_000 });
    const answer = await panel.$eval('[data-testid="assistant-turn"]', (turn) => (turn as HTMLElement).innerText);
    expect(answer).toContain('CI / test (20.x)');
    expect(await panel.$('[data-testid="script-trail"]')).not.toBeNull();
    await panel.screenshot({ path: 'test-results/firefox-skill.png' });
  });

  it('opens the panel in a window of its own from the Explain button in the page (Firefox keeps the sidebar to its own controls)', async () => {
    await page.bringToFront();
    await page.waitForSelector('tandem-help[data-spot="failing-check"]', { timeout: 15_000 });
    await page.click('tandem-help[data-spot="failing-check"]');
    const tabId = await tandem.tabIdOf(page.url());
    const opened = await tandem.extensionPage.waitForFunction(async (id) => {
      const windows = await (globalThis as unknown as { browser: typeof chrome }).browser.windows.getAll({ populate: true });
      const panel = windows.find((window) => window.type === 'popup' && window.tabs?.some((tab) => tab.url?.includes(`/sidepanel.html?tabId=${id}`)));
      return panel ? panel.tabs?.[0]?.url : undefined;
    }, { timeout: 10_000, polling: 200 }, tabId);
    expect(await opened.jsonValue()).toBe(`${FIREFOX_EXTENSION_ORIGIN}/sidepanel.html?tabId=${tabId}`);
  });

  it('says in its settings what works differently in Firefox', async () => {
    const settings = tandem.extensionPage; // options.html, opened when the add-on was installed
    await settings.waitForSelector('[data-testid="browser-limit"]', { timeout: 10_000 });
    const limits = await settings.$$eval('[data-testid="browser-limit"]', (items) => items.map((item) => item.getAttribute('data-limit')));
    expect(limits).toEqual(['no-side-panel', 'storage-open-to-content-scripts']);
    await (await settings.$('[data-testid="section-browser-limits"]'))?.screenshot({ path: 'test-results/firefox-settings-limits.png' });
  });

  it('answers a question from a local model server by running a script, with no extension Origin reaching the server', async () => {
    await tandem.configure({ provider: { baseUrl: llm.url, model: 'fake-model', apiKey: 'sk-test-e2e' } });
    // The rule that strips Origin for a local server: Firefox knows the add-on by its UUID host, not its id.
    const rules = await tandem.extensionPage.waitForFunction(async () => {
      const found = await (globalThis as unknown as { browser: typeof chrome }).browser.declarativeNetRequest.getDynamicRules();
      return found.length > 0 ? found : undefined;
    }, { timeout: 10_000, polling: 100 });
    expect(await rules.jsonValue()).toEqual([expect.objectContaining({ condition: expect.objectContaining({ initiatorDomains: [new URL(FIREFOX_EXTENSION_ORIGIN).host] }) })]);

    const script = 'const ranked = topN(files(), 1, (f) => f.additions);\nreturn { path: ranked[0].path, added: ranked[0].additions };';
    llm.script([
      { toolCalls: [{ name: 'run_script', arguments: JSON.stringify({ code: script }) }] },
      // The answer quotes the script's output, so the test sees the sandbox's result reach the answer.
      (call) => ({ text: `Largest addition: ${pathInToolResult(call)}.` }),
    ]);
    // New chat is disabled while the conversation is empty: a locator would wait for it to be enabled.
    await panel.click('[data-testid="new-chat"]');
    await panel.waitForSelector('[data-testid="composer-input"]:not([disabled])', { timeout: 10_000 });
    await panel.type('[data-testid="composer-input"]', 'Which file has the most added lines?');
    await panel.keyboard.press('Enter');
    await panel.waitForFunction(() => document.querySelector('[data-testid="assistant-turn"]')?.getAttribute('data-status') === 'done', { timeout: 30_000 });
    expect(await panel.$eval('[data-testid="assistant-turn"]', (turn) => turn.textContent ?? '')).toContain('Largest addition: src/sync/retry.ts.');
    expect(await panel.$eval('[data-testid="script-trail"]', (trail) => trail.getAttribute('data-ok'))).toBe('true');
    expect(llm.chatCalls().map((call) => call.headers.origin)).toEqual([undefined, undefined]);
    await panel.screenshot({ path: 'test-results/firefox-ask.png' });
  });

  it('passes web-ext lint with no errors, and only warnings about bundled libraries', async () => {
    const report = await lint;
    expect(report.errors).toEqual([]);
    // Each remaining warning is an innerHTML assignment inside a library: Preact's dangerouslySetInnerHTML
    // (used only with DOMPurify's output), DOMPurify's own parser fallback, and Readability working on a
    // detached copy of the page. None is Tandem's code or its manifest.
    expect(report.warnings.map((warning) => `${warning.code} ${warning.file?.replace(/-[\w-]{8}\.js$/, '.js')}`).sort()).toEqual([
      'UNSAFE_VAR_ASSIGNMENT chunks/theme.js',
      'UNSAFE_VAR_ASSIGNMENT chunks/theme.js',
      'UNSAFE_VAR_ASSIGNMENT content-scripts/content.js',
      'UNSAFE_VAR_ASSIGNMENT content-scripts/content.js',
    ]);
  });
});
