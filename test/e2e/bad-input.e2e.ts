// Hostile pages through the built extension: the capture stays under its size cap, does not freeze the page,
// copes with shadow roots, frames and legacy encodings, and the panel still shows the page and answers input.
import { mkdir, writeFile } from 'node:fs/promises';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchTandem, type TandemBrowser } from '../../scripts/browser/launch';
import {
  bigDomPage, deepShadowPage, frameInnerPage, framesPage, hugeDiff, mutatingPage, pullPage, serveBadInput, shiftJisPage,
  windows1252Page, type BadInputServer, type GeneratedPage,
} from '../fixtures/bad-input/pages';

/** The background keeps a tab's context in session storage; 5 MB is the cap lib/capture enforces on the data. */
const CONTEXT_CAP_BYTES = 5 * 1024 * 1024;
/**
 * Size of the large-DOM page: the full 50 MB (Chromium alone takes 70–100 s to parse it on a two-core
 * machine, so the test takes over a minute). TANDEM_BIG_DOM_MB=16 makes a quicker local run.
 */
const BIG_DOM_MB = Number(process.env.TANDEM_BIG_DOM_MB ?? 50);
/** entrypoints/content/watch-navigation.ts: re-captures are at least this far apart. */
const DEBOUNCE_MS = 400;

let tandem: TandemBrowser;
let site: BadInputServer;
let github: BadInputServer;
const figures: Record<string, Record<string, unknown>> = {};

beforeAll(async () => {
  await mkdir('test-results', { recursive: true });
  site = await serveBadInput(({ origin, otherOrigin }) =>
    new Map<string, GeneratedPage>([
      ['/big-dom', bigDomPage(BIG_DOM_MB)],
      ['/deep-shadow', deepShadowPage(500)],
      ['/frames', framesPage(origin, otherOrigin)],
      ['/frame-inner', frameInnerPage()],
      ['/windows-1252', windows1252Page()],
      ['/shift-jis', shiftJisPage()],
      ['/mutating', mutatingPage(10, 25)],
    ]),
  );
  // A separate origin set up as a GitHub Enterprise host, so its paths read as GitHub routes.
  const pull = await pullPage('test/fixtures/site/acme/widgets/pull/42/index.html');
  github = await serveBadInput(() =>
    new Map<string, GeneratedPage>([
      ['/acme/huge/pull/7', pull],
      // 100 files × 1,000 added lines: 100,000 diff lines, about 5 MB of patch.
      ['/acme/huge/pull/7.diff', hugeDiff(100, 1_000)],
    ]),
  );
  tandem = await launchTandem();
  // Capture's timings on the page's timeline: what the figures below are read from.
  await tandem.configure({ githubHosts: [github.host], ambientHosts: ['github.com', site.host, github.host], captureTimings: true });
});

afterAll(async () => {
  await writeFile('test-results/bad-input-figures.json', `${JSON.stringify(figures, null, 2)}\n`);
  console.info('bad-input figures', JSON.stringify(figures, null, 2));
  await tandem?.close();
  await site?.close();
  await github?.close();
});

interface StoredContext {
  capturedAt: number;
  bytes: number;
  kind: string;
  title: string;
  cut: string[];
  /** Which of the asked-for markers appear anywhere in the stored context. */
  found: string[];
}

async function storedContext(tabId: number, markers: string[] = []): Promise<StoredContext | null> {
  return tandem.worker.evaluate(
    async (id, wanted) => {
      const key = `tab-view:${id}`;
      const stored = await chrome.storage.session.get(key);
      const view = stored[key] as { context: { capturedAt: number; kind: string; title: string; cut?: string[] } } | undefined;
      if (!view) return null;
      const json = JSON.stringify(view.context);
      return {
        capturedAt: view.context.capturedAt,
        bytes: new TextEncoder().encode(json).length,
        kind: view.context.kind,
        title: view.context.title,
        cut: view.context.cut ?? [],
        found: wanted.filter((marker) => json.includes(marker)),
      };
    },
    tabId,
    markers,
  );
}

interface LongTask {
  start: number;
  duration: number;
}

/** Records every long task from the first byte on, in the page's own timeline. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(() => {
    const tasks: { start: number; duration: number }[] = [];
    (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: Math.round(entry.startTime), duration: Math.round(entry.duration) });
    }).observe({ type: 'longtask', buffered: true });
  });
}

interface PageTimings {
  /** performance.timeOrigin + domContentLoadedEventEnd: the content script runs (document_idle) after this. */
  readyAt: number;
  loadAt: number;
  /** Long tasks that started once the document was parsed: the capture's, the page's own scripts'. */
  afterReady: LongTask[];
  maxBeforeReady: number;
}

async function timings(page: Page): Promise<PageTimings> {
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks;
    const ready = navigation.domContentLoadedEventEnd;
    return {
      readyAt: performance.timeOrigin + ready,
      loadAt: performance.timeOrigin + navigation.loadEventEnd,
      afterReady: tasks.filter((task) => task.start >= ready),
      maxBeforeReady: Math.max(0, ...tasks.filter((task) => task.start < ready).map((task) => task.duration)),
    };
  });
}

interface Visit {
  page: Page;
  tabId: number;
  context: StoredContext;
  /** From the document being parsed to the background holding its context. */
  readyToStoredMs: number;
  loadMs: number;
}

async function visit(url: string, markers: string[] = [], timeout = 60_000): Promise<Visit> {
  const page = await tandem.browser.newPage();
  await watchLongTasks(page);
  const started = Date.now();
  await page.goto(url, { waitUntil: 'load', timeout: 600_000 });
  const loadMs = Date.now() - started;
  const tabId = await tandem.tabIdOf(page);
  const deadline = Date.now() + timeout;
  let context: StoredContext | null = null;
  while (!context && Date.now() < deadline) {
    context = await storedContext(tabId, markers);
    if (!context) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!context) throw new Error(`no context stored for ${url} within ${timeout} ms`);
  const storedAt = Date.now();
  const { readyAt } = await timings(page);
  return { page, tabId, context, readyToStoredMs: Math.round(storedAt - readyAt), loadMs };
}

/** Opens the panel on the tab: the chip must show, and typing must echo back promptly. */
async function checkPanel(tabId: number, expectedTitle?: string): Promise<{ chipMs: number; inputEchoMs: number; chipTitle: string }> {
  const panel = await tandem.openPanel(tabId);
  const started = Date.now();
  await panel.waitForSelector('[data-testid="context-chip"]', { timeout: 20_000 });
  const chipMs = Date.now() - started;
  const chipTitle = await panel.$eval('[data-testid="context-chip"]', (chip) => chip.getAttribute('title') ?? '');
  if (expectedTitle !== undefined) expect(chipTitle).toBe(expectedTitle);
  const typed = Date.now();
  await panel.type('[data-testid="composer-input"]', 'still there?');
  expect(await panel.$eval('[data-testid="composer-input"]', (box) => (box as HTMLTextAreaElement).value)).toBe('still there?');
  const inputEchoMs = Date.now() - typed;
  await panel.close();
  return { chipMs, inputEchoMs, chipTitle };
}

const longest = (tasks: LongTask[]) => Math.max(0, ...tasks.map((task) => task.duration));

/**
 * The longest stretch the latest capture held the page's main thread without a break, as the content
 * script measured it. The page's long tasks do not tell: tasks of a content script's isolated world are
 * missing from them, and Chromium 150 lays out a page in one task right after it is parsed whenever any
 * extension has a content script on it (a no-op extension shows the same 4–5 s task on the 50 MB page).
 */
async function tandemLongestSliceMs(page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => performance.getEntriesByName('tandem-capture-longest-slice').at(-1)?.duration ?? null, { timeout: 60_000 });
  return (await handle.jsonValue()) as number;
}

describe('bad input', () => {
  it(`a ${BIG_DOM_MB} MB DOM: the context stays under the cap and the panel shows the page`, async () => {
    const { page, tabId, context, readyToStoredMs, loadMs } = await visit(`${site.origin}/big-dom`, [], 300_000);
    // Let a late capture's long task land in the record before reading it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const { afterReady, maxBeforeReady } = await timings(page);
    const sliceMs = await tandemLongestSliceMs(page);
    const panel = await checkPanel(tabId, 'A very large page');
    figures[`big-dom-${BIG_DOM_MB}mb`] = { loadMs, readyToStoredMs, tandemLongestSliceMs: sliceMs, longestTaskAfterReadyMs: longest(afterReady), longestParseTaskMs: maxBeforeReady, contextBytes: context.bytes, kind: context.kind, cut: context.cut, ...panel };
    expect(context.bytes).toBeLessThan(CONTEXT_CAP_BYTES);
    expect(context.cut.join(' ')).toMatch(/page text after its first \d+ characters|characters of page text|size limit/);
    // Measured at 50 MB: stored about 5 s after the DOM was ready (mostly the page's own layout); capture
    // gives the page a turn between its passes, the longest of which held it 530–890 ms (classify's
    // dashboard check, the text walk), and 1,104 ms once while another test run shared the two cores.
    // The bounds leave room for a loaded machine; the figures file keeps the measured value.
    expect(readyToStoredMs).toBeLessThan(60_000);
    expect(sliceMs).toBeLessThan(2_000);
    expect(panel.inputEchoMs).toBeLessThan(2_000);
    await page.close();
  }, 900_000);

  // The .diff is split and counted on the page in slices that give the page turns, and parsed in the
  // service worker; one parse on the page used to freeze it 0.85–1.7 s.
  it('a pull request with a 100,000-line .diff: capped, and no stretch of capture over 1 s', async () => {
    const { page, tabId, context, readyToStoredMs, loadMs } = await visit(`${github.origin}/acme/huge/pull/7`, ['src/generated/module-0.ts']);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const { afterReady } = await timings(page);
    const sliceMs = await tandemLongestSliceMs(page);
    const panel = await checkPanel(tabId);
    figures['huge-diff'] = { loadMs, readyToStoredMs, tandemLongestSliceMs: sliceMs, longestTaskAfterReadyMs: longest(afterReady), longTasksAfterReady: afterReady.length, contextBytes: context.bytes, kind: context.kind, cut: context.cut.slice(0, 5), cutEntries: context.cut.length, ...panel };
    expect(context.kind).toBe('github.pull');
    expect(context.found).toContain('src/generated/module-0.ts');
    expect(context.bytes).toBeLessThan(CONTEXT_CAP_BYTES);
    // The diff was read from the .diff and cut to the line budget, with the cut said out loud.
    expect(context.cut.join(' ')).toMatch(/diff lines of src\/generated\/module-/);
    expect(sliceMs).toBeLessThan(1_000);
    expect(panel.inputEchoMs).toBeLessThan(2_000);
    await page.close();
  }, 120_000);

  it('500 nested shadow roots: the capture finishes and keeps the light DOM text', async () => {
    const { page, tabId, context, readyToStoredMs } = await visit(`${site.origin}/deep-shadow`, ['Light DOM text before the shadow hosts', 'The deepest shadow root says hello']);
    const { afterReady } = await timings(page);
    const sliceMs = await tandemLongestSliceMs(page);
    const panel = await checkPanel(tabId, 'Deep shadow DOM');
    figures['deep-shadow'] = { readyToStoredMs, tandemLongestSliceMs: sliceMs, longestTaskAfterReadyMs: longest(afterReady), contextBytes: context.bytes, kind: context.kind, found: context.found, ...panel };
    expect(context.found).toContain('Light DOM text before the shadow hosts');
    expect(sliceMs).toBeLessThan(1_000);
    await page.close();
  });

  it('same- and cross-origin iframes (and one that never loads) do not stop the capture of the top page', async () => {
    const { page, tabId, context, readyToStoredMs } = await visit(`${site.origin}/frames`, ['Top document text', 'frame-only-marker']);
    const panel = await checkPanel(tabId, 'Frames');
    figures['frames'] = { readyToStoredMs, contextBytes: context.bytes, kind: context.kind, found: context.found, ...panel };
    expect(context.found).toContain('Top document text');
    // The content script reads the top document only: a frame's text is another document's, and may be another site's.
    expect(context.found).not.toContain('frame-only-marker');
    await page.close();
  });

  it('windows-1252 and Shift_JIS pages declared by <meta charset> are read as the text they show', async () => {
    const latin = await visit(`${site.origin}/windows-1252`, ['“Naïve” crème brûlée costs 5 € – it’s à la carte.']);
    const latinPanel = await checkPanel(latin.tabId, 'Café – prix en €');
    expect(latin.context.title).toBe('Café – prix en €');
    expect(latin.context.found).toHaveLength(1);
    const japanese = await visit(`${site.origin}/shift-jis`, ['日本語 text, 2024.']);
    const japanesePanel = await checkPanel(japanese.tabId, '日本語のページ');
    expect(japanese.context.title).toBe('日本語のページ');
    expect(japanese.context.found).toHaveLength(1);
    figures['windows-1252'] = { readyToStoredMs: latin.readyToStoredMs, contextBytes: latin.context.bytes, ...latinPanel };
    figures['shift-jis'] = { readyToStoredMs: japanese.readyToStoredMs, contextBytes: japanese.context.bytes, ...japanesePanel };
    await latin.page.close();
    await japanese.page.close();
  });

  it('a page that mutates every 10 ms is re-captured no more often than the debounce allows, and stays responsive', async () => {
    const { page, tabId, context, readyToStoredMs } = await visit(`${site.origin}/mutating`);
    const windowMs = 5_000;
    const seen = new Set<number>([context.capturedAt]);
    const started = Date.now();
    while (Date.now() - started < windowMs) {
      const current = await storedContext(tabId);
      if (current) seen.add(current.capturedAt);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const captures = [...seen].sort((left, right) => left - right);
    const gaps = captures.slice(1).map((at, index) => at - (captures[index] ?? at));
    const { afterReady } = await timings(page);
    const sliceMs = await tandemLongestSliceMs(page);
    const panel = await checkPanel(tabId, 'Always changing');
    figures['mutating'] = { readyToStoredMs, recapturesIn5s: captures.length - 1, smallestGapMs: gaps.length > 0 ? Math.min(...gaps) : null, tandemLongestSliceMs: sliceMs, longestTaskAfterReadyMs: longest(afterReady), contextBytes: context.bytes, ...panel };
    expect(captures.length - 1).toBeLessThanOrEqual(Math.ceil(windowMs / DEBOUNCE_MS));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(DEBOUNCE_MS);
    expect(sliceMs).toBeLessThan(1_000);
    expect(longest(afterReady)).toBeLessThan(1_000);
    expect(panel.inputEchoMs).toBeLessThan(2_000);
    await page.close();
  });
});
