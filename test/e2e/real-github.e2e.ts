// Tandem on a saved real GitHub page (test/fixtures/real/github), served as a GitHub Enterprise host the
// way the sample site is: the defuddle #151 conversation in GitHub's current React layout, whose diff
// Tandem cannot read (the page shows none and the server has no .diff).
import { mkdir } from 'node:fs/promises';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchTandem, type TandemBrowser } from '../../scripts/browser/launch';
import { startFixtureServer, type FixtureServer } from '../../scripts/browser/fixture-server';
import { realFixtures } from '../fixtures/paths';

const PULL_PATH = '/kepano/defuddle/pull/151';

let tandem: TandemBrowser | undefined;
let site: FixtureServer | undefined;

beforeAll(async () => {
  await mkdir('test-results', { recursive: true });
  site = await startFixtureServer(`${realFixtures}/github`, 0, {
    aliases: { [PULL_PATH]: 'pr-conversation-kepano-defuddle-151.html' },
    // The saved page links GitHub's scripts and assets: none of them load, so nothing reaches the network and
    // the DOM stays as saved.
    headers: { 'content-security-policy': "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:" },
  });
  tandem = await launchTandem();
  // No provider: the review draft is a built-in skill.
  await tandem.configure({ githubHosts: [site.host], ambientHosts: [site.host] });
});

afterAll(async () => {
  await tandem?.close();
  await site?.close();
});

const textOf = (panel: Page, selector: string) => panel.$eval(selector, (element) => element.textContent ?? '');

describe('Draft a review on the real defuddle #151 conversation', () => {
  it('says the diff was not read, proposes GitHub’s “Comment” box, and Approve (or Retry after a failure) fills it', async () => {
    if (!tandem || !site) throw new Error('setup failed');
    const page = await tandem.browser.newPage();
    await page.goto(`${site.origin}${PULL_PATH}`);
    const tabId = await tandem.tabIdOf(page);
    const panel = await tandem.openPanel(tabId);

    await panel.waitForSelector('[data-testid="suggestion-card"][data-rule="pull-review-draft"]', { timeout: 20_000 });
    expect(site.requests).toContain(`${PULL_PATH}.diff`);
    await panel.locator('[data-testid="context-chip-toggle"]').click();
    expect(await textOf(panel, '[data-testid="section-not-read-files"]')).toContain('not read — the page shows 6 files, +1,483 −1');

    await panel.locator('[data-testid="suggestion-card"][data-rule="pull-review-draft"] [data-testid="suggestion-accept"]').click();
    await panel.waitForSelector('[data-testid="action-card"][data-status="proposed"]', { timeout: 20_000 });
    // The answer's words, not the trail (whose code holds every sentence the skill may say).
    const answer = await textOf(panel, '[data-testid="assistant-turn"] .turn__text');
    expect(answer).toContain('Tandem could not read the diff on this page (the page shows 6 files, +1,483 −1)');
    expect(answer).not.toMatch(/nothing that stands out/);
    // The preview found the real box by its label.
    await panel.waitForSelector('[data-testid="action-target"]', { timeout: 10_000 });
    expect(await textOf(panel, '[data-testid="action-target"]')).toBe('On the page: “Comment”');
    expect(await panel.$('[data-testid="action-refusal"]')).toBeNull();
    const draft = await textOf(panel, '[data-testid="action-preview"]');
    expect(draft).toContain('I have not been through the diff (6 files, +1,483 −1) yet');
    await panel.screenshot({ path: 'test-results/real-github-review-proposed.png', fullPage: true });

    // The box gone when approved: the card fails, and offers Retry and Dismiss instead of a dead end.
    await page.$eval('#new_comment_field', (box) => {
      box.id = 'moved_comment_field';
    });
    await panel.locator('[data-testid="action-approve"]').click();
    await panel.waitForSelector('[data-testid="action-card"][data-status="failed"]', { timeout: 10_000 });
    expect(await panel.$('[data-testid="action-card"] [data-testid="action-dismiss"]')).not.toBeNull();
    await panel.screenshot({ path: 'test-results/real-github-review-failed.png', fullPage: true });
    await page.$eval('#moved_comment_field', (box) => {
      box.id = 'new_comment_field';
    });
    await panel.locator('[data-testid="action-retry"]').click();
    await panel.waitForSelector('[data-testid="action-card"][data-status="done"]', { timeout: 10_000 });
    expect(await page.$eval('#new_comment_field', (box) => (box as HTMLTextAreaElement).value)).toBe(draft);
    await panel.screenshot({ path: 'test-results/real-github-review-filled.png', fullPage: true });
    await panel.close();
    await page.close();
  });
});
