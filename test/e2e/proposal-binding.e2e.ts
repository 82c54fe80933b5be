/// <reference types="chrome" />
// A proposal belongs to the tab and page it was made on. Opened from History on another page, its card
// is shown inert; and the background runs nothing for a message that names it from there, or that
// carries an action of its own instead of naming a stored proposal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import type { TandemBrowser } from '../../scripts/browser/launch';
import type { FixtureServer } from '../../scripts/browser/fixture-server';
import type { FakeLlm } from '../fake-llm/server';
import { closeSampleSite, launchOnSampleSite } from './support/sample-site';

let tandem: TandemBrowser;
let site: FixtureServer;
let llm: FakeLlm;

beforeAll(async () => {
  ({ tandem, site, llm } = await launchOnSampleSite({ llm: {} }));
});

afterAll(() => closeSampleSite({ tandem, site, llm }));

/** What the panel page itself may send the background, as any extension page could. */
function sendFromPanel(panel: Page, name: string, input: unknown): Promise<unknown> {
  return panel.evaluate((envelope) => chrome.runtime.sendMessage(envelope), { channel: 'tandem', name, input });
}

const commentValue = (page: Page) => page.$eval('#new_comment_field', (box) => (box as HTMLTextAreaElement).value);

describe('proposals bound to where they were made', () => {
  it('keeps a card from another page inert, and the background refuses it and any action sent as data', async () => {
    const fill = { type: 'fill', selector: '#new_comment_field', label: 'Comment', text: 'Drafted on pull request 42' };
    llm.script([
      { toolCalls: [{ name: 'propose_action', arguments: JSON.stringify({ action: fill, why: 'Your review draft.' }) }] },
      { text: 'The draft is ready for your approval.' },
    ]);
    const page = await tandem.browser.newPage();
    await page.goto(`${site.origin}/acme/widgets/pull/42`);
    const tabId = await tandem.tabIdOf(page);
    const panel = await tandem.openPanel(tabId);
    await panel.waitForSelector('[data-testid="context-chip"]');
    await panel.type('[data-testid="composer-input"]', 'Draft a review comment');
    await panel.keyboard.press('Enter');
    await panel.waitForSelector('[data-testid="assistant-turn"][data-status="done"]', { timeout: 30_000 });
    await panel.waitForSelector('[data-testid="action-approve"]');
    const stored = await panel.evaluate(async () => {
      const index = (await chrome.storage.local.get(null)) as Record<string, unknown>;
      const conversation = Object.values(index).find((value) => typeof value === 'object' && value !== null && 'turns' in value) as
        { id: string; turns: { id: string; role: string; parts?: { kind: string; proposal?: { callId: string } }[] }[] };
      const turn = conversation.turns.find((candidate) => candidate.role === 'assistant');
      const callId = turn?.parts?.find((part) => part.kind === 'action')?.proposal?.callId;
      return { conversationId: conversation.id, turnId: turn?.id ?? '', callId: callId ?? '' };
    });
    expect(stored.callId).not.toBe('');

    // An action in the message is never run, whatever it asks for.
    const forged = await sendFromPanel(panel, 'action-execute', { tabId, action: fill });
    expect(forged).toMatchObject({ ok: false, error: { name: 'RejectedMessageError' } });
    expect(await commentValue(page)).toBe('');

    // The same tab moves on to another pull request; the conversation is opened from History there.
    await page.goto(`${site.origin}/acme/widgets/pull/42/files`);
    await waitForServedUrl(panel, `${site.origin}/acme/widgets/pull/42/files`);
    await panel.locator('[data-testid="history-open"]').click();
    await panel.waitForSelector('[data-testid="history-item"]');
    await panel.locator('[data-testid="history-item"] .history__open').click();
    await panel.waitForSelector('[data-testid="action-card"]');
    expect(await panel.$eval('[data-testid="action-inert"]', (note) => note.textContent)).toMatch(/made on another page/);
    expect(await panel.$('[data-testid="action-approve"]')).toBeNull();
    await panel.screenshot({ path: 'test-results/proposal-inert.png' });

    // Asked for by name from here, the background refuses it too.
    const fromElsewhere = await sendFromPanel(panel, 'action-execute', { tabId, proposal: stored });
    expect(fromElsewhere).toMatchObject({ ok: true, value: { ok: false, error: { name: 'UnboundProposalError' } } });

    // Back on the page it was made on, it runs once, and only once.
    await page.goto(`${site.origin}/acme/widgets/pull/42`);
    await page.waitForSelector('#new_comment_field');
    await waitForServedUrl(panel, `${site.origin}/acme/widgets/pull/42`);
    const approved = await sendFromPanel(panel, 'action-execute', { tabId, proposal: stored });
    expect(approved).toMatchObject({ ok: true, value: { ok: true } });
    expect(await commentValue(page)).toBe(fill.text);
    const again = await sendFromPanel(panel, 'action-execute', { tabId, proposal: stored });
    expect(again).toMatchObject({ ok: true, value: { ok: false, error: { message: 'This proposal was already decided.' } } });
    await panel.close();
    await page.close();
  });
});

/** The background's view of the tab has caught up with its navigation (the capture ran). */
async function waitForServedUrl(panel: Page, url: string): Promise<void> {
  await panel.waitForFunction(
    async (tabId, expected) => {
      const reply = (await chrome.runtime.sendMessage({ channel: 'tandem', name: 'tab-view-get', input: { tabId } })) as { value?: { context?: { url?: string } } };
      return reply.value?.context?.url === expected;
    },
    { timeout: 20_000, polling: 200 },
    Number(new URL(panel.url()).searchParams.get('tabId')),
    url,
  );
}
