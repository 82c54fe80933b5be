// Provider faults and a dying service worker, through the built extension and the panel: every failure
// ends in a message that names the fix, nothing earlier in the conversation is lost, and Retry recovers.
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TandemBrowser } from '../../scripts/browser/launch';
import type { FixtureServer } from '../../scripts/browser/fixture-server';
import { closeSampleSite, launchOnSampleSite } from './support/sample-site';
import type { FakeLlm, FakeTurn, RecordedCall } from '../fake-llm/server';

const STALL_TIMEOUT_MS = 2_000;

let tandem: TandemBrowser;
let site: FixtureServer;
let llm: FakeLlm;

beforeAll(async () => {
  ({ tandem, site, llm } = await launchOnSampleSite({
    llm: {},
    // A short stall timeout keeps the stalled-stream case at seconds instead of the default 30 s.
    provider: { apiKey: 'sk-test-e2e', stallTimeoutMs: STALL_TIMEOUT_MS },
  }));
});

afterAll(() => closeSampleSite({ tandem, site, llm }));

interface TurnSnapshot {
  status: string;
  text: string;
  errorName: string | null;
  errorText: string;
}

const snapshots = (panel: Page): Promise<TurnSnapshot[]> =>
  panel.$$eval('[data-testid="assistant-turn"]', (turns) =>
    turns.map((turn) => {
      const notice = turn.querySelector('[data-testid="error-notice"]');
      return {
        status: turn.getAttribute('data-status') ?? '',
        text: turn.textContent ?? '',
        errorName: notice?.getAttribute('data-error') ?? null,
        errorText: notice?.textContent ?? '',
      };
    }),
  );

const userTurns = (panel: Page): Promise<string[]> =>
  panel.$$eval('[data-testid="user-turn"]', (turns) => turns.map((turn) => turn.textContent ?? ''));

/** Waits until the panel shows `count` assistant turns and the last one has finished one way or another. */
async function settled(panel: Page, count: number, timeout = 30_000): Promise<TurnSnapshot> {
  try {
    await panel.waitForFunction(
      (expected) => {
        const turns = document.querySelectorAll('[data-testid="assistant-turn"]');
        return turns.length >= expected && turns[turns.length - 1]?.getAttribute('data-status') !== 'running';
      },
      { timeout },
      count,
    );
  } catch (error) {
    // Say what the panel showed instead, so a failure reads as a finding, not a bare timeout.
    const shown = await panel.$eval('[data-testid="conversation"]', (element) => element.textContent ?? '');
    throw new Error(`expected ${count} finished assistant turns; the panel shows: ${shown.slice(0, 1500)}`, { cause: error });
  }
  const all = await snapshots(panel);
  const last = all.at(-1);
  if (!last) throw new Error('no assistant turn in the panel');
  return last;
}

/**
 * Scrolls to the end first, as a user does: a reopened panel is not scrolled to its last turn, and the
 * sticky composer covers the bottom of the page, Retry included (a click there lands in the composer).
 */
async function clickRetry(panel: Page): Promise<void> {
  await panel.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await panel.locator('[data-testid="retry"]').click();
}

async function ask(panel: Page, question: string): Promise<TurnSnapshot> {
  // The composer takes a question only once the previous run has fully ended (its port closed).
  await panel.waitForSelector('[data-testid="composer-send"]');
  const before = (await snapshots(panel)).length;
  await panel.type('[data-testid="composer-input"]', question);
  await panel.keyboard.press('Enter');
  return settled(panel, before + 1);
}

async function openPull(label: string): Promise<{ page: Page; tabId: number; panel: Page }> {
  const page = await tandem.browser.newPage();
  // The query makes each case its own page, so each gets its own conversation.
  await page.goto(`${site.origin}/acme/widgets/pull/42?case=${label}`);
  const tabId = await tandem.tabIdOf(page);
  const panel = await tandem.openPanel(tabId);
  await panel.waitForSelector('[data-testid="context-chip"]', { timeout: 15_000 });
  return { page, tabId, panel };
}

const FIRST_QUESTION = 'How many files does this pull request change?';
const FIRST_ANSWER = 'It changes three files.';
const SECOND_QUESTION = 'Which one is the riskiest?';
const RECOVERED_ANSWER = 'The riskiest file is src/sync/retry.ts.';

/** The first question and its answer, as a user would check they are still on screen. */
async function expectFirstExchangeKept(panel: Page): Promise<void> {
  expect((await userTurns(panel))[0]).toContain(FIRST_QUESTION);
  const [first] = await snapshots(panel);
  expect(first?.status).toBe('done');
  expect(first?.text).toContain(FIRST_ANSWER);
}

function lastToolMessage(call: RecordedCall): string {
  const message = [...(call.body?.messages ?? [])].reverse().find((entry) => entry.role === 'tool');
  return typeof message?.content === 'string' ? message.content : '';
}

type Outcome = { status: 'error'; error: string; says: RegExp[] } | { status: 'done'; says: RegExp[] };

interface FaultCase {
  label: string;
  turns: FakeTurn[];
  /** Chat requests the faulty question costs, retries included. */
  requests: number;
  outcome: Outcome;
}

const cases: FaultCase[] = [
  {
    label: 'unauthorized',
    turns: [{ status: 401 }],
    requests: 1,
    outcome: { status: 'error', error: 'AuthError', says: [/API key/, /Settings/, /HTTP 401/] },
  },
  {
    label: 'unknown-model',
    turns: [{ status: 404 }],
    requests: 1,
    outcome: { status: 'error', error: 'ModelNotFoundError', says: [/model "fake-model" was not found/, /Settings/] },
  },
  {
    label: 'rate-limited-then-ok',
    turns: [{ status: 429, retryAfter: 1 }, { text: RECOVERED_ANSWER }],
    requests: 2,
    outcome: { status: 'done', says: [/Retrying in 1 s/, /rate-limiting/, /riskiest file is src\/sync\/retry\.ts/] },
  },
  {
    label: 'server-error-then-ok',
    turns: [{ status: 500 }, { text: RECOVERED_ANSWER }],
    requests: 2,
    outcome: { status: 'done', says: [/Retrying in/, /HTTP 500/, /riskiest file is src\/sync\/retry\.ts/] },
  },
  {
    label: 'server-error-forever',
    // One try and three retries, then the loop gives up.
    turns: [{ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }],
    requests: 4,
    outcome: { status: 'error', error: 'ServerError', says: [/model server failed \(HTTP 500\)/, /try again/] },
  },
  {
    label: 'stream-cut',
    turns: [{ cutAfterChars: 30, text: 'The riskiest file is probably the one that touches the retry logic.' }],
    requests: 1,
    // Whether the 30 characters before the cut reach the panel depends on socket timing, so only the verdict is checked.
    outcome: { status: 'error', error: 'StreamCutError', says: [/ended before the model finished/, /connection dropped/] },
  },
  {
    label: 'stream-stalled',
    turns: [{ stallMs: 15_000 }],
    requests: 1,
    outcome: { status: 'error', error: 'TimeoutError', says: [new RegExp(`sent nothing for ${STALL_TIMEOUT_MS / 1000} s`), /still loading the model; try again/] },
  },
  {
    label: 'malformed-tool-call',
    turns: [
      { toolCalls: [{ name: 'run_script', arguments: '{"code": "return files().length' }] },
      // The model reads the complaint and sends the call again, well-formed this time.
      (call) =>
        /not valid JSON/.test(lastToolMessage(call))
          ? { toolCalls: [{ name: 'run_script', arguments: JSON.stringify({ code: 'return files().length;' }) }] }
          : { text: `The complaint did not reach me: ${lastToolMessage(call).slice(0, 200)}` },
      (call) => ({ text: `Corrected myself; the script says ${JSON.parse(lastToolMessage(call) || '{}').value ?? 'nothing'} files.` }),
    ],
    requests: 3,
    outcome: { status: 'done', says: [/A tool call was malformed/, /not valid JSON/, /Corrected myself; the script says 4 files\./] },
  },
];

describe('provider faults, seen from the panel', () => {
  it.each(cases)('$label: ends in a clear message, keeps the conversation, and recovers', async ({ label, turns, requests, outcome }) => {
    const { page, panel } = await openPull(label);
    llm.script([{ text: FIRST_ANSWER }]);
    expect((await ask(panel, FIRST_QUESTION)).status).toBe('done');

    const callsBefore = llm.chatCalls().length;
    llm.script(turns);
    const started = Date.now();
    const faulty = await ask(panel, SECOND_QUESTION);
    const elapsed = Date.now() - started;
    expect(llm.chatCalls().length - callsBefore).toBe(requests);
    expect(faulty.status).toBe(outcome.status);
    for (const pattern of outcome.says) expect(faulty.text).toMatch(pattern);
    if (outcome.status === 'error') {
      expect(faulty.errorName).toBe(outcome.error);
      expect(await panel.$('[data-testid="retry"]')).not.toBeNull();
    }
    if (label === 'stream-stalled') expect(elapsed).toBeLessThan(STALL_TIMEOUT_MS + 5_000);
    await expectFirstExchangeKept(panel);
    await panel.screenshot({ path: `test-results/faults-${label}.png`, fullPage: true });

    // Closing and reopening the panel shows the same conversation from storage, fault included.
    await panel.close();
    const reopened = await tandem.openPanel(await tandem.tabIdOf(page));
    const shown = await settled(reopened, 2, 15_000);
    await expectFirstExchangeKept(reopened);
    expect(shown.status).toBe(outcome.status);
    if (outcome.status === 'error') {
      expect(shown.errorName).toBe(outcome.error);
      llm.script([{ text: RECOVERED_ANSWER }]);
      await clickRetry(reopened);
      const retried = await settled(reopened, 3);
      expect(retried.status).toBe('done');
      expect(retried.text).toContain(RECOVERED_ANSWER);
      expect((await userTurns(reopened)).at(-1)).toContain(SECOND_QUESTION);
      await expectFirstExchangeKept(reopened);
    }
    await reopened.close();
    await page.close();
  });
});

describe('the service worker stopped mid-answer', () => {
  it('shows the turn as interrupted with Retry, and Retry answers once the worker is back', async () => {
    const { page, tabId, panel } = await openPull('worker-stopped');
    llm.script([{ text: FIRST_ANSWER }]);
    expect((await ask(panel, FIRST_QUESTION)).status).toBe('done');

    const slow = 'Reading the diff file by file. '.repeat(20);
    llm.script([{ text: slow, chunkDelayMs: 100 }]);
    await panel.type('[data-testid="composer-input"]', SECOND_QUESTION);
    await panel.keyboard.press('Enter');
    // Part of the answer is on screen: the worker is mid-stream.
    await panel.waitForFunction(() => {
      const turns = document.querySelectorAll('[data-testid="assistant-turn"]');
      const last = turns[turns.length - 1];
      return turns.length === 2 && last?.getAttribute('data-status') === 'running' && (last.textContent ?? '').includes('Reading the diff');
    }, { timeout: 15_000 });

    // What Chrome does to an idle or crashed worker: the target goes away, ports and fetches with it.
    await tandem.worker.close();

    const interrupted = await settled(panel, 2, 20_000);
    expect(interrupted.status).toBe('error');
    expect(interrupted.errorName).toBe('InterruptedError');
    expect(interrupted.errorText).toMatch(/interrupted/);
    expect(interrupted.errorText).toMatch(/Retry/);
    await expectFirstExchangeKept(panel);
    await panel.screenshot({ path: 'test-results/faults-worker-stopped.png', fullPage: true });

    llm.script([{ text: RECOVERED_ANSWER }]);
    await clickRetry(panel);
    const retried = await settled(panel, 3);
    expect(retried.status).toBe('done');
    expect(retried.text).toContain(RECOVERED_ANSWER);
    await expectFirstExchangeKept(panel);

    // A new worker answered: the restarted one is registered again.
    const restarted = await tandem.browser.waitForTarget((target) => target.type() === 'service_worker' && target.url().endsWith('/background.js'));
    expect(restarted).toBeTruthy();
    await panel.close();
    const reopened = await tandem.openPanel(tabId);
    const shown = await settled(reopened, 3, 15_000);
    expect(shown.text).toContain(RECOVERED_ANSWER);
    await reopened.close();
    await page.close();
  });
});
