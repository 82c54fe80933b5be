// With no model provider, the cards Tandem offers on saved real GitHub pages (served as an Enterprise host)
// must work offline: the defuddle #56 issue and the marzipanify repository home each get a built-in card,
// and accepting it answers from the page.
import { mkdir } from 'node:fs/promises';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchTandem, type TandemBrowser } from '../../scripts/browser/launch';
import { startFixtureServer, type FixtureServer } from '../../scripts/browser/fixture-server';
import { realFixtures } from '../fixtures/paths';

const ISSUE_PATH = '/kepano/defuddle/issues/56';
const REPO_PATH = '/steventroughtonsmith/marzipanify';

const BLOB_PATH = '/acme/widgets/blob/main/src/a.ts';

let tandem: TandemBrowser | undefined;
let site: FixtureServer | undefined;

beforeAll(async () => {
  await mkdir('test-results', { recursive: true });
  site = await startFixtureServer(`${realFixtures}/..`, 0, {
    // No saved real file view is in the repository yet: the hand-made React one stands in (test/fixtures/github).
    aliases: {
      [ISSUE_PATH]: 'real/github/issue-kepano-defuddle-56.html',
      [REPO_PATH]: 'real/github/repo-home-steventroughtonsmith-marzipanify.html',
      [BLOB_PATH]: 'github/blob-react.html',
    },
    // The saved pages link GitHub's scripts and assets: none of them load, so nothing reaches the network and
    // the DOM stays as saved.
    headers: { 'content-security-policy': "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:" },
  });
  tandem = await launchTandem();
  // No provider on purpose: only built-in skills may be offered.
  await tandem.configure({ githubHosts: [site.host], ambientHosts: [site.host] });
});

afterAll(async () => {
  await tandem?.close();
  await site?.close();
});

const textOf = (panel: Page, selector: string) => panel.$eval(selector, (element) => element.textContent ?? '');

async function acceptOnlyCard(path: string, rule: string, hash = ''): Promise<{ panel: Page; page: Page; answer: string; cards: string[] }> {
  if (!tandem || !site) throw new Error('setup failed');
  const page = await tandem.browser.newPage();
  await page.goto(`${site.origin}${path}${hash}`);
  const panel = await tandem.openPanel(await tandem.tabIdOf(page));
  const card = `[data-testid="suggestion-card"][data-rule="${rule}"]`;
  await panel.waitForSelector(card, { timeout: 20_000 });
  const cards = await panel.$$eval('[data-testid="suggestion-card"]', (elements) => elements.map((element) => element.getAttribute('data-rule') ?? ''));
  await panel.click(`${card} [data-testid="suggestion-accept"]`);
  await panel.waitForSelector('[data-testid="assistant-turn"][data-status="done"] .turn__text', { timeout: 20_000 });
  return { panel, page, answer: await textOf(panel, '[data-testid="assistant-turn"] .turn__text'), cards };
}

describe('offline cards on real saved GitHub pages, no provider set', () => {
  it('the defuddle #56 issue: where it stands, leading with who is left waiting', async () => {
    const { panel, page, answer, cards } = await acceptOnlyCard(ISSUE_PATH, 'issue-discussion');
    // "Find the code this is about" needs a model: not offered.
    expect(cards).toEqual(['issue-discussion']);
    expect(answer.startsWith('Waiting on @kepano (the repository’s owner). masylum asked on 2 Jun 2025')).toBe(true);
    expect(answer).toContain('No one marked as owner, member or collaborator has commented: 6 replies from 3 people over 3 weeks.');
    expect(answer).toContain('TypeError: e3.getComputedStyle is not a function');
    expect(answer).toContain('no pull request or issue is linked or mentioned');
    expect(answer).not.toContain('Defuddle on Cloudflare Workers');
    await panel.screenshot({ path: 'test-results/real-github-issue-summary.png', fullPage: true });
    // The answer is taller than the panel: its start, too.
    await panel.$eval('[data-testid="assistant-turn"]', (turn) => turn.scrollIntoView({ block: 'start' }));
    await panel.screenshot({ path: 'test-results/real-github-issue-summary-top.png' });
    await panel.close();
    await page.close();
  });

  it('the marzipanify repository home: what it is and how to run it', async () => {
    const { panel, page, answer, cards } = await acceptOnlyCard(REPO_PATH, 'repo-how-to-run');
    expect(cards).toEqual(['repo-how-to-run']);
    expect(answer.startsWith('How to run it')).toBe(true);
    expect(answer).toContain('Usage: marzipanify MyApp.app|MyFramework.framework|MyBinary');
    expect(answer).toContain('marzipanify.xcodeproj: an Xcode project');
    expect(answer).toContain('disabling SIP & AMFI');
    expect(answer).toContain('Last commit 7 Jul 2020');
    await panel.screenshot({ path: 'test-results/real-github-repo-overview.png', fullPage: true });
    await panel.close();
    await page.close();
  });

  it('a file view with lines 3–5 selected: what they are part of, and the file’s outline', async () => {
    const { panel, page, answer, cards } = await acceptOnlyCard(BLOB_PATH, 'blob-outline', '#L3-L5');
    expect(cards).toEqual(['blob-outline']);
    expect(answer.startsWith('Lines 3–5 start const value3.')).toBe(true);
    expect(answer).toContain('Declarations (lines 1–45 of 260, as the page showed them)');
    await panel.screenshot({ path: 'test-results/blob-file-outline.png', fullPage: true });
    await panel.close();
    await page.close();
  });
});
