// Every offline card Tandem offers on the real saved pages (test/fixtures/real), accepted one after another in
// the built extension with no provider, as a user without a key would. The sample site was written with the code;
// these pages were not. Each answer must finish, say something, and carry none of the filler an earlier review
// found; what each card said is written to test-results/real-cards.json and each answer is screenshotted, so a
// person can judge them (the verdict table in the closing notes comes from there).
import { mkdir, writeFile } from 'node:fs/promises';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchTandem, type TandemBrowser } from '../../scripts/browser/launch';
import { startFixtureServer, type FixtureServer } from '../../scripts/browser/fixture-server';
import { realFixtures } from '../fixtures/paths';

/** Saved GitHub pages at the paths github.com gives them, served as an Enterprise host. */
const GITHUB_PAGES: Record<string, string> = {
  '/facebook/react/pull/15141/files': 'pr-files-facebook-react-15141.html',
  '/facebook/react/pull/14876/files': 'pr-files-facebook-react-14876-with-comment.html',
  '/kepano/defuddle/pull/151': 'pr-conversation-kepano-defuddle-151.html',
  '/kepano/defuddle/issues/56': 'issue-kepano-defuddle-56.html',
  '/steventroughtonsmith/marzipanify': 'repo-home-steventroughtonsmith-marzipanify.html',
};

/** Articles, served from a host that is not a GitHub host: Tandem reads them as articles by their content. */
const ARTICLES = ['articles/lwn-1', 'articles/dropbox-blog', 'articles-extra/wikipedia'];

/** Sentences an earlier review found in answers that said nothing; none may come back. */
const FILLER = [/The table above was computed/i, /No model provider/i, /nothing that stands out/i, /score \d/i];

// The saved pages link GitHub's scripts and assets: none load, so nothing reaches the network and the DOM stays as saved.
const SAVED_PAGE_POLICY = "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

interface CardAnswer {
  page: string;
  rule: string;
  title: string;
  answer: string;
  ms: number;
}

let tandem: TandemBrowser | undefined;
let github: FixtureServer | undefined;
let articles: FixtureServer | undefined;
const answers: CardAnswer[] = [];

beforeAll(async () => {
  await mkdir('test-results/real-cards', { recursive: true });
  github = await startFixtureServer(`${realFixtures}/github`, 0, { aliases: GITHUB_PAGES, headers: { 'content-security-policy': SAVED_PAGE_POLICY } });
  articles = await startFixtureServer(realFixtures, 0, { headers: { 'content-security-policy': SAVED_PAGE_POLICY } });
  tandem = await launchTandem();
  await tandem.configure({ githubHosts: [github.host], ambientHosts: [github.host, articles.host] });
});

afterAll(async () => {
  await writeFile('test-results/real-cards.json', `${JSON.stringify(answers, null, 2)}\n`);
  await tandem?.close();
  await github?.close();
  await articles?.close();
});

const slug = (text: string) => text.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();

/** Accepts each card the page offers, top first, and checks every answer. */
async function acceptEveryCard(url: string, name: string): Promise<void> {
  if (!tandem) throw new Error('setup failed');
  const page = await tandem.browser.newPage();
  await page.goto(url);
  const panel: Page = await tandem.openPanel(await tandem.tabIdOf(page));
  await panel.waitForSelector('[data-testid="suggestion-card"]', { timeout: 20_000 });
  const offered = await panel.$$eval('[data-testid="suggestion-card"]', (cards) =>
    cards.map((card) => ({ rule: card.getAttribute('data-rule') ?? '', title: card.querySelector('.card__title')?.textContent ?? '' })),
  );
  expect(offered.length, `${name}: no card`).toBeGreaterThan(0);
  for (const [index, card] of offered.entries()) {
    const started = Date.now();
    await panel.locator(`[data-testid="suggestion-card"][data-rule="${card.rule}"] [data-testid="suggestion-accept"]`).click();
    await panel.waitForFunction(
      (count) => {
        const turns = document.querySelectorAll('[data-testid="assistant-turn"]');
        return turns.length === count && turns[count - 1]?.getAttribute('data-status') !== 'running';
      },
      { timeout: 30_000 },
      index + 1,
    );
    const turn = (await panel.$$('[data-testid="assistant-turn"]'))[index]!;
    const status = await turn.evaluate((element) => element.getAttribute('data-status'));
    const answer = await turn.evaluate((element) => [...element.querySelectorAll('.turn__text')].map((text) => (text as HTMLElement).innerText).join('\n\n'));
    answers.push({ page: name, rule: card.rule, title: card.title, answer, ms: Date.now() - started });
    await turn.screenshot({ path: `test-results/real-cards/${slug(name)}--${slug(card.rule)}.png` });
    expect(status, `${name} · ${card.title}`).toBe('done');
    expect(await turn.$('[data-testid="error-notice"]'), `${name} · ${card.title}: error`).toBeNull();
    expect(answer.trim().length, `${name} · ${card.title}: empty answer`).toBeGreaterThan(40);
    for (const filler of FILLER) expect(answer, `${name} · ${card.title}`).not.toMatch(filler);
  }
  await panel.close();
  await page.close();
}

describe('every offline card on real saved pages', () => {
  for (const path of Object.keys(GITHUB_PAGES)) {
    it(`github ${path}`, async () => {
      if (!github) throw new Error('setup failed');
      await acceptEveryCard(`${github.origin}${path}`, `github${path}`);
    });
  }
  for (const article of ARTICLES) {
    it(`article ${article}`, async () => {
      if (!articles) throw new Error('setup failed');
      await acceptEveryCard(`${articles.origin}/${article}/source.html`, article);
    });
  }
});
