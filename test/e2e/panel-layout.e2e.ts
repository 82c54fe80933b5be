// How the panel holds up against wide answers at the side panel's real widths: a script's wide table, a
// markdown table and a long tab-indented script must fit, wrap or scroll in their own box, never be
// clipped by the panel. Screenshots go to test-results/ for a person to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import type { TandemBrowser } from '../../scripts/browser/launch';
import type { FixtureServer } from '../../scripts/browser/fixture-server';
import type { FakeLlm } from '../fake-llm/server';
import { seriousAxeViolations } from './support/axe';
import { closeSampleSite, launchOnSampleSite } from './support/sample-site';

let tandem: TandemBrowser;
let site: FixtureServer;
let llm: FakeLlm;

beforeAll(async () => {
  ({ tandem, site, llm } = await launchOnSampleSite({ llm: {} }));
});

afterAll(() => closeSampleSite({ tandem, site, llm }));

/** Indented with tabs, as scripts pasted from an editor often are, with a line far wider than the panel. */
const WIDE_SCRIPT = [
  '// One row per changed file, with every number a reviewer might sort by, and a note long enough to need wrapping in any panel.',
  'const rows = files().map((file) => {',
  '\tconst added = file.additions;',
  '\tconst removed = file.deletions;',
  '\tif (added + removed > 0) {',
  '\t\tconst note = `${file.path} changes ${added + removed} lines across ${file.hunks.length} hunks; the first starts at ${file.hunks[0]?.header ?? "(none)"}`;',
  '\t\treturn { path: file.path, status: file.status, added, removed, net: added - removed, hunks: file.hunks.length, share: Math.round((100 * added) / Math.max(1, added + removed)) + "%", binary: file.binary ? "yes" : "no", note };',
  '\t}',
  '\treturn { path: file.path, status: file.status, added, removed, net: 0, hunks: 0, share: "-", binary: "no", note: "" };',
  '});',
  'view.table(rows, { title: "Every changed file, in detail" });',
  'return rows.length;',
].join('\n');

const WIDE_ANSWER = [
  'Here is the change per file:',
  '',
  '| File | Status | Added | Removed | Net | Hunks | Reviewer | Verdict |',
  '| --- | --- | ---: | ---: | ---: | ---: | --- | --- |',
  '| src/sync/retry.ts | added | 38 | 0 | +38 | 1 | mona | Needs a test for the backoff ceiling before merging |',
  '| src/sync/client.ts | modified | 10 | 5 | +5 | 2 | hubot | Fine once push is no longer retried |',
  '| README.md | modified | 6 | 0 | +6 | 1 | — | Docs only |',
  '',
  'And the retry loop, as written:',
  '',
  '```ts',
  'export async function withRetry<T>(operation: () => Promise<T>, { attempts = 5, baseDelayMs = 100 }: RetryOptions = {}): Promise<T> {',
  '\tfor (let attempt = 1; ; attempt++) {',
  '\t\ttry {',
  '\t\t\treturn await operation();',
  '\t\t} catch (error) {',
  '\t\t\tif (attempt >= attempts) throw error;',
  '\t\t}',
  '\t}',
  '}',
  '```',
].join('\n');

const SHOWN = {
  deck: '[data-testid="suggestion-deck"]',
  'result-table': '[data-testid="result-table"]',
  answer: '.turn__text',
  trail: '[data-testid="script-code"]',
};

/** Anything wider than the panel that the panel itself would cut off (not scrolled inside its own box). */
async function clippedByPanel(panel: Page): Promise<string[]> {
  return panel.evaluate(() => {
    const offenders: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width) offenders.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`);
    const body = document.querySelector('.panel__body');
    if (body && body.scrollWidth > body.clientWidth) offenders.push(`the panel body scrolls sideways (${body.scrollWidth} > ${body.clientWidth})`);
    for (const element of document.querySelectorAll('.panel__body *')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || element.closest('pre, .table-scroll')) continue;
      if (box.right > width + 0.5) offenders.push(`${element.tagName.toLowerCase()}.${element.className} ends at ${Math.round(box.right)} of ${width}`);
    }
    return offenders.slice(0, 10);
  });
}

describe('the panel with wide answers', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`keeps wide tables and long scripts inside the panel at 360 and 480 px (${scheme})`, async () => {
      llm.script([{ toolCalls: [{ name: 'run_script', arguments: JSON.stringify({ code: WIDE_SCRIPT }) }] }, { text: WIDE_ANSWER }]);
      const page = await tandem.browser.newPage();
      await page.goto(`${site.origin}/acme/widgets/pull/42?layout=${scheme}`);
      const tabId = await tandem.tabIdOf(page);
      const panel = await tandem.browser.newPage();
      await panel.setViewport({ width: 360, height: 900 });
      await panel.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      // Open to axe, whose inline script the extension pages' policy forbids.
      await panel.setBypassCSP(true);
      await panel.goto(`chrome-extension://${tandem.extensionId}/sidepanel.html?tabId=${tabId}`);
      await panel.waitForSelector('[data-testid="suggestion-card"]');
      await panel.type('[data-testid="composer-input"]', 'Show every changed file in detail.');
      await panel.keyboard.press('Enter');
      await panel.waitForSelector('[data-testid="assistant-turn"][data-status="done"]', { timeout: 30_000 });
      await panel.locator('[data-testid="script-trail"] summary').click();

      for (const width of [360, 480]) {
        await panel.setViewport({ width, height: 900 });
        // As the user sees each part: scrolled to the top of the panel, at the panel's width.
        for (const [name, selector] of Object.entries(SHOWN)) {
          await panel.$eval(selector, (element) => element.scrollIntoView({ block: 'start' }));
          await panel.screenshot({ path: `test-results/layout-${scheme}-${width}-${name}.png` });
        }
        expect(await clippedByPanel(panel)).toEqual([]);
        // Each wide block scrolls in its own box: all of it can be reached.
        const boxes = await panel.$$eval('.table-scroll, [data-testid="script-code"], .markdown pre', (elements) =>
          elements.map((element) => ({ scrollable: element.scrollWidth <= element.clientWidth || ['auto', 'scroll'].includes(getComputedStyle(element).overflowX) })),
        );
        expect(boxes.every((box) => box.scrollable)).toBe(true);
        // A long note wraps wide enough that no row of the script's table is taller than a few lines.
        const tallestRow = await panel.$eval('[data-testid="result-table"] tbody', (body) => Math.max(...[...body.querySelectorAll('tr')].map((row) => row.getBoundingClientRect().height)));
        expect(tallestRow).toBeLessThan(80);
      }
      // The scroll boxes can be reached by keyboard; checked where they do scroll.
      await panel.setViewport({ width: 360, height: 900 });
      expect(await seriousAxeViolations(panel)).toEqual([]);
      // Tabs in scripts and code blocks take two columns, not eight.
      const tabSizes = await panel.$$eval('[data-testid="script-code"], .markdown pre', (blocks) => blocks.map((block) => getComputedStyle(block).tabSize));
      expect(tabSizes.length).toBeGreaterThanOrEqual(2);
      expect(new Set(tabSizes)).toEqual(new Set(['2']));
      await panel.close();
      await page.close();
    });
  }
});
