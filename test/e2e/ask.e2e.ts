import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import type { TandemBrowser } from '../../scripts/browser/launch';
import type { FixtureServer } from '../../scripts/browser/fixture-server';
import { seriousAxeViolations } from './support/axe';
import { closeSampleSite, launchOnSampleSite } from './support/sample-site';
import type { FakeLlm, RecordedCall } from '../fake-llm/server';

let tandem: TandemBrowser;
let site: FixtureServer;
let llm: FakeLlm;
/** The tab the first test asked in, kept open for the next. */
let askedPage: Page | undefined;

beforeAll(async () => {
  // A local server that refuses extension origins, as Ollama does unless OLLAMA_ORIGINS says otherwise.
  ({ tandem, site, llm } = await launchOnSampleSite({ llm: { requireApiKey: 'sk-test-e2e', refuseExtensionOrigins: true }, provider: { apiKey: 'sk-test-e2e' } }));
});

afterAll(() => closeSampleSite({ tandem, site, llm }));

/** The model's answer quotes the tool result it was sent, so the test sees the script's output reach the answer. */
function answerFromToolResult(call: RecordedCall) {
  const toolMessage = [...(call.body?.messages ?? [])].reverse().find((message) => message.role === 'tool');
  const content = typeof toolMessage?.content === 'string' ? toolMessage.content : '';
  const match = /"path":\s*"([^"]+)"[^}]*"added":\s*(\d+)/.exec(content);
  return { text: match ? `The file with the most added lines is \`${match[1]}\` with ${match[2]} added lines.` : `I could not read the script output: ${content.slice(0, 200)}` };
}

describe('asking a question', () => {
  it('answers by running a script over the pull request, and shows the trail', async () => {
    const script = 'const ranked = topN(files(), 1, (f) => f.additions);\nreturn { path: ranked[0].path, added: ranked[0].additions };';
    llm.script([{ toolCalls: [{ name: 'run_script', arguments: JSON.stringify({ code: script }) }] }, answerFromToolResult]);

    const page = await tandem.browser.newPage();
    await page.goto(`${site.origin}/acme/widgets/pull/42`);
    const panel = await tandem.openPanel(await tandem.tabIdOf(page));
    await panel.waitForSelector('[data-testid="context-chip"]');
    await panel.type('[data-testid="composer-input"]', 'Which file has the most added lines?');
    await panel.keyboard.press('Enter');

    await panel.waitForFunction(() => document.querySelector('[data-testid="assistant-turn"]')?.getAttribute('data-status') === 'done', { timeout: 30_000 });
    const answer = await panel.$eval('[data-testid="assistant-turn"]', (element) => element.textContent ?? '');
    // src/sync/retry.ts is a new 38-line file: the largest addition in the sample diff.
    expect(answer).toContain('src/sync/retry.ts');
    expect(answer).toContain('38 added lines');
    expect(await panel.$eval('[data-testid="script-trail"]', (element) => element.getAttribute('data-ok'))).toBe('true');
    expect(await panel.$eval('[data-testid="script-code"]', (element) => element.textContent)).toContain('topN(files(), 1');

    const [first] = llm.chatCalls();
    // The declarativeNetRequest rule took the extension's Origin off the request to the local server.
    expect(first?.headers.origin).toBeUndefined();
    const prompt = JSON.stringify(first?.body?.messages ?? []);
    expect(prompt).toContain('Which file has the most added lines?');
    expect(prompt).toContain('<page-data>');

    await panel.locator('[data-testid="script-trail"] summary').click();
    await panel.screenshot({ path: 'test-results/ask-panel.png', fullPage: true });

    // Re-run on the current page data gives the same value again, from the sandbox, not the model.
    await panel.locator('[data-testid="script-rerun"]').click();
    await panel.waitForFunction(() => document.querySelector('.script-trail__rerun-note') !== null);
    expect(await panel.$eval('[data-testid="script-value"]', (element) => element.textContent)).toContain('"added": 38');
    await panel.close();
    askedPage = page;
  });

  it('works with a model that cannot call tools: its ```js block runs in the sandbox and the answer uses the output', async () => {
    llm.script([
      { status: 400, message: 'registry.ollama.ai/library/gemma:2b does not support tools' },
      { text: 'Let me count them.\n```js\nreturn files().length;\n```' },
      (call) => {
        const last = call.body?.messages?.at(-1);
        const output = last?.role === 'user' ? String(last.content) : '';
        const match = /"value":\s*(\d+)/.exec(output);
        return { text: match ? `It changes ${match[1]} files.` : `No script output reached me: ${output.slice(0, 200)}` };
      },
    ]);
    const before = llm.chatCalls().length;
    const page = await tandem.browser.newPage();
    await page.goto(`${site.origin}/acme/widgets/pull/42?model=no-tools`);
    const panel = await tandem.openPanel(await tandem.tabIdOf(page));
    await panel.waitForSelector('[data-testid="context-chip"]');
    await panel.type('[data-testid="composer-input"]', 'How many files change?');
    await panel.keyboard.press('Enter');
    await panel.waitForSelector('[data-testid="assistant-turn"][data-status="done"]', { timeout: 30_000 });
    const calls = llm.chatCalls().slice(before);
    expect(calls.map((call) => call.body?.tools === undefined)).toEqual([false, true, true]);
    expect(await panel.$eval('[data-testid="script-trail"]', (element) => element.getAttribute('data-ok'))).toBe('true');
    // The sample pull request changes four files.
    expect(await panel.$eval('[data-testid="assistant-turn"]', (element) => element.textContent ?? '')).toContain('It changes 4 files.');
    await panel.screenshot({ path: 'test-results/ask-text-fallback.png', fullPage: true });
    await panel.close();
    await page.close();
  });

  it('shows the tables and charts a script makes, with the answer', async () => {
    const script = [
      'const rows = sortBy(files().map((file) => ({ path: file.path, added: file.additions, removed: file.deletions })), "added", "desc");',
      'view.table(rows, { title: "Lines changed per file" });',
      'view.chart({ name: "added", values: rows.map((row) => row.added), labels: rows.map((row) => row.path) }, { title: "Added lines" });',
      'view.chart([{ name: "added", values: [38, 48, 54, 58] }, { name: "removed", values: [0, 5, 5, 6] }], { title: "Running totals" });',
      'view.chart([{ name: "added", values: rows.map((row) => row.added * 1000), labels: rows.map((row) => row.path) }, { name: "removed", values: rows.map((row) => -row.removed * 1000) }], { title: "Both ways, scaled" });',
      'return rows.length;',
    ].join('\n');
    llm.script([{ toolCalls: [{ name: 'run_script', arguments: JSON.stringify({ code: script }) }] }, { text: 'The table and chart above show each file; `src/sync/retry.ts` adds the most.' }]);
    const page = await tandem.browser.newPage();
    await page.goto(`${site.origin}/acme/widgets/pull/42?ask=views`);
    // Dark, and open to axe (extension pages forbid the inline script it needs).
    const panel = await tandem.browser.newPage();
    await panel.setViewport({ width: 420, height: 800 });
    await panel.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await panel.setBypassCSP(true);
    await panel.goto(`chrome-extension://${tandem.extensionId}/sidepanel.html?tabId=${await tandem.tabIdOf(page)}`);
    await panel.waitForSelector('[data-testid="context-chip"]');
    await panel.type('[data-testid="composer-input"]', 'Show the lines changed per file.');
    await panel.keyboard.press('Enter');
    await panel.waitForSelector('[data-testid="assistant-turn"][data-status="done"]', { timeout: 30_000 });
    await panel.screenshot({ path: 'test-results/ask-views.png', fullPage: true });
    // The first table and chart are the ones shown with the answer; the trail's details repeat them.
    const cells = await panel.$eval('[data-testid="result-table"]', (table) => [...table.querySelectorAll('tbody tr')].map((row) => row.querySelector('td')?.textContent));
    expect(cells).toEqual(['src/sync/retry.ts', 'src/sync/client.ts', 'README.md', 'src/sync/errors.ts']);
    // Labelled values are compared as bars, each with its label and value.
    const bars = await panel.$eval('[data-testid="result-chart"]', (chart) => ({
      kind: chart.getAttribute('data-kind'),
      rows: [...chart.querySelectorAll('.bar-chart__row')].map((row) => `${row.querySelector('.bar-chart__label')?.textContent} ${row.querySelector('.bar-chart__value')?.textContent}`),
    }));
    // A screen reader hears each value with its series' name.
    expect(bars).toEqual({ kind: 'bars', rows: ['src/sync/retry.ts added: 38', 'src/sync/client.ts added: 10', 'README.md added: 6', 'src/sync/errors.ts added: 4'] });
    // Two labelled series: a bar each per label, the negative one still named and signed.
    const both = await panel.$$eval('[data-testid="result-chart"][data-kind="bars"]', (charts) => [...(charts[1]?.querySelectorAll('.bar-chart__value') ?? [])].slice(0, 2).map((value) => value.textContent));
    expect(both).toEqual(['added: 38,000', 'removed: 0']);
    // Values along an axis are a line per series, with a legend.
    const line = await panel.$$eval('[data-testid="result-chart"][data-kind="line"]', (charts) =>
      charts.slice(0, 1).map((chart) => ({ lines: chart.querySelectorAll('polyline').length, legend: chart.querySelector('.result-chart__legend')?.textContent })),
    );
    expect(line).toEqual([{ lines: 2, legend: 'addedremoved0 – 58' }]);
    expect(await seriousAxeViolations(panel)).toEqual([]);
    await panel.close();
    await page.close();
  });

  it('stops a streaming answer on Stop and keeps what came, also after the panel reopens', async () => {
    const slow = 'Reading the diff file by file, and this answer keeps going. '.repeat(30);
    llm.script([{ text: slow, chunkDelayMs: 50 }]);
    const page = await tandem.browser.newPage();
    await page.goto(`${site.origin}/acme/widgets/pull/42?ask=stop`);
    const panel = await tandem.openPanel(await tandem.tabIdOf(page));
    await panel.waitForSelector('[data-testid="context-chip"]');
    await panel.type('[data-testid="composer-input"]', 'Walk me through the diff.');
    await panel.keyboard.press('Enter');
    await panel.waitForFunction(() => (document.querySelector('[data-testid="assistant-turn"] .turn__text')?.textContent ?? '').length > 20, { timeout: 15_000 });
    await panel.locator('[data-testid="composer-stop"]').click();
    await panel.waitForSelector('[data-testid="assistant-turn"][data-status="stopped"]', { timeout: 10_000 });
    const kept = await panel.$eval('[data-testid="assistant-turn"] .turn__text', (element) => element.textContent ?? '');
    // What had streamed is kept: a start of the answer, not all of it.
    expect(kept.trim().length).toBeGreaterThanOrEqual(20);
    expect(slow.startsWith(kept.trim())).toBe(true);
    expect(kept.trim().length).toBeLessThan(slow.trim().length);
    // The composer is back, and the stopped turn stays stopped when the panel opens again.
    await panel.waitForSelector('[data-testid="composer-send"]');
    await panel.close();
    const reopened = await tandem.openPanel(await tandem.tabIdOf(page));
    await reopened.waitForSelector('[data-testid="assistant-turn"][data-status="stopped"]', { timeout: 10_000 });
    await reopened.close();
    await page.close();
  });

  it('strips the Origin of Tandem’s own requests only: a web page’s request to the local server keeps it', async () => {
    const page = await tandem.browser.newPage();
    await page.goto(`${site.origin}/acme/widgets/pull/42`);
    const before = llm.calls.length;
    // A simple cross-origin GET in CORS mode: it reaches the server (whose reply the page may not read), with its Origin.
    await page.evaluate((url) => fetch(`${url}/models`).then(() => undefined, () => undefined), llm.url);
    await expect.poll(() => llm.calls.length).toBeGreaterThan(before);
    expect(llm.calls.at(-1)?.headers.origin).toBe(site.origin);
    await page.close();
  });

  it('keeps the conversation of the tab when the panel is closed and opened again; another tab starts its own', async () => {
    const page = askedPage;
    if (!page) throw new Error('the first test left no tab');
    const panel = await tandem.openPanel(await tandem.tabIdOf(page));
    await panel.waitForSelector('[data-testid="assistant-turn"][data-status="done"]', { timeout: 15_000 });
    expect(await panel.$eval('[data-testid="user-turn"]', (element) => element.textContent)).toContain('Which file has the most added lines?');
    await panel.close();

    const otherTab = await tandem.browser.newPage();
    await otherTab.goto(`${site.origin}/acme/widgets/pull/42`);
    const otherPanel = await tandem.openPanel(await tandem.tabIdOf(otherTab));
    await otherPanel.waitForSelector('[data-testid="context-chip"]');
    // Given time to arrive, the first tab's conversation still does not show here.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await otherPanel.$('[data-testid="user-turn"]')).toBeNull();
    await otherPanel.close();
    await otherTab.close();
    await page.close();
  });
});
