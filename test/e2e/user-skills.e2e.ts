// Teach Tandem: a script from an answer's trail becomes the user's own skill, offered as a card on
// matching pages and in the composer's `/` list, run offline in the sandbox under the skill limits.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer';
import type { TandemBrowser } from '../../scripts/browser/launch';
import type { FixtureServer } from '../../scripts/browser/fixture-server';
import { seriousAxeViolations } from './support/axe';
import { closeSampleSite, launchOnSampleSite } from './support/sample-site';
import type { FakeLlm } from '../fake-llm/server';

let tandem: TandemBrowser;
let site: FixtureServer;
let llm: FakeLlm;

beforeAll(async () => {
  ({ tandem, site, llm } = await launchOnSampleSite({ llm: {} }));
});

afterAll(() => closeSampleSite({ tandem, site, llm }));

const MODEL_SCRIPT = "const paths = files().map((file) => file.path);\nview.markdown('Changed: ' + paths.join(', '));\nreturn paths;";
const SKILL_RULE = 'user-changed-files';

async function lastTurnDone(panel: Page, count: number): Promise<string> {
  await panel.waitForFunction(
    (expected) => {
      const turns = document.querySelectorAll('[data-testid="assistant-turn"]');
      return turns.length === expected && turns[expected - 1]?.getAttribute('data-status') !== 'running';
    },
    { timeout: 30_000 },
    count,
  );
  return panel.$$eval('[data-testid="assistant-turn"]', (turns) => (turns.at(-1)?.querySelector('.turn__text')?.textContent ?? turns.at(-1)?.textContent ?? '').trim());
}

/** The value the last turn's script returned, as its trail shows it. */
async function lastValue(panel: Page): Promise<string> {
  return panel.$$eval('[data-testid="assistant-turn"]', (turns) => turns.at(-1)?.querySelector('[data-testid="script-value"]')?.textContent ?? '');
}

async function cardRules(panel: Page): Promise<string[]> {
  return panel.$$eval('[data-testid="suggestion-card"]', (cards) => cards.map((card) => card.getAttribute('data-rule') ?? ''));
}

describe('saved skills', () => {
  let pull: Page;
  let panel: Page;
  let firstAnswer = '';
  let modelValue = '';

  it('saves a model-written script from its trail, edited first, and offers it as a card after a reload', async () => {
    llm.script([{ toolCalls: [{ name: 'run_script', arguments: JSON.stringify({ code: MODEL_SCRIPT }) }] }, { text: 'Three files changed.' }]);
    pull = await tandem.browser.newPage();
    await pull.goto(`${site.origin}/acme/widgets/pull/42`);
    panel = await tandem.openPanel(await tandem.tabIdOf(pull));
    // axe needs an inline script, which the panel's policy forbids.
    await panel.setBypassCSP(true);
    await panel.reload();
    await panel.waitForSelector('[data-testid="context-chip"]');
    await panel.type('[data-testid="composer-input"]', 'Which files changed?');
    await panel.keyboard.press('Enter');
    await lastTurnDone(panel, 1);
    modelValue = await lastValue(panel);
    expect(modelValue).toContain('src/sync/retry.ts');

    await panel.locator('[data-testid="script-trail"] summary').click();
    await panel.locator('[data-testid="script-save-skill"]').click();
    await panel.waitForSelector('[data-testid="save-skill-form"]');
    // The form starts from the question and a pattern for this repository's pull requests.
    expect(await panel.$eval('[data-testid="save-skill-name"]', (input) => (input as HTMLInputElement).value)).toBe('Which files changed?');
    expect(await panel.$eval('[data-testid="save-skill-pattern"]', (input) => (input as HTMLInputElement).value)).toBe(`${site.host}/acme/widgets/pull/*`);
    await panel.$eval('[data-testid="save-skill-name"]', (input) => ((input as HTMLInputElement).value = ''));
    await panel.type('[data-testid="save-skill-name"]', 'Changed files');
    await panel.type('[data-testid="save-skill-description"]', 'Which files this pull request changes');
    // Docs pages too: the docs page below then fails on the pattern alone, not on its kind.
    await panel.locator('[data-testid="save-skill-kind-docs"]').click();
    // The user edits the script before saving: a count leads the answer.
    await panel.$eval('[data-testid="save-skill-code"]', (area) => {
      const box = area as HTMLTextAreaElement;
      box.value = box.value.replace("view.markdown('Changed: '", "view.markdown(paths.length + ' changed: '");
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await panel.screenshot({ path: 'test-results/user-skill-save-form.png', fullPage: true });
    expect(await seriousAxeViolations(panel)).toEqual([]);
    await panel.locator('[data-testid="save-skill-submit"]').click();
    await panel.waitForSelector('[data-testid="save-skill-done"]');

    // Reloaded page and panel: the card is there, from storage.
    await pull.reload();
    await panel.reload();
    await panel.waitForSelector(`[data-testid="suggestion-card"][data-rule="${SKILL_RULE}"]`, { timeout: 15_000 });
    expect(await panel.$eval(`[data-testid="suggestion-card"][data-rule="${SKILL_RULE}"]`, (card) => card.textContent)).toContain('Changed files');
  });

  it('accepting the card runs the saved script offline and gives the same output', async () => {
    const callsBefore = llm.chatCalls().length;
    // The reloaded panel shows the page's conversation again: the model's answer is the first turn.
    await panel.waitForSelector('[data-testid="assistant-turn"]');
    const count = (await panel.$$('[data-testid="assistant-turn"]')).length;
    await panel.locator(`[data-testid="suggestion-card"][data-rule="${SKILL_RULE}"] [data-testid="suggestion-accept"]`).click();
    firstAnswer = await lastTurnDone(panel, count + 1);
    // The user's edit leads the answer; the value is the one the model's script returned.
    expect(firstAnswer).toBe('4 changed: README.md, src/sync/client.ts, src/sync/retry.ts, src/sync/errors.ts');
    expect(await lastValue(panel)).toBe(modelValue);
    expect(llm.chatCalls().length).toBe(callsBefore);
    expect(await panel.$$eval('[data-testid="script-trail"]', (trails) => trails.at(-1)?.textContent ?? '')).toContain('Ran your skill changed-files');
    // Its trail re-runs like a built-in skill's.
    await panel.locator('[data-testid="assistant-turn"]:last-of-type [data-testid="script-trail"] summary').click();
    await panel.locator('[data-testid="assistant-turn"]:last-of-type [data-testid="script-rerun"]').click();
    await panel.waitForFunction(() => document.querySelector('[data-testid="assistant-turn"]:last-of-type .script-trail__rerun-note') !== null);
  });

  it('is not offered on a page its pattern does not fit', async () => {
    const docs = await tandem.browser.newPage();
    await docs.goto(`${site.origin}/docs/retry-guide.html`);
    const docsPanel = await tandem.openPanel(await tandem.tabIdOf(docs));
    await docsPanel.waitForSelector('[data-testid="context-chip"]');
    // The cards come with the page's view, which the context chip shows.
    expect(await cardRules(docsPanel)).not.toContain(SKILL_RULE);
    // Nor in its `/` list.
    await docsPanel.type('[data-testid="composer-input"]', '/');
    await docsPanel.waitForSelector('[data-testid="skill-menu"]');
    expect(await docsPanel.$$eval('[data-testid="skill-menu-option"]', (options) => options.map((option) => option.getAttribute('data-skill')))).not.toContain(SKILL_RULE);
    await docsPanel.close();
    await docs.close();
  });

  it('the composer’s / lists the page’s skills, filters as you type, and Enter runs the chosen one', async () => {
    const count = (await panel.$$('[data-testid="assistant-turn"]')).length;
    await panel.click('[data-testid="composer-input"]');
    await panel.keyboard.type('/');
    await panel.waitForSelector('[data-testid="skill-menu"]');
    const listed = await panel.$$eval('[data-testid="skill-menu-option"]', (options) => options.map((option) => option.getAttribute('data-skill')));
    expect(listed).toContain(SKILL_RULE);
    expect(listed).toContain('pr-risk');
    expect(await panel.$eval('[data-testid="composer-input"]', (box) => box.getAttribute('aria-controls'))).toBe('composer-skill-menu');
    await panel.keyboard.type('chan');
    await panel.waitForFunction(() => document.querySelectorAll('[data-testid="skill-menu-option"]').length >= 1);
    const filtered = await panel.$$eval('[data-testid="skill-menu-option"]', (options) => options.map((option) => option.getAttribute('data-skill')));
    expect(filtered[0]).toBe(SKILL_RULE);
    // Arrow keys move the active option; the box names it for screen readers.
    await panel.keyboard.press('ArrowDown');
    await panel.keyboard.press('ArrowUp');
    const activeId = await panel.$eval('[data-testid="composer-input"]', (box) => box.getAttribute('aria-activedescendant'));
    expect(await panel.$eval(`#${activeId}`, (option) => [option.getAttribute('data-skill'), option.getAttribute('aria-selected')])).toEqual([SKILL_RULE, 'true']);
    await panel.screenshot({ path: 'test-results/user-skill-slash-menu.png' });
    await panel.keyboard.press('Enter');
    const answer = await lastTurnDone(panel, count + 1);
    expect(answer).toBe(firstAnswer);
    expect(await lastValue(panel)).toBe(modelValue);
    expect(await panel.$eval('[data-testid="composer-input"]', (box) => (box as HTMLTextAreaElement).value)).toBe('');
    // Escape closes the list and leaves the text.
    await panel.keyboard.type('/pr');
    await panel.waitForSelector('[data-testid="skill-menu"]');
    await panel.keyboard.press('Escape');
    await panel.waitForFunction(() => document.querySelector('[data-testid="skill-menu"]') === null);
    expect(await panel.$eval('[data-testid="composer-input"]', (box) => (box as HTMLTextAreaElement).value)).toBe('/pr');
    await panel.$eval('[data-testid="composer-input"]', (box) => {
      (box as HTMLTextAreaElement).value = '';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
  });

  it('a saved skill that loops stops at the skill limit with a clear message', async () => {
    const saved = await panel.evaluate(() =>
      chrome.runtime.sendMessage({
        channel: 'tandem',
        name: 'user-skill-save',
        input: { skill: { name: 'Spin forever', description: 'Never ends', kinds: ['github.pull'], urlPattern: '', offer: 'on-demand', code: 'while (true) {}', enabled: true } },
      }),
    );
    expect(saved).toMatchObject({ ok: true, value: { ok: true, skill: { id: 'user-spin-forever' } } });
    const count = (await panel.$$('[data-testid="assistant-turn"]')).length;
    await panel.click('[data-testid="composer-input"]');
    await panel.keyboard.type('/spin');
    await panel.waitForSelector('[data-testid="skill-menu-option"][data-skill="user-spin-forever"]');
    const started = Date.now();
    await panel.keyboard.press('Enter');
    const answer = await lastTurnDone(panel, count + 1);
    expect(answer).toContain('Spin forever failed: Timeout: the script ran longer than 5000 ms');
    expect(Date.now() - started).toBeLessThan(15_000);
    await panel.screenshot({ path: 'test-results/user-skill-loop.png', fullPage: true });
  });

  it('refuses a skill whose code does not parse, saying where', async () => {
    const refused = await panel.evaluate(() =>
      chrome.runtime.sendMessage({
        channel: 'tandem',
        name: 'user-skill-save',
        input: { skill: { name: 'Broken', description: '', kinds: ['github.pull'], urlPattern: '', offer: 'card', code: 'const a = 1;\nconst b = ;', enabled: true } },
      }),
    );
    expect(refused).toMatchObject({ ok: true, value: { ok: false, problems: [expect.stringContaining('the code does not parse (line 2)')] } });
  });
});

describe('managing saved skills in Settings', () => {
  let options: Page;
  const cspErrors: string[] = [];
  let downloads: string;

  beforeAll(async () => {
    downloads = await mkdtemp(join(tmpdir(), 'tandem-export-'));
    // The key the export must leave out.
    await tandem.configure({ provider: { baseUrl: llm.url, model: 'fake-model', apiKey: 'sk-e2e-export-secret-0123456789' } });
    const pull = (await tandem.browser.pages()).find((page) => page.url().includes('/acme/widgets/pull/42'));
    await pull?.bringToFront();
    options = await tandem.browser.newPage();
    // Not bypassed: the editor must work under the extension pages' own policy.
    options.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
    });
    await options.setViewport({ width: 900, height: 1200 });
    await options.goto(`chrome-extension://${tandem.extensionId}/options.html`);
    const client = await options.createCDPSession();
    await client.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
  });

  afterAll(async () => {
    await rm(downloads, { recursive: true, force: true });
  });

  const names = () => options.$$eval('[data-testid="user-skill"] .skill-list__name', (items) => items.map((item) => item.textContent));

  it('lists the saved skills and edits one in CodeMirror, styled under the page’s policy', async () => {
    await options.waitForSelector('[data-testid="user-skill-list"]');
    expect(await names()).toEqual(['Changed files', 'Spin forever']);
    await options.locator('[data-testid="user-skill"][data-skill="user-changed-files"] [data-testid="user-skill-edit"]').click();
    await options.waitForSelector('[data-testid="user-skill-code"][data-editor="ready"] >>> .cm-editor');
    // CodeMirror's own base theme applied (a flex column editor) and the code highlighted.
    expect(await options.$eval('[data-testid="user-skill-code"] >>> .cm-editor', (editor) => getComputedStyle(editor).display)).toBe('flex');
    const colours = await options.$$eval('[data-testid="user-skill-code"] >>> .cm-line span', (spans) => new Set(spans.map((span) => getComputedStyle(span).color)).size);
    expect(colours).toBeGreaterThan(1);
    await options.click('[data-testid="user-skill-code"] >>> .cm-content');
    await options.keyboard.down('Control');
    await options.keyboard.press('End');
    await options.keyboard.up('Control');
    await options.keyboard.type('\n// checked by the team');
    await options.locator('[data-testid="user-skill"][data-skill="user-changed-files"] [data-testid="user-skill-save-code"]').click();
    await options.waitForSelector('[data-testid="user-skill-notice"]');
    const stored = await tandem.worker.evaluate(async () => (await chrome.storage.local.get('user-skills'))['user-skills'] as { id: string; code: string }[]);
    expect(stored.find((skill) => skill.id === 'user-changed-files')?.code).toMatch(/return paths;\n\/\/ checked by the team$/);
    expect(cspErrors).toEqual([]);
  });

  it('tries a skill on the current tab’s page', async () => {
    await options.locator('[data-testid="user-skill"][data-skill="user-changed-files"] [data-testid="user-skill-try"]').click();
    await options.waitForSelector('[data-testid="user-skill-tried"]');
    expect(await options.$eval('[data-testid="user-skill-tried"]', (element) => [element.getAttribute('data-ok'), element.textContent])).toEqual([
      'true',
      expect.stringContaining('src/sync/retry.ts'),
    ]);
    await options.screenshot({ path: 'test-results/user-skill-options.png', fullPage: true });
  });

  it('a skill switched off leaves the panel’s cards', async () => {
    // A new tab: in the old one the card accepted earlier stays out of the deck while the page is open.
    const old = (await tandem.browser.pages()).find((page) => page.url().includes('/acme/widgets/pull/42'));
    const url = old!.url();
    await old!.close();
    const pull = await tandem.browser.newPage();
    await pull.goto(url);
    const panel = await tandem.openPanel(await tandem.tabIdOf(pull));
    await panel.waitForSelector(`[data-testid="suggestion-card"][data-rule="${SKILL_RULE}"]`);
    await options.bringToFront();
    await options.locator('[data-testid="user-skill"][data-skill="user-changed-files"] [data-testid="user-skill-enabled"]').click();
    await options.waitForSelector('[data-testid="user-skill"][data-skill="user-changed-files"][data-enabled="false"]');
    await panel.waitForFunction((rule) => document.querySelector(`[data-testid="suggestion-card"][data-rule="${rule}"]`) === null, {}, SKILL_RULE);
    await options.locator('[data-testid="user-skill"][data-skill="user-changed-files"] [data-testid="user-skill-enabled"]').click();
    await panel.waitForSelector(`[data-testid="suggestion-card"][data-rule="${SKILL_RULE}"]`);
    await panel.close();
  });

  it('exports settings and skills without the key, wipes them, and imports them back', async () => {
    await options.bringToFront();
    await options.locator('[data-testid="settings-export"]').click();
    const file = await waitForFile(downloads);
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('sk-e2e-export-secret');
    expect(text).not.toContain('apiKey');
    const exported = JSON.parse(text) as { format: string; version: number; skills: { name: string; code: string }[]; settings: { provider: { baseUrl: string } } };
    expect([exported.format, exported.version, exported.skills.map((skill) => skill.name)]).toEqual(['tandem-settings', 1, ['Changed files', 'Spin forever']]);

    // Wiped: every skill deleted from the list.
    await options.locator('[data-testid="user-skill"][data-skill="user-spin-forever"] [data-testid="user-skill-delete"]').click();
    await options.locator('[data-testid="user-skill"][data-skill="user-changed-files"] [data-testid="user-skill-delete"]').click();
    await options.waitForSelector('[data-testid="user-skills-empty"]');

    const input = await options.$('[data-testid="settings-import"]');
    await (input as ElementHandle<HTMLInputElement>).uploadFile(file);
    await options.waitForFunction(() => document.querySelector('[data-testid="transfer-notice"]')?.textContent?.includes('Imported'));
    expect(await names()).toEqual(['Changed files', 'Spin forever']);
    const stored = await tandem.worker.evaluate(async () => (await chrome.storage.local.get(['user-skills', 'settings'])) as { 'user-skills': { code: string }[]; settings: { provider: { apiKey: string } } });
    expect(stored['user-skills'].map((skill) => skill.code)).toEqual(exported.skills.map((skill) => skill.code));
    // The key typed in this browser stays: the file named the same provider.
    expect(stored.settings.provider.apiKey).toBe('sk-e2e-export-secret-0123456789');
  });

  it('refuses a bad file, saying what and where, and loses nothing', async () => {
    const before = await tandem.worker.evaluate(async () => JSON.stringify((await chrome.storage.local.get(['user-skills', 'settings']))));
    const good = JSON.parse(await readFile(await waitForFile(downloads), 'utf8')) as { version: number; skills: { name: string; code: string }[] };
    const bad = { ...good, skills: [...good.skills, { ...good.skills[0], name: 'changed FILES' }, { ...good.skills[0], name: 'Broken', code: 'return (' }] };
    const badFile = join(downloads, 'bad.json');
    await writeFile(badFile, JSON.stringify(bad));
    const input = await options.$('[data-testid="settings-import"]');
    await (input as ElementHandle<HTMLInputElement>).uploadFile(badFile);
    await options.waitForFunction(() => document.querySelector('[data-testid="transfer-notice"]')?.textContent?.includes('not imported'));
    const notice = await options.$eval('[data-testid="transfer-notice"]', (element) => element.textContent ?? '');
    expect(notice).toContain('bad.json was not imported; nothing changed');
    expect(notice).toMatch(/skills\[3\] \(“Broken”\): the code does not parse \(line 1\)/);
    expect(notice).toContain('two skills are named “changed FILES”');
    await options.screenshot({ path: 'test-results/user-skill-bad-import.png', fullPage: true });

    const newer = join(downloads, 'newer.json');
    await writeFile(newer, JSON.stringify({ ...good, version: 2 }));
    await (input as ElementHandle<HTMLInputElement>).uploadFile(newer);
    await options.waitForFunction(() => document.querySelector('[data-testid="transfer-notice"]')?.textContent?.includes('newer.json'));
    expect(await options.$eval('[data-testid="transfer-notice"]', (element) => element.textContent)).toContain("the file's version is 2; this Tandem reads version 1");
    const broken = join(downloads, 'broken.json');
    await writeFile(broken, '{"format": "tandem-settings",\n "version": 1,\n "skills": [}');
    await (input as ElementHandle<HTMLInputElement>).uploadFile(broken);
    await options.waitForFunction(() => document.querySelector('[data-testid="transfer-notice"]')?.textContent?.includes('broken.json'));
    expect(await options.$eval('[data-testid="transfer-notice"]', (element) => element.textContent)).toMatch(/the file is not JSON: .* at line 3, column 13$/);

    expect(await tandem.worker.evaluate(async () => JSON.stringify((await chrome.storage.local.get(['user-skills', 'settings']))))).toBe(before);
    expect(await names()).toEqual(['Changed files', 'Spin forever']);
  });
});

async function waitForFile(folder: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const done = (await readdir(folder)).filter((name) => name.startsWith('tandem-settings-') && name.endsWith('.json'));
    if (done[0]) return join(folder, done[0]);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no export file appeared in ${folder}`);
}
