// Tandem on GitHub pages beyond pull requests, served as a GitHub Enterprise host the way
// real-github.e2e.ts serves its saved page: a real commit page (excerpt of a saved github.com page, see
// test/fixtures/github/README.md) is read as a commit, not as a generic page, and its card is offered
// and answered offline.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchTandem, type TandemBrowser } from '../../scripts/browser/launch';
import { startFixtureServer, type FixtureServer } from '../../scripts/browser/fixture-server';

const fixtures = fileURLToPath(new URL('../fixtures/github', import.meta.url));
const SHA = '2fa800062b33136871c6cd109d770279c9f88b4a';
const COMMIT_PATH = `/TingGeorge/excalidraw-github-extension-on-chrome/commit/${SHA}`;
// The same saved page at a second address whose server has a `.diff` (the hand-made sample diff): the
// commit's files then come from the `.diff`, as on github.com, and its message from the page.
const COMMIT_WITH_DIFF_PATH = `/acme/widgets/commit/${SHA}`;

let tandem: TandemBrowser | undefined;
let site: FixtureServer | undefined;

beforeAll(async () => {
  await mkdir('test-results', { recursive: true });
  site = await startFixtureServer(fixtures, 0, {
    aliases: {
      [COMMIT_PATH]: 'commit-excalidraw-2fa8000.html',
      [COMMIT_WITH_DIFF_PATH]: 'commit-excalidraw-2fa8000.html',
      [`${COMMIT_WITH_DIFF_PATH}.diff`]: 'pull-sample.diff',
    },
    headers: { 'content-security-policy': "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:" },
  });
  tandem = await launchTandem();
  // No provider: the card must work offline.
  await tandem.configure({ githubHosts: [site.host], ambientHosts: [site.host] });
});

afterAll(async () => {
  await tandem?.close();
  await site?.close();
});

const textOf = (panel: Page, selector: string) => panel.$eval(selector, (element) => element.textContent ?? '');
const CARD = '[data-testid="suggestion-card"][data-rule="commit-change"]';

async function acceptCommitCard(path: string): Promise<{ page: Page; panel: Page; answer: string }> {
  if (!tandem || !site) throw new Error('setup failed');
  const page = await tandem.browser.newPage();
  await page.goto(`${site.origin}${path}`);
  const panel = await tandem.openPanel(await tandem.tabIdOf(page));
  await panel.waitForSelector(CARD, { timeout: 20_000 });
  expect(await panel.$eval('[data-testid="context-chip"]', (chip) => chip.getAttribute('data-kind'))).toBe('github.commit');
  expect(await textOf(panel, `${CARD}`)).toContain('What does this commit change?');
  await panel.click(`${CARD} [data-testid="suggestion-accept"]`);
  await panel.waitForSelector('[data-testid="assistant-turn"] .turn__text', { timeout: 20_000 });
  await panel.waitForFunction(() => (document.querySelector('[data-testid="assistant-turn"] .turn__text')?.textContent ?? '').includes('Reading order'), { timeout: 20_000 });
  return { page, panel, answer: await textOf(panel, '[data-testid="assistant-turn"] .turn__text') };
}

describe('a saved github.com commit page', () => {
  it('is read as a commit: the card says what it changes, in what order to read it, from what the page holds', async () => {
    const { page, panel, answer } = await acceptCommitCard(COMMIT_PATH);
    expect(site?.requests).toContain(`${COMMIT_PATH}.diff`);
    expect(answer).toContain('Add Excalidraw preview extension scaffold: viewer, content script, background');
    expect(answer).toContain('Commit 2fa8000 by claude, 2026-10-09; parent e4413ee.');
    // The server has no .diff: the header's size, and how much was read, said plainly.
    expect(answer).toContain('59 files, +12,505 −4 as the page header says; Tandem read the lines of 1 of them (+5 −0)');
    const steps = await panel.$$eval('[data-testid="assistant-turn"] .turn__text ol > li', (items) => items.map((item) => item.textContent ?? ''));
    expect(steps.map((step) => step.split(':')[0])).toEqual(['Code (40)', 'Tests (2)', 'Build, configuration and CI (10)', 'Docs, samples and assets (6)', 'Generated and lock files (skim or skip) (1)']);
    expect(steps[0]).toMatch(/^Code \(40\): src\/shared\/diff\.ts, /);
    expect(steps[4]).toBe('Generated and lock files (skim or skip) (1): package-lock.json');
    expect(answer).toContain('package.json: dependency manifest');
    await panel.click('[data-testid="context-chip-toggle"]');
    expect(await textOf(panel, '[data-testid="context-details"]')).toContain('Files listed without their lines (not read)');
    await panel.screenshot({ path: 'test-results/github-commit-card.png', fullPage: true });
    await panel.close();
    await page.close();
  });

  it('reads the files from the commit’s .diff where the server has one, and the sandbox helpers see them', async () => {
    const { page, panel, answer } = await acceptCommitCard(COMMIT_WITH_DIFF_PATH);
    expect(site?.requests).toContain(`${COMMIT_WITH_DIFF_PATH}.diff`);
    expect(answer).toContain('5 files changed, +8 −5.');
    expect(answer).toContain('Code (3): src/upload.ts +4 −2, src/retry.ts +3 −0, src/legacy-upload.ts +0 −2 (removed)');
    expect(answer).toContain('src/legacy-upload.ts: file deleted');
    await panel.screenshot({ path: 'test-results/github-commit-card-diff.png', fullPage: true });
    await panel.close();
    await page.close();
  });
});
