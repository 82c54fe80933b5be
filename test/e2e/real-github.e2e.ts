// Tandem on saved real GitHub pages (test/fixtures/real/github), served as a GitHub Enterprise host the
// way the sample site is: the defuddle #151 conversation in GitHub's current React layout, whose diff
// Tandem cannot read (the page shows none and the server has no .diff), and the React #15141 Files tab
// (2019 markup), whose diff Tandem reads from the page.
import { mkdir } from 'node:fs/promises';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchTandem, type TandemBrowser } from '../../scripts/browser/launch';
import { startFixtureServer, type FixtureServer } from '../../scripts/browser/fixture-server';
import { realFixtures } from '../fixtures/paths';

const PULL_PATH = '/kepano/defuddle/pull/151';
const FILES_PATH = '/facebook/react/pull/15141/files';

let tandem: TandemBrowser | undefined;
let site: FixtureServer | undefined;

beforeAll(async () => {
  await mkdir('test-results', { recursive: true });
  site = await startFixtureServer(`${realFixtures}/github`, 0, {
    aliases: { [PULL_PATH]: 'pr-conversation-kepano-defuddle-151.html', [FILES_PATH]: 'pr-files-facebook-react-15141.html' },
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

describe('the pull request cards on the real React #15141 Files tab', () => {
  async function accept(rule: string): Promise<{ panel: Page; page: Page; answer: string }> {
    if (!tandem || !site) throw new Error('setup failed');
    const page = await tandem.browser.newPage();
    await page.goto(`${site.origin}${FILES_PATH}`);
    const panel = await tandem.openPanel(await tandem.tabIdOf(page));
    await panel.waitForSelector(`[data-testid="suggestion-card"][data-rule="${rule}"]`, { timeout: 20_000 });
    // The tab's conversation keeps earlier answers on this page: the card's answer is the newest turn.
    const done = '[data-testid="assistant-turn"][data-status="done"]';
    const before = (await panel.$$(done)).length;
    await panel.click(`[data-testid="suggestion-card"][data-rule="${rule}"] [data-testid="suggestion-accept"]`);
    await panel.waitForFunction((selector, count) => document.querySelectorAll(selector).length > count, { timeout: 20_000 }, done, before);
    const answer = await panel.$$eval(`${done} .turn__text`, (turns) => turns[turns.length - 1]?.textContent ?? '');
    return { panel, page, answer };
  }

  it('“Walk me through this PR” gives a reading order from the diff, not a file list', async () => {
    const { panel, page, answer } = await accept('pull-large-change');
    expect(answer).toContain('Read in this order (13 files, +659 −12)');
    expect(answer).toContain('Entry point: React.js (+21 −1): exposes jsxDEV, jsx and jsxs behind enableJSXTransformAPI');
    expect(answer).toContain('Core: ReactElement.js (+135 −2): adds jsxDEV and jsx (15 branches)');
    expect(answer).toContain('9 files set enableJSXTransformAPI');
    expect(answer).not.toMatch(/Biggest changes|By directory/);
    await panel.screenshot({ path: 'test-results/real-github-walkthrough.png', fullPage: true });
    await panel.close();
    await page.close();
  });

  it('“Which changes lack tests?” names the source its test never names, and not the flag files or the test', async () => {
    const { panel, page, answer } = await accept('pull-untested-changes');
    expect(answer).toContain('Every changed source file has a test in this change, but one is reached only from tests that never name what it adds');
    expect(answer).toContain('ReactElementValidator.js (+127 −9): adds jsxWithValidation');
    expect(answer).toContain('Not counted: 9 files that only set enableJSXTransformAPI.');
    expect(answer).not.toMatch(/score|table above/i);
    await panel.screenshot({ path: 'test-results/real-github-untested.png', fullPage: true });
    await panel.close();
    await page.close();
  });
});
