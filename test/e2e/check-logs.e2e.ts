// "Explain the failing check" goes and looks: from the sample pull request's failing check to its job page
// and the failed step's log on the same origin, in the built extension; a check linking to another origin
// is named but never fetched.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HTTPRequest, Page } from 'puppeteer';
import type { TandemBrowser } from '../../scripts/browser/launch';
import { startFixtureServer, type FixtureServer } from '../../scripts/browser/fixture-server';
import { closeSampleSite, launchOnSampleSite } from './support/sample-site';

const SHA = '9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b';
const JOB_PAGE = '/acme/widgets/actions/runs/9001/job/4242';
const STEP_LOG = `/acme/widgets/commit/${SHA}/checks/4242/logs/5`;

let tandem: TandemBrowser;
let site: FixtureServer;
// Another origin serving the same files: were Tandem to follow a link there, it would find a job page.
let elsewhere: FixtureServer;

beforeAll(async () => {
  ({ tandem, site } = await launchOnSampleSite());
  elsewhere = await startFixtureServer('test/fixtures/site');
});

afterAll(async () => {
  await closeSampleSite({ tandem, site });
  await elsewhere?.close();
});

async function acceptChecksCard(page: Page): Promise<{ panel: Page; answer: string }> {
  const tabId = await tandem.tabIdOf(page);
  const panel = await tandem.openPanel(tabId);
  await panel.waitForSelector('[data-testid="suggestion-card"][data-rule="pull-failing-checks"]', { timeout: 15_000 });
  // The panel shows the page's newest conversation, which may hold an earlier answer: this one is the next turn.
  const earlier = (await panel.$$('[data-testid="assistant-turn"]')).length;
  await panel.click('[data-testid="suggestion-card"][data-rule="pull-failing-checks"] [data-testid="suggestion-accept"]');
  await panel.waitForFunction((count) => {
    const turns = document.querySelectorAll('[data-testid="assistant-turn"]');
    return turns.length > count && turns[turns.length - 1]?.getAttribute('data-status') === 'done';
  }, { timeout: 30_000 }, earlier);
  const answer = await panel.$$eval('[data-testid="assistant-turn"]', (turns) => turns.at(-1)?.textContent ?? '');
  return { panel, answer };
}

describe('Explain the failing check', () => {
  it('follows the check to its job page and step log on the same origin, and names the step, the error and the file', async () => {
    const page = await tandem.browser.newPage();
    await page.goto(`${site.origin}/acme/widgets/pull/42`);
    const before = site.requests.length;
    const { panel, answer } = await acceptChecksCard(page);
    expect(answer).toContain('CI / test (20.x)');
    expect(answer).toContain('failed at step Run tests');
    expect(answer).toContain("Cannot read properties of undefined (reading 'get')");
    expect(answer).toContain('Points to: src/sync/client.ts:56, src/sync/retry.ts:30, src/sync/client.ts:54');
    // It went and looked: the job page, then the failed step's log, both on the page's own origin.
    const fetched = site.requests.slice(before);
    expect(fetched).toContain(JOB_PAGE);
    expect(fetched).toContain(STEP_LOG);
    // A passing check's job is not opened.
    expect(fetched).not.toContain('/acme/widgets/actions/runs/9001/job/4243');
    await panel.screenshot({ path: 'test-results/check-logs-answer.png', fullPage: true });
    await panel.close();
    await page.close();
  });

  it('on the job page itself, which lists its steps but not their log, reads the failed step’s log from its link', async () => {
    const page = await tandem.browser.newPage();
    await page.goto(`${site.origin}${JOB_PAGE}?pr=42`);
    const before = site.requests.length;
    const tabId = await tandem.tabIdOf(page);
    const panel = await tandem.openPanel(tabId);
    await panel.waitForSelector('[data-testid="suggestion-card"][data-rule="actions-failed-job"]', { timeout: 15_000 });
    await panel.click('[data-testid="suggestion-card"][data-rule="actions-failed-job"] [data-testid="suggestion-accept"]');
    await panel.waitForSelector('[data-testid="assistant-turn"][data-status="done"]', { timeout: 30_000 });
    const answer = await panel.$$eval('[data-testid="assistant-turn"]', (turns) => turns.at(-1)?.textContent ?? '');
    expect(answer).toContain('failed at step test (20.x) › Run tests');
    expect(answer).toContain("Cannot read properties of undefined (reading 'get')");
    expect(answer).toContain('Points to: src/sync/client.ts:56');
    expect(site.requests.slice(before)).toContain(STEP_LOG);
    await panel.screenshot({ path: 'test-results/check-logs-job-page.png', fullPage: true });
    await panel.close();
    await page.close();
  });

  it('names a failing check that links to another origin and says why its log was not read, without asking that origin', async () => {
    const page = await tandem.browser.newPage();
    const pullUrl = `${site.origin}/acme/widgets/pull/42`;
    const html = await readFile('test/fixtures/site/acme/widgets/pull/42/index.html', 'utf8');
    // The sample page with one more failing check, as an outside CI service adds one: its Details link is on
    // another origin (here a second local server, so that a request to it could be counted).
    const external = `<div class="merge-status-item">
              <span class="merge-status-icon" aria-label="failing"><svg class="octicon octicon-x color-fg-danger" aria-hidden="true" width="16" height="16"></svg></span>
              <strong class="text-emphasized">deploy/preview</strong>
              <span class="color-fg-muted">Failing after 2m — preview build failed</span>
              <a class="status-actions" href="${elsewhere.origin}${JOB_PAGE}">Details</a>
            </div>
            <div class="merge-status-item">`;
    const withExternal = html.replace('<div class="merge-status-item">', external);
    expect(withExternal).not.toBe(html);
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      if (request.url() === pullUrl && request.resourceType() === 'document') void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: withExternal });
      else void request.continue();
    });
    await page.goto(pullUrl);
    const { panel, answer } = await acceptChecksCard(page);
    expect(answer).toContain('deploy/preview failed; Tandem could not read its log: its log is on another site');
    expect(answer).toContain('The page says: Failing after 2m — preview build failed.');
    // The same-origin check is still read.
    expect(answer).toContain('Points to: src/sync/client.ts:56');
    expect(elsewhere.requests).toEqual([]);
    await panel.screenshot({ path: 'test-results/check-logs-cross-origin.png', fullPage: true });
    await panel.close();
    await page.close();
  });
});
