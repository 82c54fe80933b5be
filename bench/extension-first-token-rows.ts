// What the built extension adds to time-to-first-token in Chromium: a question sent from the side panel until the
// answer's first text shows in the panel (panel → port → service worker → settings and storage → openai SDK → fake
// LLM → back), beside the same panel page streaming the very same request from the same server with fetch.
import type { Page } from 'puppeteer';
import { startFixtureServer } from '../scripts/browser/fixture-server';
import { launchTandem } from '../scripts/browser/launch';
import { startFakeLlm, type FakeLlm } from '../test/fake-llm/server';
import { median } from './measure';
import { BenchCheckError, benchRow, type BenchRow } from './rows';

/** Plain text, no tool call: the first token is the answer's first text. */
const ANSWER = 'The first token, then the rest of a short answer.';
const QUESTION = 'What does this pull request change?';
const API_KEY = 'sk-bench';
/** The sample pull request the e2e tests read, served as a GitHub Enterprise host. */
const SITE_ROOT = 'test/fixtures/site';
const PULL_PATH = '/acme/widgets/pull/42';
const ANSWER_TIMEOUT_MS = 20_000;

// Times are epoch milliseconds (timeOrigin + now) so that the panel's, the worker's and this process's line up;
// each row figure is a difference of two times taken in one context, so clock skew only touches the breakdown.
const now = () => performance.timeOrigin + performance.now();

interface AskTimes {
  askedAt: number;
  firstTextAt: number;
}

interface FetchTimes {
  startedAt: number;
  firstContentAt: number;
}

/** An empty conversation (so every question sends the same message list) and the question in the composer. */
async function prepareQuestion(panel: Page): Promise<void> {
  await panel.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="new-chat"]:not([disabled])')?.click());
  await panel.waitForFunction(() => document.querySelector('[data-testid="assistant-turn"]') === null, { timeout: ANSWER_TIMEOUT_MS });
  await panel.evaluate((question) => {
    const box = document.querySelector<HTMLTextAreaElement>('[data-testid="composer-input"]');
    if (!box) throw new Error('the panel has no composer');
    box.value = question;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    box.focus();
  }, QUESTION);
  // The composer sends what its state holds: wait until it has re-rendered with the question.
  await panel.waitForSelector('[data-testid="composer-send"]:not([disabled])', { timeout: ANSWER_TIMEOUT_MS });
}

/**
 * Presses Enter in the composer and resolves when the answer's first text is in the message list, both timed in
 * the panel page. No inner named functions: tsx would wrap them in a helper the page does not have.
 */
function askInPanel(panel: Page): Promise<AskTimes> {
  return panel.evaluate(
    (timeoutMs) =>
      new Promise<AskTimes>((resolve, reject) => {
        const box = document.querySelector('[data-testid="composer-input"]');
        const list = document.querySelector('[data-testid="conversation"]');
        if (!box || !list) {
          reject(new Error('the panel has no composer or message list'));
          return;
        }
        let askedAt = Number.NaN;
        const observer = new MutationObserver(() => {
          const text = document.querySelector('[data-testid="assistant-turn"] .turn__text');
          if (text && (text.textContent ?? '').trim() !== '') {
            const firstTextAt = performance.timeOrigin + performance.now();
            observer.disconnect();
            clearTimeout(timer);
            resolve({ askedAt, firstTextAt });
            return;
          }
          const failed = document.querySelector('[data-testid="assistant-turn"]:not([data-status="running"]), .error-notice');
          if (failed) {
            observer.disconnect();
            clearTimeout(timer);
            reject(new Error(`the run ended without text: ${(failed.textContent ?? '').trim()}`));
          }
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`no answer text within ${timeoutMs} ms; the panel shows: ${(list.textContent ?? '').trim().slice(0, 300)}`));
        }, timeoutMs);
        observer.observe(list, { childList: true, subtree: true, characterData: true });
        askedAt = performance.timeOrigin + performance.now();
        box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      }),
    ANSWER_TIMEOUT_MS,
  );
}

/** Waits for the run to end (its port closed, the composer back) and checks the panel shows the whole answer. */
async function waitForAnswer(panel: Page): Promise<void> {
  await panel.waitForSelector('[data-testid="assistant-turn"][data-status="done"]', { timeout: ANSWER_TIMEOUT_MS });
  await panel.waitForSelector('[data-testid="composer-send"]', { timeout: ANSWER_TIMEOUT_MS });
  const answer = await panel.$eval('[data-testid="assistant-turn"] .turn__text', (element) => (element.textContent ?? '').trim());
  if (answer !== ANSWER) throw new BenchCheckError(`the panel showed "${answer}" instead of the fake model's answer`);
}

/** From the panel page: the same request streamed with fetch, until the first SSE chunk with content is read, then to its end. */
function fetchFromPanel(panel: Page, url: string, body: string): Promise<FetchTimes> {
  return panel.evaluate(
    async (target, payload, apiKey) => {
      const startedAt = performance.timeOrigin + performance.now();
      const response = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${apiKey}` },
        body: payload,
      });
      if (!response.ok || !response.body) throw new Error(`the fake server answered HTTP ${response.status}`);
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      let firstContentAt = Number.NaN;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!Number.isNaN(firstContentAt) || !event.startsWith('data: ') || event === 'data: [DONE]') continue;
          const chunk = JSON.parse(event.slice('data: '.length)) as { choices?: { delta?: { content?: string } }[] };
          if (chunk.choices?.[0]?.delta?.content) firstContentAt = performance.timeOrigin + performance.now();
        }
      }
      return { startedAt, firstContentAt };
    },
    url,
    body,
    API_KEY,
  );
}

/** Markdown with headings, lists, code and links, about 15 KB: what a long answer looks like. */
const LONG_ANSWER = Array.from({ length: 160 }, (_, index) =>
  index % 8 === 0 ? `\n\n## Part ${index / 8 + 1}\n\n- item ${index}\n` : 'The **retry** logic in `src/sync/retry.ts` backs off exponentially; see the [docs](https://example.com). ',
).join('');

/** Question → the whole long answer shown, beside the panel reading the same stream to its end, interleaved. */
async function longAnswerTimes(panel: Page, llm: FakeLlm, body: string, rounds: number): Promise<{ extension: number[]; direct: number[] }> {
  const extension: number[] = [];
  const direct: number[] = [];
  for (let round = 0; round < rounds; round++) {
    await prepareQuestion(panel);
    llm.script([{ text: LONG_ANSWER }]);
    const started = Date.now();
    await panel.keyboard.press('Enter');
    await panel.waitForSelector('[data-testid="assistant-turn"][data-status="done"]', { timeout: 120_000 });
    extension.push(Date.now() - started);
    const shown = await panel.$eval('[data-testid="assistant-turn"] .turn__text', (element) => element.querySelectorAll('h2').length);
    if (shown !== 20) throw new BenchCheckError(`the panel showed ${shown} of the long answer's 20 headings`);
    llm.script([{ text: LONG_ANSWER }]);
    direct.push(
      await panel.evaluate(
        async (target, payload, apiKey) => {
          const begun = performance.now();
          const response = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` }, body: payload });
          await response.text();
          return performance.now() - begun;
        },
        `${llm.url}/chat/completions`,
        body,
        API_KEY,
      ),
    );
  }
  return { extension, direct };
}

/** Medians of the parts of each path, for the note: where the extension's time goes. */
interface Breakdown {
  /** Enter → the openai SDK's fetch starting in the service worker. */
  toWorkerFetch: number[];
  /** That fetch → the request read by the fake server. */
  workerToServer: number[];
  /** The fake server answering → the first text in the panel's message list. */
  serverToPanel: number[];
  /** The panel's fetch → the request read by the fake server. */
  directToServer: number[];
  /** The fake server answering → the first content chunk read by the panel's fetch. */
  serverToDirect: number[];
}

export async function extensionFirstTokenRows(rounds: number, warmups = 3): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const arrivals: number[] = [];
  // One scripted turn per request, so the server notes when each request reached it.
  const queueAnswer = (server: FakeLlm) =>
    server.script([
      () => {
        arrivals.push(now());
        return { text: ANSWER };
      },
    ]);
  const site = await startFixtureServer(SITE_ROOT);
  const llm = await startFakeLlm({ requireApiKey: API_KEY });
  const tandem = await launchTandem();
  try {
    await tandem.configure({
      githubHosts: [site.host],
      ambientHosts: ['github.com', site.host],
      provider: { baseUrl: llm.url, model: 'fake-model', apiKey: API_KEY },
    });
    const page = await tandem.browser.newPage();
    await page.goto(`${site.origin}${PULL_PATH}`, { waitUntil: 'load' });
    const panel = await tandem.openPanel(await tandem.tabIdOf(page));
    await panel.waitForSelector('[data-testid="context-chip"]', { timeout: ANSWER_TIMEOUT_MS });
    await panel.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1_000 })));

    /** The service worker's latest fetch to the model, as it saw it start (Resource Timing), then forgotten. */
    const workerFetchStart = () =>
      tandem.worker.evaluate(() => {
        const entries = performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('/chat/completions'));
        const last = entries.at(-1);
        performance.clearResourceTimings();
        return last ? performance.timeOrigin + last.startTime : Number.NaN;
      });
    const ask = async () => {
      await prepareQuestion(panel);
      queueAnswer(llm);
      const times = await askInPanel(panel);
      await waitForAnswer(panel);
      return { ...times, workerFetchAt: await workerFetchStart(), serverAt: arrivals.at(-1) ?? Number.NaN };
    };

    // The first question (a warm-up too) tells what the extension sends; the direct fetch then sends exactly that.
    await ask();
    const [sent] = llm.chatCalls().slice(-1);
    if (sent?.body?.stream !== true || (sent.body.messages ?? []).length === 0) throw new BenchCheckError('the extension sent no streamed chat request');
    const body = JSON.stringify(sent.body);
    const direct = async () => {
      queueAnswer(llm);
      const times = await fetchFromPanel(panel, `${llm.url}/chat/completions`, body);
      return { ...times, serverAt: arrivals.at(-1) ?? Number.NaN };
    };

    for (let warmup = 0; warmup < warmups; warmup++) {
      await direct();
      await ask();
    }
    const extensionTimes: number[] = [];
    const directTimes: number[] = [];
    const breakdown: Breakdown = { toWorkerFetch: [], workerToServer: [], serverToPanel: [], directToServer: [], serverToDirect: [] };
    // Interleaved, so a busy moment on the machine hits both sides alike.
    for (let round = 0; round < rounds; round++) {
      const asked = await ask();
      const fetched = await direct();
      extensionTimes.push(asked.firstTextAt - asked.askedAt);
      directTimes.push(fetched.firstContentAt - fetched.startedAt);
      breakdown.toWorkerFetch.push(asked.workerFetchAt - asked.askedAt);
      breakdown.workerToServer.push(asked.serverAt - asked.workerFetchAt);
      breakdown.serverToPanel.push(asked.firstTextAt - asked.serverAt);
      breakdown.directToServer.push(fetched.serverAt - fetched.startedAt);
      breakdown.serverToDirect.push(fetched.firstContentAt - fetched.serverAt);
    }
    if (![...extensionTimes, ...directTimes].every(Number.isFinite)) throw new BenchCheckError('a round saw no answer text');
    const long = await longAnswerTimes(panel, llm, body, 3);
    const value = median(extensionTimes);
    const baseline = median(directTimes);
    const part = (values: number[]) => (values.every(Number.isFinite) ? `${median(values).toFixed(1)} ms` : 'unknown');
    const messages = sent.body.messages?.length ?? 0;
    return {
      rows: [
        benchRow({
          group: 'agent',
          name: 'time to first token in Chromium: question sent in the side panel → first answer text in the panel',
          unit: 'ms',
          value,
          baselineName: 'the same request streamed by fetch from the panel page, same server',
          baseline,
          target: { overheadAtMost: 20, why: 'issue #5: the extension adds no noticeable delay to the first token' },
          note:
            `medians of ${rounds} interleaved rounds after ${warmups} warm-ups: extension ${value.toFixed(1)} ms, direct fetch ${baseline.toFixed(1)} ms, overhead ${(value - baseline).toFixed(1)} ms` +
            ` (request of ${(body.length / 1024).toFixed(1)} KB, ${messages} messages, tools included, on the sample pull request)`,
        }),
        benchRow({
          group: 'agent',
          name: `a ${(LONG_ANSWER.length / 1000).toFixed(0)} KB answer streamed at full speed, 4 characters an event: question → whole answer shown in the panel`,
          unit: 'ms',
          value: median(long.extension),
          baselineName: 'the same stream read to its end by fetch from the panel page',
          baseline: median(long.direct),
          target: { overheadAtMost: 1_000, why: 'a long answer shows within a second of arriving, however fast the model writes' },
          note: `medians of ${long.extension.length} interleaved rounds; when every event was passed on and rendered, this answer took 28–34 s to show`,
        }),
      ],
      notes: [
        `Time to first token in Chromium, where the time goes (medians; the worker's and the fake server's clocks are other processes', so ±1 ms): ` +
          `Enter → the SDK's fetch starts in the service worker ${part(breakdown.toWorkerFetch)}, → request read by the server ${part(breakdown.workerToServer)}, → first text in the panel ${part(breakdown.serverToPanel)}; ` +
          `direct: fetch → request read by the server ${part(breakdown.directToServer)}, → first content chunk read ${part(breakdown.serverToDirect)}.`,
      ],
    };
  } finally {
    await tandem.close();
    await site.close();
    await llm.close();
  }
}
